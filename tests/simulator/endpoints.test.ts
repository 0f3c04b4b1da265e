// Every my.uscis.gov endpoint of MYUSCIS.md over real HTTP with a live session: exact field names, types and
// formats of case detail, case_status and documents, the fixed answers (probe, 204, null, 404) and foreign receipts.

import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { frozenSimulator } from '../helpers/sim-fixture';
import type { SimBrowser, SimResponse } from '../helpers/sim-browser';
import { getData, signedInBrowser } from '../helpers/sim-session';

const API = '/account/case-service/api';
const DAY = 86_400_000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const PLUS_0000 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const HISTORY_DATE = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;

const DETAIL_FIELDS = [
  'receiptNumber', 'submissionDate', 'submissionTimestamp', 'formType', 'formName', 'updatedAt', 'updatedAtTimestamp',
  'closed', 'actionRequired', 'cmsFailure', 'ackedByAdjudicatorAndCms', 'nonElisPaperFiled', 'noticeMailingPrefIndicator',
  'docMailingPrefIndicator', 'isPremiumProcessed', 'areAllGroupStatusesComplete', 'areAllGroupMembersAuthorizedForTravel',
  'applicantName', 'representativeName', 'elisChannelType', 'elisBeneficiaryAddendum', 'concurrentCases', 'documents', 'evidenceRequests',
  'addendums', 'notices', 'events',
];
const DETAIL_BOOLEANS = [
  'closed', 'actionRequired', 'cmsFailure', 'ackedByAdjudicatorAndCms', 'nonElisPaperFiled', 'noticeMailingPrefIndicator',
  'docMailingPrefIndicator', 'isPremiumProcessed', 'areAllGroupStatusesComplete', 'areAllGroupMembersAuthorizedForTravel',
];
const EVENT_FIELDS = ['receiptNumber', 'eventId', 'eventCode', 'createdAt', 'createdAtTimestamp', 'updatedAt', 'updatedAtTimestamp', 'eventDateTime', 'eventTimestamp'];
const NOTICE_FIELDS = ['receiptNumber', 'letterId', 'generationDate', 'appointmentDateTime', 'actionType'];
const STATUS_FIELDS = [
  'receiptNumber', 'formType', 'currentActionCode', 'currentActionCodeDate', 'statusTitle', 'statusText', 'statusTitleSpanish',
  'statusTextSpanish', 'jurisdiction', 'jurisdictionDescription', 'message', 'isPremiumProcessed', 'isPremiumRefunded',
  'historicalCaseStatuses',
];
const HISTORY_FIELDS = ['date', 'actionCode', 'statusTitle', 'statusTitleSpanish'];
const DOCUMENT_FIELDS = ['fileName', 'contentId', 'type', 'createDate', 'sourceType'];

type Json = Record<string, unknown>;

const get = getData;

async function data(browser: SimBrowser, sim: Simulator, path: string): Promise<Json> {
  const response = await get(browser, sim, path);
  expect(response.status, path).toBe(200);
  expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
  const body = response.json<{ data: Json }>();
  expect(Object.keys(body)).toEqual(['data']);
  return body.data;
}

const sortedKeys = (value: unknown): string[] => Object.keys(value as Json).sort();
const validIso = (value: unknown): boolean => typeof value === 'string' && ISO_Z.test(value) && new Date(value).toISOString() === value;

describe('fixed answers', () => {
  it('the cases probe answers 200 {"data": []} even for an account with cases', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const response = await get(browser, sim, `${API}/cases`);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ data: [] });
    expect(sim.caseRecords().i821d).not.toBeNull();
  });

  it('processing_times answers 204 with an empty body for I-821D and I-765', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    for (const [form, receipt] of [['I-821D', sim.receipts.i821d], ['I-765', sim.receipts.i765]] as const) {
      const response = await get(browser, sim, `${API}/cases/${form}/processing_times/${receipt}`);
      expect(response.status, form).toBe(204);
      expect(response.body, form).toBe('');
    }
  });

  it('receipt_info answers {"data": null} until the case is assigned, then its receipt_details and a message', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('biometrics-reused');
    let browser = signedInBrowser(sim);
    const path = (receipt: string) => `/secure-messaging/api/case-service/receipt_info/${receipt}`;
    for (const receipt of [sim.receipts.i821d, sim.receipts.i765]) {
      const response = await get(browser, sim, path(receipt));
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ data: null });
    }
    // Assigned to an office with the review (day 30, 2026-06-28).
    sim.advanceToPhase('review');
    browser = signedInBrowser(sim);
    for (const [receipt, form, subtype] of [[sim.receipts.i821d, 'I-821D', 'DACA-R'], [sim.receipts.i765, 'I-765', '147-C3']] as const) {
      const response = await get(browser, sim, path(receipt));
      expect(response.status).toBe(200);
      const body = response.json<{ data: { receipt_details: Json }; message: unknown }>();
      expect(Object.keys(body).sort()).toEqual(['data', 'message']);
      expect(typeof body.message).toBe('string');
      expect(body.data.receipt_details).toEqual({
        form,
        location: 'SCD',
        milnatz: 0,
        onpt: 0,
        premproc: 0,
        // RFC 1123, midnight of the filing day (2026-05-29, a Friday).
        receipt_date: 'Fri, 29 May 2026 00:00:00 GMT',
        receipt_number: receipt,
        subtype,
      });
    }
  });

  it('/history does not exist: 404', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const response = await get(browser, sim, `${API}/cases/${sim.receipts.i821d}/history`);
    expect(response.status).toBe(404);
    expect(() => response.json<{ data?: unknown }>().data).not.toThrow();
    expect(response.body).not.toContain('"data"');
  });
});

describe('case detail', () => {
  it('has exactly the fields of MYUSCIS.md, with typed booleans and the documented formats', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-biometrics-appointment' });
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    for (const key of ['i821d', 'i765'] as const) {
      const receipt = sim.receipts[key];
      const detail = await data(browser, sim, `${API}/cases/${receipt}`);
      expect(sortedKeys(detail)).toEqual([...DETAIL_FIELDS].sort());
      for (const flag of DETAIL_BOOLEANS) expect(typeof detail[flag], flag).toBe('boolean');
      expect(detail.receiptNumber).toBe(receipt);
      expect(detail.formType).toBe(key === 'i821d' ? 'I-821D' : 'I-765');
      expect(detail.formName).toBe(key === 'i821d' ? 'Consideration of Deferred Action for Childhood Arrivals' : 'Application for Employment Authorization');
      // Filed on story day 0 (2026-05-29) at 13:02 plus a few seconds of jitter.
      expect(detail.submissionDate).toBe('2026-05-29');
      expect(detail.submissionTimestamp).toMatch(/^2026-05-29T13:02:[0-5]\d\.\d{3}Z$/);
      expect(validIso(detail.submissionTimestamp)).toBe(true);
      expect(detail.updatedAt).toMatch(DATE_ONLY);
      expect(validIso(detail.updatedAtTimestamp)).toBe(true);
      expect(detail.updatedAt).toBe(String(detail.updatedAtTimestamp).slice(0, 10));
      // The review step (day 40 = 2026-07-08) is the latest one that touched the record.
      expect(detail.updatedAt).toBe('2026-07-08');
      expect(detail.applicantName).toMatch(/^[A-Z][A-Z' -]*, [A-Z][A-Z' -]*$/);
      expect(detail.applicantName).toBe('RIVERA, ANA');
      expect(['Lockbox', 'Service Center', 'EFile']).toContain(detail.elisChannelType);
      expect(detail.elisBeneficiaryAddendum).toEqual({});
      for (const list of ['concurrentCases', 'documents', 'evidenceRequests', 'addendums', 'notices', 'events']) {
        expect(Array.isArray(detail[list]), list).toBe(true);
      }
      expect(detail.closed).toBe(false);
      expect(detail.actionRequired).toBe(false);
    }
  });

  it('events come newest first and carry UUID ids, a code, date-only and ISO-Z times, and the receipt', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-biometrics-appointment' });
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const detail = await data(browser, sim, `${API}/cases/${sim.receipts.i821d}`);
    const events = detail.events as Json[];
    // Newest first, as the real service writes them; the IAA twice (a near-duplicate, 19 ms apart).
    expect(events.map((e) => e.eventCode)).toEqual(['FTA0', 'MA70', 'FNB', 'IMAF', 'FSA0', 'IAA', 'IAA', 'H001', 'IAF']);
    const created = events.map((e) => Date.parse(String(e.createdAtTimestamp)));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    for (const event of events) {
      expect(sortedKeys(event)).toEqual([...EVENT_FIELDS].sort());
      expect(event.receiptNumber).toBe(sim.receipts.i821d);
      expect(event.eventId).toMatch(UUID);
      expect(event.eventCode).toMatch(/^[A-Z0-9]+$/);
      for (const field of ['createdAt', 'updatedAt', 'eventDateTime']) expect(event[field], field).toMatch(DATE_ONLY);
      for (const field of ['createdAtTimestamp', 'updatedAtTimestamp', 'eventTimestamp']) expect(validIso(event[field]), field).toBe(true);
      expect(event.eventDateTime).toBe(String(event.eventTimestamp).slice(0, 10));
      expect(event.createdAt).toBe(String(event.createdAtTimestamp).slice(0, 10));
    }
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(events.at(-1)!.eventDateTime).toBe('2026-05-29');
  });

  it('notices carry a 9-digit letterId starting 44, ISO-Z generation and appointment times, and the action type', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-biometrics-appointment' });
    sim.advanceToPhase('biometrics-scheduled');
    const browser = signedInBrowser(sim);
    for (const receipt of [sim.receipts.i821d, sim.receipts.i765]) {
      const detail = await data(browser, sim, `${API}/cases/${receipt}`);
      const notices = detail.notices as Json[];
      expect(notices).toHaveLength(1);
      const notice = notices[0]!;
      expect(sortedKeys(notice)).toEqual([...NOTICE_FIELDS].sort());
      expect(notice.receiptNumber).toBe(receipt);
      expect(notice.letterId).toMatch(/^44\d{7}$/);
      expect(validIso(notice.generationDate)).toBe(true);
      expect(String(notice.generationDate).slice(0, 10)).toBe('2026-06-01');
      // Appointment on story day 17 at 13:30 UTC.
      expect(notice.appointmentDateTime).toBe('2026-06-15T13:30:00.000Z');
      expect(notice.actionType).toBe('Appointment Scheduled');
    }
  });

  it('lists the companion receipt in concurrentCases when the scenario says so, and evidence requests as objects', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-rfe' });
    sim.advanceToPhase('rfe');
    const browser = signedInBrowser(sim);
    const i821d = await data(browser, sim, `${API}/cases/${sim.receipts.i821d}`);
    const i765 = await data(browser, sim, `${API}/cases/${sim.receipts.i765}`);
    expect(i821d.concurrentCases).toEqual([sim.receipts.i765]);
    expect(i765.concurrentCases).toEqual([sim.receipts.i821d]);
    expect(i821d.actionRequired).toBe(true);
    const requests = i821d.evidenceRequests as Json[];
    expect(requests).toHaveLength(1);
    expect(requests[0]!.issueDate).toMatch(DATE_ONLY);
    expect(requests[0]!.responseDueDate).toBe(new Date(sim.filingDay + 139 * DAY).toISOString().slice(0, 10));
    expect(i765.evidenceRequests).toEqual([]);
  });
});

describe('case_status', () => {
  it('has exactly the status fields, HTML anchors in the text, a different Spanish twin and the query message', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    for (const key of ['i821d', 'i765'] as const) {
      const receipt = sim.receipts[key];
      const status = await data(browser, sim, `${API}/case_status/${receipt}`);
      expect(sortedKeys(status)).toEqual([...STATUS_FIELDS].sort());
      expect(status.receiptNumber).toBe(receipt);
      expect(status.formType).toBe(key === 'i821d' ? 'I-821D' : 'I-765');
      expect(status.currentActionCode).toBe('FTA0');
      expect(validIso(status.currentActionCodeDate)).toBe(true);
      expect(String(status.currentActionCodeDate).slice(0, 10)).toBe('2026-06-28');
      expect(typeof status.statusTitle).toBe('string');
      expect(status.statusTitle).toBe(key === 'i821d' ? 'Case Is Being Actively Reviewed By USCIS' : 'USCIS Is currently Processing the Case');
      expect(status.statusText).toContain('<a href="');
      expect(status.statusText).toContain(receipt);
      expect(typeof status.statusTitleSpanish).toBe('string');
      expect(String(status.statusTitleSpanish).length).toBeGreaterThan(0);
      expect(status.statusTitleSpanish).not.toBe(status.statusTitle);
      expect(typeof status.statusTextSpanish).toBe('string');
      expect(status.statusTextSpanish).toContain('<a href="');
      expect(status.statusTextSpanish).not.toBe(status.statusText);
      expect(status.jurisdiction).toBe('NSC');
      expect(status.jurisdictionDescription).toBe('NEBRASKA SERVICE CENTER');
      expect(String(status.message).startsWith('Query was successful for payload')).toBe(true);
      expect(status.message).toContain(receipt);
      expect(status.isPremiumProcessed).toBe(false);
      expect(status.isPremiumRefunded).toBe(false);
    }
  });

  it('lists earlier statuses newest first as MM-DD-YYYY HH:mm:ss, at most 4', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    let status = await data(browser, sim, `${API}/case_status/${sim.receipts.i821d}`);
    let history = status.historicalCaseStatuses as Json[];
    // IAF on day 0 (05-29), H008 on day 9 (06-07); the current FTA0 is not in the history.
    expect(history.map((h) => [h.date, h.actionCode])).toEqual([
      ['06-07-2026 00:00:00', 'H008'],
      ['05-29-2026 00:00:00', 'IAF'],
    ]);
    for (const entry of history) {
      expect(sortedKeys(entry)).toEqual([...HISTORY_FIELDS].sort());
      expect(entry.date).toMatch(HISTORY_DATE);
      expect(typeof entry.statusTitle).toBe('string');
      expect(typeof entry.statusTitleSpanish).toBe('string');
      expect(entry.statusTitleSpanish).not.toBe(entry.statusTitle);
    }
    expect(history[1]!.statusTitle).toBe('Case Was Received');

    sim.advanceToPhase('card-delivered');
    // Weeks later on the story clock: the first session has long idled out, so sign in again.
    const later = signedInBrowser(sim);
    status = await data(later, sim, `${API}/case_status/${sim.receipts.i765}`);
    history = status.historicalCaseStatuses as Json[];
    expect(status.currentActionCode).toBe('LED');
    expect(history).toHaveLength(4);
    expect(history.map((h) => h.actionCode)).toEqual(['LEE', 'LEA', 'LDA', 'SA']);
    for (const entry of history) expect(entry.date).toMatch(HISTORY_DATE);
  });
});

describe('documents', () => {
  it('names uploads after the receipt (-partN.tif) and USCIS documents after their type (.pdf), with 43-char base64url content ids, +0000 dates and the two source types', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const seenSources = new Set<unknown>();
    for (const receipt of [sim.receipts.i821d, sim.receipts.i765]) {
      const documents = (await data(browser, sim, `${API}/cases/${receipt}/documents`)) as unknown as Json[];
      expect(Array.isArray(documents)).toBe(true);
      expect(documents.length).toBeGreaterThanOrEqual(2);
      for (const doc of documents) {
        expect(sortedKeys(doc)).toEqual([...DOCUMENT_FIELDS].sort());
        if (doc.sourceType === 'USCIS Generated') expect(doc.fileName).toBe(`${String(doc.type)}.pdf`);
        else expect(doc.fileName).toMatch(new RegExp(`^${receipt}-\\d{13}-part\\d+\\.tif$`));
        expect(doc.contentId).toMatch(BASE64URL_43);
        expect(doc.createDate).toMatch(PLUS_0000);
        expect(Number.isNaN(Date.parse(String(doc.createDate).replace('+0000', 'Z')))).toBe(false);
        expect(['Applicant Provided', 'USCIS Generated']).toContain(doc.sourceType);
        expect(typeof doc.type).toBe('string');
        seenSources.add(doc.sourceType);
      }
      expect(new Set(documents.map((d) => d.contentId)).size).toBe(documents.length);
      // No URL anywhere: documents are named, not linked.
      expect(JSON.stringify(documents)).not.toMatch(/https?:/);
    }
    expect([...seenSources].sort()).toEqual(['Applicant Provided', 'USCIS Generated']);

    const i821d = (await data(browser, sim, `${API}/cases/${sim.receipts.i821d}/documents`)) as unknown as Json[];
    // Two-part applicant upload, account acceptance, receipt notice, biometrics reuse notice.
    expect(i821d.map((d) => d.type).sort()).toEqual(['Account Acceptance Notice', 'Biometrics Reuse Notice', 'Other', 'Other', 'Receipt Notice']);
    expect(i821d.filter((d) => d.type === 'Other').map((d) => String(d.fileName).slice(-10)).sort()).toEqual(['-part1.tif', '-part2.tif']);
    expect(i821d.filter((d) => d.sourceType === 'USCIS Generated').map((d) => d.fileName).sort()).toEqual([
      'Account Acceptance Notice.pdf', 'Biometrics Reuse Notice.pdf', 'Receipt Notice.pdf',
    ]);
  });
});

describe('receipts of another account and receipts that are not cases', () => {
  it('another account\'s receipt is 404 by default and 500 after setForeignReceiptStatus(500), own receipts still 200', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const foreign = sim.scenario.otherAccountReceipts[0]!;
    expect(foreign).toMatch(/^IOE\d{10}$/);

    const paths = (receipt: string) => [`${API}/cases/${receipt}`, `${API}/case_status/${receipt}`, `${API}/cases/${receipt}/documents`];
    for (const path of paths(foreign)) expect((await get(browser, sim, path)).status, path).toBe(404);
    for (const receipt of [sim.receipts.i821d, sim.receipts.i765]) {
      for (const path of paths(receipt)) expect((await get(browser, sim, path)).status, path).toBe(200);
    }

    sim.setForeignReceiptStatus(500);
    for (const path of paths(foreign)) {
      const response = await get(browser, sim, path);
      expect(response.status, path).toBe(500);
      expect(response.json<Json>().data).toBeUndefined();
    }
    for (const receipt of [sim.receipts.i821d, sim.receipts.i765]) {
      for (const path of paths(receipt)) expect((await get(browser, sim, path)).status, path).toBe(200);
    }
    // The same session all along: nothing signed it out.
    expect(sim.requestLog().every((entry) => entry.sessionLive)).toBe(true);
    expect(sim.requestLog().filter((entry) => entry.outcome === 'foreign-receipt')).toHaveLength(6);
  });

  it.each([
    ['a non-IOE receipt with an own receipt\'s digits', (own: string) => `EAC${own.slice(3)}`],
    ['another service center', (own: string) => `WAC${own.slice(3)}`],
    ['lower case', (own: string) => own.toLowerCase()],
    ['too short', (own: string) => own.slice(0, -1)],
    ['too long', (own: string) => `${own}9`],
    ['with dashes', (own: string) => `${own.slice(0, 3)}-${own.slice(3, 6)}-${own.slice(6)}`],
    ['no letters', (own: string) => own.slice(3)],
    ['garbage', () => '%ZZnot-a-receipt'],
  ])('%s is not served', async (_label, make) => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const receipt = make(sim.receipts.i821d);
    for (const path of [`${API}/cases/${receipt}`, `${API}/case_status/${receipt}`, `${API}/cases/${receipt}/documents`]) {
      const response = await get(browser, sim, path);
      expect(response.status, path).not.toBe(200);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
    }
    expect((await get(browser, sim, `${API}/cases/${sim.receipts.i821d}`)).status).toBe(200);
  });
});
