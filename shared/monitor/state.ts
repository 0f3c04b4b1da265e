// The monitor's persisted state (settings, cases, last good snapshots, history, notification ledger,
// schedule) as one versioned zod schema with migrations and a salvaging reader. No file I/O here.

import { z } from 'zod';
import { FINDING_TYPES, FindingSchema, type FindingType } from './findings';
import { CHECK_PRESETS, INTERVAL_LIMITS } from './settings-limits';
import { AccountCasesSchema } from '../myuscis/account-cases';
import { byEventTime } from '../knowledge/events';
import { capText, LIMITS } from '../limits';

export const STATE_VERSION = 2;

const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Which findings notify by default: never case-touched alone, new events or applicant uploads. */
const NOTIFY_BY_DEFAULT: Record<FindingType, boolean> = {
  'new-document': true,
  'silent-approval': true,
  'likely-approved': true,
  approved: true,
  denied: true,
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
  permitExpiry: isoDate.nullable().default(null),
  /** Desktop reminders of the renewal's dates (the filing window, day 105, day 120, the new card); the dashboard shows them anyway. */
  renewalReminders: z.boolean().default(true),
  /** The new card's first valid day, as printed on the approval notice or the card (entered after an approval). */
  newCardValidFrom: isoDate.nullable().default(null),
  /** The new card's expiry, as printed on it: from then on the next filing window is counted from it. */
  newCardExpiry: isoDate.nullable().default(null),
});
export type Settings = z.output<typeof SettingsSchema>;

export const WatchedCaseSchema = z.object({
  receipt: z.string().regex(/^IOE\d{10}$/),
  /** From the case detail once known: 'I-821D' or 'I-765'. */
  formType: z.string().nullable().default(null),
  addedAt: isoInstant,
  /** Why the case is not being checked: USCIS says it belongs to another account. */
  problem: z.enum(['not-this-account']).nullable().default(null),
});
export type WatchedCase = z.output<typeof WatchedCaseSchema>;

const StoredEventSchema = z.object({
  eventId: z.string().optional(),
  eventCode: z.string().optional(),
  eventTimestamp: z.string().optional(),
  createdAtTimestamp: z.string().optional(),
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
});
export type ScheduleState = z.output<typeof ScheduleStateSchema>;

export const SessionStateSchema = z.object({
  state: z.enum(['unknown', 'signed-in', 'signed-out']).default('unknown'),
  since: isoInstant.nullable().default(null),
  /** The "sign in again" notification went out for this expiry. */
  expiryNotified: z.boolean().default(false),
});

export const LedgerEntrySchema = z.object({ key: z.string(), notifiedAt: isoInstant });

export const AppStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  settings: SettingsSchema.default(SettingsSchema.parse({})),
  cases: z.array(WatchedCaseSchema).max(10).default([]),
  snapshots: z.record(z.string(), CaseSnapshotSchema).default({}),
  /** Findings, newest last, bounded. */
  history: z.array(FindingSchema).max(LIMITS.history).default([]),
  /** Code -> official title pairings USCIS itself made (see shared/knowledge). */
  learnedTitles: z.record(z.string(), z.unknown()).default({}),
  /** Findings already notified, so each notifies once, across restarts. */
  ledger: z.array(LedgerEntrySchema).max(LIMITS.ledger).default([]),
  schedule: ScheduleStateSchema.default(ScheduleStateSchema.parse({})),
  session: SessionStateSchema.default(SessionStateSchema.parse({})),
  /** When the user last looked at "what's new". */
  lastSeenAt: isoInstant.nullable().default(null),
  /** The cases the account's applicant page listed, offered to the user as receipts to watch. */
  accountCases: AccountCasesSchema.default(AccountCasesSchema.parse({})),
});
export type AppState = z.output<typeof AppStateSchema>;

export function emptyState(): AppState {
  return AppStateSchema.parse({ version: STATE_VERSION });
}

/**
 * Migrations from each older version to the next. Version 0 is the prototype layout: no version
 * field and `receipts: string[]` instead of `cases`.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => {
    const { receipts, ...rest } = old;
    const addedAt = new Date(0).toISOString();
    return {
      ...rest,
      version: 1,
      cases: Array.isArray(receipts) ? receipts.filter((r): r is string => typeof r === 'string').map((receipt) => ({ receipt, addedAt })) : [],
    };
  },
  /**
   * Version 2 plans the pair as one: the interval settings became the longest wait of a case (the likelier
   * case is read more often), so the old recommended 24 minutes is the new recommended (18); a case's
   * documents were last read at its last check; its planned next check is no longer stored.
   */
  1: (old) => {
    const settings = isPlainObject(old.settings) ? { ...old.settings } : old.settings;
    if (isPlainObject(settings) && settings.workHoursIntervalMinutes === 24 && settings.offHoursIntervalMinutes === 120) {
      settings.workHoursIntervalMinutes = CHECK_PRESETS.recommended.workHoursIntervalMinutes;
    }
    const schedule = isPlainObject(old.schedule) ? { ...old.schedule } : old.schedule;
    if (isPlainObject(schedule) && isPlainObject(schedule.cases)) {
      schedule.cases = Object.fromEntries(
        Object.entries(schedule.cases).map(([receipt, entry]) => [receipt, isPlainObject(entry) ? { ...entry, lastDocumentsAt: entry.lastCheckAt ?? null } : entry]),
      );
    }
    return { ...old, version: 2, settings, schedule };
  },
};

export interface StateReading {
  state: AppState;
  /** What could not be read and was dropped or reset, in plain words (empty when all was fine). */
  problems: string[];
  /** Where a value was there but could not be read, so its default stands in (paths of keys). */
  resetFields?: string[][];
}

/**
 * Reads a stored state of any known version, salvaging what it can: a bad section falls back to its
 * default and a bad history entry is dropped, so one damaged field never loses the rest.
 */
export function readState(raw: unknown): StateReading {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { state: emptyState(), problems: raw === undefined ? [] : ['the stored state was not an object'] };
  }
  let record = raw as Record<string, unknown>;
  let version = typeof record.version === 'number' ? record.version : 0;
  if (version > STATE_VERSION) {
    problems.push(`the stored state is from a newer version (${version}); reading what this version understands`);
    version = STATE_VERSION;
    record = { ...record, version };
  }
  while (version < STATE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) {
      problems.push(`no migration from version ${version}`);
      return { state: emptyState(), problems };
    }
    record = migrate(record);
    version += 1;
  }

  const whole = AppStateSchema.safeParse({ ...record, version: STATE_VERSION });
  if (whole.success) return { state: whole.data, problems };

  // Salvage field by field: a bad value falls back to its default alone, a bad list item is dropped alone.
  const resetFields: string[][] = [];
  const salvaged = salvage(AppStateSchema, { ...record, version: STATE_VERSION }, '', problems, resetFields);
  const state = salvaged === UNREADABLE ? emptyState() : AppStateSchema.parse(salvaged);
  return { state, problems, resetFields };
}

const UNREADABLE = Symbol('unreadable');

/** The schema inside default/optional/nullable wrappers, and the input side of a transform (`.transform()`'s pipe). */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodPipe) inner = inner._zod.def.in as unknown as z.ZodType;
    else return inner;
  }
}

/** A list schema's `.max(n)`, if it has one. */
function maxLengthOf(schema: z.ZodArray): number | null {
  for (const check of schema._zod.def.checks ?? []) {
    const def = (check as { _zod: { def: { check?: string; maximum?: number } } })._zod.def;
    if (def.check === 'max_length' && typeof def.maximum === 'number') return def.maximum;
  }
  return null;
}

/** What one item of a stored list is called, for the lists a person knows by name. */
const LIST_ITEMS: Record<string, [string, string]> = {
  history: ['history entry', 'history entries'],
  ledger: ['notification record', 'notification records'],
  cases: ['watched case', 'watched cases'],
};
const itemWords = (path: string, n: number) => {
  const words = LIST_ITEMS[path];
  return words ? words[n === 1 ? 0 : 1] : `${n === 1 ? 'entry' : 'entries'} of ${fieldName(path)}`;
};

/** Names a stored field for a person ("settings › maskReceipts"). */
const fieldName = (path: string) => path.replaceAll('.', ' › ');

/**
 * The value `raw` read through `schema` as far as it can be: an object field by field (a bad one takes its
 * default, and only it), a list item by item (a bad one dropped, the newest `max` kept), a record entry by
 * entry. UNREADABLE when nothing of it fits and it has no default.
 */
function salvage(schema: z.ZodType, raw: unknown, path: string, problems: string[], resets: string[][] = []): unknown {
  const read = schema.safeParse(raw);
  if (read.success) return read.data;
  const inner = unwrapped(schema);
  const fallback = () => {
    const byDefault = schema.safeParse(undefined);
    if (raw !== undefined) {
      problems.push(`${fieldName(path) || 'the stored state'} could not be read and was reset`);
      resets.push(path ? path.split('.') : []);
    }
    return byDefault.success ? byDefault.data : UNREADABLE;
  };
  if (inner instanceof z.ZodObject && isPlainObject(raw)) {
    const fields: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const value = salvage(field, raw[key], path ? `${path}.${key}` : key, problems, resets);
      if (value === UNREADABLE) return fallback();
      if (value !== undefined) fields[key] = value;
    }
    const whole = schema.safeParse(fields);
    return whole.success ? whole.data : fallback();
  }
  if (inner instanceof z.ZodArray && Array.isArray(raw)) {
    const element = inner.element as unknown as z.ZodType;
    // Each item field by field too; an item that keeps nothing (or nothing it needs) is dropped whole.
    const items: unknown[] = [];
    let dropped = 0;
    raw.forEach((item, index) => {
      const itemProblems: string[] = [];
      const value = salvage(element, item, `${path}.${index + 1}`, itemProblems);
      if (value === UNREADABLE || (isPlainObject(value) && Object.keys(value).length === 0)) dropped += 1;
      else {
        items.push(value);
        problems.push(...itemProblems);
      }
    });
    if (dropped > 0) problems.push(`${dropped} ${itemWords(path, dropped)} could not be read and ${dropped === 1 ? 'was' : 'were'} dropped`);
    const max = maxLengthOf(inner);
    const kept = max !== null && items.length > max ? items.slice(-max) : items;
    const whole = schema.safeParse(kept);
    return whole.success ? whole.data : fallback();
  }
  if (inner instanceof z.ZodRecord && isPlainObject(raw)) {
    const entries: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const entry = salvage(inner._zod.def.valueType as unknown as z.ZodType, value, `${path}.${key}`, problems, resets);
      if (entry !== UNREADABLE && entry !== undefined) entries[key] = entry;
    }
    const whole = schema.safeParse(entries);
    return whole.success ? whole.data : fallback();
  }
  return fallback();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The state with every list the schema bounds cut to its bound (the newest, last, kept) and every text capped:
 * the store's safety net, so that a list or a text longer than allowed can never make every save fail.
 */
export function boundState(state: AppState): AppState {
  return bounded(AppStateSchema, state) as AppState;
}

function bounded(schema: z.ZodType, value: unknown): unknown {
  if (typeof value === 'string') return capText(value);
  const inner = unwrapped(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, shape[key] ? bounded(shape[key], field) : field]));
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const max = maxLengthOf(inner);
    const kept = max !== null && value.length > max ? value.slice(-max) : value;
    return kept.map((item) => bounded(inner.element as unknown as z.ZodType, item));
  }
  if (inner instanceof z.ZodRecord && isPlainObject(value)) {
    const valueType = inner._zod.def.valueType as unknown as z.ZodType;
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, bounded(valueType, entry)]));
  }
  return value;
}
