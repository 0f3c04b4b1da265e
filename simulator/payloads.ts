// Renders a case record as the exact JSON myUSCIS serves (MYUSCIS.md): field names, the odd date
// formats (+0000 offsets, MM-DD-YYYY history dates), HTML in statusText. It decides no access rules.

import type { CaseRecord, SimDocument, SimStatus } from './case-state';
import type { Scenario } from './scenario-schema';
import { fillStatusTemplate, formatStatusDate } from './status-wording';

/** "2026-05-29T13:02:41.123Z" */
const isoZ = (ms: number): string => new Date(ms).toISOString();
/** "2026-05-29" */
const dateOnly = (ms: number): string => isoZ(ms).slice(0, 10);
/** "2026-06-04T02:09:53.542+0000", as the documents list writes it. */
const plusZeroZero = (ms: number): string => isoZ(ms).replace('Z', '+0000');
/** "07-18-2026 00:00:00", as historicalCaseStatuses writes it. */
function historyDate(ms: number): string {
  const [y, m, d] = dateOnly(ms).split('-');
  return `${m}-${d}-${y} 00:00:00`;
}

/**
 * events[] in the scenario's order: newest first (the real service's order: the latest written on
 * top, a near-duplicate above its first writing), or oldest first.
 */
function orderedEvents(record: CaseRecord, order: Scenario['eventOrder']): CaseRecord['events'] {
  const newestFirst = record.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.createdAt - a.event.createdAt || b.event.eventAt - a.event.eventAt || b.index - a.index)
    .map(({ event }) => event);
  return order === 'oldest-first' ? newestFirst.reverse() : newestFirst;
}

export function caseDetailPayload(record: CaseRecord, scenario: Scenario, companionReceipt: string): { data: Record<string, unknown> } {
  // Trimmed as users paste them: events only {eventCode, createdAt}, notices without ids.
  const sparse = scenario.payloadTrim === 'sparse';
  return {
    data: {
      receiptNumber: record.receipt,
      submissionDate: dateOnly(record.submittedAt),
      submissionTimestamp: isoZ(record.submittedAt),
      formType: record.formType,
      formName: record.formName,
      updatedAt: dateOnly(record.updatedAt),
      updatedAtTimestamp: isoZ(record.updatedAt),
      closed: record.closed,
      actionRequired: record.actionRequired,
      cmsFailure: false,
      ackedByAdjudicatorAndCms: record.status !== null && record.status.code !== 'IAF',
      nonElisPaperFiled: false,
      noticeMailingPrefIndicator: false,
      docMailingPrefIndicator: false,
      isPremiumProcessed: false,
      areAllGroupStatusesComplete: record.closed,
      areAllGroupMembersAuthorizedForTravel: false,
      applicantName: scenario.account.applicantName,
      representativeName: scenario.account.representativeName,
      elisChannelType: record.elisChannelType,
      elisBeneficiaryAddendum: {},
      concurrentCases: record.listsCompanion ? [companionReceipt] : [],
      // The detail's own documents array stays empty; the documents endpoint holds the list.
      documents: [],
      evidenceRequests: record.evidenceRequests.map((request) => ({
        requestId: request.requestId,
        issueDate: dateOnly(request.issuedAt),
        responseDueDate: dateOnly(request.dueAt),
        status: request.responded ? 'RESPONSE_RECEIVED' : 'OPEN',
      })),
      addendums: [],
      notices: record.notices.map((notice) => (sparse
        ? { generationDate: isoZ(notice.generatedAt), appointmentDateTime: isoZ(notice.appointmentAt), actionType: notice.actionType }
        : {
            receiptNumber: record.receipt,
            letterId: notice.letterId,
            generationDate: isoZ(notice.generatedAt),
            appointmentDateTime: isoZ(notice.appointmentAt),
            actionType: notice.actionType,
          })),
      events: orderedEvents(record, scenario.eventOrder).map((event) => (sparse
        ? { eventCode: event.eventCode, createdAt: dateOnly(event.createdAt) }
        : {
            receiptNumber: record.receipt,
            eventId: event.eventId,
            eventCode: event.eventCode,
            createdAt: dateOnly(event.createdAt),
            createdAtTimestamp: isoZ(event.createdAt),
            updatedAt: dateOnly(event.createdAt),
            updatedAtTimestamp: isoZ(event.createdAt),
            eventDateTime: dateOnly(event.eventAt),
            eventTimestamp: isoZ(event.eventAt),
          })),
    },
  };
}

function statusTexts(status: SimStatus, record: CaseRecord): { en: string; es: string } {
  const values = (lang: 'en' | 'es') => ({
    date: formatStatusDate(status.at, lang),
    form: record.formType,
    formName: record.formName,
    receipt: record.receipt,
  });
  return {
    en: fillStatusTemplate(status.wording.text.en, values('en')),
    es: fillStatusTemplate(status.wording.text.es, values('es')),
  };
}

/** At most this many earlier statuses are listed (0-4 seen live). */
const HISTORY_LIMIT = 4;

export function caseStatusPayload(record: CaseRecord, scenario: Scenario): { data: unknown } {
  const status = record.status;
  const text = status ? statusTexts(status, record) : { en: '', es: '' };
  return {
    data: {
      receiptNumber: record.receipt,
      formType: record.formType,
      currentActionCode: status?.code ?? null,
      currentActionCodeDate: status ? isoZ(status.at) : null,
      statusTitle: status?.wording.title.en ?? null,
      statusText: text.en,
      statusTitleSpanish: status?.wording.title.es ?? null,
      statusTextSpanish: text.es,
      jurisdiction: scenario.jurisdiction.code,
      jurisdictionDescription: scenario.jurisdiction.description,
      // Python-dict style: case_status is probably a proxy of USCIS's public Case Status API.
      message: `Query was successful for payload {'receipt_number': '${record.receipt}'}`,
      isPremiumProcessed: false,
      isPremiumRefunded: false,
      // Newest first, as the service lists them.
      historicalCaseStatuses: record.history
        .slice(-HISTORY_LIMIT)
        .reverse()
        .map((earlier) => ({
          date: historyDate(earlier.at),
          actionCode: earlier.code,
          statusTitle: earlier.wording.title.en,
          statusTitleSpanish: earlier.wording.title.es,
        })),
    },
  };
}

/** `contentIdFor` stands in another id for a document (the rotating-contentId switch). */
export function documentsPayload(record: CaseRecord, contentIdFor: (doc: SimDocument) => string = (doc) => doc.contentId): { data: unknown } {
  return {
    // Newest first.
    data: [...record.documents]
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((doc) => ({
        fileName: doc.fileName,
        contentId: contentIdFor(doc),
        type: doc.type,
        createDate: plusZeroZero(doc.createdAt),
        sourceType: doc.sourceType,
      })),
  };
}

/** "Wed, 15 Jan 2025 00:00:00 GMT": receipt_info's receipt_date, midnight UTC of the filing day. */
function rfc1123Day(ms: number): string {
  return new Date(Date.parse(`${dateOnly(ms)}T00:00:00Z`)).toUTCString();
}

/**
 * `/secure-messaging/.../receipt_info/{receipt}`: `{"data": null}` until the case is assigned to an
 * office, then its receipt_details (three trackers read this shape), with a message.
 */
export function receiptInfoPayload(record: CaseRecord | null, scenario: Scenario): Record<string, unknown> {
  if (!record?.assignment) return { data: null };
  const receiptDetails = {
    form: record.formType,
    location: record.assignment.location,
    milnatz: 0,
    onpt: 0,
    premproc: 0,
    receipt_date: rfc1123Day(record.submittedAt),
    receipt_number: record.receipt,
    subtype: record.assignment.subtype,
  };
  const message = 'Receipt details retrieved successfully';
  return scenario.receiptInfoMessage === 'inside-data'
    ? { data: { receipt_details: receiptDetails, message } }
    : { data: { receipt_details: receiptDetails }, message };
}

/**
 * The applicant page's CaseCardsApp entries: the case-detail fields, the premium flag spelled
 * isPremiumProcessing, and companions as full case objects (seen) or as receipts.
 */
export function caseCards(records: CaseRecord[], scenario: Scenario): Array<Record<string, unknown>> {
  const card = (record: CaseRecord, companions: CaseRecord[]): Record<string, unknown> => {
    const { isPremiumProcessed, ...detail } = caseDetailPayload(record, scenario, '').data;
    const listed = record.listsCompanion ? companions : [];
    return {
      ...detail,
      isPremiumProcessing: isPremiumProcessed,
      concurrentCases: listed.map((companion) => (scenario.caseCardsCompanions === 'objects' ? card(companion, []) : companion.receipt)),
    };
  };
  return records.map((record) => card(record, records.filter((other) => other !== record)));
}
