// What the monitor engine can find when it compares a check with the last good one, as data both
// processes share (the dashboard lists findings; the main process notifies). No detection logic here.

import { z } from 'zod';

export const FINDING_TYPES = [
  'new-document',
  'silent-approval',
  /** Only a reported approval code (APR0) shows it: a likely approval, told as such. */
  'likely-approved',
  'approved',
  'denied',
  /**
   * A decision other than approval or denial: rejected, terminated, withdrawn or closed without a decision
   * (`detail.outcome` says which). Like a denial, it ends the DACA request and the work permit request with it.
   */
  'case-ended',
  'rfe',
  'biometrics-appointment',
  'biometrics-reuse',
  'status-change',
  'new-event',
  'new-notice',
  'card-produced',
  'card-mailed',
  'card-delivered',
  'case-touched',
  /** Pair finding: the I-765 shows a card or an approval, so the I-821D was approved. */
  'i821d-approved-inferred',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export const FindingSchema = z.object({
  /** Stable identity: the same fact found again (after a restart, a re-emit) has the same key. */
  key: z.string().min(1),
  type: z.enum(FINDING_TYPES),
  receipt: z.string(),
  /** When the engine found it (ISO). */
  foundAt: z.string(),
  /** When USCIS says it happened, if it says (ISO). */
  happenedAt: z.string().optional(),
  /** Whether it was inferred rather than reported by USCIS (e.g. biometrics reuse from a notice). */
  inferred: z.boolean().default(false),
  /** Facts behind it, for the dashboard and the notification text. */
  detail: z
    .object({
      documentType: z.string().optional(),
      source: z.enum(['uscis', 'applicant']).optional(),
      code: z.string().optional(),
      title: z.string().optional(),
      titleSpanish: z.string().optional(),
      previousTitle: z.string().optional(),
      appointmentAt: z.string().optional(),
      /** case-ended: 'rejected', 'terminated', 'withdrawn', 'admin-closed' or 'ended' (a stored value no longer known reads as 'ended'). */
      outcome: z.string().optional(),
      /** Which signals it rests on: 'document', 'code', 'title', 'event', 'inference'. */
      evidence: z.array(z.string()).default([]),
    })
    .default({ evidence: [] }),
});
export type Finding = z.output<typeof FindingSchema>;
export type FindingInput = z.input<typeof FindingSchema>;
