// Tests for the myUSCIS schemas against payloads shaped like MYUSCIS.md's examples, plus odd, partial and
// signed-out bodies. Pure: the payloads are built here, nothing is fetched.

import { describe, expect, it } from 'vitest';
import {
  CaseDetailBodySchema,
  SignedOutEnvelopeSchema,
  parseCaseDetailBody,
  parseCaseStatusBody,
  parseCasesProbeBody,
  parseDocumentsBody,
  parseReceiptInfoBody,
  type ParsedBody,
} from '../../../shared/myuscis/schemas';

const RECEIPT = 'IOE0912345678';
const COMPANION = 'IOE0912345679';
const CONTENT_ID = 'Qk1fZG9jdW1lbnRfY29udGVudF9pZF9leGFtcGxlXzE';
const EVENT_ID = '3f1c2a9e-7b4d-4e8a-9c61-0d2f5b7a8e14';

function caseDetailData(): Record<string, unknown> {
  return {
    receiptNumber: RECEIPT,
    submissionDate: '2026-05-29',
    submissionTimestamp: '2026-05-29T14:03:11.123Z',
    formType: 'I-765',
    formName: 'Application for Employment Authorization',
    updatedAt: '2026-06-04',
    updatedAtTimestamp: '2026-06-04T02:09:53.542Z',
    closed: false,
    actionRequired: false,
    cmsFailure: false,
    ackedByAdjudicatorAndCms: true,
    nonElisPaperFiled: false,
    noticeMailingPrefIndicator: false,
    docMailingPrefIndicator: true,
    isPremiumProcessed: false,
    areAllGroupStatusesComplete: false,
    areAllGroupMembersAuthorizedForTravel: false,
    applicantName: 'GARCIA, MARIA',
    representativeName: null,
    elisChannelType: 'Lockbox',
    concurrentCases: [COMPANION],
    documents: [],
    evidenceRequests: [],
    addendums: [],
    notices: [
      {
        receiptNumber: RECEIPT,
        letterId: '440000000',
        generationDate: '2026-06-02T10:15:00.000Z',
        appointmentDateTime: '2026-06-20T13:00:00.000Z',
        actionType: 'Appointment Scheduled',
      },
    ],
    events: [
      {
        receiptNumber: RECEIPT,
        eventId: EVENT_ID,
        eventCode: 'IAF',
        createdAt: '2026-05-29',
        createdAtTimestamp: '2026-05-29T14:03:12.000Z',
        updatedAt: '2026-05-29',
        updatedAtTimestamp: '2026-05-29T14:03:12.000Z',
        eventDateTime: '2026-05-29',
        eventTimestamp: '2026-05-29T14:03:12.000Z',
      },
    ],
  };
}

const STATUS_TEXT =
  'On July 18, 2026, we began actively reviewing your Form I-821D, Consideration of Deferred Action for Childhood ' +
  'Arrivals, Receipt Number IOE0912345678. Our processing time for this kind of case can be found at ' +
  '<a href="https://egov.uscis.gov/processing-times/" target="_blank">egov.uscis.gov/processing-times</a>.';
const STATUS_TEXT_SPANISH =
  'El 18 de julio de 2026 comenzamos a revisar activamente su Formulario I-821D. &iquest;Tiene preguntas? ' +
  'Visite <a href="/es/contactenos">uscis.gov/es/cont&aacute;ctenos</a>.';

function caseStatusData(): Record<string, unknown> {
  return {
    receiptNumber: RECEIPT,
    formType: 'I-821D',
    currentActionCode: 'FTA0',
    currentActionCodeDate: '2026-07-18T00:00:00.000+0000',
    statusTitle: 'Case Is Being Actively Reviewed By USCIS',
    statusText: STATUS_TEXT,
    statusTitleSpanish: 'USCIS está revisando activamente el caso',
    statusTextSpanish: STATUS_TEXT_SPANISH,
    jurisdiction: 'NSC',
    jurisdictionDescription: 'NEBRASKA SERVICE CENTER',
    message: 'Query was successful for payload {"receiptNumber":"IOE0912345678"}',
    isPremiumProcessed: false,
    isPremiumRefunded: false,
    historicalCaseStatuses: [
      {
        date: '07-18-2026 00:00:00',
        actionCode: 'FTA0',
        statusTitle: 'Case Is Being Actively Reviewed By USCIS',
        statusTitleSpanish: 'USCIS está revisando activamente el caso',
      },
      {
        date: '05-29-2026 00:00:00',
        actionCode: 'IAF',
        statusTitle: 'Case Was Received',
        statusTitleSpanish: 'Caso fue recibido',
      },
    ],
  };
}

function documentData(): Array<Record<string, unknown>> {
  return [
    {
      fileName: 'IOE0000000000-0000000000000-part1.tif',
      contentId: CONTENT_ID,
      type: 'Account Acceptance Notice',
      createDate: '2026-05-29T14:05:01.002+0000',
      sourceType: 'USCIS Generated',
    },
    {
      fileName: 'IOE0000000000-0000000000001-part1.tif',
      contentId: CONTENT_ID.replace('Q', 'R'),
      type: 'I-765 C09 Standalone Approval',
      createDate: '2026-06-04T02:09:53.542+0000',
      sourceType: 'USCIS Generated',
    },
    {
      fileName: 'IOE0000000000-0000000000002-part1.tif',
      contentId: CONTENT_ID.replace('Q', 'S'),
      type: 'Other',
      createDate: '2026-06-01T18:30:00.000-0400',
      sourceType: 'Applicant Provided',
    },
  ];
}

const SIGNED_OUT = { data: null, error: { code: 'UNAUTHORIZED', message: 'User is not authenticated' } };

function valueOf<T>(parsed: ParsedBody<T>): T {
  if (!parsed.ok) throw new Error(`expected ok, got ${parsed.reason}: ${parsed.issues ?? ''}`);
  return parsed.value;
}

it('uses a content id shaped like the real ones (43 base64url characters)', () => {
  expect(CONTENT_ID).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

describe('case detail', () => {
  it('reads a full payload, normalising dates', () => {
    expect(valueOf(parseCaseDetailBody({ data: caseDetailData() }))).toEqual({
      receiptNumber: RECEIPT,
      submissionDate: '2026-05-29',
      submissionTimestamp: '2026-05-29T14:03:11.123Z',
      formType: 'I-765',
      formName: 'Application for Employment Authorization',
      updatedAt: '2026-06-04',
      updatedAtTimestamp: '2026-06-04T02:09:53.542Z',
      closed: false,
      actionRequired: false,
      cmsFailure: false,
      ackedByAdjudicatorAndCms: true,
      nonElisPaperFiled: false,
      noticeMailingPrefIndicator: false,
      docMailingPrefIndicator: true,
      isPremiumProcessed: false,
      areAllGroupStatusesComplete: false,
      areAllGroupMembersAuthorizedForTravel: false,
      applicantName: 'GARCIA, MARIA',
      representativeName: undefined,
      elisChannelType: 'Lockbox',
      concurrentCases: [COMPANION],
      documents: [],
      evidenceRequests: [],
      addendums: [],
      notices: [
        {
          receiptNumber: RECEIPT,
          letterId: '440000000',
          generationDate: '2026-06-02T10:15:00.000Z',
          appointmentDateTime: '2026-06-20T13:00:00.000Z',
          actionType: 'Appointment Scheduled',
        },
      ],
      events: [
        {
          receiptNumber: RECEIPT,
          eventId: EVENT_ID,
          eventCode: 'IAF',
          createdAt: '2026-05-29',
          createdAtTimestamp: '2026-05-29T14:03:12.000Z',
          updatedAt: '2026-05-29',
          updatedAtTimestamp: '2026-05-29T14:03:12.000Z',
          eventDateTime: '2026-05-29',
          eventTimestamp: '2026-05-29T14:03:12.000Z',
        },
      ],
    });
  });

  it('ignores unknown fields at every level', () => {
    const data = caseDetailData();
    data.somethingNew = { nested: true };
    (data.events as Array<Record<string, unknown>>)[0]!.eventSource = 'ELIS';
    const detail = valueOf(parseCaseDetailBody({ data, meta: { requestId: 'abc' } }));
    expect(detail).not.toHaveProperty('somethingNew');
    expect(detail.events[0]).not.toHaveProperty('eventSource');
    expect(detail.events[0]?.eventCode).toBe('IAF');
  });

  it('tolerates a partial payload', () => {
    const detail = valueOf(parseCaseDetailBody({ data: { receiptNumber: RECEIPT, formType: 'I-821D' } }));
    expect(detail.receiptNumber).toBe(RECEIPT);
    expect(detail.formType).toBe('I-821D');
    expect(detail.closed).toBeUndefined();
    expect(detail.submissionDate).toBeUndefined();
    expect(detail.notices).toEqual([]);
    expect(detail.events).toEqual([]);
    expect(detail.documents).toEqual([]);
    expect(detail.concurrentCases).toEqual([]);
  });

  it('reads null lists as empty', () => {
    const data = { ...caseDetailData(), notices: null, events: null, documents: null, concurrentCases: null, evidenceRequests: null, addendums: null };
    const detail = valueOf(parseCaseDetailBody({ data }));
    for (const list of [detail.notices, detail.events, detail.documents, detail.concurrentCases, detail.evidenceRequests, detail.addendums]) {
      expect(list).toEqual([]);
    }
    expect(detail.applicantName).toBe('GARCIA, MARIA');
  });

  it('lets one odd field or entry degrade without losing the rest', () => {
    const data = {
      ...caseDetailData(),
      closed: 'false',
      submissionDate: 20260529,
      updatedAtTimestamp: 'yesterday',
      applicantName: { last: 'GARCIA' },
      notices: 'none',
      events: [null, 5, 'IAF', { eventCode: 'FTA0', eventTimestamp: '07-18-2026 00:00:00', eventDateTime: '02-30-2026 00:00:00' }],
    };
    const detail = valueOf(parseCaseDetailBody({ data }));
    expect(detail.closed).toBeUndefined();
    expect(detail.submissionDate).toBeUndefined();
    expect(detail.updatedAtTimestamp).toBeUndefined();
    expect(detail.applicantName).toBeUndefined();
    expect(detail.notices).toEqual([]);
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({ eventCode: 'FTA0', eventTimestamp: '2026-07-18T00:00:00.000Z', eventDateTime: undefined });
    expect(detail.receiptNumber).toBe(RECEIPT);
    expect(detail.submissionTimestamp).toBe('2026-05-29T14:03:11.123Z');
  });

  it('reads a letterId sent as a number as missing rather than guessing', () => {
    const data = caseDetailData();
    (data.notices as Array<Record<string, unknown>>)[0]!.letterId = 440000000;
    const detail = valueOf(parseCaseDetailBody({ data }));
    expect(detail.notices[0]?.letterId).toBeUndefined();
    expect(detail.notices[0]?.actionType).toBe('Appointment Scheduled');
  });

  it('accepts a body whose error is null', () => {
    expect(valueOf(parseCaseDetailBody({ data: caseDetailData(), error: null })).receiptNumber).toBe(RECEIPT);
  });

  it('exposes the body schema itself', () => {
    const body = CaseDetailBodySchema.parse({ data: caseDetailData() });
    expect(body.data.submissionTimestamp).toBe('2026-05-29T14:03:11.123Z');
  });

  it.each([
    [{ data: 'IOE0912345678' }],
    [{ data: [caseDetailData()] }],
    [{ data: 42 }],
  ])('rejects a data of the wrong shape %j as invalid, with issues', (body) => {
    const parsed = parseCaseDetailBody(body);
    expect(parsed).toMatchObject({ ok: false, reason: 'invalid' });
    expect(parsed.ok ? '' : parsed.issues).toMatch(/data/);
  });
});

describe('case status', () => {
  it('reads a full payload with plain status text and links in both languages', () => {
    const status = valueOf(parseCaseStatusBody({ data: caseStatusData() }));
    expect(status).toMatchObject({
      receiptNumber: RECEIPT,
      formType: 'I-821D',
      currentActionCode: 'FTA0',
      currentActionCodeDate: '2026-07-18T00:00:00.000Z',
      statusTitle: 'Case Is Being Actively Reviewed By USCIS',
      statusText: STATUS_TEXT,
      statusTitleSpanish: 'USCIS está revisando activamente el caso',
      statusTextSpanish: STATUS_TEXT_SPANISH,
      jurisdiction: 'NSC',
      jurisdictionDescription: 'NEBRASKA SERVICE CENTER',
      message: 'Query was successful for payload {"receiptNumber":"IOE0912345678"}',
      isPremiumProcessed: false,
      isPremiumRefunded: false,
      historicalCaseStatuses: [
        {
          date: '2026-07-18T00:00:00.000Z',
          actionCode: 'FTA0',
          statusTitle: 'Case Is Being Actively Reviewed By USCIS',
          statusTitleSpanish: 'USCIS está revisando activamente el caso',
        },
        { date: '2026-05-29T00:00:00.000Z', actionCode: 'IAF', statusTitle: 'Case Was Received', statusTitleSpanish: 'Caso fue recibido' },
      ],
    });
    expect(status.statusTextPlain).toEqual({
      text:
        'On July 18, 2026, we began actively reviewing your Form I-821D, Consideration of Deferred Action for ' +
        'Childhood Arrivals, Receipt Number IOE0912345678. Our processing time for this kind of case can be found at ' +
        'egov.uscis.gov/processing-times.',
      links: [
        {
          text: 'egov.uscis.gov/processing-times',
          href: 'https://egov.uscis.gov/processing-times/',
          safeUrl: 'https://egov.uscis.gov/processing-times/',
        },
      ],
    });
    expect(status.statusTextSpanishPlain).toEqual({
      text:
        'El 18 de julio de 2026 comenzamos a revisar activamente su Formulario I-821D. ¿Tiene preguntas? ' +
        'Visite uscis.gov/es/contáctenos.',
      links: [
        { text: 'uscis.gov/es/contáctenos', href: '/es/contactenos', safeUrl: 'https://www.uscis.gov/es/contactenos' },
      ],
    });
  });

  it('leaves the plain text out when there is no status text', () => {
    const status = valueOf(parseCaseStatusBody({ data: { receiptNumber: RECEIPT, statusText: null } }));
    expect(status.statusText).toBeUndefined();
    expect(status.statusTextPlain).toBeUndefined();
    expect(status.statusTextSpanishPlain).toBeUndefined();
    expect(status.historicalCaseStatuses).toEqual([]);
  });

  it('never passes an unsafe status link on as safe', () => {
    const data = { ...caseStatusData(), statusText: 'Click <a href="javascript:alert(1)">here</a><script>alert(2)</script>.' };
    const status = valueOf(parseCaseStatusBody({ data }));
    expect(status.statusTextPlain).toEqual({ text: 'Click here.', links: [{ text: 'here', href: 'javascript:alert(1)', safeUrl: null }] });
  });

  it('reads null history as empty and drops odd history entries', () => {
    expect(valueOf(parseCaseStatusBody({ data: { ...caseStatusData(), historicalCaseStatuses: null } })).historicalCaseStatuses).toEqual([]);
    const history = valueOf(
      parseCaseStatusBody({ data: { ...caseStatusData(), historicalCaseStatuses: [null, { date: 'soon', actionCode: 'SA' }] } }),
    ).historicalCaseStatuses;
    expect(history).toEqual([{ date: undefined, actionCode: 'SA', statusTitle: undefined, statusTitleSpanish: undefined }]);
  });

  it('keeps isPremiumProcessed when only isPremiumRefunded is odd', () => {
    const status = valueOf(parseCaseStatusBody({ data: { ...caseStatusData(), isPremiumRefunded: 'N' } }));
    expect(status.isPremiumRefunded).toBeUndefined();
    expect(status.isPremiumProcessed).toBe(false);
  });
});

describe('documents list', () => {
  it('reads every document, with +0000 and other offsets as UTC', () => {
    expect(valueOf(parseDocumentsBody({ data: documentData() }))).toEqual([
      {
        fileName: 'IOE0000000000-0000000000000-part1.tif',
        contentId: CONTENT_ID,
        type: 'Account Acceptance Notice',
        createDate: '2026-05-29T14:05:01.002Z',
        sourceType: 'USCIS Generated',
      },
      {
        fileName: 'IOE0000000000-0000000000001-part1.tif',
        contentId: CONTENT_ID.replace('Q', 'R'),
        type: 'I-765 C09 Standalone Approval',
        createDate: '2026-06-04T02:09:53.542Z',
        sourceType: 'USCIS Generated',
      },
      {
        fileName: 'IOE0000000000-0000000000002-part1.tif',
        contentId: CONTENT_ID.replace('Q', 'S'),
        type: 'Other',
        createDate: '2026-06-01T22:30:00.000Z',
        sourceType: 'Applicant Provided',
      },
    ]);
  });

  it('reads an empty list as empty', () => {
    expect(parseDocumentsBody({ data: [] })).toEqual({ ok: true, value: [] });
  });

  it('drops entries that are not documents and keeps the rest', () => {
    const [first] = documentData();
    const value = valueOf(parseDocumentsBody({ data: [null, 'x', first, { ...first, createDate: 7, extra: 1 }] }));
    expect(value.map((document) => document.createDate)).toEqual(['2026-05-29T14:05:01.002Z', undefined]);
    expect(value[1]).not.toHaveProperty('extra');
  });

  it('does not read a missing list as an empty one', () => {
    expect(parseDocumentsBody({ data: null })).toEqual({ ok: false, reason: 'no-data' });
    expect(parseDocumentsBody({})).toEqual({ ok: false, reason: 'no-data' });
    expect(parseDocumentsBody({ data: { documents: [] } })).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('cases probe and receipt info', () => {
  it('reads the probe answer {"data": []}', () => {
    expect(parseCasesProbeBody({ data: [] })).toEqual({ ok: true, value: [] });
    expect(parseCasesProbeBody({ data: null })).toEqual({ ok: false, reason: 'no-data' });
    expect(parseCasesProbeBody({ data: {} })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('reads receipt_info {"data": null} as a valid null', () => {
    expect(parseReceiptInfoBody({ data: null })).toEqual({ ok: true, value: null });
    expect(parseReceiptInfoBody({ data: { receiptNumber: RECEIPT } })).toEqual({ ok: true, value: { receiptNumber: RECEIPT } });
  });
});

describe('signed-out envelope and bodies that are not JSON objects', () => {
  const parsers = { parseCaseDetailBody, parseCaseStatusBody, parseDocumentsBody, parseCasesProbeBody, parseReceiptInfoBody };

  describe.each(Object.entries(parsers))('%s', (_name, parse) => {
    it.each([[SIGNED_OUT], [{ error: 'Unauthorized' }], [{ data: null, error: { message: '' } }]])('%j is signed out', (body) => {
      expect(parse(body)).toEqual({ ok: false, reason: 'signed-out-envelope' });
    });

    it.each([['<!DOCTYPE html><html><body>Sign In</body></html>'], [null], [[]], [42], [true]])('%j is invalid', (body) => {
      expect(parse(body)).toMatchObject({ ok: false, reason: 'invalid' });
    });
  });

  it('tells an error envelope from a body with no data', () => {
    expect(parseCaseDetailBody({ data: null, error: null })).toEqual({ ok: false, reason: 'no-data' });
    expect(parseCaseDetailBody({ data: null })).toEqual({ ok: false, reason: 'no-data' });
    expect(parseCaseDetailBody({})).toEqual({ ok: false, reason: 'no-data' });
  });

  it('matches SignedOutEnvelopeSchema only when data is null and there is an error', () => {
    expect(SignedOutEnvelopeSchema.parse(SIGNED_OUT)).toEqual(SIGNED_OUT);
    expect(SignedOutEnvelopeSchema.safeParse({ data: caseDetailData(), error: { message: 'x' } }).success).toBe(false);
    expect(SignedOutEnvelopeSchema.safeParse({ data: null, error: null }).success).toBe(false);
    expect(SignedOutEnvelopeSchema.safeParse({ data: null }).success).toBe(false);
  });
});
