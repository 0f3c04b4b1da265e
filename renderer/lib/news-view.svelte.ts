// What changed since the user last looked, and the documents of each case with their source and a "new" mark.
// Pure (no runes, no API calls); findings are told with the knowledge base's readings, never re-interpreted.

import { explainCode } from '../../shared/knowledge/codes';
import { classifyDocument, type DocumentKind } from '../../shared/knowledge/documents';
import type { LearnedTitles } from '../../shared/knowledge/learned-titles';
import type { Language } from '../../shared/localized';
// Types only from findings.ts: its runtime half is zod, which stays out of the dashboard's bundle (and its CSP).
import type { Finding, FindingType } from '../../shared/monitor/findings';
import type { CaseDocument } from '../../shared/myuscis/schemas';
import { formatInstant, MESSAGES } from './i18n';
import { officialTitle, type WatchedCase } from './pair-view.svelte';

/** Findings found after `lastSeenAt` (all of them when the user never looked), newest first (by time, not by order). */
export function unseenFindings(history: readonly Finding[], lastSeenAt: string | null): Finding[] {
  return history
    .filter((finding) => lastSeenAt === null || finding.foundAt > lastSeenAt)
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => b.finding.foundAt.localeCompare(a.finding.foundAt) || b.index - a.index)
    .map(({ finding }) => finding);
}

/** One real-world change: the finding that says it best, and the others that report the same change. */
export interface NewsEntry {
  key: string;
  head: Finding;
  folded: Finding[];
}

/** Which finding speaks for a change: decisions first, then the status, a document, a notice, a step, a touch. */
const SPEAKS_FIRST: readonly FindingType[] = [
  'denied',
  'rfe',
  'approved',
  'silent-approval',
  'i821d-approved-inferred',
  'card-delivered',
  'card-mailed',
  'card-produced',
  'biometrics-appointment',
  'biometrics-reuse',
  'status-change',
  'new-document',
  'new-notice',
  'new-event',
  'case-touched',
];
const rank = (finding: Finding) => SPEAKS_FIRST.indexOf(finding.type);
/** Decisions and milestones (each its own news): the findings that speak before the status text. */
const isDecision = (finding: Finding) => rank(finding) < SPEAKS_FIRST.indexOf('status-change');
/** Findings that only say the record moved: they belong with whatever else that check found on the case. */
const ROUTINE: ReadonlySet<FindingType> = new Set(['new-event', 'case-touched']);

/**
 * Two findings report the same change: on one case, not two decisions (each is its own news), and the same
 * document, code or status title; or one of them is routine and both came from the same check.
 */
function sameChange(a: Finding, b: Finding): boolean {
  if (a.receipt !== b.receipt || (isDecision(a) && isDecision(b))) return false;
  const shared = (field: 'documentType' | 'code' | 'title') => a.detail[field] !== undefined && a.detail[field] === b.detail[field];
  return shared('documentType') || shared('code') || shared('title') || (a.foundAt === b.foundAt && (ROUTINE.has(a.type) || ROUTINE.has(b.type)));
}

/** What's new as one entry per real-world change, newest first; the findings behind each are kept for its evidence. */
export function newsEntries(unseen: readonly Finding[]): NewsEntry[] {
  const entries: NewsEntry[] = [];
  // Entries by what their findings share (a document, a code, a title, a check), so a year of findings is not
  // compared pairwise: only entries sharing one of these can hold the same change.
  const byShared = new Map<string, NewsEntry[]>();
  const sharedKeys = (finding: Finding) => {
    const { documentType, code, title } = finding.detail;
    return [`f ${finding.foundAt}`, documentType && `d ${documentType}`, code && `c ${code}`, title && `t ${title}`]
      .filter((key): key is string => typeof key === 'string')
      .map((key) => `${finding.receipt} ${key}`);
  };
  for (const finding of unseen) {
    const keys = sharedKeys(finding);
    const candidates = keys.flatMap((key) => byShared.get(key) ?? []);
    let entry = candidates.find(({ head, folded }) => sameChange(head, finding) || folded.some((other) => sameChange(other, finding)));
    if (entry === undefined) {
      entry = { key: finding.key, head: finding, folded: [] };
      entries.push(entry);
    } else if (rank(finding) < rank(entry.head)) {
      entry.folded.unshift(entry.head);
      entry.head = finding;
    } else entry.folded.push(finding);
    for (const key of keys) {
      const listed = byShared.get(key) ?? [];
      if (!listed.includes(entry)) byShared.set(key, [...listed, entry]);
    }
  }
  // Newest first; changes found by the same check, the weightiest first.
  return entries.sort((a, b) => b.head.foundAt.localeCompare(a.head.foundAt) || rank(a.head) - rank(b.head));
}

/** The newest foundAt among `findings`, for "Mark as seen". */
export function newestFoundAt(findings: readonly Finding[]): string | undefined {
  return findings.reduce<string | undefined>((newest, { foundAt }) => (newest === undefined || foundAt > newest ? foundAt : newest), undefined);
}

/** One finding in words: what it is, then the facts behind it (document, title, code, appointment, evidence). */
export function findingSummary(finding: Finding, lang: Language, learned: LearnedTitles): { title: string; details: string[] } {
  const t = MESSAGES[lang];
  const { documentType, source, title, titleSpanish, previousTitle, code, appointmentAt, evidence } = finding.detail;
  const details: string[] = [];
  if (documentType !== undefined) details.push(source === undefined ? documentType : `${documentType} · ${t.source[source]}`);
  const shownTitle = officialTitle(title, titleSpanish, lang);
  if (shownTitle !== undefined) {
    details.push(shownTitle);
    if (previousTitle !== undefined) details.push(t.before(officialTitle(previousTitle, undefined, lang) ?? previousTitle));
  } else if (code !== undefined) {
    details.push(`${explainCode(code, lang, learned).title} (${code})`);
  }
  if (appointmentAt !== undefined) details.push(t.appointment(formatInstant(appointmentAt, lang)));
  return { title: t.findings[finding.type], details };
}

/** An entry in words: its title and facts, then the evidence folded away (what shows it, the findings folded in). */
export function entrySummary(entry: NewsEntry, lang: Language, learned: LearnedTitles): { title: string; details: string[]; evidence: string[] } {
  const t = MESSAGES[lang];
  const { title, details } = findingSummary(entry.head, lang, learned);
  const kinds = [...new Set([entry.head, ...entry.folded].flatMap((finding) => finding.detail.evidence))];
  const evidence: string[] = [];
  if (kinds.length > 0) evidence.push(t.restsOnList(new Intl.ListFormat(lang, { type: 'conjunction' }).format(kinds.map((kind) => t.evidence[kind] ?? kind))));
  for (const other of entry.folded) {
    const summary = findingSummary(other, lang, learned);
    const facts = summary.details.filter((fact) => !details.includes(fact));
    evidence.push(t.alsoFound([summary.title, ...facts].join(' · ')));
  }
  return { title, details, evidence: [...new Set(evidence)] };
}

/** Who put a document on the case, from its sourceType ("USCIS Generated", "Applicant Provided"). */
export function documentSource(document: CaseDocument): 'uscis' | 'applicant' | 'unknown' {
  if (classifyDocument(document) === 'applicant-upload') return 'applicant';
  return /uscis/i.test(document.sourceType ?? '') ? 'uscis' : 'unknown';
}

export interface DocumentRow {
  id: string;
  receipt: string;
  form: WatchedCase['form'];
  type: string;
  kind: DocumentKind;
  source: ReturnType<typeof documentSource>;
  createDate?: string;
  /** A new-document finding the user has not seen stands for it. */
  isNew: boolean;
}

/**
 * Every document of every case, newest first. A case whose list could not be read yet is in `unread` (a failed
 * read is not an empty list).
 */
export function documentRows(cases: readonly WatchedCase[], unseen: readonly Finding[]): { rows: DocumentRow[]; unread: WatchedCase[] } {
  const fresh = new Set(unseen.filter((finding) => finding.type === 'new-document')
    .map((finding) => `${finding.receipt}\n${finding.detail.documentType}\n${finding.happenedAt}`));
  const rows = cases.flatMap(({ receipt, form, view }) => (view.documents ?? []).map((document, index): DocumentRow => {
    const kind = classifyDocument(document);
    return {
      id: `${receipt}:${index}`,
      receipt,
      form,
      type: document.type ?? '',
      kind,
      source: documentSource(document),
      createDate: document.createDate,
      isNew: fresh.has(`${receipt}\n${document.type}\n${document.createDate}`),
    };
  }));
  rows.sort((a, b) => (b.createDate ?? '').localeCompare(a.createDate ?? ''));
  return { rows, unread: cases.filter(({ view }) => view.documents === undefined) };
}
