// The IPC surface between the dashboard and the main process, written once: each channel's zod request
// and response, the events main sends, and the dashboard API type derived from them. No Electron, no Node.

import { z } from 'zod';
import { FindingSchema } from '../monitor/findings';
import { LIMITS } from '../limits';
import { CaseSnapshotSchema, SettingsSchema } from '../monitor/state';
import { RECEIPT_LIST_ERROR_CODES } from '../receipt';
import { AccountCasesSchema } from '../myuscis/account-cases';
import { SAVE_FAILURE_CAUSES } from '../monitor/save-problem';
import { isLoopbackHttpPage } from '../security/navigation';
import type { Activity } from '../tray/tray-model';
import { GAP_RISKS } from '../knowledge/processing-forecast';
import { PUBLISHED_FORMS } from '../monitor/state';

const instant = z.iso.datetime();

const ACTIVITIES: { [A in Activity]: A } = {
  watching: 'watching',
  checking: 'checking',
  paused: 'paused',
  'backing-off': 'backing-off',
  offline: 'offline',
  asleep: 'asleep',
  'signed-out': 'signed-out',
  'no-cases': 'no-cases',
};

/**
 * What the desktop shell could not do (app/shell-notices.ts): desktop notifications the system did not show (the
 * system refused them, has none, or never answered), and a start-at-login item that did not register as asked.
 * `platform` picks the words that say how to fix it.
 */
export const ShellStateSchema = z.object({
  platform: z.enum(['mac', 'windows', 'linux']),
  notifications: z.object({ reason: z.enum(['failed', 'unsupported', 'no-answer']), since: instant }).nullable(),
  loginItem: z.enum(['not-registered', 'requires-approval', 'still-registered']).nullable(),
});
export type ShellState = z.infer<typeof ShellStateSchema>;

const words = z.object({ en: z.string().max(1500), es: z.string().max(1500) });
const civilDay = z.iso.date();

/**
 * USCIS's published processing times as the dashboard shows them, computed in main (app/dashboard-state.ts) from the
 * stored egov answers: small words and facts, never the raw payloads (up to 8 offices of 32 KB per form).
 */
export const ForecastViewSchema = z.object({
  /** The work permit's gap risk (the worst of the two cases': processing-forecast.ts workGapRisk). */
  gapRisk: z.enum(GAP_RISKS),
  /** Each form's figure: what egov said last, how the office was chosen, the figure's own publication date. */
  forms: z
    .array(
      z.object({
        form: z.enum(PUBLISHED_FORMS),
        status: z.enum(['published', 'not-published', 'not-listed', 'not-read']),
        basis: z.enum(['own-office', 'widest-range']).nullable(),
        publicationDate: civilDay.nullable(),
        readAt: instant.nullable(),
      }),
    )
    .max(PUBLISHED_FORMS.length),
  /** Each pending or decided case with a receipt date: its forecast's words (forecastWords), each null when it does not apply. */
  cases: z
    .array(
      z.object({
        receipt: z.string(),
        form: z.enum(PUBLISHED_FORMS),
        gapRisk: z.enum(GAP_RISKS),
        window: z.object({ from: civilDay, to: civilDay }).nullable(),
        inquiryReceivedBefore: civilDay.nullable(),
        canAskNow: z.boolean(),
        published: words.nullable(),
        inquiry: words.nullable(),
        risk: words,
        steps: z.array(z.object({ id: z.enum(['inquiry', 'case-assistance', 'employer', 'legal-aid']), text: words, link: z.string().max(2048).nullable() })).max(6),
        context: z.array(words).max(4),
      }),
    )
    .max(10),
  /** Before filing: what the published time means for a renewal filed now (filingAdvice); null without a figure or a case filed. */
  filing: words.nullable(),
});
export type ForecastView = z.output<typeof ForecastViewSchema>;

/** Everything the dashboard shows, sent whole on every change. */
export const DashboardStateSchema = z.object({
  session: z.object({ state: z.enum(['unknown', 'signed-in', 'signed-out']), since: instant.nullable() }),
  activity: z.enum(ACTIVITIES),
  lastCheckAt: instant.nullable(),
  nextCheckAt: instant.nullable(),
  backoff: z.object({ until: instant, reason: z.string() }).nullable(),
  pausedUntil: instant.nullable(),
  cases: z
    .array(
      z.object({
        receipt: z.string(),
        formType: z.string().nullable(),
        problem: z.enum(['not-this-account']).nullable(),
        /** This case's own checks fail (the other case is still checked): how many in a row, and the next try. */
        failing: z.object({ failures: z.number().int().min(1), retryAt: instant }).nullable().default(null),
        /** Not read for far longer than its plan allows (engine/watchdog.ts): since when, and the reason in both languages. */
        stalled: z.object({ since: instant, reason: z.object({ en: z.string().max(300), es: z.string().max(300) }) }).nullable().default(null),
        /** When myUSCIS last answered a check of this case, changed or not (the snapshot's parts keep when they changed); absent: not known (then the newest part stands for it). */
        readAt: instant.nullish(),
      }),
    )
    .max(10),
  snapshots: z.record(z.string(), CaseSnapshotSchema),
  history: z.array(FindingSchema).max(LIMITS.history),
  settings: SettingsSchema,
  lastSeenAt: instant.nullable(),
  /** The cases found on the account's applicant page after sign-in (offered as receipts to watch). */
  accountCases: AccountCasesSchema,
  /** Why the user's data could not be saved lately (null when the last save worked). */
  saveProblem: z.object({ cause: z.enum(SAVE_FAILURE_CAUSES), since: instant }).nullable(),
  /** What the desktop shell could not do for the user (absent where there is no shell: the preview). */
  shell: ShellStateSchema.nullish(),
  /** The app watches the simulator, not the real myUSCIS. */
  demo: z.boolean(),
  /** In a demo told faster than real time: how many real seconds one story day takes (absent or null otherwise). */
  demoPace: z.object({ secondsPerDay: z.number().positive() }).nullish(),
  /** USCIS's published processing times for these cases (absent: not computed, as before issue 24; shown as nothing). */
  forecast: ForecastViewSchema.nullish(),
  /** The engine's clock when this state was made: the simulator's, faster than real time, in a demo. */
  now: instant,
});
export type DashboardState = z.output<typeof DashboardStateSchema>;

/**
 * Some settings, each one whole (a nested object such as `notify` is replaced, not merged). Built from
 * the unwrapped fields: zod 4 would fill a missing field of `SettingsSchema.partial()` with its default.
 */
export const SettingsChangeSchema = z.strictObject(
  Object.fromEntries(Object.entries(SettingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
    [K in keyof typeof SettingsSchema.shape]: z.ZodOptional<ReturnType<(typeof SettingsSchema.shape)[K]['unwrap']>>;
  },
);

const ReceiptProblemSchema = z.object({
  /** What the user typed, as typed. */
  input: z.string(),
  code: z.enum(RECEIPT_LIST_ERROR_CODES),
  message: z.object({ en: z.string(), es: z.string() }),
});

/** Each channel the dashboard can invoke: the API method it appears as, what it sends, what it gets back. */
export const INVOKE = {
  'state:get': { method: 'getState', request: z.void(), response: DashboardStateSchema },
  'cases:set': {
    method: 'setCases',
    request: z.strictObject({ receipts: z.array(z.string().max(64)).max(4) }),
    response: z.object({ ok: z.boolean(), errors: z.array(ReceiptProblemSchema) }),
  },
  /**
   * Opens the myUSCIS sign-in window; `started` is false when it was already open (it is brought to the front).
   * `page`: only the browser preview, which has no sign-in window, answers with its simulator's sign-in page for
   * the dashboard to open in a new tab (a loopback http address; the app never sends one, and the dashboard opens
   * nothing else: renderer/lib/ws-api.ts).
   */
  'session:sign-in': {
    method: 'signIn',
    request: z.void(),
    response: z.object({ started: z.boolean(), page: z.string().max(2048).refine(isLoopbackHttpPage, 'only a loopback http page').optional() }),
  },
  'session:sign-out': { method: 'signOut', request: z.void(), response: z.object({ ok: z.boolean() }) },
  'check:now': { method: 'checkNow', request: z.void(), response: z.object({ ok: z.boolean() }) },
  /** null resumes. */
  'schedule:pause': {
    method: 'pause',
    request: z.strictObject({ until: z.enum(['hour', 'tomorrow']).nullable() }),
    response: z.object({ pausedUntil: instant.nullable() }),
  },
  'settings:update': { method: 'updateSettings', request: SettingsChangeSchema, response: SettingsSchema },
  'findings:mark-seen': { method: 'markSeen', request: z.strictObject({ upTo: instant }), response: z.object({ ok: z.boolean() }) },
  /** `path` is null when the user cancelled the save dialog. */
  'data:export': {
    method: 'exportData',
    /**
     * `language`: the printable page's language, the one the dashboard shows (absent: the stored setting's). `employer`
     * is the sheet for the employer; `showReceipts` puts the receipt numbers on it (absent: left off).
     */
    request: z.strictObject({ format: z.enum(['json', 'print', 'employer']), language: z.enum(['en', 'es']).optional(), showReceipts: z.boolean().optional() }),
    response: z.object({ path: z.string().nullable() }),
  },
  'data:erase': { method: 'eraseEverything', request: z.strictObject({ confirm: z.literal(true) }), response: z.object({ ok: z.boolean() }) },
  /** Only safe https links open (see shared/security/navigation.ts). */
  'external:open': { method: 'openExternal', request: z.strictObject({ url: z.string().max(2048) }), response: z.object({ opened: z.boolean() }) },
} as const satisfies Record<string, { method: string; request: z.ZodType; response: z.ZodType }>;

/** What main sends the dashboard unasked. */
export const EVENTS = {
  'state:changed': DashboardStateSchema,
} as const satisfies Record<string, z.ZodType>;

/** Why main did not answer a request; never carries internals (stack traces, paths, data). */
export const IpcFailureSchema = z.object({
  code: z.enum([
    /** The request came from a frame that is not the dashboard. */
    'not-the-dashboard',
    /** The request did not match the channel's schema. */
    'invalid-request',
    /** Main could not do it. */
    'failed',
  ]),
  message: z.string(),
  /** What the person should fix, in both languages, when a value was refused for a reason they can act on (an impossible date). */
  text: z.object({ en: z.string().max(300), es: z.string().max(300) }).optional(),
});
export type IpcFailure = z.output<typeof IpcFailureSchema>;
export type IpcResult<T> = { ok: true; value: T } | { ok: false; failure: IpcFailure };

type Invoke = typeof INVOKE;
export type InvokeChannel = keyof Invoke;
export type EventChannel = keyof typeof EVENTS;
/** What a handler in main receives (parsed, defaults filled). */
export type InvokeRequest<C extends InvokeChannel> = z.output<Invoke[C]['request']>;
/** What a handler in main may return (parsed again before it is sent). */
export type InvokeResponse<C extends InvokeChannel> = z.input<Invoke[C]['response']>;
export type ApiMethod = Invoke[InvokeChannel]['method'];
export type ChannelOf<M extends ApiMethod> = { [C in InvokeChannel]: Invoke[C]['method'] extends M ? C : never }[InvokeChannel];

/** `window.dacaWatch`, as the preload exposes it. */
export type DacaWatchApi = {
  [C in InvokeChannel as Invoke[C]['method']]: (request: z.input<Invoke[C]['request']>) => Promise<IpcResult<z.output<Invoke[C]['response']>>>;
} & {
  /** Calls `listener` with every new dashboard state; returns the unsubscribe function. */
  onStateChanged(listener: (state: DashboardState) => void): () => void;
};
