// What changed since the user last looked, in words, and the documents of each case with their source and a "new"
// mark. Pure (no runes, no API calls); which findings are unseen and which tell one change is
// shared/monitor/announcement.ts's to say; findings are told with the knowledge base's readings, never re-interpreted.

import { outcomeParagraph } from '../../shared/knowledge/decision-outcomes';
import { ENDING_STAGES, STAGE_NAMES } from '../../shared/knowledge/stages';
import { capitalise, codeInWords } from '../../shared/knowledge/codes';
import { classifyDocument, type DocumentKind } from '../../shared/knowledge/documents';
import type { LearnedTitles } from '../../shared/knowledge/learned-titles';
import type { Language } from '../../shared/localized';
import type { NewsEntry } from '../../shared/monitor/announcement';
// Types only from findings.ts: its runtime half is zod, which stays out of the dashboard's bundle (and its CSP).
import type { Finding } from '../../shared/monitor/findings';
import type { CaseDocument } from '../../shared/myuscis/schemas';
import { formatInstant, MESSAGES } from './i18n';
import { officialTitle, type WatchedCase } from './pair-view.svelte';

/** The newest foundAt among `findings`, for "Mark as seen". */
export function newestFoundAt(findings: readonly Finding[]): string | undefined {
  return findings.reduce<string | undefined>((newest, { foundAt }) => (newest === undefined || foundAt > newest ? foundAt : newest), undefined);
}

/** One finding in words: what it is, then the facts behind it (document, title, code, appointment, evidence). */
export function findingSummary(finding: Finding, lang: Language, learned: LearnedTitles): { title: string; details: string[] } {
  const t = MESSAGES[lang];
  const { documentType, source, title, titleSpanish, previousTitle, code, appointmentAt } = finding.detail;
  const details: string[] = [];
  if (documentType !== undefined) details.push(source === undefined ? documentType : `${documentType} · ${t.source[source]}`);
  const shownTitle = officialTitle(title, titleSpanish, lang);
  if (shownTitle !== undefined) {
    details.push(shownTitle);
    if (previousTitle !== undefined) details.push(t.before(officialTitle(previousTitle, undefined, lang) ?? previousTitle));
  } else if (code !== undefined) {
    details.push(capitalise(codeInWords(code, lang, { learned })));
  }
  if (appointmentAt !== undefined) details.push(t.appointment(formatInstant(appointmentAt, lang)));
  // A decision other than approval says what it means for the DACA request and the permit, and what people do next.
  if (finding.type === 'denied' || finding.type === 'case-ended') {
    const outcome = finding.type === 'denied' ? 'denied' : ENDING_STAGES.find((stage) => stage === finding.detail.outcome) ?? 'ended';
    details.push(outcomeParagraph(outcome, lang));
    if (finding.type === 'case-ended') return { title: STAGE_NAMES[outcome][lang], details };
  }
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
