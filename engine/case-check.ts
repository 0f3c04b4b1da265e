// One check of one case as data, and its transitions: which endpoints are still to read, what was read and
// answered, an answer taken in (a moved list or status asks the rest of the case in the same check), a refusal met,
// the verdict on a refused receipt, and what the finished check changes and finds. No requests, no clock, no
// state of its own: it changes only the check and the state it is handed.

import type { CaseDocument } from '../shared/myuscis/schemas';
import { isSameDocument } from '../shared/knowledge/documents';
import { learnTitles, type LearnedTitles } from '../shared/knowledge/learned-titles';
import { LearnedTitlesSchema } from '../shared/knowledge/learned-titles-schema';
import type { Finding } from '../shared/monitor/findings';
import { mergeReading, type CheckReading } from '../shared/monitor/merge-reading';
import type { AppState, CaseSnapshot } from '../shared/monitor/state';
import type { ReceiptNumber } from '../shared/receipt';
import { judgeRefusal, type CaseEndpoint, type CheckAnswer } from './client';
import { detectCaseFindings, detectPairFindings } from './detect';
import { SCHEDULE_RULES } from './schedule';

export interface RunningCheck {
  receipt: ReceiptNumber;
  purpose: 'scheduled' | 'keep-alive' | 'once';
  /** Endpoints still to read, those read (answered or not), and those answered with data or 204. */
  queue: CaseEndpoint[];
  read: CaseEndpoint[];
  answered: CaseEndpoint[];
  reading: CheckReading;
  requests: number;
  /** A 404/500 on one endpoint: the check asks the case detail too before judging it (a failing endpoint, or another account's receipt). */
  refused?: { status: 404 | 500 };
}

/** A check that reads `reads` in this order (documents first, when read: the cheapest, and where a silent approval shows first). */
export function startCheck(receipt: ReceiptNumber, purpose: RunningCheck['purpose'], now: number, reads: readonly CaseEndpoint[]): RunningCheck {
  return { receipt, purpose, queue: [...reads], read: [], answered: [], reading: { at: now }, requests: 0 };
}

/** Reads more in this check (once each). */
function readAlso(check: RunningCheck, ...endpoints: CaseEndpoint[]): void {
  for (const endpoint of endpoints) if (!check.queue.includes(endpoint) && !check.read.includes(endpoint)) check.queue.push(endpoint);
}

/** An answer with data, kept in the check's reading; `previous` is the case's last good snapshot. */
export function takeAnswer(check: RunningCheck, endpoint: CaseEndpoint, value: unknown, previous: CaseSnapshot | null): void {
  if (endpoint === 'documents') {
    const documents = value as CaseDocument[];
    check.reading.documents = documents;
    // When the list moved, the status and the detail are read at once too.
    if (documentsMoved(previous, documents)) readAlso(check, 'status', 'detail');
  } else if (endpoint === 'status') {
    const status = value as NonNullable<CheckReading['status']>;
    check.reading.status = status;
    // When the status moved, the detail is read at once too, and the documents (a light turn reads the status alone):
    // a decision and the document behind it are found in one check and told once.
    if (previous?.status?.code !== status.currentActionCode || previous?.status?.title !== status.statusTitle) readAlso(check, 'detail', 'documents');
  } else {
    check.reading.detail = value as CheckReading['detail'];
  }
}

/**
 * A first 404/500 on this receipt: before judging it, the case detail is asked in the same check (unless that was
 * what refused): data for this receipt means a failing endpoint, not a receipt of another account. True when
 * nothing is left to ask, so the refusal is judged now.
 */
export function metRefusal(check: RunningCheck, endpoint: CaseEndpoint, status: 404 | 500): boolean {
  check.refused = { status };
  check.queue = endpoint === 'detail' || check.read.includes('detail') ? [] : ['detail'];
  return check.queue.length === 0;
}

/**
 * A check that met a 404/500 on this receipt, once the detail was asked too. Data for the receipt in the check: a
 * failing endpoint (the case backs off). None: a 404 says another account's receipt at once; a 500 says so on the
 * third check in a row refused while another receipt of the account was served (`refusalsBefore`: the case's count).
 */
export function judgeRefusedCheck(check: RunningCheck, status: 404 | 500, recentAnswers: readonly CheckAnswer[], refusalsBefore: number):
  { kind: 'not-this-account' } | { kind: 'case-failed'; refused: boolean } {
  const verdict = judgeRefusal(check.receipt, status, recentAnswers);
  const servedHere = check.answered.length > 0;
  const accountWorks = recentAnswers.some((a) => a.outcome.kind === 'ok' && a.receipt !== undefined && a.receipt !== check.receipt);
  const refused = !servedHere && status === 500 && accountWorks;
  const refusals = refusalsBefore + (refused ? 1 : 0);
  if (!servedHere && (verdict.kind === 'not-this-account' || refusals >= SCHEDULE_RULES.refusalsForNotThisAccount)) return { kind: 'not-this-account' };
  return { kind: 'case-failed', refused };
}

/**
 * What a finished check changes in `state`: what it read merged into the case's snapshot, the titles its status pairs
 * with codes learned, the case's form noted once known. Returns what it found: the case's findings, then the pair's.
 */
export function concludeCheck(state: AppState, check: RunningCheck, now: number): Finding[] {
  const receipt = check.receipt;
  const previous = state.snapshots[receipt] ?? null;
  const next = mergeReading(previous, check.reading);
  if (check.reading.status) state.learnedTitles = learnTitles(check.reading.status, learnedOf(state));
  const watched = state.cases.find((c) => c.receipt === receipt);
  if (watched && !watched.formType && next.detail?.formType) watched.formType = next.detail.formType;
  state.snapshots[receipt] = next;
  const findings = detectCaseFindings(previous, next, { receipt, formType: watched?.formType ?? null, now, learned: learnedOf(state) });
  findings.push(...detectPairFindings(pairMembers(state), { now, learned: learnedOf(state) }));
  return findings;
}

function pairMembers(state: AppState) {
  const member = (form: string) => {
    const watched = state.cases.find((c) => c.formType === form);
    return watched ? { receipt: watched.receipt, snapshot: state.snapshots[watched.receipt] ?? null } : null;
  };
  return { i821d: member('I-821D'), i765: member('I-765') };
}

function learnedOf(state: AppState): LearnedTitles {
  const read = LearnedTitlesSchema.safeParse(state.learnedTitles);
  return read.success ? read.data : {};
}

/** Whether the documents list holds anything the last good list did not (or lost something); a rotated contentId is no move. */
function documentsMoved(previous: CaseSnapshot | null, documents: CaseDocument[]): boolean {
  if (!previous?.documents) return true;
  const known = previous.documents.items;
  return documents.length !== known.length || documents.some((d) => !known.some((item) => isSameDocument(item, d)));
}
