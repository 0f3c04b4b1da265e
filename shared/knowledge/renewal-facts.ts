// The renewal calendar's facts read from the app's stored state: whether a renewal was filed, since when, whether
// the pair's verdict says approved or denied, the approval's day and the dates the user entered. Pure; no zod.

import type { Finding, FindingType } from '../monitor/findings';
import type { CaseSnapshot, Settings } from '../monitor/state';
import { isReceiptNumber, maskReceipt } from '../receipt';
import { dayInZone } from './calendar-days';
import { readCase } from './case-reading';
import { isEndingVerdict, pairVerdict, type PairVerdict } from './daca-pair';
import type { RenewalFacts } from './renewal-calendar';
import { snapshotView } from './snapshot-view';
import { isApprovedStage } from './stages';

/** What the facts are read from: the engine's state or the dashboard's (same fields). */
export interface RenewalState {
  cases: ReadonlyArray<{ receipt: string; formType: string | null; problem: string | null }>;
  snapshots: Readonly<Record<string, CaseSnapshot>>;
  history: readonly Finding[];
  settings: Pick<Settings, 'permitExpiry' | 'newCardValidFrom' | 'newCardExpiry' | 'maskReceipts'>;
}

/** Findings on the I-765 that show its approval (or a card, which comes only after one). */
const APPROVAL_FINDINGS: ReadonlySet<FindingType> = new Set<FindingType>(['approved', 'silent-approval', 'card-produced', 'card-mailed', 'card-delivered']);

/** The form of a watched receipt: as the case list names it, else as its last read detail does. */
export function formOf(state: Pick<RenewalState, 'cases' | 'snapshots'>, receipt: string): string | null {
  return state.cases.find((c) => c.receipt === receipt)?.formType ?? state.snapshots[receipt]?.detail?.formType ?? null;
}

/** The pair's verdict on `today`, from the stored snapshots (a form not read yet counts as a case not read yet). */
export function storedVerdict(state: RenewalState, today: string): PairVerdict {
  const view = (form: string) => {
    const watched = state.cases.find((c) => formOf(state, c.receipt) === form);
    const snapshot = watched === undefined ? undefined : state.snapshots[watched.receipt];
    return snapshot === undefined ? {} : snapshotView(snapshot);
  };
  return pairVerdict(view('I-821D'), view('I-765'), today, { permitExpiry: state.settings.permitExpiry });
}

/**
 * The facts on `today` (the user's civil day). The approval's day is the earliest dated sign of the I-765's approval
 * (its approval document, code or title, a card step, or an approval finding), as a day in `timeZone`.
 */
export function renewalFactsOf(state: RenewalState, today: string, timeZone?: string, verdict: PairVerdict = storedVerdict(state, today)): RenewalFacts {
  const watched = state.cases.filter((c) => c.problem === null);
  const denied = isEndingVerdict(verdict.kind);
  const approved = !denied && verdict.stages.i765 !== 'unknown' && isApprovedStage(verdict.stages.i765);
  let approvedOn: string | null = null;
  if (approved) {
    const i765 = watched.filter((c) => formOf(state, c.receipt) === 'I-765').map((c) => c.receipt);
    // What USCIS's own records date (an approval document, code or title, or a later card step), and what DACA Watch found.
    const recorded = i765.flatMap((receipt) => {
      const snapshot = state.snapshots[receipt];
      if (snapshot === undefined) return [];
      return readCase('I-765', snapshotView(snapshot), {}).signals.filter((signal) => isApprovedStage(signal.stage) && !signal.hedged).map((signal) => signal.at);
    });
    const found = state.history.filter((finding) => APPROVAL_FINDINGS.has(finding.type) && i765.includes(finding.receipt)).map((finding) => finding.happenedAt ?? finding.foundAt);
    const times = [...recorded, ...found]
      .map((at) => Date.parse(at))
      .filter((ms) => !Number.isNaN(ms))
      .sort((a, b) => a - b);
    if (times.length > 0) approvedOn = dayInZone(times[0]!, timeZone);
  }
  const { permitExpiry, newCardValidFrom, newCardExpiry } = state.settings;
  return {
    today,
    permitExpiry,
    filed: watched.length > 0,
    submitted: verdict.pending?.since ?? null,
    decision: denied ? 'denied' : approved ? 'approved' : 'pending',
    approvedOn,
    newCard: newCardExpiry === null ? null : { validFrom: newCardValidFrom, expiry: newCardExpiry },
  };
}

/** A receipt as the user wants it shown: in full, or IOE•••••5678 with masking on. */
export function shownReceipt(state: Pick<RenewalState, 'settings'>, receipt: string): string {
  return state.settings.maskReceipts && isReceiptNumber(receipt) ? maskReceipt(receipt) : receipt;
}

/** The watched receipts as the user wants them shown. */
export function shownReceipts(state: RenewalState): string[] {
  return state.cases.filter((c) => c.problem === null).map((c) => shownReceipt(state, c.receipt));
}
