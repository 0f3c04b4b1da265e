// When to ask USCIS what: a pure state machine over the persisted ScheduleState, an injected clock
// value and random source. It sends nothing and sleeps never; the monitor acts on what it decides.

import type { ScheduleState, Settings } from '../shared/monitor/state';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const SCHEDULE_RULES = {
  /** No case is checked more often than this against the real myUSCIS. */
  perCaseFloorMs: 10 * MINUTE,
  /** At least this long between any two requests... */
  minGapMs: 2 * SECOND,
  /** ...plus up to this much random extra. */
  gapJitterMs: 1.5 * SECOND,
  /** Every interval is stretched or shrunk by up to this fraction at random. */
  jitterFraction: 0.15,
  /** Every check reads the documents list; the status at least this often (and whenever the documents moved)... */
  statusEveryMs: 3 * HOUR,
  /** ...and the case detail at least this often (and whenever the documents or the status moved). */
  detailEveryMs: 12 * HOUR,
  /** With "stay signed in", no gap between requests longer than this (the idle timeout can be ~15 minutes). */
  keepAliveEveryMs: 13 * MINUTE,
  /** Exponential backoff on errors: first step and ceiling. */
  backoffBaseMs: 1 * MINUTE,
  backoffMaxMs: 2 * HOUR,
  /** When a 429 gives no usable Retry-After. */
  defaultRetryAfterMs: 15 * MINUTE,
} as const;

/** What the schedule knows about the world outside the state. */
export interface ScheduleEnv {
  signedIn: boolean;
  online: boolean;
  awake: boolean;
  /** A simulator on 127.0.0.1/localhost: the per-case floor does not apply (the story runs on a fast clock). */
  loopback: boolean;
}

export type WaitReason = 'signed-out' | 'offline' | 'asleep' | 'paused' | 'backing-off' | 'no-cases';

export type NextStep =
  | { kind: 'blocked'; reason: WaitReason; until: number | null }
  | { kind: 'check'; receipt: string; at: number; purpose: 'scheduled' | 'keep-alive' };

const EASTERN = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });

/** Whether USCIS is at work: weekdays 08:00-18:00 US Eastern (where approvals land). */
export function isUscisWorkingTime(now: number): boolean {
  const parts = EASTERN.formatToParts(new Date(now));
  const weekday = parts.find((p) => p.type === 'weekday')?.value;
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  return weekday !== 'Sat' && weekday !== 'Sun' && hour >= 8 && hour < 18;
}

/** The interval between checks of one case at this moment, before jitter. */
export function baseIntervalMs(now: number, settings: Pick<Settings, 'workHoursIntervalMinutes' | 'offHoursIntervalMinutes'>): number {
  return (isUscisWorkingTime(now) ? settings.workHoursIntervalMinutes : settings.offHoursIntervalMinutes) * MINUTE;
}

export function jittered(ms: number, random: () => number, fraction: number = SCHEDULE_RULES.jitterFraction): number {
  return Math.round(ms * (1 - fraction + 2 * fraction * random()));
}

const ms = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);
const iso = (epoch: number): string => new Date(epoch).toISOString();

/** The earliest moment the next request may go out, given the gap since the last one. */
export function earliestRequestAt(state: ScheduleState, now: number, random: () => number): number {
  const last = ms(state.lastRequestAt);
  return last === null ? now : Math.max(now, last + SCHEDULE_RULES.minGapMs + Math.round(SCHEDULE_RULES.gapJitterMs * random()));
}

/**
 * What comes next: blocked (and why, and until when if known), or a check of one case at a time.
 * With `keepAlive`, a check of the least recently read case is moved up so the session never idles
 * longer than keepAliveEveryMs.
 */
export function nextStep(state: ScheduleState, receipts: readonly string[], env: ScheduleEnv, now: number, keepAlive: boolean): NextStep {
  if (!env.signedIn) return { kind: 'blocked', reason: 'signed-out', until: null };
  if (!env.online) return { kind: 'blocked', reason: 'offline', until: null };
  if (!env.awake) return { kind: 'blocked', reason: 'asleep', until: null };
  const pausedUntil = ms(state.pausedUntil);
  if (pausedUntil !== null && pausedUntil > now) return { kind: 'blocked', reason: 'paused', until: pausedUntil };
  const backoffUntil = ms(state.backoff?.until);
  if (backoffUntil !== null && backoffUntil > now) return { kind: 'blocked', reason: 'backing-off', until: backoffUntil };
  if (receipts.length === 0) return { kind: 'blocked', reason: 'no-cases', until: null };

  let due: { receipt: string; at: number } | null = null;
  let leastRecent: { receipt: string; last: number } | null = null;
  for (const receipt of receipts) {
    const entry = state.cases[receipt];
    const at = ms(entry?.nextCheckAt) ?? now;
    if (!due || at < due.at) due = { receipt, at };
    const last = ms(entry?.lastCheckAt) ?? 0;
    if (!leastRecent || last < leastRecent.last) leastRecent = { receipt, last };
  }
  const scheduled = due!;
  // The session's idle timer runs from the last request USCIS answered, not from a failed one.
  const lastAnswered = ms(state.lastAnsweredAt);
  if (keepAlive && lastAnswered !== null && leastRecent) {
    const floor = env.loopback ? 0 : leastRecent.last + SCHEDULE_RULES.perCaseFloorMs;
    const keepAliveAt = Math.max(lastAnswered + SCHEDULE_RULES.keepAliveEveryMs, floor);
    if (keepAliveAt < scheduled.at) return { kind: 'check', receipt: leastRecent.receipt, at: Math.max(now, keepAliveAt), purpose: 'keep-alive' };
  }
  return { kind: 'check', receipt: scheduled.receipt, at: Math.max(now, scheduled.at), purpose: 'scheduled' };
}

export type CheckedEndpoint = 'documents' | 'status' | 'detail';

/** What a check of this case reads: the documents list always, the status and the detail when they are due. */
export function planCheck(state: ScheduleState, receipt: string, now: number): CheckedEndpoint[] {
  const entry = state.cases[receipt];
  const due = (last: string | null | undefined, every: number) => {
    const at = ms(last);
    return at === null || now - at >= every;
  };
  return [
    'documents',
    ...(due(entry?.lastStatusAt, SCHEDULE_RULES.statusEveryMs) ? (['status'] as const) : []),
    ...(due(entry?.lastDetailAt, SCHEDULE_RULES.detailEveryMs) ? (['detail'] as const) : []),
  ];
}

function caseEntry(state: ScheduleState, receipt: string) {
  return state.cases[receipt] ?? { lastCheckAt: null, lastStatusAt: null, lastDetailAt: null, nextCheckAt: null };
}

/** Records that a request went out now, and whether USCIS answered it (which keeps the session alive). */
export function requestSent(state: ScheduleState, now: number, answered = true): ScheduleState {
  return { ...state, lastRequestAt: iso(now), ...(answered ? { lastAnsweredAt: iso(now) } : {}) };
}

/** Records a finished check and plans the case's next one. */
export function checkFinished(
  state: ScheduleState,
  receipt: string,
  options: { now: number; read: readonly CheckedEndpoint[]; settings: Pick<Settings, 'workHoursIntervalMinutes' | 'offHoursIntervalMinutes'>; random: () => number },
): ScheduleState {
  const { now, read, settings, random } = options;
  const interval = Math.max(SCHEDULE_RULES.perCaseFloorMs, jittered(baseIntervalMs(now, settings), random));
  const entry = caseEntry(state, receipt);
  return {
    ...state,
    backoff: null,
    cases: {
      ...state.cases,
      [receipt]: {
        lastCheckAt: iso(now),
        lastStatusAt: read.includes('status') ? iso(now) : entry.lastStatusAt,
        lastDetailAt: read.includes('detail') ? iso(now) : entry.lastDetailAt,
        nextCheckAt: iso(now + interval),
      },
    },
  };
}

/**
 * Backs off after a failure: exponentially, or as long as Retry-After says if that is longer; the
 * failed case (if any) is retried as soon as the backoff ends.
 */
export function failed(state: ScheduleState, options: { now: number; reason: string; receipt?: string; retryAfterMs?: number | null; random: () => number }): ScheduleState {
  const { now, reason, random, receipt } = options;
  const failures = (state.backoff?.failures ?? 0) + 1;
  const exponential = Math.min(SCHEDULE_RULES.backoffMaxMs, SCHEDULE_RULES.backoffBaseMs * 2 ** (failures - 1));
  const retryAfter = options.retryAfterMs === undefined ? 0 : (options.retryAfterMs ?? SCHEDULE_RULES.defaultRetryAfterMs);
  const until = iso(now + Math.max(jittered(exponential, random), retryAfter));
  const cases = receipt === undefined ? state.cases : { ...state.cases, [receipt]: { ...caseEntry(state, receipt), nextCheckAt: until } };
  return { ...state, cases, backoff: { until, reason, failures } };
}

/**
 * "Check soon" after sign-in, wake-up or "Check now": every case becomes due as early as the
 * per-case floor allows (no floor on loopback), and reads every endpoint.
 */
export function checkSoon(state: ScheduleState, receipts: readonly string[], now: number, loopback: boolean): ScheduleState {
  const cases = { ...state.cases };
  for (const receipt of receipts) {
    const entry = caseEntry(state, receipt);
    const last = ms(entry.lastCheckAt);
    const earliest = last === null || loopback ? now : Math.max(now, last + SCHEDULE_RULES.perCaseFloorMs);
    cases[receipt] = { ...entry, lastStatusAt: null, lastDetailAt: null, nextCheckAt: iso(earliest) };
  }
  return { ...state, cases };
}

export function paused(state: ScheduleState, until: number | null): ScheduleState {
  return { ...state, pausedUntil: until === null ? null : iso(until) };
}
