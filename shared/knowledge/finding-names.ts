// What each finding is called in plain words, in English and Spanish: one list for the dashboard's What's new and
// the printable record. Names only: what is found, and when, is decided by the engine.

import type { Localized } from '../localized';
import type { FindingType } from '../monitor/findings';

export const FINDING_NAMES: Record<FindingType, Localized> = {
  'new-document': { en: 'New document in your account', es: 'Documento nuevo en su cuenta' },
  'silent-approval': { en: 'Approval before the status changed', es: 'Aprobación antes del cambio de estatus' },
  'likely-approved': { en: 'Likely approval (a reported code, not confirmed)', es: 'Probable aprobación (un código reportado, sin confirmar)' },
  approved: { en: 'Approved', es: 'Aprobado' },
  denied: { en: 'Denied', es: 'Denegado' },
  'case-ended': { en: 'Decided without approval (rejected, terminated, withdrawn or closed)', es: 'Decidido sin aprobación (rechazado, terminado, retirado o cerrado)' },
  rfe: { en: 'Request for Evidence', es: 'Solicitud de Evidencia (RFE)' },
  'biometrics-appointment': { en: 'Biometrics appointment', es: 'Cita de datos biométricos' },
  'biometrics-reuse': { en: 'Earlier biometrics reused', es: 'Reutilización de datos biométricos anteriores' },
  'status-change': { en: 'The status text changed', es: 'Cambió el texto del estatus' },
  'new-event': { en: 'USCIS recorded a step on the case', es: 'USCIS registró un paso en el caso' },
  'new-notice': { en: 'A notice is on its way by mail', es: 'Un aviso viene en camino por correo postal' },
  'card-produced': { en: 'Card being produced', es: 'Tarjeta en producción' },
  'card-mailed': { en: 'Card mailed', es: 'Tarjeta enviada por correo' },
  'card-delivered': { en: 'Card delivered', es: 'Tarjeta entregada' },
  'case-touched': { en: 'USCIS touched the record (no news, not a decision)', es: 'USCIS tocó el expediente (sin novedad, no es una decisión)' },
  'i821d-approved-inferred': { en: 'DACA request approved (shown by the work permit)', es: 'Solicitud de DACA aprobada (lo indica el permiso de trabajo)' },
};

/** The names in one language, for a dictionary keyed by finding type. */
export function findingNamesIn(lang: 'en' | 'es'): Record<FindingType, string> {
  return Object.fromEntries(Object.entries(FINDING_NAMES).map(([type, name]) => [type, name[lang]])) as Record<FindingType, string>;
}
