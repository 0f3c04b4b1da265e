// One check of one case as data, and its transitions: which endpoints are still to read, what was read and
// answered, an answer taken in (a moved list or status asks the rest of the case in the same check), a refusal met,
// the verdict on a refused receipt, and what the finished check changes and finds. No requests, no clock, no
// state of its own: it changes only the check and the state it is handed.

import type { CaseDocument } from '../shared/myuscis/schemas';
import { isSameDocument } from '../shared/knowledge/documents';
import { learnTitles, type LearnedTitles } from '../shared/knowledge/learned-titles';
import { LearnedTitlesSchema } from '../shared/knowledge/learned-titles-schema';
import { readCase } from '../shared/knowledge/case-reading';
import { snapshotView } from '../shared/knowledge/snapshot-view';
import { isEndingStage } from '../shared/knowledge/stages';
import type { Finding } from '../shared/monitor/findings';
import { mergeReading, type CheckReading } from '../shared/monitor/merge-reading';
import type { AppState, CaseSnapshot } from '../shared/monitor/state';
import type { ReceiptNumber } from '../shared/receipt';
import type { CaseEndpoint, FetchOutcome } from './client';
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
  /**
   * Refused with nothing served for this receipt: the companion's status is asked at the same moment, as a witness.
   * Served, the account works and this receipt is not on it; refused too, the site is failing (MYUSCIS.md "Seen since":
   * a 404 for every path is an outage, not a foreign receipt). `outcome` is null until it is asked.
   */
  witness?: { receipt: ReceiptNumber; outcome: FetchOutcome<unknown> | null };
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
    const detail = value as NonNullable<CheckReading['detail']>;
    check.reading.detail = detail;
    // When an event code is new (a turn that read the detail alone), the status and the documents are read at once
    // too: a decision seen in the events and its notice are found in one check and told once.
    const known = new Set((previous?.detail?.events ?? []).map((e) => e.eventCode));
    if (previous?.detail && (detail.events ?? []).some((e) => !known.has(e.eventCode))) readAlso(check, 'status', 'documents');
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

export type RefusalVerdict =
  /** Another account's receipt: no longer read on the plan (re-checked daily, cleared when the user enters it again). */
  | { kind: 'not-this-account' }
  /** This case's endpoint failing: it backs off alone (`refused`: counts toward the 500 rule). */
  | { kind: 'case-failed'; refused: boolean }
  /** The witness was refused too: the site is failing, not this receipt: everything backs off, then both are read again. */
  | { kind: 'outage' };

export interface RefusalContext {
  /** The case's refused checks in a row so far (a 500 needs `refusalsForNotThisAccount` of them). */
  refusalsBefore: number;
  /** Whether the applicant page, read lately, lists this receipt; null when it was not read lately or listed nothing. */
  listedByAccount: boolean | null;
}

/** Whether a witness is to be asked before judging: nothing was served for this receipt and a companion can be asked. */
export function wantsWitness(check: RunningCheck, companion: ReceiptNumber | undefined): companion is ReceiptNumber {
  return companion !== undefined && check.answered.length === 0 && check.witness === undefined;
}

const served = (outcome: FetchOutcome<unknown>) =>
  outcome.kind === 'ok' || outcome.kind === 'no-content' || (outcome.kind === 'malformed' && outcome.reason === 'wrong-receipt');

/**
 * A check that met a 404/500 on this receipt, once the detail and (when there is one) the witness were asked. A receipt
 * is another account's only when another receipt of the account is served at the same moment (the witness), or the
 * applicant page does not list it; data for this receipt, or a listing, mean a failing endpoint; the witness refused
 * too means an outage. A 500 says "another account" only on the third refused check in a row (it is also what a
 * failing server says); a 404 at once.
 */
export function judgeRefusedCheck(check: RunningCheck, status: 404 | 500, context: RefusalContext): RefusalVerdict {
  if (check.answered.length > 0) return { kind: 'case-failed', refused: false };
  const witness = check.witness?.outcome ?? null;
  if (witness !== null && !served(witness)) return { kind: 'outage' };
  if (context.listedByAccount === true) return { kind: 'case-failed', refused: false };
  if (witness === null) return context.listedByAccount === false ? { kind: 'not-this-account' } : { kind: 'case-failed', refused: false };
  if (status === 404) return { kind: 'not-this-account' };
  return context.refusalsBefore + 1 >= SCHEDULE_RULES.refusalsForNotThisAccount ? { kind: 'not-this-account' } : { kind: 'case-failed', refused: true };
}

/** How long a reading of the applicant page's list is taken as what the account holds. */
const ACCOUNT_LIST_FRESH_MS = 24 * 60 * 60_000;

/** Whether the account's applicant page, read within a day, lists `receipt` (null: not read lately, or empty). */
export function listedByAccount(state: AppState, receipt: ReceiptNumber, now: number): boolean | null {
  const { readAt, cases } = state.accountCases;
  if (readAt === null || cases.length === 0 || now - Date.parse(readAt) > ACCOUNT_LIST_FRESH_MS) return null;
  return cases.some((listed) => listed.receipt === receipt);
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

/**
 * Whether nothing more is expected on the DACA pair: the I-765's new card was delivered, or both cases ended (denied,
 * terminated, rejected, ...). A mailed, late or returned card is still watched (card-tracking.ts), so it is not finished.
 */
export function pairFinished(state: AppState): boolean {
  const { i821d, i765 } = pairMembers(state);
  if (!i821d?.snapshot || !i765?.snapshot) return false;
  const deferredAction = readCase('I-821D', snapshotView(i821d.snapshot), learnedOf(state)).stage;
  const workPermit = readCase('I-765', snapshotView(i765.snapshot), learnedOf(state)).stage;
  return workPermit === 'card-delivered' || (isEndingStage(deferredAction) && isEndingStage(workPermit));
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
