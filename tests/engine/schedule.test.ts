// The schedule's limits with a fake clock: working hours vs nights and weekends, the per-case floor,
// spacing, jitter, keep-alive, backoff and Retry-After, blocking states, and "check soon".

import { describe, expect, it } from 'vitest';
import { ScheduleStateSchema, SettingsSchema, type ScheduleState } from '../../shared/monitor/state';
import {
  SCHEDULE_RULES,
  baseIntervalMs,
  checkFinished,
  checkSoon,
  earliestRequestAt,
  failed,
  isUscisWorkingTime,
  nextStep,
  paused,
  requestSent,
  planCheck,
  type ScheduleEnv,
} from '../../engine/schedule';
import { seededRandom } from '../../engine/seeded-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const settings = SettingsSchema.parse({});
const A = 'IOE0933012457';
const B = 'IOE0933012458';
const live: ScheduleEnv = { signedIn: true, online: true, awake: true, loopback: false };
const empty = (): ScheduleState => ScheduleStateSchema.parse({});

// Tuesday 2026-06-02 15:00 UTC = 11:00 EDT; Saturday 2026-06-06 15:00 UTC; Tuesday 03:00 UTC = 23:00 EDT Monday.
const TUESDAY_WORK = Date.UTC(2026, 5, 2, 15);
const SATURDAY = Date.UTC(2026, 5, 6, 15);
const TUESDAY_NIGHT = Date.UTC(2026, 5, 2, 3);

describe('USCIS working time (US Eastern)', () => {
  it.each([
    [TUESDAY_WORK, true],
    [SATURDAY, false],
    [TUESDAY_NIGHT, false],
    [Date.UTC(2026, 5, 2, 12, 0), true], // 08:00 EDT
    [Date.UTC(2026, 5, 2, 11, 59), false], // 07:59 EDT
    [Date.UTC(2026, 5, 2, 22, 0), false], // 18:00 EDT
    [Date.UTC(2026, 11, 1, 13, 30), true], // 08:30 EST in winter
    [Date.UTC(2026, 11, 1, 12, 30), false], // 07:30 EST
  ])('%s is working time: %s', (now, expected) => {
    expect(isUscisWorkingTime(now)).toBe(expected);
  });

  it('watches closely by day and sparsely at night and on weekends', () => {
    expect(baseIntervalMs(TUESDAY_WORK, settings)).toBe(settings.workHoursIntervalMinutes * MINUTE);
    expect(baseIntervalMs(SATURDAY, settings)).toBe(settings.offHoursIntervalMinutes * MINUTE);
    expect(baseIntervalMs(TUESDAY_NIGHT, settings)).toBe(settings.offHoursIntervalMinutes * MINUTE);
  });
});

describe('next step', () => {
  it.each([
    [{ ...live, signedIn: false }, 'signed-out'],
    [{ ...live, online: false }, 'offline'],
    [{ ...live, awake: false }, 'asleep'],
  ] as const)('makes no request while %j', (env, reason) => {
    expect(nextStep(empty(), [A, B], env, TUESDAY_WORK, true)).toEqual({ kind: 'blocked', reason, until: null });
  });

  it('makes no request while paused or backing off, and says until when', () => {
    const until = TUESDAY_WORK + HOUR;
    expect(nextStep(paused(empty(), until), [A], live, TUESDAY_WORK, true)).toEqual({ kind: 'blocked', reason: 'paused', until });
    const backingOff = failed(empty(), { now: TUESDAY_WORK, reason: 'server-error', random: () => 0.5 });
    const step = nextStep(backingOff, [A], live, TUESDAY_WORK, true);
    expect(step.kind === 'blocked' && step.reason).toBe('backing-off');
    // Once the backoff has passed, checks resume.
    expect(nextStep(backingOff, [A], live, Date.parse(backingOff.backoff!.until), true).kind).toBe('check');
    expect(nextStep(empty(), [], live, TUESDAY_WORK, true)).toEqual({ kind: 'blocked', reason: 'no-cases', until: null });
  });

  it('checks a new case at once, then no case more often than every 10 minutes, with jitter', () => {
    const random = seededRandom(7);
    let state = empty();
    const first = nextStep(state, [A], live, TUESDAY_WORK, false);
    expect(first).toEqual({ kind: 'check', receipt: A, at: TUESDAY_WORK, purpose: 'scheduled' });
    const gaps: number[] = [];
    let now = TUESDAY_WORK;
    // 30 checks of about 10 minutes stay inside the working day (11:00 to about 16:00 EDT).
    for (let i = 0; i < 30; i += 1) {
      state = checkFinished(requestSent(state, now), A, { now, read: ['documents'], settings: { workHoursIntervalMinutes: 10, offHoursIntervalMinutes: 30 }, random });
      const step = nextStep(state, [A], live, now, false);
      if (step.kind !== 'check') throw new Error('expected a check');
      gaps.push(step.at - now);
      now = step.at;
    }
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SCHEDULE_RULES.perCaseFloorMs);
    expect(new Set(gaps).size).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10 * MINUTE * 1.15 + 1);
  });

  it('spaces any two requests by at least two seconds plus jitter', () => {
    const state = requestSent(empty(), TUESDAY_WORK);
    for (let i = 0; i < 20; i += 1) {
      const at = earliestRequestAt(state, TUESDAY_WORK, Math.random);
      expect(at - TUESDAY_WORK).toBeGreaterThanOrEqual(SCHEDULE_RULES.minGapMs);
      expect(at - TUESDAY_WORK).toBeLessThanOrEqual(SCHEDULE_RULES.minGapMs + SCHEDULE_RULES.gapJitterMs);
    }
    expect(earliestRequestAt(empty(), TUESDAY_WORK, Math.random)).toBe(TUESDAY_WORK);
  });

  it('moves a check up as a keep-alive so the session never idles past the keep-alive gap', () => {
    let state = empty();
    state = checkFinished(requestSent(state, SATURDAY), A, { now: SATURDAY, read: ['documents', 'status', 'detail'], settings, random: () => 0.5 });
    state = checkFinished(requestSent(state, SATURDAY + 5000), B, { now: SATURDAY + 5000, read: ['documents', 'status', 'detail'], settings, random: () => 0.5 });
    // Weekend: the next scheduled check is two hours out, but with keep-alive one comes 11 minutes after the last request.
    const withKeepAlive = nextStep(state, [A, B], live, SATURDAY + 6000, true);
    expect(withKeepAlive).toEqual({ kind: 'check', receipt: A, at: SATURDAY + 5000 + SCHEDULE_RULES.keepAliveEveryMs, purpose: 'keep-alive' });
    const without = nextStep(state, [A, B], live, SATURDAY + 6000, false);
    expect(without.kind === 'check' && without.at - SATURDAY).toBeGreaterThan(90 * MINUTE);
  });

  it('reads the documents every check, the status every three hours and the detail every twelve', () => {
    let state = empty();
    expect(planCheck(state, A, TUESDAY_WORK)).toEqual(['documents', 'status', 'detail']);
    state = checkFinished(state, A, { now: TUESDAY_WORK, read: ['documents', 'status', 'detail'], settings, random: () => 0.5 });
    expect(planCheck(state, A, TUESDAY_WORK + HOUR)).toEqual(['documents']);
    state = checkFinished(state, A, { now: TUESDAY_WORK + HOUR, read: ['documents'], settings, random: () => 0.5 });
    expect(planCheck(state, A, TUESDAY_WORK + 3 * HOUR - 1)).toEqual(['documents']);
    expect(planCheck(state, A, TUESDAY_WORK + 3 * HOUR)).toEqual(['documents', 'status']);
    state = checkFinished(state, A, { now: TUESDAY_WORK + 3 * HOUR, read: ['documents', 'status'], settings, random: () => 0.5 });
    expect(planCheck(state, A, TUESDAY_WORK + 6 * HOUR)).toEqual(['documents', 'status']);
    expect(planCheck(state, A, TUESDAY_WORK + 12 * HOUR)).toEqual(['documents', 'status', 'detail']);
  });
});

describe('backoff', () => {
  it('grows exponentially with each failure up to a ceiling, and a success clears it', () => {
    let state = empty();
    const waits: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      state = failed(state, { now: TUESDAY_WORK, reason: 'network-error', random: () => 0.5 });
      waits.push(Date.parse(state.backoff!.until) - TUESDAY_WORK);
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8].map((m) => m * MINUTE));
    expect(Math.max(...waits)).toBe(SCHEDULE_RULES.backoffMaxMs);
    expect(state.backoff?.failures).toBe(10);
    expect(state.backoff?.reason).toBe('network-error');
    expect(checkFinished(state, A, { now: TUESDAY_WORK, read: ['documents'], settings, random: () => 0.5 }).backoff).toBeNull();
  });

  it('honours Retry-After when it is longer than the backoff, and a default when a 429 gives none', () => {
    const withRetryAfter = failed(empty(), { now: TUESDAY_WORK, reason: 'rate-limited', retryAfterMs: 45 * MINUTE, random: () => 0.5 });
    expect(Date.parse(withRetryAfter.backoff!.until) - TUESDAY_WORK).toBe(45 * MINUTE);
    const withoutValue = failed(empty(), { now: TUESDAY_WORK, reason: 'rate-limited', retryAfterMs: null, random: () => 0.5 });
    expect(Date.parse(withoutValue.backoff!.until) - TUESDAY_WORK).toBe(SCHEDULE_RULES.defaultRetryAfterMs);
  });

  it('survives a round trip through the stored schema', () => {
    const state = failed(failed(empty(), { now: TUESDAY_WORK, reason: 'server-error', random: () => 0.2 }), { now: TUESDAY_WORK, reason: 'server-error', random: () => 0.2 });
    const reread = ScheduleStateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(reread.backoff).toEqual(state.backoff);
    expect(nextStep(reread, [A], live, TUESDAY_WORK + MINUTE, true)).toMatchObject({ kind: 'blocked', reason: 'backing-off' });
  });
});

describe('check soon', () => {
  it('after sign-in or wake-up makes every case due as soon as the floor allows, and reads every endpoint', () => {
    let state = checkFinished(empty(), A, { now: TUESDAY_WORK, read: ['documents', 'status', 'detail'], settings, random: () => 0.5 });
    state = checkSoon(state, [A, B], TUESDAY_WORK + 3 * MINUTE, false);
    expect(state.cases[A]?.nextCheckAt).toBe(new Date(TUESDAY_WORK + SCHEDULE_RULES.perCaseFloorMs).toISOString());
    expect(state.cases[B]?.nextCheckAt).toBe(new Date(TUESDAY_WORK + 3 * MINUTE).toISOString());
    expect(planCheck(state, A, TUESDAY_WORK + 3 * MINUTE)).toEqual(['documents', 'status', 'detail']);
    // A simulator on loopback has no floor.
    const onLoopback = checkSoon(state, [A], TUESDAY_WORK + 3 * MINUTE, true);
    expect(onLoopback.cases[A]?.nextCheckAt).toBe(new Date(TUESDAY_WORK + 3 * MINUTE).toISOString());
  });
});
