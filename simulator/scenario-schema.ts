// The shape of a simulator scenario: a DACA pair's timeline as plain data (steps at a day and time
// after filing), validated with zod so scenarios can also come from JSON files. No behaviour here.

import { z } from 'zod';

export const CASE_KEYS = ['i821d', 'i765'] as const;
export type CaseKey = (typeof CASE_KEYS)[number];

const Bilingual = z.object({ en: z.string().min(1), es: z.string().min(1) });

const ReceiptString = z.string().regex(/^[A-Z]{3}\d{10}$/, 'a canonical receipt number (3 letters + 10 digits)');

/** "HH:MM" in UTC. */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a UTC time of day as HH:MM');

const StatusAction = z.object({
  type: z.literal('status'),
  /** currentActionCode, e.g. "IAF", "FTA0", "DA", "LDA". */
  code: z.string().min(1),
  /** A key of STATUS_WORDING, or the title/text pair itself. */
  wording: z.union([
    z.string().min(1),
    z.object({ title: Bilingual, text: Bilingual }),
  ]),
});

const EventAction = z.object({
  type: z.literal('event'),
  code: z.string().min(1),
  /** When USCIS says the event happened, in days after filing; default: the step's own time (backdating when earlier). */
  eventDay: z.number().min(0).optional(),
  /** The UTC time of day USCIS gives the event (with eventDay): "00:00" for the IAF some captures date at midnight of the filing day. */
  eventTime: TimeOfDay.optional(),
  /** Re-emit: a new eventId with the same code and eventTimestamp as the latest event of that code. */
  reemit: z.boolean().optional(),
  /**
   * Near-duplicate: the same code written a second time together with the first, under another
   * eventId, this many milliseconds later (19 ms in a capture, 112 ms in a tracker's log).
   */
  nearDuplicateMs: z.number().int().min(1).max(999).optional(),
});

const DocumentAction = z.object({
  type: z.literal('document'),
  docType: z.string().min(1),
  source: z.enum(['USCIS Generated', 'Applicant Provided']),
  /** Scanned documents come as several .tif parts, one list entry each. */
  parts: z.number().int().min(1).max(20).optional(),
});

const NoticeAction = z.object({
  type: z.literal('notice'),
  actionType: z.string().min(1),
  /** The appointment, in days after filing, at the given UTC time. */
  appointmentDay: z.number().min(0),
  appointmentTime: TimeOfDay.optional(),
});

const TouchAction = z.object({ type: z.literal('touch') });

const FlagsAction = z.object({
  type: z.literal('flags'),
  closed: z.boolean().optional(),
  actionRequired: z.boolean().optional(),
});

/** The case is assigned to an office: receipt_info answers receipt_details from then on. */
const AssignedAction = z.object({
  type: z.literal('assigned'),
  /** The 3-letter office, e.g. "SCD". */
  location: z.string().regex(/^[A-Z]{3}$/),
  /** e.g. "147-C3"; default by form. */
  subtype: z.string().min(1).optional(),
});

const EvidenceRequestAction = z.object({
  type: z.literal('evidence-request'),
  /** Response due, in days after filing. */
  dueDay: z.number().min(0),
});

export const ScenarioActionSchema = z.discriminatedUnion('type', [
  StatusAction,
  EventAction,
  DocumentAction,
  NoticeAction,
  TouchAction,
  FlagsAction,
  EvidenceRequestAction,
  AssignedAction,
]);
export type ScenarioAction = z.infer<typeof ScenarioActionSchema>;

export const ScenarioStepSchema = z.object({
  day: z.number().min(0),
  time: TimeOfDay.default('13:00'),
  case: z.enum(['i821d', 'i765', 'both']),
  /** The story phase this step begins, for tests, notes and the demo's narration. */
  phase: z.string().min(1).optional(),
  actions: z.array(ScenarioActionSchema).min(1),
});
export type ScenarioStep = z.infer<typeof ScenarioStepSchema>;

export const FAULT_KINDS = [
  'rate-limit',
  'server-error',
  'slow',
  'drop',
  'truncated-json',
  'html',
  'data-null-error',
  'oversized',
  /** 404 as the service's Spring error JSON (with `endpoint: 'any-api'`: a site-wide 404, an outage, for every receipt). */
  'not-found',
  /** 404 as an HTML "Page not found" page (a CDN's or the portal's own). */
  'not-found-page',
  /** 200 with a "504 Gateway Time-out" web page where JSON was expected (MYUSCIS.md "Seen since"). */
  'gateway-page',
  /** An edge network's "Access Denied" page (Akamai), 403 by default or 200 (`status`), Server: AkamaiGHost. */
  'block-page',
  /** 200 with an empty body labelled JSON. */
  'empty-body',
  /** 503 with a plain-text "Service Unavailable" body. */
  'text-error',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FaultRuleSchema = z.object({
  /** An endpoint name from shared/myuscis/endpoints.ts, 'any-api', or 'applicant-page'. */
  endpoint: z.string().min(1),
  kind: z.enum(FAULT_KINDS),
  /** Only requests for this receipt. */
  receipt: ReceiptString.optional(),
  /** Apply to the next N matching requests, then stop. */
  times: z.number().int().min(1).optional(),
  /** Apply to every Nth matching request (intermittent failure). */
  every: z.number().int().min(1).optional(),
  /** server-error: 500, 502 or 503 (default 503); block-page: 200 or 403 (default 403). */
  status: z.union([z.literal(200), z.literal(403), z.literal(500), z.literal(502), z.literal(503)]).optional(),
  /** rate-limit: Retry-After in seconds (default 120), sent as seconds or as an HTTP date. */
  retryAfterSeconds: z.number().int().min(0).optional(),
  retryAfterFormat: z.enum(['seconds', 'http-date']).optional(),
  /** slow: real milliseconds before the normal answer (default 3000). */
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** oversized: body size in bytes (default 12 MiB). */
  bytes: z.number().int().min(1024).max(256 * 1024 * 1024).optional(),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;

const ScenarioCaseSchema = z.object({
  receipt: ReceiptString,
  formType: z.string().min(1),
  formName: z.string().min(1),
  elisChannelType: z.string().default('Lockbox'),
  /** Whether the detail lists the companion receipt in concurrentCases (often it does not). */
  listsCompanion: z.boolean().default(false),
});

export const PAYLOAD_ENDPOINTS = ['case-detail', 'case-status', 'documents'] as const;
export type PayloadEndpoint = (typeof PAYLOAD_ENDPOINTS)[number];

/** A case whose endpoints answer with another receipt's payload (a mixed-up proxy or cache answer). */
export const WrongReceiptRuleSchema = z.object({
  case: z.enum(CASE_KEYS),
  /** Whose payload comes back: the companion case's, or a receipt of another account (its data made from the companion's record). */
  answersAs: z.union([z.literal('companion'), ReceiptString]),
  endpoints: z.array(z.enum(PAYLOAD_ENDPOINTS)).min(1).default([...PAYLOAD_ENDPOINTS]),
  /** The story days (after filing) it happens in; default always. */
  fromDay: z.number().min(0).optional(),
  untilDay: z.number().min(0).optional(),
});
export type WrongReceiptRule = z.output<typeof WrongReceiptRuleSchema>;
export type WrongReceiptRuleInput = z.input<typeof WrongReceiptRuleSchema>;

export const ScenarioSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  description: z.string().min(1),
  /** Seeds every generated id, so the same scenario always serves the same ids. */
  seed: z.string().min(1),
  /** Where the demo's clock starts, in days after filing. */
  startDay: z.number().min(0).default(0),
  /** The length of the story, in days after filing. */
  endDay: z.number().min(1),
  account: z.object({
    email: z.string().min(3),
    password: z.string().min(8),
    verificationCode: z.string().regex(/^\d{6}$/),
    applicantName: z.string().min(1),
    /** "LAST, FIRST" of an attorney or accredited representative (a G-28 was filed), or null. */
    representativeName: z.string().min(1).nullable().default(null),
  }),
  jurisdiction: z.object({ code: z.string(), description: z.string() }).default({
    code: 'NSC',
    description: 'NEBRASKA SERVICE CENTER',
  }),
  cases: z.object({ i821d: ScenarioCaseSchema, i765: ScenarioCaseSchema }),
  /** Receipts that exist but belong to another account. */
  otherAccountReceipts: z.array(ReceiptString).default([]),
  steps: z.array(ScenarioStepSchema).min(1),
  /** Faults that are part of the story (for example, a documents list that fails now and then). */
  faults: z.array(FaultRuleSchema).default([]),
  /** The order of events[]: newest first as the real service writes it (order means nothing), or oldest first. */
  eventOrder: z.enum(['newest-first', 'oldest-first']).default('newest-first'),
  /** Every document gets a new contentId on every documents request (contentId stability is unproven). */
  rotateContentIds: z.boolean().default(false),
  /** Answers that carry another receipt's payload. */
  wrongReceipt: z.array(WrongReceiptRuleSchema).default([]),
  /** How the applicant page's CaseCardsApp lists companions in concurrentCases: full case objects (seen) or receipts. */
  caseCardsCompanions: z.enum(['objects', 'receipts']).default('objects'),
  /**
   * Payloads as users trim them (MYUSCIS.md "Seen since"): 'sparse' serves events as `{eventCode, createdAt}` only (no
   * id, no timestamp) and notices without ids; 'none' (default) serves every field.
   */
  payloadTrim: z.enum(['none', 'sparse']).default('none'),
  /** Where receipt_info puts its "message": beside "data" (MYUSCIS.md) or inside it (one tracker's reading). */
  receiptInfoMessage: z.enum(['envelope', 'inside-data']).default('envelope'),
});
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
