// One check of one case as data: what it reads next when a list or a status moved, how a refusal is followed up
// and judged, and what a finished check stores and finds.

import { describe, expect, it } from 'vitest';
import { concludeCheck, judgeRefusedCheck, listedByAccount, metRefusal, startCheck, takeAnswer, wantsWitness } from '../../engine/case-check';
import type { FetchOutcome } from '../../engine/client';
import { mergeReading } from '../../shared/monitor/merge-reading';
import { emptyState } from '../../shared/monitor/state';
import { isReceiptNumber, type ReceiptNumber } from '../../shared/receipt';
import { parseCaseStatusBody, parseDocumentsBody, type ParsedBody } from '../../shared/myuscis/schemas';

function receipt(text: string): ReceiptNumber {
  if (!isReceiptNumber(text)) throw new Error(`not a receipt: ${text}`);
  return text;
}

const RECEIPT = receipt('IOE0933012458');
const OTHER = receipt('IOE0933012457');
const T0 = Date.UTC(2026, 6, 20, 14);

function value<T>(parsed: ParsedBody<T>): T {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const receiptNotice = { fileName: 'Receipt.pdf', contentId: 'A1', type: 'Receipt Notice', createDate: '2026-05-29T13:05:00.000Z', sourceType: 'USCIS Generated' };
const approval = { fileName: 'Approval.pdf', contentId: 'B1', type: 'I-765 C33 Standalone Approval', createDate: '2026-08-12T15:12:15.016Z', sourceType: 'USCIS Generated' };
const documents = (...items: unknown[]) => value(parseDocumentsBody({ data: items }));
const status = (title: string) => value(parseCaseStatusBody({ data: { receiptNumber: RECEIPT, formType: 'I-765', currentActionCode: 'FTA0', currentActionCodeDate: '2026-06-01', statusTitle: title, historicalCaseStatuses: [] } }));

describe('a running check', () => {
  it('reads the status and the detail too when the documents list moved, and nothing more when it did not', () => {
    const before = mergeReading(null, { at: T0, documents: documents(receiptNotice) });
    const moved = startCheck(RECEIPT, 'scheduled', T0 + 1, ['documents']);
    moved.queue.shift();
    moved.read.push('documents');
    takeAnswer(moved, 'documents', documents(receiptNotice, approval), before);
    expect(moved.queue).toEqual(['status', 'detail']);
    const same = startCheck(RECEIPT, 'scheduled', T0 + 1, ['documents']);
    same.queue.shift();
    same.read.push('documents');
    // A rotated contentId is the same document.
    takeAnswer(same, 'documents', documents({ ...receiptNotice, contentId: 'A2' }), before);
    expect(same.queue).toEqual([]);
    expect(same.reading.documents).toHaveLength(1);
  });

  it('reads the detail and the documents when the status moved (once each)', () => {
    const before = mergeReading(null, { at: T0, status: status('Case Was Received') });
    const check = startCheck(RECEIPT, 'keep-alive', T0 + 1, ['status', 'documents']);
    check.queue.shift();
    check.read.push('status');
    takeAnswer(check, 'status', status('Case Was Approved'), before);
    expect(check.queue).toEqual(['documents', 'detail']);
  });

  it('asks the detail after a first refusal, unless the detail was what refused or was read already', () => {
    const check = startCheck(RECEIPT, 'scheduled', T0, ['documents', 'status']);
    check.queue.shift();
    check.read.push('documents');
    expect(metRefusal(check, 'documents', 500)).toBe(false);
    expect(check.queue).toEqual(['detail']);
    expect(check.refused).toEqual({ status: 500 });
    const detailRefused = startCheck(RECEIPT, 'scheduled', T0, ['detail']);
    expect(metRefusal(detailRefused, 'detail', 404)).toBe(true);
    expect(detailRefused.queue).toEqual([]);
  });
});

describe('judging a refused receipt', () => {
  const refusedCheck = (answered: boolean, witness?: FetchOutcome<unknown>) => {
    const check = startCheck(RECEIPT, 'scheduled', T0, []);
    if (answered) check.answered.push('status');
    if (witness) check.witness = { receipt: OTHER, outcome: witness };
    return check;
  };
  const ok: FetchOutcome<unknown> = { kind: 'ok', value: {} };
  const context = (refusalsBefore = 0, listed: boolean | null = null) => ({ refusalsBefore, listedByAccount: listed });

  it('asks a witness first, once, when nothing was served here and a companion exists', () => {
    const check = refusedCheck(false);
    expect(wantsWitness(check, OTHER)).toBe(true);
    expect(wantsWitness(check, undefined)).toBe(false);
    expect(wantsWitness(refusedCheck(true), OTHER)).toBe(false);
    check.witness = { receipt: OTHER, outcome: null };
    expect(wantsWitness(check, OTHER)).toBe(false);
  });

  it('a 404 is another account\'s only while the companion is served at the same moment', () => {
    expect(judgeRefusedCheck(refusedCheck(false, ok), 404, context())).toEqual({ kind: 'not-this-account' });
    expect(judgeRefusedCheck(refusedCheck(false, { kind: 'no-content' }), 404, context())).toEqual({ kind: 'not-this-account' });
  });

  it('the companion refused too (a site-wide 404 or 500) is an outage, never a foreign receipt', () => {
    expect(judgeRefusedCheck(refusedCheck(false, { kind: 'receipt-refused', status: 404 }), 404, context(5))).toEqual({ kind: 'outage' });
    expect(judgeRefusedCheck(refusedCheck(false, { kind: 'server-error', status: 200, page: 'html' }), 404, context())).toEqual({ kind: 'outage' });
    expect(judgeRefusedCheck(refusedCheck(false, { kind: 'timeout' }), 500, context(5))).toEqual({ kind: 'outage' });
    // Even for receipts the applicant page lists: both refused at once is the site.
    expect(judgeRefusedCheck(refusedCheck(false, { kind: 'receipt-refused', status: 404 }), 404, context(0, true))).toEqual({ kind: 'outage' });
  });

  it('a 500 says so only on the third refused check in a row while the companion is served', () => {
    expect(judgeRefusedCheck(refusedCheck(false, ok), 500, context(0))).toEqual({ kind: 'case-failed', refused: true });
    expect(judgeRefusedCheck(refusedCheck(false, ok), 500, context(2))).toEqual({ kind: 'not-this-account' });
  });

  it('data for this receipt, or the applicant page listing it, means a failing endpoint whatever the witness says', () => {
    expect(judgeRefusedCheck(refusedCheck(true, ok), 404, context(5))).toEqual({ kind: 'case-failed', refused: false });
    expect(judgeRefusedCheck(refusedCheck(false, ok), 404, context(0, true))).toEqual({ kind: 'case-failed', refused: false });
  });

  it('with no companion to ask: the applicant page decides; without a recent listing it is the case failing', () => {
    expect(judgeRefusedCheck(refusedCheck(false), 404, context(0, false))).toEqual({ kind: 'not-this-account' });
    expect(judgeRefusedCheck(refusedCheck(false), 404, context(9, null))).toEqual({ kind: 'case-failed', refused: false });
  });

  it('reads the applicant page\'s listing only when it is a day old at most and lists something', () => {
    const state = emptyState();
    expect(listedByAccount(state, RECEIPT, T0)).toBeNull();
    state.accountCases = { readAt: new Date(T0 - 60_000).toISOString(), cases: [{ receipt: OTHER, formType: 'I-765', submissionDate: null, concurrentReceipts: [] }] };
    expect(listedByAccount(state, RECEIPT, T0)).toBe(false);
    expect(listedByAccount(state, OTHER, T0)).toBe(true);
    expect(listedByAccount(state, RECEIPT, T0 + 25 * 3600_000)).toBeNull();
    state.accountCases = { readAt: new Date(T0).toISOString(), cases: [] };
    expect(listedByAccount(state, RECEIPT, T0)).toBeNull();
  });
});

describe('concludeCheck', () => {
  it('stores what was read, notes the form, learns titles and finds the approval document', () => {
    const state = emptyState();
    state.cases = [{ receipt: RECEIPT, formType: null, addedAt: new Date(T0).toISOString(), problem: null }];
    const first = startCheck(RECEIPT, 'scheduled', T0, []);
    first.reading.documents = documents(receiptNotice);
    first.reading.status = status('Case Was Received');
    expect(concludeCheck(state, first, T0)).toEqual([]);
    expect(state.snapshots[RECEIPT]?.documents?.items).toHaveLength(1);
    const next = startCheck(RECEIPT, 'scheduled', T0 + 3_600_000, []);
    next.reading.documents = documents(receiptNotice, approval);
    const found = concludeCheck(state, next, T0 + 3_600_000).map((finding) => finding.type);
    expect(found).toEqual(expect.arrayContaining(['silent-approval', 'new-document']));
  });
});
