// Sorts a documents-list entry into what it is for the user (approval, denial, RFE, biometrics notice, ...).
// Lenient and keyword-based on `type`; only a USCIS-generated document can be a decision (an upload never is).

import type { CaseDocument } from '../myuscis/schemas';

export const DOCUMENT_KINDS = [
  'approval',
  'denial',
  'rfe',
  'biometrics-reuse',
  'appointment',
  'receipt',
  'applicant-upload',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * First match wins. A Notice of Intent to Deny is a request (it says "deny"), so requests come before denials;
 * reuse notices mention biometrics, so they come before appointments.
 */
const KIND_WORDS: ReadonlyArray<readonly [RegExp, DocumentKind]> = [
  [/request for (additional )?evidence|\brfe\b|intent to deny|\bnoid\b/, 'rfe'],
  [/\bden(ial|ied|y)\b/, 'denial'],
  [/approv/, 'approval'],
  [/\bre-?us(e|ed|ing)\b/, 'biometrics-reuse'],
  [/appointment|biometric|fingerprint/, 'appointment'],
  [/receipt|acceptance/, 'receipt'],
];
const DECISIONS: ReadonlySet<DocumentKind> = new Set(['approval', 'denial']);

export function classifyDocument(document: Pick<CaseDocument, 'type' | 'sourceType'>): DocumentKind {
  const source = (document.sourceType ?? '').toLowerCase();
  if (source.includes('applicant')) return 'applicant-upload';
  const type = (document.type ?? '').toLowerCase().replace(/\s+/g, ' ');
  const kind = KIND_WORDS.find(([words]) => words.test(type))?.[1] ?? 'other';
  return DECISIONS.has(kind) && !/uscis generated/.test(source.replace(/\s+/g, ' ')) ? 'other' : kind;
}
