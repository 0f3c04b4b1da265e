// Sorts a documents-list entry into what it is for the user (approval, denial, RFE, biometrics notice, ...), and
// tells whether two entries are one document. Keyword-based; only a USCIS-generated document can be a decision.

import type { CaseDocument } from '../myuscis/schemas';

export const DOCUMENT_KINDS = [
  'approval',
  'denial',
  /** Decisions other than approval or denial (MYUSCIS.md "Seen since"). */
  'termination',
  'rejection',
  'withdrawal',
  'closure',
  'rfe',
  'biometrics-reuse',
  'appointment',
  'receipt',
  'applicant-upload',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * First match wins. A Notice of Intent to Deny (or to Terminate) is a request (it says "deny"), so requests come before decisions;
 * reuse notices mention biometrics, so they come before appointments.
 */
const KIND_WORDS: ReadonlyArray<readonly [RegExp, DocumentKind]> = [
  [/request for (additional )?evidence|\brfe\b|intent to (deny|terminate)|\bnoid\b|\bnoit\b/, 'rfe'],
  // "Termination Notice (Denial)": the termination is the decision.
  [/\bterminat(e|ed|ion)\b/, 'termination'],
  [/\bden(ial|ied|y)\b/, 'denial'],
  [/\breject(ed|ion)?\b/, 'rejection'],
  [/\bwithdraw(n|al)?\b/, 'withdrawal'],
  [/administrative(ly)? clos|\bclosure\b/, 'closure'],
  [/approv/, 'approval'],
  [/\bre-?us(e|ed|ing)\b/, 'biometrics-reuse'],
  [/appointment|biometric|fingerprint/, 'appointment'],
  [/receipt|acceptance/, 'receipt'],
];
const DECISIONS: ReadonlySet<DocumentKind> = new Set(['approval', 'denial', 'termination', 'rejection', 'withdrawal', 'closure']);

/** USCIS names the documents it generates `<type>.pdf` ("Appointment Scheduled.pdf"); uploads are `...-part1.tif`. */
function namedAfterType(document: Pick<CaseDocument, 'type' | 'fileName'>): boolean {
  const type = tidy(document.type);
  return type !== '' && tidy(withoutExtension(document.fileName)) === type;
}

const tidy = (text: string | undefined) => (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
const withoutExtension = (fileName: string | undefined) => fileName?.replace(/\.[a-z0-9]{2,5}$/i, '');

/**
 * What a document is. Its type decides (whatever the form category, "C33" or "C09", or the file's extension); a
 * document without a type is read by its file name. A decision needs USCIS as the source: said by sourceType, or,
 * when sourceType is missing, by the `<type>.pdf` name USCIS gives the documents it generates.
 */
export function classifyDocument(document: Pick<CaseDocument, 'type' | 'sourceType'> & Partial<Pick<CaseDocument, 'fileName'>>): DocumentKind {
  const source = tidy(document.sourceType);
  if (source.includes('applicant')) return 'applicant-upload';
  const type = tidy(document.type) || tidy(withoutExtension(document.fileName)).replace(/[_-]+/g, ' ');
  const kind = KIND_WORDS.find(([words]) => words.test(type))?.[1] ?? 'other';
  const generated = source.includes('uscis generated') || (source === '' && namedAfterType(document));
  return DECISIONS.has(kind) && !generated ? 'other' : kind;
}

/** The fields that identify a document; CaseDocument and stored snapshot documents both fit. */
export type DocumentFields = Partial<Pick<CaseDocument, 'contentId' | 'fileName' | 'type' | 'createDate' | 'sourceType'>>;

/**
 * Whether two entries are one document. The contentId is opaque and may change between sessions (MYUSCIS.md:
 * its stability is unproven), so the same id is the same document, and so is the same type, createDate, source
 * and file name (each given, and all agreeing), whatever the ids say. A rotated contentId is never a new document.
 */
export function isSameDocument(a: DocumentFields, b: DocumentFields): boolean {
  if (a.contentId !== undefined && a.contentId === b.contentId) return true;
  const described = (d: DocumentFields) => d.type !== undefined || d.fileName !== undefined;
  if (!described(a) || !described(b)) return false;
  return a.type === b.type && a.createDate === b.createDate && a.sourceType === b.sourceType && a.fileName === b.fileName;
}

/** A stable name for a document that does not depend on its contentId (unless it has nothing else). */
export function documentIdentity(document: DocumentFields): string {
  const { type, createDate, sourceType, fileName, contentId } = document;
  if (type === undefined && fileName === undefined) return contentId ?? `@${createDate ?? ''}`;
  return [type ?? '', createDate ?? '', sourceType ?? '', fileName ?? ''].join('|');
}
