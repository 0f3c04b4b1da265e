// The schemas against the payload shapes of MYUSCIS.md's "Seen in real captures" section, written out by hand
// from its facts (not from the simulator): every one reads, and nothing in it is lost that DACA Watch uses.

import { describe, expect, it } from 'vitest';
import { parseCaseDetailBody, parseCaseStatusBody, parseDocumentsBody, parseReceiptInfoBody } from '../../../shared/myuscis/schemas';

const RECEIPT = 'IOE0912345678';

describe('payloads as real captures show them', () => {
  it('case detail: elisBeneficiaryAddendum {}, elisChannelType "EFile", events newest first, an Interview Scheduled notice', () => {
    const read = parseCaseDetailBody({ data: {
      receiptNumber: RECEIPT, formType: 'I-765', elisChannelType: 'EFile', elisBeneficiaryAddendum: {}, submissionDate: '2026-05-29',
      notices: [{ receiptNumber: RECEIPT, letterId: '440000001', generationDate: '2026-07-01T10:00:00Z', actionType: 'Interview Scheduled' }],
      events: [
        { eventId: 'b', eventCode: 'FTA0', eventTimestamp: '2026-07-20T14:00:00.019Z', createdAtTimestamp: '2026-07-20T14:00:00.019Z' },
        { eventId: 'a', eventCode: 'FTA0', eventTimestamp: '2026-07-20T14:00:00.000Z', createdAtTimestamp: '2026-07-20T14:00:00.000Z' },
        // IAF dated midnight UTC of the submission day, written days later.
        { eventId: 'i', eventCode: 'IAF', eventTimestamp: '2026-05-29T00:00:00.000Z', createdAtTimestamp: '2026-06-02T09:30:00.000Z' },
      ],
    } });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value).toMatchObject({ elisChannelType: 'EFile', notices: [{ actionType: 'Interview Scheduled' }] });
    expect(read.value.events.map((e) => e.eventId)).toEqual(['b', 'a', 'i']);
  });

  it('case status: the Python-dict message and a "We ..." title with its Spanish twin', () => {
    const read = parseCaseStatusBody({ data: {
      receiptNumber: RECEIPT, currentActionCode: 'LDA', statusTitle: 'We Produced Your New Card', statusTitleSpanish: 'Produjimos Su Nueva Tarjeta',
      message: `Query was successful for payload {'receipt_number': '${RECEIPT}'}`, historicalCaseStatuses: [],
    } });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value).toMatchObject({ statusTitle: 'We Produced Your New Card', message: expect.stringContaining(RECEIPT) });
  });

  it('documents: USCIS documents named <type>.pdf, +0000 dates', () => {
    const read = parseDocumentsBody({ data: [
      { fileName: 'Account Acceptance Notice.pdf', contentId: 'x'.repeat(43), type: 'Account Acceptance Notice', createDate: '2026-06-04T02:09:53.542+0000', sourceType: 'USCIS Generated' },
    ] });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value[0]).toMatchObject({ fileName: 'Account Acceptance Notice.pdf', createDate: '2026-06-04T02:09:53.542Z' });
  });

  it('receipt_info: null before assignment, receipt_details after, both read', () => {
    expect(parseReceiptInfoBody({ data: null })).toEqual({ ok: true, value: null });
    const details = { receipt_details: { form: 'I-765', location: 'SCD', milnatz: 0, onpt: 0, premproc: 0, receipt_date: 'Wed, 15 Jan 2025 00:00:00 GMT', receipt_number: RECEIPT, subtype: '147-C3' } };
    expect(parseReceiptInfoBody({ data: details, message: 'ok' })).toEqual({ ok: true, value: details });
  });
});
