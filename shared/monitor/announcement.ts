// One fact, one notification: which findings are announced, which finding speaks for a change and which it
// covers, and what counts as unseen. Pure and shared: the engine's announcer, the tray count and the dashboard's
// news all ask here. Types only from findings.ts (its runtime half is zod, kept out of the dashboard's bundle).

import type { Finding, FindingType } from './findings';
import type { Settings } from './state';

/** Decisions and milestones: each is told once ever per case, and speaks for the document behind it. */
export const DECISION_TYPES: ReadonlySet<FindingType> = new Set<FindingType>([
  'silent-approval',
  'likely-approved',
  'approved',
  'denied',
  'case-ended',
  'rfe',
  'biometrics-appointment',
  'biometrics-reuse',
  'card-produced',
  'card-mailed',
  'card-delivered',
  'i821d-approved-inferred',
]);

/** Ledger keys that must never be told twice, so they are the last to go when the ledger is full. */
const DECISION_KEY = new RegExp(`:(${[...DECISION_TYPES].join('|')})$|^session-expired:|^reminder:`);

export function isDecisionKey(key: string): boolean {
  return DECISION_KEY.test(key);
}

/** Never worth an interruption on their own, whatever the settings say. */
const NEVER_NOTIFY: ReadonlySet<FindingType> = new Set(['case-touched']);

/** Whether this finding should notify under these settings (before quiet hours). */
export function shouldNotify(finding: Finding, settings: Pick<Settings, 'notify'>): boolean {
  if (NEVER_NOTIFY.has(finding.type)) return false;
  // The applicant's own uploads are never news to the applicant.
  if (finding.type === 'new-document' && finding.detail.source !== 'uscis') return false;
  return settings.notify[finding.type];
}

/**
 * The findings of one check that another finding already tells (their keys): the document or notice behind a
 * decision found in the same check; a mailed notice whose document came in the same check (an "Interview
 * Scheduled" notice and its PDF: told once, by the document); and a silent approval or an approval of an I-821D
 * told by inference from the I-765, in this check or before (`known`: keys already in the history or the ledger).
 */
export function coveredInCheck(fresh: readonly Finding[], known: ReadonlySet<string>): Set<string> {
  const told = (key: string) => known.has(key) || fresh.some((finding) => finding.key === key);
  const decided = new Set(fresh.filter((f) => DECISION_TYPES.has(f.type)).map((f) => f.receipt));
  const covered = new Set<string>();
  for (const finding of fresh) {
    const coveredByDecision = (finding.type === 'new-document' || finding.type === 'new-notice') && decided.has(finding.receipt);
    const coveredByDocument = finding.type === 'new-notice' && fresh.some((other) => other.type === 'new-document' && other.receipt === finding.receipt
      && sameWords(other.detail.documentType, finding.detail.documentType));
    // Told once: by its own document or status, or by inference from the I-765, whichever was read first.
    const coveredByInference = (finding.type === 'silent-approval' || finding.type === 'approved') && told(`${finding.receipt}:i821d-approved-inferred`);
    if (coveredByDecision || coveredByDocument || coveredByInference) covered.add(finding.key);
  }
  return covered;
}

/** "Interview Scheduled" and "interview  scheduled" are the same words; nothing is the same as nothing. */
function sameWords(a: string | undefined, b: string | undefined): boolean {
  const words = (text: string | undefined) => (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  return words(a) !== '' && words(a) === words(b);
}

// ------------------------------------------------------------------ what the user has not seen

/** Whether a finding came after the seen mark (compared as instants; with no mark, everything is unseen). */
function isUnseen(finding: Finding, lastSeenAt: string | null): boolean {
  return lastSeenAt === null || Date.parse(finding.foundAt) > Date.parse(lastSeenAt);
}

/** Findings found after `lastSeenAt` (all of them when the user never looked), newest first (by time, not by order). */
export function unseenFindings(history: readonly Finding[], lastSeenAt: string | null): Finding[] {
  return history
    .filter((finding) => isUnseen(finding, lastSeenAt))
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => b.finding.foundAt.localeCompare(a.finding.foundAt) || b.index - a.index)
    .map(({ finding }) => finding);
}

/** How many unseen findings are announced ones: the tray's "N new". */
export function unseenAnnouncedCount(history: readonly Finding[], lastSeenAt: string | null, settings: Pick<Settings, 'notify'>): number {
  return unseenFindings(history, lastSeenAt).filter((finding) => shouldNotify(finding, settings)).length;
}

// ------------------------------------------------------------------ one entry per change (the dashboard's news)

/** One real-world change: the finding that says it best, and the others that report the same change. */
export interface NewsEntry {
  key: string;
  head: Finding;
  folded: Finding[];
}

/** Which finding speaks for a change: decisions first, then the status, a document, a notice, a step, a touch. */
const SPEAKS_FIRST: readonly FindingType[] = [
  'likely-approved',
  'denied',
  'case-ended',
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
/** Findings that only say the record moved: they belong with whatever else that check found on the case. */
const ROUTINE: ReadonlySet<FindingType> = new Set(['new-event', 'case-touched']);

/**
 * Two findings report the same change: on one case, not two decisions (each is its own news), and the same
 * document, code or status title; or one of them is routine and both came from the same check.
 */
function sameChange(a: Finding, b: Finding): boolean {
  if (a.receipt !== b.receipt || (DECISION_TYPES.has(a.type) && DECISION_TYPES.has(b.type))) return false;
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
