// The cases listed on the account's applicant page (the CaseCardsApp JSON), as the app keeps them:
// receipt, form and filing date only. The schema is the contract; parsing the page lives elsewhere.

import { z } from 'zod';

export const AccountCaseSchema = z.object({
  receipt: z.string().regex(/^IOE\d{10}$/),
  /** "I-821D", "I-765", ... as USCIS gives it; null when the page did not say. */
  formType: z.string().max(32).nullable(),
  /** YYYY-MM-DD, when the page gave it. */
  submissionDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Companion receipts USCIS lists for this case (often empty). */
  concurrentReceipts: z.array(z.string().regex(/^IOE\d{10}$/)).max(10),
});
export type AccountCase = z.output<typeof AccountCaseSchema>;

/** What the applicant page last listed, and when it was read (null: never read). */
export const AccountCasesSchema = z.object({
  readAt: z.iso.datetime().nullable().default(null),
  cases: z.array(AccountCaseSchema).max(50).default([]),
});
export type AccountCases = z.output<typeof AccountCasesSchema>;
