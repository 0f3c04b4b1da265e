// One check of one case as data: what it reads next when a list or a status moved, how a refusal is followed up
// and judged, and what a finished check stores and finds.

import { describe, expect, it } from 'vitest';
import { concludeCheck, judgeRefusedCheck, metRefusal, startCheck, takeAnswer } from '../../engine/case-check';
import type { CheckAnswer } from '../../engine/client';
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
  const served: CheckAnswer = { endpoint: 'documents', receipt: OTHER, outcome: { kind: 'ok', value: [] } };
  const refused = (status: 404 | 500): CheckAnswer => ({ endpoint: 'documents', receipt: RECEIPT, outcome: { kind: 'receipt-refused', status } });

  it('takes a 404 with no data for the receipt as another account\'s receipt at once', () => {
    const check = startCheck(RECEIPT, 'scheduled', T0, []);
    expect(judgeRefusedCheck(check, 404, [refused(404)], 0)).toEqual({ kind: 'not-this-account' });
  });

  it('takes a 500 so only on the third refused check while another receipt was served; data here means a failing endpoint', () => {
    const check = startCheck(RECEIPT, 'scheduled', T0, []);
    expect(judgeRefusedCheck(check, 500, [served, refused(500)], 0)).toEqual({ kind: 'case-failed', refused: true });
    expect(judgeRefusedCheck(check, 500, [served, refused(500)], 2)).toEqual({ kind: 'not-this-account' });
    expect(judgeRefusedCheck(check, 500, [refused(500)], 2)).toEqual({ kind: 'case-failed', refused: false });
    const answeredHere = startCheck(RECEIPT, 'scheduled', T0, []);
    answeredHere.answered.push('status');
    expect(judgeRefusedCheck(answeredHere, 404, [refused(404)], 5)).toEqual({ kind: 'case-failed', refused: false });
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
