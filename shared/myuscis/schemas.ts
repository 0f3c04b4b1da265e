// Zod schemas for the myUSCIS JSON endpoints (see MYUSCIS.md): lenient readers that normalise dates and status text.
// They only read what the service sent: no classifying of findings here, and one odd field never rejects a payload.

import { z } from 'zod';
import { toIsoDate, toIsoInstant } from './dates';
import { statusTextToPlain } from './status-text';

// Field readers. A missing, null or wrong-typed value reads as undefined (or an empty list) instead of failing.
const text = z.string().optional().catch(undefined);
const flag = z.boolean().optional().catch(undefined);
/** Any timestamp format myUSCIS uses, as `2026-06-04T02:09:53.542Z`. */
const instant = z
  .unknown()
  .transform((raw) => toIsoInstant(raw) ?? undefined)
  .optional();
/** A date-only field, as `2026-05-29`. */
const calendarDate = z
  .unknown()
  .transform((raw) => toIsoDate(raw) ?? undefined)
  .optional();

/** Keeps the entries that read and drops the rest (say a stray null), so one odd entry cannot hide the others. */
function entriesOf<T extends z.ZodType>(entry: T) {
  return z
    .array(z.unknown())
    .transform((entries) => entries.flatMap((raw) => {
      const read = entry.safeParse(raw);
      return read.success ? [read.data] : [];
    }));
}
/** A list inside a record: missing, null or not a list reads as empty. */
function listOf<T extends z.ZodType>(entry: T) {
  return entriesOf(entry).catch([]);
}
/** A list whose entries' shape MYUSCIS.md does not record: kept as sent. */
const rawList = z.array(z.unknown()).catch([]);

export const CaseNoticeSchema = z.object({
  receiptNumber: text,
  letterId: text,
  generationDate: instant,
  appointmentDateTime: instant,
  actionType: text,
});

export const CaseEventSchema = z.object({
  receiptNumber: text,
  eventId: text,
  eventCode: text,
  createdAt: calendarDate,
  createdAtTimestamp: instant,
  updatedAt: calendarDate,
  updatedAtTimestamp: instant,
  eventDateTime: calendarDate,
  eventTimestamp: instant,
});

/** `/cases/{receipt}`. */
export const CaseDetailSchema = z.object({
  receiptNumber: text,
  submissionDate: calendarDate,
  submissionTimestamp: instant,
  formType: text,
  formName: text,
  updatedAt: calendarDate,
  /** Moves whenever the record is touched (even by the applicant's own upload): not a decision signal. */
  updatedAtTimestamp: instant,
  closed: flag,
  actionRequired: flag,
  cmsFailure: flag,
  ackedByAdjudicatorAndCms: flag,
  nonElisPaperFiled: flag,
  noticeMailingPrefIndicator: flag,
  docMailingPrefIndicator: flag,
  isPremiumProcessed: flag,
  areAllGroupStatusesComplete: flag,
  areAllGroupMembersAuthorizedForTravel: flag,
  applicantName: text,
  representativeName: text,
  elisChannelType: text,
  concurrentCases: rawList,
  documents: rawList,
  evidenceRequests: rawList,
  addendums: rawList,
  notices: listOf(CaseNoticeSchema),
  events: listOf(CaseEventSchema),
});

export const HistoricalStatusSchema = z.object({
  date: instant,
  actionCode: text,
  statusTitle: text,
  statusTitleSpanish: text,
});

/** `/case_status/{receipt}`; statusText and statusTextSpanish also come as plain text with their links. */
export const CaseStatusSchema = z
  .object({
    receiptNumber: text,
    formType: text,
    currentActionCode: text,
    currentActionCodeDate: instant,
    statusTitle: text,
    statusText: text,
    statusTitleSpanish: text,
    statusTextSpanish: text,
    jurisdiction: text,
    jurisdictionDescription: text,
    message: text,
    isPremiumProcessed: flag,
    isPremiumRefunded: flag,
    historicalCaseStatuses: listOf(HistoricalStatusSchema),
  })
  .transform((status) => ({
    ...status,
    statusTextPlain: status.statusText === undefined ? undefined : statusTextToPlain(status.statusText),
    statusTextSpanishPlain: status.statusTextSpanish === undefined ? undefined : statusTextToPlain(status.statusTextSpanish),
  }));

export const CaseDocumentSchema = z.object({
  /** Not in the captured lists; read when present, so an answer about another receipt can be refused. */
  receiptNumber: text,
  fileName: text,
  /** Opaque 43-character base64url id; the list carries no URL. */
  contentId: text,
  type: text,
  createDate: instant,
  sourceType: text,
});

/** `/cases/{receipt}/documents`. Unlike lists inside a record, a missing list here is not read as empty. */
export const CaseDocumentListSchema = entriesOf(CaseDocumentSchema);

/** `/cases`: always `[]`, even for accounts with cases; only useful as a session probe. */
export const CasesProbeSchema = z.array(z.unknown());

/** `/secure-messaging/.../receipt_info/{receipt}`: `null` in every report. */
export const ReceiptInfoSchema = z.unknown();

/** The `{"data": ...}` wrapper every endpoint uses. */
export function envelopeOf<T extends z.ZodType>(data: T) {
  return z.object({ data, error: z.unknown().optional() });
}

export const CaseDetailBodySchema = envelopeOf(CaseDetailSchema);
export const CaseStatusBodySchema = envelopeOf(CaseStatusSchema);
export const CaseDocumentListBodySchema = envelopeOf(CaseDocumentListSchema);
export const CasesProbeBodySchema = envelopeOf(CasesProbeSchema);
export const ReceiptInfoBodySchema = envelopeOf(ReceiptInfoSchema);

/** `{"data": null, "error": {...}}`: one of the ways an expired session answers. */
export const SignedOutEnvelopeSchema = z.object({
  data: z.null().optional(),
  error: z.unknown().refine((error) => error !== null && error !== undefined),
});

export type CaseNotice = z.output<typeof CaseNoticeSchema>;
export type CaseEvent = z.output<typeof CaseEventSchema>;
export type CaseDetail = z.output<typeof CaseDetailSchema>;
export type HistoricalStatus = z.output<typeof HistoricalStatusSchema>;
export type CaseStatus = z.output<typeof CaseStatusSchema>;
export type CaseDocument = z.output<typeof CaseDocumentSchema>;
export type CaseDocumentList = z.output<typeof CaseDocumentListSchema>;
export type CasesProbe = z.output<typeof CasesProbeSchema>;
export type ReceiptInfo = z.output<typeof ReceiptInfoSchema>;
export type SignedOutEnvelope = z.output<typeof SignedOutEnvelopeSchema>;

export type BodyProblem = 'signed-out-envelope' | 'no-data' | 'invalid';
export type ParsedBody<T> = { ok: true; value: T } | { ok: false; reason: BodyProblem; issues?: string };

export const parseCaseDetailBody = (json: unknown): ParsedBody<CaseDetail> => parseBody(CaseDetailBodySchema, json);
export const parseCaseStatusBody = (json: unknown): ParsedBody<CaseStatus> => parseBody(CaseStatusBodySchema, json);
export const parseDocumentsBody = (json: unknown): ParsedBody<CaseDocumentList> => parseBody(CaseDocumentListBodySchema, json);
export const parseCasesProbeBody = (json: unknown): ParsedBody<CasesProbe> => parseBody(CasesProbeBodySchema, json);
export const parseReceiptInfoBody = (json: unknown): ParsedBody<ReceiptInfo> => parseBody(ReceiptInfoBodySchema, json);

/**
 * Tells a signed-out envelope and a body with no data apart from a body of the wrong shape.
 * `{"data": null}` is no-data for every endpoint except receipt_info, whose data is always null.
 */
function parseBody<Body extends z.ZodType<{ data?: unknown }>>(schema: Body, json: unknown): ParsedBody<z.output<Body>['data']> {
  if (SignedOutEnvelopeSchema.safeParse(json).success) return { ok: false, reason: 'signed-out-envelope' };
  const body = schema.safeParse(json);
  if (body.success) return { ok: true, value: body.data.data };
  const hasNoData = typeof json === 'object' && json !== null && !Array.isArray(json) && (json as { data?: unknown }).data == null;
  return hasNoData ? { ok: false, reason: 'no-data' } : { ok: false, reason: 'invalid', issues: z.prettifyError(body.error) };
}
