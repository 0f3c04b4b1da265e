// The pair scheduler with a fake clock, as a pure function: working hours and the weekly shape, the
// weights of the DACA pair, the per-case floor, spacing, jitter, keep-alive, per-case and global
// backoff, blocking states, "check soon", and stored times that lie in the future.

import { describe, expect, it } from 'vitest';
import { ScheduleStateSchema, SettingsSchema, type ScheduleState } from '../../shared/monitor/state';
import {
  SCHEDULE_RULES,
  allCasesFailing,
  approvalWeights,
  caseFailed,
  checkFinished,
  checkSoon,
  clampToNow,
  earliestRequestAt,
  failed,
  isUscisWorkingTime,
  isWorkingPaceTime,
  nextStep,
  nextWorkingTimeChange,
  paused,
  planCheck,
  requestSent,
  targetGapMs,
  type PlannedCase,
  type ScheduleEnv,
} from '../../engine/schedule';
import { seededRandom } from '../../engine/seeded-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const settings = SettingsSchema.parse({});
const I821D = 'IOE0933012457';
const I765 = 'IOE0933012458';
const live: ScheduleEnv = { signedIn: true, online: true, awake: true };
const empty = (): ScheduleState => ScheduleStateSchema.parse({});
const pair: PlannedCase[] = approvalWeights([
  { receipt: I821D, formType: 'I-821D', decided: false },
  { receipt: I765, formType: 'I-765', decided: false },
]);

// Tuesday 2026-06-02 15:00 UTC = 11:00 EDT; Saturday 2026-06-06 15:00 UTC; Tuesday 03:00 UTC = 23:00 EDT Monday.
const TUESDAY_WORK = Date.UTC(2026, 5, 2, 15);
const SATURDAY = Date.UTC(2026, 5, 6, 15);
const TUESDAY_NIGHT = Date.UTC(2026, 5, 2, 3);
/** Tuesday 2026-06-02 00:00 EDT. */
const TUESDAY_MIDNIGHT = Date.UTC(2026, 5, 2, 4);

interface Read {
  at: number;
  receipt: string;
  purpose: string;
  reads: string[];
}

/**
 * Runs the planner alone from `from` to `to`: every check it plans is sent (one request every ~2.5 s,
 * each answered) and finished. Returns every check and the final state.
 */
function simulate(state: ScheduleState, cases: ReadonlyArray<string | PlannedCase>, from: number, to: number, options: { env?: ScheduleEnv; pace?: typeof settings; seed?: number } = {}) {
  const env = options.env ?? live;
  const pace = options.pace ?? settings;
  const random = seededRandom(options.seed ?? 11);
  const checks: Read[] = [];
  let now = from;
  for (let i = 0; i < 100_000; i += 1) {
    const step = nextStep(state, cases, env, now, pace);
    if (step.kind !== 'check') break;
    const at = Math.max(step.at, earliestRequestAt(state, step.at, random));
    if (at > to) break;
    now = at;
    for (const _ of step.reads) {
      state = requestSent(state, now);
      now += 2500;
    }
    state = checkFinished(state, step.receipt, { now, read: step.reads, random });
    checks.push({ at, receipt: step.receipt, purpose: step.purpose, reads: step.reads });
  }
  return { checks, state };
}

const gapsOf = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);
const documentsReads = (checks: Read[], receipt: string, test: (at: number) => boolean = () => true) =>
  checks.filter((c) => c.receipt === receipt && c.reads.includes('documents') && test(c.at)).map((c) => c.at);

describe('USCIS working time (US Eastern and Central daytime, weekdays)', () => {
  it.each([
    [TUESDAY_WORK, true],
    [SATURDAY, false],
    [TUESDAY_NIGHT, false],
    [Date.UTC(2026, 5, 2, 12, 0), true], // 08:00 EDT
    [Date.UTC(2026, 5, 2, 11, 59), false], // 07:59 EDT
    [Date.UTC(2026, 5, 2, 21, 59), true], // 17:59 EDT = 16:59 CDT
    [Date.UTC(2026, 5, 2, 22, 0), false], // 18:00 EDT
    [Date.UTC(2026, 11, 1, 13, 30), true], // 08:30 EST in winter
    [Date.UTC(2026, 11, 1, 12, 30), false], // 07:30 EST
  ])('%s is working time: %s', (now, expected) => {
    expect(isUscisWorkingTime(now)).toBe(expected);
  });

  it.each([
    [Date.UTC(2026, 5, 2, 22, 0), true], // 18:00 EDT = 17:00 CDT: the shoulder
    [Date.UTC(2026, 5, 2, 22, 59), true], // 18:59 EDT
    [Date.UTC(2026, 5, 2, 23, 0), false], // 19:00 EDT
    [Date.UTC(2026, 5, 6, 22, 30), false], // Saturday 18:30 EDT
  ])('%s is working pace (USCIS working time and the shoulder until 19:00 US Eastern): %s', (now, expected) => {
    expect(isWorkingPaceTime(now)).toBe(expected);
    expect(isUscisWorkingTime(now)).toBe(false);
  });

  it('finds the next start or end of working pace, over a weekend and over the change to daylight time', () => {
    // Friday 2026-06-05 17:30 EDT: the shoulder keeps working pace until 19:00 EDT; then it starts again Monday 08:00 EDT.
    const friday = Date.UTC(2026, 5, 5, 21, 30);
    expect(nextWorkingTimeChange(friday)).toBe(Date.UTC(2026, 5, 5, 23));
    expect(nextWorkingTimeChange(Date.UTC(2026, 5, 5, 23))).toBe(Date.UTC(2026, 5, 8, 12));
    // Saturday 2026-03-07 (EST) to Monday 2026-03-09 08:00 EDT, across the spring-forward night.
    expect(nextWorkingTimeChange(Date.UTC(2026, 2, 7, 12))).toBe(Date.UTC(2026, 2, 9, 12));
    // And back: Monday 2026-11-02 08:00 EST.
    expect(nextWorkingTimeChange(Date.UTC(2026, 9, 31, 12))).toBe(Date.UTC(2026, 10, 2, 13));
  });
});

describe('where the approval is expected', () => {
  const weightOf = (cases: PlannedCase[], receipt: string) => cases.find((c) => c.receipt === receipt)!.weight;

  it('weighs the I-821D 2.3 times its I-765 until it shows a decision, then the I-765 6.9 times the I-821D', () => {
    expect(weightOf(pair, I821D) / weightOf(pair, I765)).toBeCloseTo(2.3, 6);
    const afterI821D = approvalWeights([
      { receipt: I821D, formType: 'I-821D', decided: true },
      { receipt: I765, formType: 'I-765', decided: false },
    ]);
    expect(weightOf(afterI821D, I765) / weightOf(afterI821D, I821D)).toBeCloseTo(6.9, 6);
    const unknown = approvalWeights([
      { receipt: I821D, formType: null, decided: false },
      { receipt: I765, formType: null, decided: false },
    ]);
    expect(weightOf(unknown, I821D)).toBe(weightOf(unknown, I765));
  });

  it("turns weights into gaps: the user's interval for the companion, shorter for the likelier case, never under the floor", () => {
    const interval = settings.workHoursIntervalMinutes * MINUTE;
    expect(targetGapMs(1 / 3.3, TUESDAY_WORK, settings)).toBeCloseTo(interval, -1);
    expect(targetGapMs(2.3 / 3.3, TUESDAY_WORK, settings)).toBeCloseTo(interval / Math.sqrt(2.3), -1);
    // A decided case may wait up to twice the interval.
    expect(targetGapMs(0.01, TUESDAY_WORK, settings, true)).toBe(2 * interval);
    expect(targetGapMs(1, TUESDAY_WORK, { ...settings, workHoursIntervalMinutes: 12 })).toBe(SCHEDULE_RULES.perCaseFloorMs);
    expect(targetGapMs(0.01, TUESDAY_WORK, settings)).toBe(interval);
    expect(targetGapMs(1 / 3.3, SATURDAY, settings)).toBeCloseTo(settings.offHoursIntervalMinutes * MINUTE, -1);
  });
});

describe('one plan for the pair', () => {
  it('in working pace reads the likelier case at the floor and places the other\'s reads between them (the stagger)', () => {
    const { checks } = simulate(empty(), pair, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + DAY);
    const i821dReads = documentsReads(checks, I821D, isWorkingPaceTime).slice(1);
    const i821d = gapsOf(i821dReads);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    // The likelier case at the floor (its jitter only lengthens a gap): never under it, on average within a minute of it.
    expect(Math.min(...i821d)).toBeGreaterThanOrEqual(SCHEDULE_RULES.perCaseFloorMs);
    expect(mean(i821d)).toBeLessThan(SCHEDULE_RULES.perCaseFloorMs + MINUTE);
    // The companion at least every interval (jittered), a status read now and then taking its turn.
    const i765Turns = checks.filter((c) => c.receipt === I765 && isWorkingPaceTime(c.at)).map((c) => c.at).slice(1);
    expect(Math.max(...gapsOf(i765Turns))).toBeLessThanOrEqual(settings.workHoursIntervalMinutes * MINUTE * (1 + SCHEDULE_RULES.jitterFraction) + 10_000);
    expect(mean(gapsOf(i765Turns))).toBeGreaterThan(mean(i821d) * 1.3);
    // Staggered: each of its reads lies between two of the likelier case's, a few minutes from both (not beside one).
    const between = i765Turns.filter((at) => at > i821dReads[0]! && at < i821dReads.at(-1)!);
    const nearest = between.map((at) => Math.min(...i821dReads.map((r) => Math.abs(r - at))));
    expect(nearest.filter((d) => d >= 3 * MINUTE).length / nearest.length).toBeGreaterThan(0.85);
    // Neither case's documents are put off in working pace: a due status or detail rides along with them.
    const workingChecks = checks.filter((c) => isWorkingPaceTime(c.at));
    expect(workingChecks.every((c) => c.reads.includes('documents'))).toBe(true);
    expect(workingChecks.some((c) => c.reads.includes('status'))).toBe(true);
    // So a pair whose documents land together waits for whichever read comes first: about half the floor on average.
    const anyReads = checks.filter((c) => isWorkingPaceTime(c.at) && c.at >= i821dReads[0]! && c.at <= i821dReads.at(-1)!).map((c) => c.at);
    expect(mean(gapsOf(anyReads))).toBeLessThan(0.75 * SCHEDULE_RULES.perCaseFloorMs);
  });

  it('without the stagger\'s partner (a plain list of equal cases), still reads every case at least every interval', () => {
    const { checks } = simulate(empty(), [I821D, I765], TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + DAY);
    for (const receipt of [I821D, I765]) {
      const turns = checks.filter((c) => c.receipt === receipt && isWorkingPaceTime(c.at)).map((c) => c.at).slice(1);
      expect(Math.max(...gapsOf(turns)), receipt).toBeLessThanOrEqual(settings.workHoursIntervalMinutes * MINUTE * (1 + SCHEDULE_RULES.jitterFraction) + 10_000);
    }
  });

  it('once the I-821D shows a decision, reads the I-765 where its approval is now expected, and the I-821D\'s status every two hours', () => {
    const afterI821D = approvalWeights([
      { receipt: I821D, formType: 'I-821D', decided: true },
      { receipt: I765, formType: 'I-765', decided: false },
    ]);
    const { checks } = simulate(empty(), afterI821D, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + DAY);
    const working = (at: number) => isUscisWorkingTime(at);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(gapsOf(documentsReads(checks, I765, working))) / MINUTE).toBeLessThan(12);
    const statuses = checks.filter((c) => c.receipt === I821D && c.reads.includes('status')).map((c) => c.at);
    expect(statuses.length).toBeGreaterThanOrEqual(7);
    // Due after two hours; at night a decided case waits for its turn (at most twice its off-hours interval).
    expect(Math.max(...gapsOf(statuses))).toBeLessThanOrEqual(2 * settings.offHoursIntervalMinutes * MINUTE * 1.15 + SCHEDULE_RULES.keepAliveEveryMs);
    expect(statuses.filter((at) => isUscisWorkingTime(at)).length).toBeGreaterThanOrEqual(4);
  });

  it('with both decided, reads each case\'s status off hours too, every few hours (the card\'s news is there)', () => {
    const bothDecided = approvalWeights([
      { receipt: I821D, formType: 'I-821D', decided: true },
      { receipt: I765, formType: 'I-765', decided: true },
    ]);
    const { checks } = simulate(empty(), bothDecided, SATURDAY, SATURDAY + DAY);
    for (const receipt of [I821D, I765]) {
      const statuses = checks.filter((c) => c.receipt === receipt && c.reads.includes('status')).map((c) => c.at);
      expect(statuses.length, receipt).toBeGreaterThanOrEqual(6);
      expect(Math.max(...gapsOf(statuses)), receipt).toBeLessThanOrEqual(4 * HOUR);
    }
  });

  it('never reads a case twice within the floor against the real origin, and never sends two requests within two seconds', () => {
    const { checks } = simulate(empty(), pair, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + 3 * DAY);
    for (const receipt of [I821D, I765]) {
      const starts = checks.filter((c) => c.receipt === receipt).map((c) => c.at);
      expect(Math.min(...gapsOf(starts))).toBeGreaterThanOrEqual(SCHEDULE_RULES.perCaseFloorMs);
    }
    expect(Math.min(...gapsOf(checks.map((c) => c.at)))).toBeGreaterThanOrEqual(SCHEDULE_RULES.minGapMs);
  });

  it('off hours keeps the session alive with one light read per keep-alive gap, most to the likelier case, and the I-765 at least every 45 minutes: no extra request', () => {
    const { checks } = simulate(empty(), pair, SATURDAY, SATURDAY + DAY);
    const after = checks.slice(4);
    expect(Math.max(...gapsOf(after.map((c) => c.at)))).toBeLessThanOrEqual(SCHEDULE_RULES.keepAliveEveryMs + 10_000);
    expect(after.every((c) => c.purpose === 'keep-alive')).toBe(true);
    // The ceiling: the companion's documents never wait past 45 minutes (the keep-alive turn that would pass it is its).
    expect(SCHEDULE_RULES.offHoursCeilingMs).toBe(45 * MINUTE);
    expect(Math.max(...gapsOf(documentsReads(after, I765)))).toBeLessThanOrEqual(SCHEDULE_RULES.offHoursCeilingMs);
    // The rest go to the case most overdue for its likelihood: the likelier one, whose documents wait at most three turns.
    const turns = after.filter((c) => c.receipt === I821D).length / after.length;
    expect(turns).toBeGreaterThan(0.55);
    expect(turns).toBeLessThan(0.8);
    expect(Math.max(...gapsOf(documentsReads(after, I821D)))).toBeLessThanOrEqual(3 * SCHEDULE_RULES.keepAliveEveryMs + 20_000);
    // The status of the likelier case is read about every six hours, riding along with its documents (never put off);
    // the other's every twelve (USCIS decides the I-765 after the I-821D), on its ceiling turns.
    for (const [receipt, every] of [[I821D, SCHEDULE_RULES.statusEveryMs], [I765, SCHEDULE_RULES.companionStatusEveryMs]] as const) {
      const statuses = checks.filter((c) => c.receipt === receipt && c.reads.includes('status'));
      expect(statuses.length).toBeGreaterThanOrEqual(DAY / every);
      expect(Math.max(...gapsOf(statuses.map((c) => c.at)))).toBeLessThanOrEqual(every + SCHEDULE_RULES.offHoursCeilingMs);
      expect(statuses.every((c) => c.reads.includes('documents'))).toBe(true);
    }
    // About 24 hours / 14 minutes: the fewest reads that keep the session; a due status rides along on a ceiling turn now and then.
    expect(checks.length).toBeLessThanOrEqual(Math.ceil(DAY / SCHEDULE_RULES.keepAliveEveryMs) + 4);
    const requests = after.reduce((sum, c) => sum + c.reads.length, 0);
    expect(requests - after.length).toBeLessThanOrEqual(6);
  });

  it('spends the turns where approvals land: the ceiling does not add requests to a night (same count with and without a second case)', () => {
    const night = Date.UTC(2026, 5, 3, 0); // Tuesday 20:00 EDT to Wednesday 08:00 EDT
    const pairNight = simulate(empty(), pair, night, night + 11 * HOUR).checks.slice(4);
    const aloneNight = simulate(empty(), [pair[0]!], night, night + 11 * HOUR).checks.slice(2);
    expect(Math.abs(pairNight.length - aloneNight.length)).toBeLessThanOrEqual(2);
    expect(Math.max(...gapsOf(documentsReads(pairNight, I765)))).toBeLessThanOrEqual(SCHEDULE_RULES.offHoursCeilingMs);
  });

  it('without "stay signed in", follows the user\'s off-hours interval and sleeps in between', () => {
    const { checks } = simulate(empty(), pair, SATURDAY, SATURDAY + DAY, { pace: { ...settings, staySignedIn: false } });
    // The companion's turn comes every interval (its status takes one now and then instead of its documents).
    const i765 = gapsOf(checks.filter((c) => c.receipt === I765).map((c) => c.at));
    expect(Math.max(...i765)).toBeLessThanOrEqual(settings.offHoursIntervalMinutes * MINUTE * 1.15 + 10_000);
    expect(Math.min(...i765)).toBeGreaterThan(settings.offHoursIntervalMinutes * MINUTE * 0.8);
    expect(checks.length).toBeLessThan(40);
  });

  it('shortens a night gap when the working day starts', () => {
    // Read at 07:30 EDT; the off-hours gap would be an hour or more, but at 08:00 working hours begin.
    let state = empty();
    const at = Date.UTC(2026, 5, 2, 11, 30);
    state = checkFinished(requestSent(state, at), I821D, { now: at, read: ['documents', 'status', 'detail'], random: () => 0.5 });
    state = checkFinished(requestSent(state, at), I765, { now: at, read: ['documents', 'status', 'detail'], random: () => 0.5 });
    const step = nextStep(state, pair, live, at + 1000, { ...settings, staySignedIn: false });
    expect(step.kind === 'check' && step.receipt).toBe(I821D);
    expect(step.kind === 'check' && step.at).toBe(Date.UTC(2026, 5, 2, 12));
  });

  it('reads the documents, or instead the status every six hours and the detail every day: no request of their own', () => {
    let state = empty();
    expect(planCheck(state, I821D, TUESDAY_WORK)).toEqual(['documents', 'status', 'detail']);
    state = checkFinished(state, I821D, { now: TUESDAY_WORK, read: ['documents', 'status', 'detail'], random: () => 0.5 });
    expect(planCheck(state, I821D, TUESDAY_WORK + HOUR)).toEqual(['documents']);
    expect(planCheck(state, I821D, TUESDAY_WORK + 6 * HOUR - 1)).toEqual(['documents']);
    expect(planCheck(state, I821D, TUESDAY_WORK + 6 * HOUR)).toEqual(['status']);
    expect(planCheck(state, I821D, TUESDAY_WORK + 24 * HOUR)).toEqual(['status', 'detail']);
    state = checkFinished(state, I821D, { now: TUESDAY_WORK + 6 * HOUR, read: ['status'], random: () => 0.5 });
    expect(planCheck(state, I821D, TUESDAY_WORK + 6 * HOUR + 12 * MINUTE)).toEqual(['documents']);
  });
});

describe('the shoulder and the weekly budget', () => {
  /** Requests of each US Eastern day of a week from Monday 00:00 EDT (the first checks read everything). */
  function week(seed: number) {
    const monday = Date.UTC(2026, 5, 1, 4);
    const { checks } = simulate(empty(), pair, monday, monday + 7 * DAY, { seed });
    return Array.from({ length: 7 }, (_, d) => checks.filter((c) => c.at >= monday + d * DAY && c.at < monday + (d + 1) * DAY).reduce((sum, c) => sum + c.reads.length, 0));
  }

  it('keeps working pace until 19:00 US Eastern (Central and Mountain afternoons), then keep-alive pace', () => {
    const { checks } = simulate(empty(), pair, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + DAY);
    const shoulder = (at: number) => at >= Date.UTC(2026, 5, 2, 22) && at < Date.UTC(2026, 5, 2, 23); // 18:00-19:00 EDT
    const evening = (at: number) => at >= Date.UTC(2026, 5, 2, 23, 30) && at < Date.UTC(2026, 5, 3, 0, 30); // 19:30-20:30 EDT
    const inShoulder = gapsOf(documentsReads(checks, I821D, shoulder));
    // The likelier case at the floor in the shoulder, as in the working day...
    expect(Math.max(...inShoulder)).toBeLessThanOrEqual(SCHEDULE_RULES.perCaseFloorMs * (1 + SCHEDULE_RULES.jitterFraction) + 5_000);
    expect(documentsReads(checks, I765, shoulder).length).toBeGreaterThanOrEqual(2);
    // ...and after 19:00 one light read per keep-alive gap for the pair.
    expect(checks.filter((c) => shoulder(c.at)).length).toBeGreaterThan(1.5 * checks.filter((c) => evening(c.at)).length);
    expect(checks.filter((c) => evening(c.at)).length).toBeLessThanOrEqual(Math.ceil(HOUR / SCHEDULE_RULES.keepAliveEveryMs) + 1);
  });

  it('keeps the budget as a weekly average: weekdays under about 170, weekend days lower, the week at most 150 a day', () => {
    expect(SCHEDULE_RULES.weekdayRequestsMax).toBe(170);
    expect(SCHEDULE_RULES.weeklyAverageRequestsMax).toBe(150);
    for (const seed of [11, 12, 13]) {
      const days = week(seed);
      const weekdays = days.slice(0, 5);
      const weekend = days.slice(5);
      expect(Math.max(...weekdays), `seed ${seed}: ${days.join(' ')}`).toBeLessThanOrEqual(SCHEDULE_RULES.weekdayRequestsMax);
      expect(Math.max(...weekend), `seed ${seed}: ${days.join(' ')}`).toBeLessThan(Math.min(...weekdays));
      expect(days.reduce((a, b) => a + b, 0) / 7, `seed ${seed}: ${days.join(' ')}`).toBeLessThanOrEqual(SCHEDULE_RULES.weeklyAverageRequestsMax);
      // Weekends hold the session (a read every keep-alive gap, a status now and then), no more.
      for (const day of weekend) expect(day).toBeLessThanOrEqual(Math.ceil(DAY / SCHEDULE_RULES.keepAliveEveryMs) + 12);
    }
  });

  it('the same floor whatever the environment says of the origin: only an explicit floorMs relaxes it', () => {
    let state = checkFinished(requestSent(empty(), TUESDAY_WORK), I821D, { now: TUESDAY_WORK, read: ['documents', 'status', 'detail'], random: () => 0.5 });
    state = checkSoon(state, [I821D], TUESDAY_WORK + MINUTE);
    const step = nextStep(state, [I821D], live, TUESDAY_WORK + MINUTE, settings);
    expect(step.kind === 'check' && step.at).toBe(TUESDAY_WORK + SCHEDULE_RULES.perCaseFloorMs);
    const relaxed = nextStep(checkSoon(state, [I821D], TUESDAY_WORK + MINUTE, 0), [I821D], { ...live, floorMs: 0 }, TUESDAY_WORK + MINUTE, settings);
    expect(relaxed.kind === 'check' && relaxed.at).toBe(TUESDAY_WORK + MINUTE);
  });
});

describe('blocking', () => {
  it.each([
    [{ ...live, signedIn: false }, 'signed-out'],
    [{ ...live, online: false }, 'offline'],
    [{ ...live, awake: false }, 'asleep'],
  ] as const)('makes no request while %j', (env, reason) => {
    expect(nextStep(empty(), pair, env, TUESDAY_WORK, settings)).toEqual({ kind: 'blocked', reason, until: null });
  });

  it('makes no request while paused or backing off as a whole, and says until when', () => {
    const until = TUESDAY_WORK + HOUR;
    expect(nextStep(paused(empty(), until), pair, live, TUESDAY_WORK, settings)).toEqual({ kind: 'blocked', reason: 'paused', until });
    const backingOff = failed(empty(), { now: TUESDAY_WORK, reason: 'rate-limited', random: () => 0.5 });
    const step = nextStep(backingOff, pair, live, TUESDAY_WORK, settings);
    expect(step.kind === 'blocked' && step.reason).toBe('backing-off');
    expect(nextStep(backingOff, pair, live, Date.parse(backingOff.backoff!.until), settings).kind).toBe('check');
    expect(nextStep(empty(), [], live, TUESDAY_WORK, settings)).toEqual({ kind: 'blocked', reason: 'no-cases', until: null });
  });
});

describe('one failing case never stops the other', () => {
  it('backs off the failing case alone, exponentially up to a ceiling, while the other keeps its pace for 48 hours', () => {
    const random = seededRandom(3);
    let state = simulate(empty(), pair, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + HOUR).state;
    let now = TUESDAY_MIDNIGHT + HOUR;
    const end = now + 48 * HOUR;
    const healthy: number[] = [];
    const failingTries: number[] = [];
    const retryWaits: number[] = [];
    while (now < end) {
      const step = nextStep(state, pair, live, now, settings);
      if (step.kind !== 'check') throw new Error(`blocked: ${JSON.stringify(step)}`);
      now = Math.max(step.at, earliestRequestAt(state, step.at, random));
      if (step.receipt === I821D) {
        state = requestSent(state, now, false);
        state = caseFailed(state, I821D, { now, random });
        failingTries.push(now);
        retryWaits.push(Date.parse(state.cases[I821D]!.retryAt!) - now);
        expect(allCasesFailing(state, [I821D, I765])).toBe(false);
      } else {
        state = requestSent(state, now);
        state = checkFinished(state, I765, { now, read: step.reads, random });
        healthy.push(now);
      }
      expect(state.backoff).toBeNull();
    }
    // The healthy case is read as if nothing failed: off hours at least every keep-alive gap or so, by day about every 20 minutes.
    expect(healthy.length).toBeGreaterThan(150);
    expect(Math.max(...gapsOf(healthy))).toBeLessThanOrEqual(45 * MINUTE);
    // The failing one waits longer each time (1, 2, 4, 8... minutes, jittered), never past the ceiling.
    expect(retryWaits[3]!).toBeGreaterThan(retryWaits[0]! * 4);
    expect(Math.max(...retryWaits)).toBeLessThanOrEqual(SCHEDULE_RULES.backoffMaxMs * 1.15);
    expect(Math.max(...gapsOf(failingTries))).toBeLessThanOrEqual(SCHEDULE_RULES.backoffMaxMs * 1.15 + 20 * MINUTE);
    expect(failingTries.length).toBeGreaterThan(20);
    expect(state.cases[I821D]!.failures).toBe(failingTries.length);
    // A success clears its count and its wait.
    state = checkFinished(state, I821D, { now, read: ['documents'], random });
    expect(state.cases[I821D]).toMatchObject({ failures: 0, retryAt: null, refusals: 0 });
  });

  it('calls it the site when every case is failing', () => {
    let state = caseFailed(empty(), I821D, { now: TUESDAY_WORK, random: () => 0.5 });
    expect(allCasesFailing(state, [I821D, I765])).toBe(false);
    state = caseFailed(state, I765, { now: TUESDAY_WORK + 3000, random: () => 0.5 });
    expect(allCasesFailing(state, [I821D, I765])).toBe(true);
    // One case alone is never "every case": its own backoff covers it.
    expect(allCasesFailing(caseFailed(empty(), I821D, { now: TUESDAY_WORK, random: () => 0.5 }), [I821D])).toBe(false);
  });

  it('backs off everything exponentially, honours Retry-After, caps it, and a success clears it', () => {
    let state = empty();
    const waits: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      state = failed(state, { now: TUESDAY_WORK, reason: 'challenged', random: () => 0.5 });
      waits.push(Date.parse(state.backoff!.until) - TUESDAY_WORK);
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8].map((m) => m * MINUTE));
    expect(Math.max(...waits)).toBe(SCHEDULE_RULES.backoffMaxMs);
    expect(checkFinished(state, I821D, { now: TUESDAY_WORK, read: ['documents'], random: () => 0.5 }).backoff).toBeNull();
    const withRetryAfter = failed(empty(), { now: TUESDAY_WORK, reason: 'rate-limited', retryAfterMs: 45 * MINUTE, random: () => 0.5 });
    expect(Date.parse(withRetryAfter.backoff!.until) - TUESDAY_WORK).toBe(45 * MINUTE);
    const withoutValue = failed(empty(), { now: TUESDAY_WORK, reason: 'rate-limited', retryAfterMs: null, random: () => 0.5 });
    expect(Date.parse(withoutValue.backoff!.until) - TUESDAY_WORK).toBe(SCHEDULE_RULES.defaultRetryAfterMs);
    const absurd = failed(empty(), { now: TUESDAY_WORK, reason: 'rate-limited', retryAfterMs: 365 * DAY, random: () => 0.5 });
    expect(Date.parse(absurd.backoff!.until) - TUESDAY_WORK).toBe(SCHEDULE_RULES.retryAfterMaxMs);
  });

  it('survives a round trip through the stored schema', () => {
    const state = caseFailed(failed(empty(), { now: TUESDAY_WORK, reason: 'server-error', random: () => 0.2 }), I765, { now: TUESDAY_WORK, random: () => 0.2, refused: true });
    const reread = ScheduleStateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(reread).toEqual(state);
    expect(nextStep(reread, pair, live, TUESDAY_WORK + 30_000, settings)).toMatchObject({ kind: 'blocked', reason: 'backing-off' });
  });
});

describe('check soon', () => {
  it('after sign-in or wake-up makes every case due as soon as the floor allows, and reads every endpoint', () => {
    let state = checkFinished(empty(), I821D, { now: TUESDAY_WORK, read: ['documents', 'status', 'detail'], random: () => 0.5 });
    state = checkSoon(state, [I821D, I765], TUESDAY_WORK + 3 * MINUTE);
    expect(state.cases[I821D]?.soonAt).toBe(new Date(TUESDAY_WORK + SCHEDULE_RULES.perCaseFloorMs).toISOString());
    expect(state.cases[I765]?.soonAt).toBe(new Date(TUESDAY_WORK + 3 * MINUTE).toISOString());
    expect(planCheck(state, I821D, TUESDAY_WORK + 3 * MINUTE)).toEqual(['documents', 'status', 'detail']);
    const first = nextStep(state, pair, live, TUESDAY_WORK + 3 * MINUTE, settings);
    expect(first).toMatchObject({ kind: 'check', receipt: I765, at: TUESDAY_WORK + 3 * MINUTE });
    // A demo's runner may relax the floor, explicitly (never guessed from the origin).
    const relaxed = checkSoon(state, [I821D], TUESDAY_WORK + 3 * MINUTE, 0);
    expect(relaxed.cases[I821D]?.soonAt).toBe(new Date(TUESDAY_WORK + 3 * MINUTE).toISOString());
  });

  it('after days asleep or a clock jump forward, reads each case once, then goes back to its pace: no burst', () => {
    const { state } = simulate(empty(), pair, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + 6 * HOUR);
    for (const jump of [3 * DAY, 400 * DAY]) {
      const woke = TUESDAY_MIDNIGHT + 6 * HOUR + jump;
      const { checks } = simulate(checkSoon(state, [I821D, I765], woke), pair, woke, woke + HOUR);
      const firstTen = checks.filter((c) => c.at < woke + 10 * MINUTE);
      expect(firstTen.map((c) => c.receipt).sort()).toEqual([I821D, I765].sort());
      expect(firstTen.reduce((sum, c) => sum + c.reads.length, 0)).toBeLessThanOrEqual(6);
      expect(checks.length).toBeLessThanOrEqual(10);
    }
  });

  it('keeps its pace across the change to and from daylight time', () => {
    for (const [from, label] of [
      [Date.UTC(2026, 2, 7, 12), 'spring forward'],
      [Date.UTC(2026, 9, 31, 12), 'fall back'],
    ] as const) {
      const { checks } = simulate(empty(), pair, from, from + 2 * DAY);
      const gaps = gapsOf(checks.map((c) => c.at));
      expect(Math.min(...gaps), label).toBeGreaterThanOrEqual(SCHEDULE_RULES.minGapMs);
      expect(Math.max(...gaps), label).toBeLessThanOrEqual(SCHEDULE_RULES.keepAliveEveryMs + 10_000);
      // Any hour holds at most what a working hour holds.
      for (const c of checks) expect(checks.filter((o) => o.at >= c.at && o.at < c.at + HOUR).length, label).toBeLessThanOrEqual(12);
    }
  });
});

describe('stored times in the future', () => {
  function futureState(ahead: number): ScheduleState {
    const { state } = simulate(empty(), pair, TUESDAY_WORK + ahead - 2 * HOUR, TUESDAY_WORK + ahead);
    const withWaits = caseFailed(paused(state, TUESDAY_WORK + ahead + 30 * DAY), I765, { now: TUESDAY_WORK + ahead, random: () => 0.5 });
    return failed(withWaits, { now: TUESDAY_WORK + ahead, reason: 'server-error', random: () => 0.5 });
  }

  it.each([
    ['a day', DAY],
    ['a year', 365 * DAY],
  ])('after the clock moved back %s, brings every time back and checks again within one interval', (_label, ahead) => {
    const stored = futureState(ahead);
    const now = TUESDAY_WORK;
    // Unclamped, nothing happens for the whole gap.
    const stuck = nextStep(stored, pair, live, now, settings);
    expect(stuck.kind === 'blocked' ? stuck.until : stuck.at).toBeGreaterThan(now + ahead / 2);
    const clamped = clampToNow(stored, now);
    expect(Date.parse(clamped.lastRequestAt!)).toBe(now);
    expect(Date.parse(clamped.lastAnsweredAt!)).toBe(now);
    expect(Date.parse(clamped.pausedUntil!)).toBeLessThanOrEqual(now + SCHEDULE_RULES.pauseMaxMs);
    expect(Date.parse(clamped.backoff!.until)).toBeLessThanOrEqual(now + SCHEDULE_RULES.backoffMaxMs);
    expect(Date.parse(clamped.cases[I765]!.retryAt!)).toBeLessThanOrEqual(now + SCHEDULE_RULES.backoffMaxMs);
    for (const entry of Object.values(clamped.cases)) {
      for (const key of ['lastCheckAt', 'lastDocumentsAt', 'lastStatusAt', 'lastDetailAt'] as const) expect(entry[key] === null || Date.parse(entry[key]!) <= now).toBe(true);
    }
    // With the pause lifted (the user's own), checks resume at once after the backoff, within one interval.
    const resumed = nextStep({ ...clamped, pausedUntil: null, backoff: null }, pair, live, now, settings);
    expect(resumed.kind).toBe('check');
    expect(resumed.kind === 'check' && resumed.at - now).toBeLessThanOrEqual(settings.workHoursIntervalMinutes * MINUTE);
    // Clamping again changes nothing.
    expect(clampToNow(clamped, now)).toBe(clamped);
  });

  it('leaves a state with nothing in the future untouched (the same object)', () => {
    const { state } = simulate(empty(), pair, TUESDAY_WORK, TUESDAY_WORK + 2 * HOUR);
    expect(clampToNow(state, TUESDAY_WORK + 2 * HOUR)).toBe(state);
  });
});

describe('the finished pace (card delivered, or both cases ended)', () => {
  const finished: PlannedCase[] = pair.map((c) => ({ ...c, decided: true, finished: true }));

  it('reads each case documents and status a few times a weekday, in USCIS working time only, with no keep-alive turns', () => {
    const { checks } = simulate(empty(), finished, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + 7 * DAY);
    expect(checks.every((c) => c.purpose === 'scheduled' && c.reads.includes('documents') && c.reads.includes('status'))).toBe(true);
    // The first read is at once (never read yet); every later one falls in USCIS's working time.
    expect(checks.slice(2).every((c) => isUscisWorkingTime(c.at))).toBe(true);
    for (const receipt of [I821D, I765]) {
      const reads = documentsReads(checks, receipt);
      expect(gapsOf(reads).every((gap) => gap >= SCHEDULE_RULES.finishedEveryMs)).toBe(true);
      // Five weekdays of 10 working hours: at most two or three reads a day each, plus the first.
      expect(reads.length).toBeLessThanOrEqual(1 + 5 * (Math.floor((10 * HOUR) / SCHEDULE_RULES.finishedEveryMs) + 1));
      expect(reads.length).toBeGreaterThanOrEqual(5);
    }
    const requests = checks.reduce((sum, c) => sum + c.reads.length, 0);
    expect(requests / 7).toBeLessThan(20);
  });

  it('keeps the decided pace while only one case is finished (a mailed card is still watched)', () => {
    const one: PlannedCase[] = [finished[0]!, { ...pair[1]!, decided: true }];
    const { checks } = simulate(empty(), one, TUESDAY_MIDNIGHT, TUESDAY_MIDNIGHT + DAY);
    expect(checks.some((c) => c.purpose === 'keep-alive')).toBe(true);
    expect(checks.filter((c) => c.receipt === I765).length).toBeGreaterThan(12);
  });
});
