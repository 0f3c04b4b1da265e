// The watched cases as the plan sees them: which receipts are read, which one can witness for another, and what a
// judgement "another account's" does to a case (read again daily, dropped when served or entered again). Pure: it
// changes only the state it is handed.

import type { AppState } from '../shared/monitor/state';
import { isReceiptNumber, type ReceiptNumber } from '../shared/receipt';

/** A case judged another account's is read again after this long (and at once when the user enters it again). */
export const FOREIGN_RECHECK_MS = 24 * 60 * 60_000;

/**
 * The receipts on the plan: every watched case but one judged another account's, which is read again once a day
 * (a judgement can be wrong: an outage, a case not yet on the account) until it is served or the user enters it again.
 */
export function plannedReceipts(state: AppState, now: number): ReceiptNumber[] {
  return state.cases
    .filter((c) => c.problem === null || !(now - Date.parse(c.problemSince ?? '') < FOREIGN_RECHECK_MS))
    .map((c) => c.receipt)
    .filter(isReceiptNumber);
}

/** Another receipt on the plan that is not under a judgement: who can witness that the account works. */
export function companionOf(state: AppState, receipt: ReceiptNumber): ReceiptNumber | undefined {
  return state.cases.map((c) => (c.problem === null ? c.receipt : '')).find((other): other is ReceiptNumber => other !== receipt && isReceiptNumber(other));
}

/** Watches exactly these receipts; one entered again is read again, whatever was judged of it. */
export function casesEntered(state: AppState, receipts: readonly ReceiptNumber[], nowIso: string): void {
  state.cases = receipts.map((receipt) => {
    const known = state.cases.find((c) => c.receipt === receipt);
    return known ? { ...known, problem: null, problemSince: null } : { receipt, formType: null, addedAt: nowIso, problem: null, problemSince: null };
  });
}

/** The receipt was served: a judgement that it is another account's was wrong, and a stall is over. */
export function servedAgain(state: AppState, receipt: ReceiptNumber): void {
  const watched = state.cases.find((c) => c.receipt === receipt);
  if (watched?.problem) Object.assign(watched, { problem: null, problemSince: null });
  if (watched?.stalledSince) watched.stalledSince = null;
}

/** A check of the case ended well: myUSCIS was read now, whether or not anything changed. */
export function readWell(state: AppState, receipt: ReceiptNumber, now: number): void {
  const watched = state.cases.find((c) => c.receipt === receipt);
  if (watched) watched.readAt = new Date(now).toISOString();
}

/** Judged another account's now: off the plan until a day has passed. */
export function judgedForeign(state: AppState, receipt: ReceiptNumber, now: number): void {
  const watched = state.cases.find((c) => c.receipt === receipt);
  if (watched) Object.assign(watched, { problem: 'not-this-account', problemSince: new Date(now).toISOString() });
}
