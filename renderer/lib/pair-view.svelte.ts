// The watched cases as the dashboard shows them: which one is the I-821D and which the I-765, each read back from
// its snapshot, the pair's verdict and each case's facts. Pure (no runes, no API calls, no wording of its own).

import type { DashboardState } from '../../shared/ipc/contract';
import type { CaseStage, CaseView, Form } from '../../shared/knowledge/case-reading';
import { pairVerdict, type PairVerdict } from '../../shared/knowledge/daca-pair';
import { pendingSince, type Pending } from '../../shared/knowledge/daca-timing';
import { learnTitles, type LearnedTitles } from '../../shared/knowledge/learned-titles';
import { caseTimes, snapshotView } from '../../shared/knowledge/snapshot-view';
import { dacaRequestNextAfterPermit, stageAheadOfTitle } from '../../shared/knowledge/stage-guide';
import { isApprovedStage, isEndingStage } from '../../shared/knowledge/stages';
import { explainStatus, NEXT_APPROVED_BY_FORM } from '../../shared/knowledge/status-titles';
import type { Language } from '../../shared/localized';
import type { StatusLink } from '../../shared/myuscis/status-text';
import { isReceiptNumber, maskReceipt } from '../../shared/receipt';

export interface WatchedCase {
  receipt: string;
  /** From USCIS's case detail; null until it was read (or for a form that is not part of a DACA renewal). */
  form: Form | null;
  /** The form as USCIS named it, even one that is not part of a DACA renewal ("I-131"); null until read. */
  formType: string | null;
  problem: 'not-this-account' | null;
  /** This case's own checks fail while the other's go on: how many in a row, and the next try (ISO). */
  failing: { failures: number; retryAt: string } | null;
  /** Not read for far longer than its plan allows (engine/watchdog.ts): since when, and why, in both languages. */
  stalled: { since: string; reason: { en: string; es: string } } | null;
  /** What the last good check read; every part absent before the first one. */
  view: CaseView;
  /** When myUSCIS last answered a check of the case, changed or not (ISO); null before the first check. */
  readAt: string | null;
  /** When what was read last changed (ISO): older than `readAt` after checks that changed nothing. */
  changedAt: string | null;
}

const FORM_ORDER: Record<Form, number> = { 'I-821D': 0, 'I-765': 1 };

/** The watched cases, the I-821D first and the I-765 second, each with its snapshot read back as a CaseView. */
export function watchedCases(state: DashboardState): WatchedCase[] {
  return state.cases
    .map(({ receipt, formType, problem, failing, stalled, readAt }): WatchedCase => {
      const snapshot = state.snapshots[receipt];
      const type = formType ?? snapshot?.detail?.formType;
      return {
        receipt,
        form: type === 'I-821D' || type === 'I-765' ? type : null,
        formType: type ?? null,
        problem,
        failing: failing ?? null,
        stalled: stalled ?? null,
        view: snapshot === undefined ? {} : snapshotView(snapshot),
        ...caseTimes(snapshot, readAt),
      };
    })
    .sort((a, b) => (a.form === null ? 2 : FORM_ORDER[a.form]) - (b.form === null ? 2 : FORM_ORDER[b.form]));
}

function caseOf(cases: readonly WatchedCase[], form: Form): WatchedCase | undefined {
  return cases.find((watched) => watched.form === form);
}

/** The pair's verdict on `today` (YYYY-MM-DD); a form not identified yet counts as a case not read yet. */
export function verdictOf(cases: readonly WatchedCase[], today: string, permitExpiry: string | null): PairVerdict {
  return pairVerdict(caseOf(cases, 'I-821D')?.view ?? {}, caseOf(cases, 'I-765')?.view ?? {}, today, { permitExpiry });
}

/** The code -> title pairings the cases' statuses (current and past) show, for explaining codes. */
export function learnedOf(cases: readonly WatchedCase[]): LearnedTitles {
  return cases.reduce<LearnedTitles>((known, { view }) => (view.status ? learnTitles(view.status, known) : known), {});
}

/**
 * The titles USCIS showed with a code on this case alone (its status now and the history it still lists): the only
 * titles that may be told as USCIS's for it. A pairing from the other case is not this case's title.
 */
export function titlesShownOn(watched: WatchedCase | undefined): LearnedTitles {
  return watched?.view.status ? learnTitles(watched.view.status, {}) : {};
}

export function stageOf(verdict: PairVerdict, form: Form | null): CaseStage {
  return form === 'I-821D' ? verdict.stages.i821d : form === 'I-765' ? verdict.stages.i765 : 'unknown';
}

export function isDecided(stage: CaseStage): boolean {
  return isEndingStage(stage) || (stage !== 'unknown' && isApprovedStage(stage));
}

/** What a case card shows, in the user's language; each field absent when USCIS has not said it. */
export interface CaseFacts {
  /** USCIS's own title: its Spanish one in Spanish when it sent one, else the known Spanish twin. */
  title?: string;
  /** The stage is further along than USCIS's title (an approval before the title changed): the title is behind. */
  titleBehind?: boolean;
  explanation?: string;
  next?: string;
  /** USCIS's status text, as plain text with the web addresses in it. */
  message?: { text: string; links: StatusLink[] };
  office?: string;
  filed?: string;
  pending?: Pending;
}

/**
 * `permitStage`: for the DACA request's (I-821D's) card, where its work permit (I-765) stands; once that is decided,
 * the approved request's "what next" says so instead of promising the work permit decision.
 */
export function caseFacts(view: CaseView, stage: CaseStage, today: string, lang: Language, permitStage?: CaseStage): CaseFacts {
  const { detail, status } = view;
  const facts: CaseFacts = { office: status?.jurisdictionDescription, filed: detail?.submissionDate };
  const title = status?.statusTitle ?? status?.statusTitleSpanish;
  if (title !== undefined) {
    const explained = explainStatus(title, lang);
    facts.title = officialTitle(status?.statusTitle, status?.statusTitleSpanish, lang);
    // One voice: when the case is further along than its title says, the stage speaks and the title is marked behind.
    const ahead = stage === 'unknown' ? undefined : stageAheadOfTitle(stage, explainStatus(title, 'en').stage);
    facts.titleBehind = ahead !== undefined;
    facts.explanation = ahead?.explanation[lang] ?? explained.explanation;
    facts.next = ahead?.next[lang] ?? explained.next;
    // An approved title's "what next" speaks of both forms: each card says its own.
    const form = view.detail?.formType;
    if (!ahead && (explained.key === 'approved' || explained.key === 'approved-variant') && (form === 'I-821D' || form === 'I-765')) facts.next = NEXT_APPROVED_BY_FORM[form][lang];
    const afterPermit = stage === 'approved' && permitStage !== undefined && permitStage !== 'unknown' && isDecided(permitStage) ? dacaRequestNextAfterPermit(permitStage) : undefined;
    if (afterPermit) facts.next = afterPermit[lang];
  }
  const message = lang === 'es' ? (status?.statusTextSpanishPlain ?? status?.statusTextPlain) : status?.statusTextPlain;
  if (message !== undefined && message.text !== '') facts.message = message;
  if (facts.filed !== undefined) facts.pending = pendingSince(facts.filed, today, isDecided(stage));
  return facts;
}

/**
 * A status title as USCIS wrote it, in the user's language: in Spanish, USCIS's own Spanish title when it sent
 * one, else the Spanish twin of a known title, else the title as sent.
 */
export function officialTitle(title: string | undefined, titleSpanish: string | undefined, lang: Language): string | undefined {
  if (lang === 'en') return title ?? titleSpanish;
  if (titleSpanish !== undefined) return titleSpanish;
  return title === undefined ? undefined : explainStatus(title, 'es').title;
}

/** The receipt as the user wants it shown: whole, or `IOE•••••5678` with masking on. */
export function shownReceipt(receipt: string, masked: boolean): string {
  return masked && isReceiptNumber(receipt) ? maskReceipt(receipt) : receipt;
}

/** The user's own calendar day at `ms` (not UTC's), as YYYY-MM-DD. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** USCIS's message as runs of text, in order: a link's run carries its safe URL (null stays plain text). */
export function messageParts({ text, links }: { text: string; links: readonly StatusLink[] }): Array<{ text: string; url: string | null }> {
  const parts: Array<{ text: string; url: string | null }> = [];
  let from = 0;
  for (const link of links) {
    const at = link.text === '' ? -1 : text.indexOf(link.text, from);
    if (at === -1) continue;
    if (at > from) parts.push({ text: text.slice(from, at), url: null });
    parts.push({ text: link.text, url: link.safeUrl });
    from = at + link.text.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), url: null });
  return parts;
}
