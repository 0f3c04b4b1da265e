// The words the knowledge base classifies with: where a case stands (stage), how sure a reading is (confidence).
// Vocabulary only: no reading of codes, titles or documents here, and no wording beyond the stage names.

import type { Localized } from '../localized';

export const STAGES = [
  'filed',
  'biometrics',
  'review',
  'evidence-request',
  'approved',
  'denied',
  /** Decisions other than approval (MYUSCIS.md "Seen since"): each ends the request as a denial does. */
  'rejected',
  'terminated',
  'withdrawn',
  'admin-closed',
  /** A code of the families trackers list with those decisions (EX, EZ, AF), which does not say which one. */
  'ended',
  'card-ordered',
  'card-produced',
  'card-mailed',
  'card-delivered',
  'card-returned',
  'hold',
  'transfer',
  'other',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * A finer step inside a stage: biometrics are scheduled, taken or reused; an evidence request is a request or
 * the response to one. Only those two stages have steps.
 */
export type Step = 'scheduled' | 'taken' | 'reused' | 'request' | 'response';

/**
 * official: matches a USCIS status title (or was seen paired with one); community: what public trackers
 * report; disputed: trackers disagree (both readings are given); unknown: in no list at all.
 */
export type Confidence = 'official' | 'community' | 'disputed' | 'unknown';

export const STAGE_NAMES: Record<Stage, Localized> = {
  filed: { en: 'Filed', es: 'Presentado' },
  biometrics: { en: 'Biometrics', es: 'Datos biométricos' },
  review: { en: 'Under review', es: 'En revisión' },
  'evidence-request': { en: 'Request for Evidence', es: 'Solicitud de Evidencia (RFE)' },
  approved: { en: 'Approved', es: 'Aprobado' },
  denied: { en: 'Denied', es: 'Denegado' },
  rejected: { en: 'Rejected (not accepted)', es: 'Rechazado (no fue aceptado)' },
  terminated: { en: 'Terminated', es: 'Terminado' },
  withdrawn: { en: 'Withdrawn', es: 'Retirado' },
  'admin-closed': { en: 'Closed without a decision', es: 'Cerrado sin una decisión' },
  ended: { en: 'Decided, not approved', es: 'Decidido, sin aprobación' },
  'card-ordered': { en: 'Card ordered', es: 'Tarjeta ordenada' },
  'card-produced': { en: 'Card being produced', es: 'Tarjeta en producción' },
  'card-mailed': { en: 'Card mailed', es: 'Tarjeta enviada por correo' },
  'card-delivered': { en: 'Card delivered', es: 'Tarjeta entregada' },
  'card-returned': { en: 'Card returned to USCIS', es: 'Tarjeta devuelta a USCIS' },
  hold: { en: 'On hold', es: 'En pausa' },
  transfer: { en: 'Moved to another office', es: 'Trasladado a otra oficina' },
  other: { en: 'Other', es: 'Otro' },
};

/**
 * How far along a case is at each stage, for picking the furthest one. Side stages (hold, transfer, other)
 * say nothing about progress; a denial (or another ending) ends the case whatever came before it.
 */
export const STAGE_PROGRESS: Record<Stage, number> = {
  other: 0,
  hold: 0,
  transfer: 0,
  filed: 1,
  biometrics: 2,
  review: 3,
  'evidence-request': 3,
  approved: 4,
  'card-ordered': 5,
  'card-produced': 6,
  'card-mailed': 7,
  'card-returned': 8,
  'card-delivered': 9,
  denied: 10,
  rejected: 10,
  terminated: 10,
  withdrawn: 10,
  'admin-closed': 10,
  ended: 10,
};

/** The stages that end a request without an approval: denied, rejected, terminated, withdrawn, closed. */
export const ENDING_STAGES = ['denied', 'rejected', 'terminated', 'withdrawn', 'admin-closed', 'ended'] as const satisfies readonly Stage[];
export type EndingStage = (typeof ENDING_STAGES)[number];

/** A decision other than approval: the request is over, not pending. */
export function isEndingStage(stage: Stage | 'unknown'): stage is EndingStage {
  return (ENDING_STAGES as readonly string[]).includes(stage);
}

/** Approved, or a card stage (a card is made only after an approval); never a denial or another ending. */
export function isApprovedStage(stage: Stage): boolean {
  return !isEndingStage(stage) && STAGE_PROGRESS[stage] >= STAGE_PROGRESS.approved;
}
