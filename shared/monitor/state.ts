// The monitor's persisted state (settings, cases, last good snapshots, history, notification ledger,
// schedule) as one versioned zod schema and its types. Reading a stored file (migrations, salvage) is engine/store/'s.

import { z } from 'zod';
import { FINDING_TYPES, FindingSchema, type FindingType } from './findings';
import { CHECK_PRESETS, INTERVAL_LIMITS } from './settings-limits';
import { settingsDateProblem } from './settings-dates';
import { AccountCasesSchema } from '../myuscis/account-cases';
import { byEventTime } from '../knowledge/events';
import { LIMITS } from '../limits';
import type { Localized } from '../localized';

export const STATE_VERSION = 2;

const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
/**
 * A date the user typed into the settings: a real calendar day within sane years (settings-dates.ts). The issue's
 * message carries both languages (`params.text`), for the dashboard's settings handler to show.
 */
const settingsDate = z.string().check((ctx) => {
  const problem = settingsDateProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem.en, params: { text: problem } });
});
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Which findings notify by default: never case-touched alone, new events or applicant uploads. */
const NOTIFY_BY_DEFAULT: Record<FindingType, boolean> = {
  'new-document': true,
  'silent-approval': true,
  'likely-approved': true,
  approved: true,
  denied: true,
  'case-ended': true,
  rfe: true,
  'biometrics-appointment': true,
  'biometrics-reuse': true,
  'status-change': true,
  'new-event': false,
  'new-notice': true,
  'card-produced': true,
  'card-mailed': true,
  'card-delivered': true,
  'case-touched': false,
  'i821d-approved-inferred': true,
};

export const SettingsSchema = z.object({
  language: z.enum(['en', 'es']).default('en'),
  /** The user picked the language; until then the dashboard follows the system's (a stored 'es' counts as picked). */
  languageChosen: z.boolean().default(false),
  /** Show receipt numbers as IOE•••••5678 (for screenshots). */
  maskReceipts: z.boolean().default(false),
  notify: z
    .object(Object.fromEntries(FINDING_TYPES.map((type) => [type, z.boolean().default(NOTIFY_BY_DEFAULT[type])])) as Record<FindingType, z.ZodDefault<z.ZodBoolean>>)
    .default(NOTIFY_BY_DEFAULT),
  /** Notifications wait (they are not dropped) during quiet hours, local time. */
  quietHours: z
    .object({ enabled: z.boolean().default(false), start: timeOfDay.default('22:00'), end: timeOfDay.default('07:00') })
    .default({ enabled: false, start: '22:00', end: '07:00' }),
  /** Send a light keep-alive so USCIS does not end the session while the user is away. */
  staySignedIn: z.boolean().default(true),
  startAtLogin: z.boolean().default(false),
  /**
   * In USCIS working hours (weekdays, Eastern and Central daytime): the longest wait between two reads of a
   * case. The case a decision is expected on first is read about 1.5 times as often (never under 10 minutes).
   */
  workHoursIntervalMinutes: z.number().int().min(INTERVAL_LIMITS.workHoursIntervalMinutes.min).max(INTERVAL_LIMITS.workHoursIntervalMinutes.max).default(CHECK_PRESETS.recommended.workHoursIntervalMinutes),
  /** The same at night and on weekends (with staySignedIn, a light read every 14 minutes, mostly of the likelier case, keeps the session instead). */
  offHoursIntervalMinutes: z.number().int().min(INTERVAL_LIMITS.offHoursIntervalMinutes.min).max(INTERVAL_LIMITS.offHoursIntervalMinutes.max).default(CHECK_PRESETS.recommended.offHoursIntervalMinutes),
  /** The current work permit's expiry, if the user gave it. */
  permitExpiry: settingsDate.nullable().default(null),
  /** Desktop reminders of the renewal's dates (the filing window, day 105, day 120, the new card); the dashboard shows them anyway. */
  renewalReminders: z.boolean().default(true),
  /** The new card's first valid day, as printed on the approval notice or the card (entered after an approval). */
  newCardValidFrom: settingsDate.nullable().default(null),
  /** The new card's expiry, as printed on it: from then on the next filing window is counted from it. */
  newCardExpiry: settingsDate.nullable().default(null),
});
export type Settings = z.output<typeof SettingsSchema>;

export const WatchedCaseSchema = z.object({
  receipt: z.string().regex(/^IOE\d{10}$/),
  /** From the case detail once known: 'I-821D' or 'I-765'. */
  formType: z.string().nullable().default(null),
  addedAt: isoInstant,
  /** Why the case is not being checked: USCIS says it belongs to another account (re-checked daily, see engine/monitor.ts). */
  problem: z.enum(['not-this-account']).nullable().default(null),
  /** When that was judged; absent (older stores): re-checked at once. */
  problemSince: isoInstant.nullable().optional(),
  /** Not read well for far longer than its plan allows since then (engine/watchdog.ts); cleared by a good read. */
  stalledSince: isoInstant.nullable().optional(),
  /**
   * When myUSCIS last answered a check of this case with its data, whether or not anything changed (a snapshot part's
   * `at` moves only when its content changes). Absent (older stores) until the next good read.
   */
  readAt: isoInstant.nullable().optional(),
});
export type WatchedCase = z.output<typeof WatchedCaseSchema>;

const StoredEventSchema = z.object({
  eventId: z.string().optional(),
  eventCode: z.string().optional(),
  eventTimestamp: z.string().optional(),
  createdAtTimestamp: z.string().optional(),
  /** Kept only for an event with no timestamp (a trimmed payload): its day names it. */
  eventDateTime: z.string().optional(),
  createdAt: z.string().optional(),
});
const StoredDocumentSchema = z.object({
  contentId: z.string().optional(),
  fileName: z.string().optional(),
  type: z.string().optional(),
  sourceType: z.string().optional(),
  createDate: z.string().optional(),
});
const StoredNoticeSchema = z.object({
  letterId: z.string().optional(),
  actionType: z.string().optional(),
  generationDate: z.string().optional(),
  appointmentDateTime: z.string().optional(),
});
const StoredHistorySchema = z.object({
  date: z.string().optional(),
  code: z.string().optional(),
  title: z.string().optional(),
  titleSpanish: z.string().optional(),
});

/** The last good reading of each endpoint of one case; a part stays as it was when its fetch fails. */
export const CaseSnapshotSchema = z.object({
  detail: z
    .object({
      at: isoInstant,
      formType: z.string().optional(),
      submissionDate: z.string().optional(),
      updatedAtTimestamp: z.string().optional(),
      closed: z.boolean().optional(),
      actionRequired: z.boolean().optional(),
      /**
       * Oldest first, whatever order an older store kept them in (re-emits and near-duplicates such a store kept are
       * left for the readers, which take them as one fact; the next check stores the list folded).
       */
      events: z.array(StoredEventSchema).max(LIMITS.events).transform((events) => [...events].sort(byEventTime)),
      notices: z.array(StoredNoticeSchema).max(LIMITS.notices),
    })
    .nullable()
    .default(null),
  status: z
    .object({
      at: isoInstant,
      code: z.string().optional(),
      date: z.string().optional(),
      title: z.string().optional(),
      titleSpanish: z.string().optional(),
      /** Plain text (never HTML). */
      text: z.string().optional(),
      textSpanish: z.string().optional(),
      office: z.string().optional(),
      history: z.array(StoredHistorySchema).max(LIMITS.statusHistory),
    })
    .nullable()
    .default(null),
  documents: z
    .object({ at: isoInstant, items: z.array(StoredDocumentSchema).max(LIMITS.documents) })
    .nullable()
    .default(null),
});
export type CaseSnapshot = z.output<typeof CaseSnapshotSchema>;

export const ScheduleStateSchema = z.object({
  lastRequestAt: isoInstant.nullable().default(null),
  /** The last request USCIS answered with data: the session's idle timer starts there. */
  lastAnsweredAt: isoInstant.nullable().default(null),
  cases: z
    .record(
      z.string(),
      z.object({
        /** The last check of the case, answered or not (the per-case floor runs from it). */
        lastCheckAt: isoInstant.nullable().default(null),
        /** The last documents list read (the case's pace runs from it). */
        lastDocumentsAt: isoInstant.nullable().default(null),
        lastStatusAt: isoInstant.nullable().default(null),
        lastDetailAt: isoInstant.nullable().default(null),
        /** "Check soon": due at this time whatever its pace says (sign-in, wake-up, "Check now"). */
        soonAt: isoInstant.nullable().default(null),
        /** This case alone backs off after its own failures until then. */
        retryAt: isoInstant.nullable().default(null),
        /** Failed checks in a row, and those of them refused (404/500) while the account worked. */
        failures: z.number().int().min(0).default(0),
        refusals: z.number().int().min(0).default(0),
        /** This gap's random stretch (0.85-1.15), drawn when the case was last read. */
        pace: z.number().min(0.5).max(1.5).default(1),
      }),
    )
    .default({}),
  /** Errors back off exponentially; Retry-After sets `until` directly. Survives restarts. */
  backoff: z
    .object({ until: isoInstant, reason: z.string(), failures: z.number().int().min(1) })
    .nullable()
    .default(null),
  pausedUntil: isoInstant.nullable().default(null),
  /** An edge network's block page was met then (told once); cleared when USCIS answers a request again. */
  blockedSince: isoInstant.nullable().optional(),
});
export type ScheduleState = z.output<typeof ScheduleStateSchema>;

export const SessionStateSchema = z.object({
  state: z.enum(['unknown', 'signed-in', 'signed-out']).default('unknown'),
  since: isoInstant.nullable().default(null),
  /** The "sign in again" notification went out for this expiry. */
  expiryNotified: z.boolean().default(false),
});

/** An office or a form's subtype as egov.uscis.gov's lists name them (codes are discovered, never guessed). */
const PublishedCodeSchema = z.object({ code: z.string().min(1).max(80), description: z.string().max(400) });

/** How large one stored processing-times answer may be (its JSON text): the real ones are a few kilobytes. */
export const PUBLISHED_PAYLOAD_MAX_CHARS = 32_768;

/** What egov.uscis.gov published for one form, as last read (the engine's engine/processing-times.ts). */
export const PublishedFormSchema = z.object({
  /** The form's subtype for this case (the I-821D's DACA renewal, the I-765's (c)(33)), found by its description. */
  subtype: PublishedCodeSchema.nullable().default(null),
  /** The offices egov lists for that subtype. */
  offices: z.array(PublishedCodeSchema).max(20).default([]),
  /** When subtype and offices were last listed (re-listed weekly, or when an office is no longer known). */
  discoveredAt: isoInstant.nullable().default(null),
  /**
   * The last read: 'published' (answers holds at least one office's answer), 'not-published' (204: USCIS publishes
   * nothing for it now), 'not-listed' (egov lists no subtype that fits); null before the first read.
   */
  status: z.enum(['published', 'not-published', 'not-listed']).nullable().default(null),
  readAt: isoInstant.nullable().default(null),
  /** Which offices were asked: the case's own (its myUSCIS status names it), or every listed office (the widest range is then said). */
  basis: z.enum(['case-office', 'all-offices']).nullable().default(null),
  /** Each office's answer as egov sent it (`{"data":{"processing_time":…}}`), for the forecast's parser to read. */
  answers: z
    .array(
      z.object({
        office: PublishedCodeSchema,
        payload: z.unknown().refine((value) => (JSON.stringify(value) ?? '').length <= PUBLISHED_PAYLOAD_MAX_CHARS, 'payload too large'),
      }),
    )
    .max(8)
    .default([]),
});
export type PublishedForm = z.output<typeof PublishedFormSchema>;

export const PUBLISHED_FORMS = ['I-821D', 'I-765'] as const;
export type PublishedFormName = (typeof PUBLISHED_FORMS)[number];

/** USCIS's published processing times (egov.uscis.gov): read at most about once a day, on a schedule of their own. */
export const PublishedTimesSchema = z.object({
  /** The last refresh that finished (every form answered with data or a 204): the next one is due a day later. */
  fetchedAt: isoInstant.nullable().default(null),
  /** The last refresh started, finished or not. */
  attemptedAt: isoInstant.nullable().default(null),
  /** After failed refreshes (network, 5xx, 429, an answer that is not JSON): none before then. */
  retryAt: isoInstant.nullable().default(null),
  failures: z.number().int().min(0).default(0),
  /** egov answered with a block page (403): nothing is asked before then (a day later). */
  blockedUntil: isoInstant.nullable().default(null),
  byForm: z
    .object({ 'I-821D': PublishedFormSchema.default(() => PublishedFormSchema.parse({})), 'I-765': PublishedFormSchema.default(() => PublishedFormSchema.parse({})) })
    .default(() => ({ 'I-821D': PublishedFormSchema.parse({}), 'I-765': PublishedFormSchema.parse({}) })),
});
export type PublishedTimes = z.output<typeof PublishedTimesSchema>;

export const LedgerEntrySchema = z.object({ key: z.string(), notifiedAt: isoInstant });

export const AppStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  settings: SettingsSchema.default(() => SettingsSchema.parse({})),
  cases: z.array(WatchedCaseSchema).max(10).default([]),
  snapshots: z.record(z.string(), CaseSnapshotSchema).default({}),
  /** Findings, newest last, bounded. */
  history: z.array(FindingSchema).max(LIMITS.history).default([]),
  /** Code -> official title pairings USCIS itself made (see shared/knowledge). */
  learnedTitles: z.record(z.string(), z.unknown()).default({}),
  /** Findings already notified, so each notifies once, across restarts. */
  ledger: z.array(LedgerEntrySchema).max(LIMITS.ledger).default([]),
  schedule: ScheduleStateSchema.default(() => ScheduleStateSchema.parse({})),
  session: SessionStateSchema.default(() => SessionStateSchema.parse({})),
  /** When the user last looked at "what's new". */
  lastSeenAt: isoInstant.nullable().default(null),
  /** The cases the account's applicant page listed, offered to the user as receipts to watch. */
  accountCases: AccountCasesSchema.default(() => AccountCasesSchema.parse({})),
  /** USCIS's published processing times for the two forms (absent in older stores: nothing read yet). */
  processingTimes: PublishedTimesSchema.default(() => PublishedTimesSchema.parse({})),
});
export type AppState = z.output<typeof AppStateSchema>;

export function emptyState(): AppState {
  return AppStateSchema.parse({ version: STATE_VERSION });
}

/** One thing said about opening the stored data: `message` in English (logs, JSON), `text` for a person. */
export interface StoredStateProblem {
  message: string;
  text: Localized;
}

export interface StateReading {
  state: AppState;
  /** What could not be read and was dropped, reset or moved aside (empty when all was fine). */
  problems: StoredStateProblem[];
}
