// When to ask USCIS what: one planner for the watched cases (the DACA pair), a pure function of the
// persisted ScheduleState, an injected clock value and random source. It sends nothing and sleeps
// never; the monitor acts on what it decides.
//
// The plan in one paragraph. A silent approval is seen on the first read of a case's documents after
// the approval document appears, so reads go where and when that document is likely to land: to the
// case it is expected on (the I-821D until it shows a decision, then the I-765), in the hours USCIS
// works (weekdays, US Eastern and Central daytime) and a shoulder hour after (until 19:00 Eastern, for
// Central and Mountain afternoons). In that working pace the likeliest case is read at the per-case floor
// and the other case's reads are staggered between its reads, so documents landing on both together are
// caught by whichever read comes first. Off hours, with "stay signed in", a light read every
// keepAliveEveryMs keeps the session alive and goes to the case most overdue for its weight, but no
// undecided case waits past offHoursCeilingMs (the I-765's approval can come first, at night too); the
// status and the case detail are read in those turns when they are due, so they cost no extra request.
// The budget is a weekly average (weekdays more, weekends less). A failure of one case backs off that
// case alone; only answers about the whole account or the site back off everything.

import { REQUEST_BUDGET } from '../shared/monitor/settings-limits';
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
  /** Every planned gap is stretched or shrunk by up to this fraction at random. */
  jitterFraction: 0.15,
  /**
   * The status is due after this long, the case detail after the next; both are read at once whenever the
   * documents or the status moved (a silent approval shows in the documents first). Off hours a light
   * (keep-alive) turn reads them; in working hours they ride along with a documents read.
   */
  statusEveryMs: 6 * HOUR,
  detailEveryMs: 24 * HOUR,
  /** After a case's decision its news is in the status (card produced, mailed, delivered): read it this often. */
  decidedStatusEveryMs: 2 * HOUR,
  /**
   * An undecided case the next approval is not expected on (the I-765 while the I-821D waits: USCIS decides it after
   * the I-821D): its status this often. What it saves pays for the likeliest case's status riding along at night.
   */
  companionStatusEveryMs: 12 * HOUR,
  /**
   * With "stay signed in", no gap between answered requests longer than this. MYUSCIS.md: the idle timeout
   * is undocumented, reported from about 15-30 minutes to hours; one tracker keeps alive every 20 minutes.
   */
  keepAliveEveryMs: 14 * MINUTE,
  /** The share of weight at which a case is read exactly at the user's interval (the companion in a waiting DACA pair: 1 of 3.3). */
  referenceWeight: 1 / 3.3,
  /**
   * In working pace the likeliest undecided case is read at this share of the user's interval, never under the floor:
   * the recommended 18 minutes puts it at the 10-minute floor; "less often" (60) at about 33.
   */
  likeliestShareOfInterval: 10 / 18,
  /** Off hours, turns are shared by the weight to this power (the likelier case gets most of them)... */
  offHoursShareExponent: 2,
  /**
   * ...but with "stay signed in" no case's documents wait longer than this off hours: the keep-alive turns are spent
   * on it then (no extra request). An approval can land on the I-765 first, at night too.
   */
  offHoursCeilingMs: 45 * MINUTE,
  /** Working pace ends at this hour US Eastern, one hour after USCIS's day: the shoulder (Central and Mountain afternoons). */
  workingPaceEndHour: 19,
  /**
   * The budget, as a weekly average (MYUSCIS.md: "a few requests per case per check, spaced, jittered"): a weekday
   * (working pace 08:00-19:00 US Eastern, keep-alive turns the rest) stays under about weekdayRequestsMax, a weekend
   * day (keep-alive turns only) well under it, and the week averages at most weeklyAverageRequestsMax a day. The
   * shoulder's hour is paid for from the night's hours; tests/engine/schedule.test.ts checks the sums.
   */
  weekdayRequestsMax: REQUEST_BUDGET.weekdayMax,
  weeklyAverageRequestsMax: REQUEST_BUDGET.weeklyAveragePerDay,
  /**
   * The finished pace: once the pair is finished (card delivered, or both cases ended) nothing more is expected, so
   * each case's status and documents are read this often, in USCIS's working time only, with no keep-alive turns
   * (the session may lapse; see the monitor). Four reads of two endpoints a weekday still catch a late surprise
   * (a reopened case, a returned card) the same day.
   */
  finishedEveryMs: 6 * HOUR,
  /** Exponential backoff on errors: first step and ceiling. */
  backoffBaseMs: 1 * MINUTE,
  backoffMaxMs: 2 * HOUR,
  /** When a 429 gives no usable Retry-After. */
  defaultRetryAfterMs: 15 * MINUTE,
  /** The longest backoff kept from a stored state (a Retry-After beyond it is read as a clock or server mistake). */
  retryAfterMaxMs: 6 * HOUR,
  /** The longest pause the app offers (until tomorrow morning), for clamping a stored pause. */
  pauseMaxMs: 48 * HOUR,
  /** A receipt refused this many checks in a row while the account works is judged "not this account". */
  refusalsForNotThisAccount: 3,
} as const;

/** What the schedule knows about the world outside the state. */
export interface ScheduleEnv {
  signedIn: boolean;
  online: boolean;
  awake: boolean;
  /**
   * The per-case floor in force (default SCHEDULE_RULES.perCaseFloorMs): lower only when a demo's runner relaxes it
   * explicitly (its story runs on a fast clock). Never derived from the origin.
   */
  floorMs?: number;
}

export type WaitReason = 'signed-out' | 'offline' | 'asleep' | 'paused' | 'backing-off' | 'no-cases';

export type CheckedEndpoint = 'documents' | 'status' | 'detail';

/** A watched case and the chance the next approval document lands on it (any positive numbers; they are normalised). */
export interface PlannedCase {
  receipt: string;
  weight: number;
  /** A decision showed on it: its news is in the status now. */
  decided?: boolean;
  /**
   * Nothing more is expected on it: the new card was delivered, or the case ended (denied, terminated, ...). When
   * every watched case is finished the planner keeps the finished pace (see finishedStep).
   */
  finished?: boolean;
}

export type SchedulePace = Pick<Settings, 'workHoursIntervalMinutes' | 'offHoursIntervalMinutes' | 'staySignedIn'>;

export type NextStep =
  | { kind: 'blocked'; reason: WaitReason; until: number | null }
  | { kind: 'check'; receipt: string; at: number; purpose: 'scheduled' | 'keep-alive'; reads: CheckedEndpoint[] };

// ------------------------------------------------------------------ USCIS's working hours

const EASTERN = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });

/** Whether `now` is a weekday between 08:00 and `endHour` US Eastern. */
function easternWeekdayBetween8And(now: number, endHour: number): boolean {
  const parts = EASTERN.formatToParts(new Date(now));
  const weekday = parts.find((p) => p.type === 'weekday')?.value;
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  return weekday !== 'Sat' && weekday !== 'Sun' && hour >= 8 && hour < endHour;
}

/**
 * Whether USCIS is at work, when approval documents land: weekdays 08:00-18:00 US Eastern, which holds
 * the Eastern working day and the Central one (08:00-17:00 Central is 09:00-18:00 Eastern).
 */
export function isUscisWorkingTime(now: number): boolean {
  return easternWeekdayBetween8And(now, 18);
}

/**
 * Whether the planner keeps working-hours pace: USCIS's working time plus the shoulder until 19:00 US Eastern
 * (an office in Central or Mountain time still works then; a late upload lands in it).
 */
export function isWorkingPaceTime(now: number): boolean {
  return easternWeekdayBetween8And(now, SCHEDULE_RULES.workingPaceEndHour);
}

/**
 * The next moment working pace starts or ends after `now`. Eastern time is a whole number of hours
 * from UTC, so it changes only on a UTC hour: the scan steps hour by hour (at most a weekend's 61 hours).
 */
export function nextWorkingTimeChange(now: number): number {
  const working = isWorkingPaceTime(now);
  let at = Math.floor(now / HOUR) * HOUR + HOUR;
  for (let i = 0; i < 80 && isWorkingPaceTime(at) === working; i += 1) at += HOUR;
  return at;
}

// ------------------------------------------------------------------ small helpers

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
};
const iso = (epoch: number): string => new Date(epoch).toISOString();

export function jittered(value: number, random: () => number, fraction: number = SCHEDULE_RULES.jitterFraction): number {
  return Math.round(value * (1 - fraction + 2 * fraction * random()));
}

type CaseEntry = ScheduleState['cases'][string];

function caseEntry(state: ScheduleState, receipt: string): CaseEntry {
  return (
    state.cases[receipt] ?? { lastCheckAt: null, lastDocumentsAt: null, lastStatusAt: null, lastDetailAt: null, soonAt: null, retryAt: null, failures: 0, refusals: 0, pace: 1 }
  );
}

function withCase(state: ScheduleState, receipt: string, patch: Partial<CaseEntry>): ScheduleState {
  return { ...state, cases: { ...state.cases, [receipt]: { ...caseEntry(state, receipt), ...patch } } };
}

/** The earliest moment the next request may go out, given the gap since the last one. */
export function earliestRequestAt(state: ScheduleState, now: number, random: () => number): number {
  const last = ms(state.lastRequestAt);
  return last === null ? now : Math.max(now, last + SCHEDULE_RULES.minGapMs + Math.round(SCHEDULE_RULES.gapJitterMs * random()));
}

// ------------------------------------------------------------------ the pace

/** The user's interval at this moment: working pace (with the shoulder) or nights and weekends (minutes to ms). */
export function baseIntervalMs(now: number, settings: Pick<Settings, 'workHoursIntervalMinutes' | 'offHoursIntervalMinutes'>): number {
  return (isWorkingPaceTime(now) ? settings.workHoursIntervalMinutes : settings.offHoursIntervalMinutes) * MINUTE;
}

function normalised(cases: readonly PlannedCase[]): Map<string, number> {
  const total = cases.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
  return new Map(cases.map((c) => [c.receipt, total > 0 ? Math.max(0, c.weight) / total : 1 / cases.length]));
}

/**
 * The target gap between two documents reads of a case, before jitter. In working pace the likeliest undecided case
 * (`likeliest`) is read at likeliestShareOfInterval of the user's interval (the floor for the recommended 18 minutes):
 * that is where most approval documents land. Any other case: the user's interval for a case of the reference weight
 * (a third: the companion of the case a decision is expected on), shorter in proportion to the square root of a
 * heavier weight; never under the per-case floor nor over the user's interval.
 */
export function targetGapMs(weight: number, now: number, settings: Pick<Settings, 'workHoursIntervalMinutes' | 'offHoursIntervalMinutes'>, decided = false, likeliest = false): number {
  const interval = baseIntervalMs(now, settings);
  if (likeliest && !decided && isWorkingPaceTime(now)) return Math.max(SCHEDULE_RULES.perCaseFloorMs, Math.round(interval * SCHEDULE_RULES.likeliestShareOfInterval));
  const scaled = interval * Math.sqrt(SCHEDULE_RULES.referenceWeight / Math.max(weight, 1e-6));
  // The user's interval bounds a case waiting for its decision; a decided case, whose news is in its status, twice that.
  return Math.min(decided ? 2 * interval : interval, Math.max(SCHEDULE_RULES.perCaseFloorMs, scaled));
}

type Role = 'likeliest' | 'companion';

/** The gap planned at t for a case, with its drawn jitter (never under the per-case floor). */
function plannedGap(entry: CaseEntry, weight: number, t: number, settings: SchedulePace, role: Role, decided: boolean): number {
  return Math.max(SCHEDULE_RULES.perCaseFloorMs, Math.round(targetGapMs(weight, t, settings, decided, role === 'likeliest') * entry.pace));
}

/**
 * When a case's documents are next due by its pace alone: the first moment t at which t minus the last
 * documents read reaches the target gap in force at t (working pace and off hours differ, so a gap
 * planned at night shortens when the working day starts).
 */
function dueByPace(entry: CaseEntry, weight: number, now: number, settings: SchedulePace, role: Role, decided: boolean): number {
  if (ms(entry.lastDocumentsAt) === null) return now;
  const last = lastTurnAt(entry, role);
  let t = now;
  for (let i = 0; i < 6; i += 1) {
    // Off hours with "stay signed in", the keep-alive turns are the reads (see lightTurn): no gap of its own.
    const gap = settings.staySignedIn && !isWorkingPaceTime(t) ? Number.POSITIVE_INFINITY : plannedGap(entry, weight, t, settings, role, decided);
    const candidate = Math.max(t, last + gap);
    const change = nextWorkingTimeChange(t);
    if (candidate < change) return candidate;
    t = change;
  }
  return t;
}

/**
 * The stagger: in working pace another case's read moves to the midpoint between two reads of the likeliest case
 * nearest its own due time, so the pair's reads interleave and a pair whose documents land together is
 * caught by whichever read comes first; never past its own interval's jittered end (`latest`), where it is read
 * then. `likeliestNext` is the likeliest case's next planned read, `likeliestGap` its gap.
 */
function staggered(due: number, latest: number, likeliestNext: number, likeliestGap: number): number {
  const first = likeliestNext - likeliestGap / 2;
  // Whole milliseconds: a clock that keeps whole milliseconds must be able to reach the time.
  const slot = Math.round(Math.min(latest, first + Math.max(0, Math.round((due - first) / likeliestGap)) * likeliestGap));
  return isWorkingPaceTime(slot) ? slot : due;
}

/**
 * Where a case's pace runs from: the likeliest case's last documents read; another case's last read of any
 * kind (its due status takes its turn instead of its documents).
 */
function lastTurnAt(entry: CaseEntry, role: Role): number {
  const reads = role === 'likeliest' ? [entry.lastDocumentsAt] : [entry.lastDocumentsAt, entry.lastStatusAt, entry.lastDetailAt];
  return Math.max(...reads.map((at) => ms(at) ?? 0));
}

/** The earliest the rules let this case be read: its own backoff, and the per-case floor. */
function allowedAt(entry: CaseEntry, env: ScheduleEnv): number {
  const retry = ms(entry.retryAt) ?? 0;
  const last = ms(entry.lastCheckAt);
  const floor = last === null ? 0 : last + (env.floorMs ?? SCHEDULE_RULES.perCaseFloorMs);
  return Math.max(retry, floor);
}

function isDue(last: string | null, every: number, now: number): boolean {
  const at = ms(last);
  return at === null || now - at >= every;
}

/**
 * What a check of this case reads: its due status or detail take the turn instead of its documents (so
 * they cost no request of their own; the next light turn then goes to the documents where the approval
 * is expected, see lightTurn), else its documents alone; with `withDocuments` (an undecided case in working
 * pace, a case at its off-hours ceiling) they ride along with the documents instead, which are never put off.
 * A case never read, or due to be checked soon, reads everything. When the documents or the status moved,
 * the monitor reads the rest at once.
 */
export function planCheck(state: ScheduleState, receipt: string, now: number, options: { decided?: boolean; withDocuments?: boolean; companion?: boolean } = {}): CheckedEndpoint[] {
  const { decided = false, withDocuments = false, companion = false } = options;
  const entry = caseEntry(state, receipt);
  // Never read, or "check soon" (sign-in, wake-up, Check now): everything.
  const lastDocuments = ms(entry.lastDocumentsAt);
  if (lastDocuments === null || entry.soonAt !== null) return ['documents', 'status', 'detail'];
  const status = isDue(entry.lastStatusAt, decided ? SCHEDULE_RULES.decidedStatusEveryMs : companion ? SCHEDULE_RULES.companionStatusEveryMs : SCHEDULE_RULES.statusEveryMs, now);
  const detail = isDue(entry.lastDetailAt, SCHEDULE_RULES.detailEveryMs, now);
  const due: CheckedEndpoint[] = [...(status ? (['status'] as const) : []), ...(detail ? (['detail'] as const) : [])];
  if (withDocuments) return ['documents', ...due];
  return due.length > 0 ? due : ['documents'];
}

/** The case the next approval document is likeliest to land on (the first of equals). */
function likeliestOf(cases: readonly PlannedCase[]): string {
  return cases.reduce((best, c) => (c.weight > best.weight ? c : best)).receipt;
}

// ------------------------------------------------------------------ the next step

/**
 * What comes next: blocked (and why, and until when if known), or a check of one case. `cases` are the
 * watched cases with their weights (plain receipts weigh the same).
 */
export function nextStep(state: ScheduleState, cases: ReadonlyArray<string | PlannedCase>, env: ScheduleEnv, now: number, pace: SchedulePace): NextStep {
  if (!env.signedIn) return { kind: 'blocked', reason: 'signed-out', until: null };
  if (!env.online) return { kind: 'blocked', reason: 'offline', until: null };
  if (!env.awake) return { kind: 'blocked', reason: 'asleep', until: null };
  const pausedUntil = ms(state.pausedUntil);
  if (pausedUntil !== null && pausedUntil > now) return { kind: 'blocked', reason: 'paused', until: pausedUntil };
  const backoffUntil = ms(state.backoff?.until);
  if (backoffUntil !== null && backoffUntil > now) return { kind: 'blocked', reason: 'backing-off', until: backoffUntil };
  if (cases.length === 0) return { kind: 'blocked', reason: 'no-cases', until: null };

  const planned: PlannedCase[] = cases.map((c) => (typeof c === 'string' ? { receipt: c, weight: 1 } : c));
  if (planned.every((c) => c.finished === true)) return finishedStep(state, planned, env, now);
  const weights = normalised(planned);
  const likeliest = likeliestOf(planned);
  const roleOf = (receipt: string): Role => (receipt === likeliest ? 'likeliest' : 'companion');
  const isDecided = (receipt: string) => planned.find((c) => c.receipt === receipt)?.decided === true;
  const byPace = new Map(planned.map(({ receipt, decided }) => [receipt, dueByPace(caseEntry(state, receipt), weights.get(receipt)!, now, pace, roleOf(receipt), decided === true)]));
  // The likeliest case's next read and gap, around which the others' reads are staggered in working pace.
  const likeliestEntry = caseEntry(state, likeliest);
  const likeliestNext = Math.max(byPace.get(likeliest)!, allowedAt(likeliestEntry, env));
  const likeliestGap = plannedGap(likeliestEntry, weights.get(likeliest)!, likeliestNext, pace, 'likeliest', isDecided(likeliest));
  let due: { receipt: string; at: number } | null = null;
  for (const { receipt, decided } of planned) {
    const entry = caseEntry(state, receipt);
    let paced = byPace.get(receipt)!;
    if (receipt !== likeliest && ms(entry.lastDocumentsAt) !== null && isWorkingPaceTime(paced)) {
      const lastTurn = lastTurnAt(entry, 'companion');
      const latest = lastTurn + Math.round(baseIntervalMs(paced, pace) * (decided ? 2 : 1) * (1 + SCHEDULE_RULES.jitterFraction));
      paced = staggered(paced, latest, likeliestNext, likeliestGap);
    }
    const soon = ms(entry.soonAt);
    const at = Math.max(now, soon === null ? paced : Math.min(paced, soon), allowedAt(entry, env));
    if (!due || at < due.at) due = { receipt, at };
  }
  const scheduled = due!;

  // The session's idle timer runs from the last request USCIS answered, not from a failed one.
  // Off hours with "stay signed in" the keep-alive turns are the only reads, so one is always planned
  // (at once when nothing was answered yet; when every case is held back, as soon as one may be read).
  const lastAnswered = ms(state.lastAnsweredAt);
  if (pace.staySignedIn) {
    const held = Math.min(...planned.map(({ receipt }) => allowedAt(caseEntry(state, receipt), env)));
    const keepAliveAt = Math.max(now, held, lastAnswered === null ? now : lastAnswered + SCHEDULE_RULES.keepAliveEveryMs);
    if (keepAliveAt < scheduled.at) {
      const light = lightTurn(state, planned, weights, env, keepAliveAt, pace);
      if (light) return { kind: 'check', receipt: light.receipt, at: keepAliveAt, purpose: 'keep-alive', reads: light.reads };
    }
  }
  const decided = isDecided(scheduled.receipt);
  // In working pace an undecided case's documents are never put off: its due status or detail rides along.
  const withDocuments = !decided && isWorkingPaceTime(scheduled.at);
  const reads = planCheck(state, scheduled.receipt, scheduled.at, { decided, withDocuments, companion: scheduled.receipt !== likeliest });
  return { kind: 'check', receipt: scheduled.receipt, at: scheduled.at, purpose: 'scheduled', reads };
}

/**
 * The finished pace: each case is read (documents and status, the detail when due) finishedEveryMs after its last
 * documents read, moved into USCIS's working time; never a keep-alive turn. A case never read is read now.
 */
function finishedStep(state: ScheduleState, planned: readonly PlannedCase[], env: ScheduleEnv, now: number): NextStep {
  let due: { receipt: string; at: number } | null = null;
  for (const { receipt } of planned) {
    const entry = caseEntry(state, receipt);
    const last = ms(entry.lastDocumentsAt);
    let at = Math.max(now, last === null ? now : last + SCHEDULE_RULES.finishedEveryMs, allowedAt(entry, env));
    if (last !== null && !isUscisWorkingTime(at)) at = Math.max(at, nextUscisWorkingStart(at));
    if (!due || at < due.at) due = { receipt, at };
  }
  const { receipt, at } = due!;
  const reads: CheckedEndpoint[] = ['documents', 'status'];
  if (isDue(caseEntry(state, receipt).lastDetailAt, SCHEDULE_RULES.detailEveryMs, at)) reads.push('detail');
  return { kind: 'check', receipt, at, purpose: 'scheduled', reads };
}

/** The next start of USCIS's working time (a UTC hour; see nextWorkingTimeChange) at or after `now`. */
function nextUscisWorkingStart(now: number): number {
  let at = Math.ceil(now / HOUR) * HOUR;
  for (let i = 0; i < 80 && !isUscisWorkingTime(at); i += 1) at += HOUR;
  return at;
}

/**
 * What a keep-alive turn reads. Turns are shared out by weight: a case of share f is owed a turn every
 * keepAliveEveryMs / f, and the turn goes to the case most overdue. In working pace that is an early
 * documents read as any other (shares go with the square root of the weight, as the planned gaps do).
 * Off hours every turn is a keep-alive anyway: shares go with the square of the weight (the likelier case
 * gets most turns), but an undecided case whose documents would otherwise wait past offHoursCeilingMs gets
 * the turn first (the I-765 is read at least every 45 minutes: its approval can come first, at night too),
 * its due status riding along. What the turn reads is planCheck's. Null when every case is held back.
 */
function lightTurn(state: ScheduleState, cases: readonly PlannedCase[], weights: Map<string, number>, env: ScheduleEnv, at: number, pace: SchedulePace): { receipt: string; reads: CheckedEndpoint[] } | null {
  const working = isWorkingPaceTime(at);
  const share = new Map([...weights].map(([receipt, w]) => [receipt, working ? Math.sqrt(w) : w ** SCHEDULE_RULES.offHoursShareExponent]));
  const total = [...share.values()].reduce((sum, r) => sum + r, 0) || 1;
  const allowed = cases.filter(({ receipt }) => allowedAt(caseEntry(state, receipt), env) <= at);
  if (allowed.length === 0) return null;
  const likeliest = likeliestOf(cases);
  const isDecided = (receipt: string) => cases.find((c) => c.receipt === receipt)?.decided === true;
  const documentsAt = (receipt: string) => ms(caseEntry(state, receipt).lastDocumentsAt);
  // The ceiling: the undecided case whose documents waited longest, if the next turn would come past its ceiling.
  if (!working) {
    const overdue = allowed
      .filter(({ receipt, decided }) => decided !== true && documentsAt(receipt) !== null && at + SCHEDULE_RULES.keepAliveEveryMs > documentsAt(receipt)! + SCHEDULE_RULES.offHoursCeilingMs)
      .sort((a, b) => documentsAt(a.receipt)! - documentsAt(b.receipt)!)[0];
    if (overdue) return { receipt: overdue.receipt, reads: planCheck(state, overdue.receipt, at, { withDocuments: true, companion: overdue.receipt !== likeliest }) };
  }
  // The likeliest case is owed its documents; another case is owed a turn (its status read may take it).
  const owedAt = (receipt: string) => {
    const entry = caseEntry(state, receipt);
    // Never longer than the user's interval for the case (off hours, the keep-alive turns are its only reads).
    const gap = Math.min(SCHEDULE_RULES.keepAliveEveryMs / Math.max((share.get(receipt) ?? 0) / total, 1e-3), targetGapMs(weights.get(receipt) ?? 0, at, pace, isDecided(receipt)) * entry.pace);
    return ms(entry.lastDocumentsAt) === null ? Number.NEGATIVE_INFINITY : lastTurnAt(entry, receipt === likeliest ? 'likeliest' : 'companion') + gap;
  };
  // The likeliest case's documents never wait two turns in a row (a status read took the last one): it goes first.
  const likeliestDocuments = documentsAt(likeliest);
  const likeliestStale = allowed.some((c) => c.receipt === likeliest) && likeliestDocuments !== null && at - likeliestDocuments > SCHEDULE_RULES.keepAliveEveryMs + MINUTE;
  const pick = likeliestStale ? likeliest : allowed.reduce((best, c) => (owedAt(c.receipt) < owedAt(best.receipt) ? c : best)).receipt;
  // The likeliest undecided case's documents are never put off either: its due status or detail rides along.
  const withDocuments = pick === likeliest && !isDecided(pick);
  return { receipt: pick, reads: planCheck(state, pick, at, { decided: isDecided(pick), withDocuments, companion: pick !== likeliest }) };
}

// ------------------------------------------------------------------ what happened

/** Records that a request went out now, and whether USCIS answered it (which keeps the session alive). */
export function requestSent(state: ScheduleState, now: number, answered = true): ScheduleState {
  return { ...state, lastRequestAt: iso(now), ...(answered ? { lastAnsweredAt: iso(now) } : {}) };
}

/** Records a finished check of a case (whatever it read) and draws the jitter of its next gap. */
export function checkFinished(state: ScheduleState, receipt: string, options: { now: number; read: readonly CheckedEndpoint[]; random: () => number }): ScheduleState {
  const { now, read, random } = options;
  const entry = caseEntry(state, receipt);
  const next = withCase(state, receipt, {
    lastCheckAt: iso(now),
    lastDocumentsAt: read.includes('documents') ? iso(now) : entry.lastDocumentsAt,
    lastStatusAt: read.includes('status') ? iso(now) : entry.lastStatusAt,
    lastDetailAt: read.includes('detail') ? iso(now) : entry.lastDetailAt,
    soonAt: null,
    retryAt: null,
    failures: 0,
    ...(read.length > 0 ? { refusals: 0 } : {}),
    pace: jittered(1000, random) / 1000,
  });
  // A success shows the site works: a global backoff is over.
  return { ...next, backoff: null };
}

function backoffMs(failures: number, random: () => number): number {
  return jittered(Math.min(SCHEDULE_RULES.backoffMaxMs, SCHEDULE_RULES.backoffBaseMs * 2 ** (failures - 1)), random);
}

/**
 * A failure of one case (5xx, timeout, malformed, refused): that case alone waits, exponentially; the
 * others keep their plan. The attempt counts for the per-case floor.
 */
export function caseFailed(state: ScheduleState, receipt: string, options: { now: number; random: () => number; refused?: boolean }): ScheduleState {
  const { now, random } = options;
  const entry = caseEntry(state, receipt);
  const failures = entry.failures + 1;
  return withCase(state, receipt, {
    lastCheckAt: iso(now),
    retryAt: iso(now + backoffMs(failures, random)),
    failures,
    refusals: options.refused ? entry.refusals + 1 : entry.refusals,
  });
}

/** Whether every watched case is failing now (then the fault is likely the site's: everything backs off). */
export function allCasesFailing(state: ScheduleState, receipts: readonly string[]): boolean {
  return receipts.length > 1 && receipts.every((r) => (state.cases[r]?.failures ?? 0) > 0);
}

/**
 * Backs off everything after an answer about the whole account or site (429, a WAF challenge, every
 * case failing): exponentially, or as long as Retry-After says if that is longer.
 */
export function failed(state: ScheduleState, options: { now: number; reason: string; retryAfterMs?: number | null; random: () => number }): ScheduleState {
  const { now, reason, random } = options;
  const failures = (state.backoff?.failures ?? 0) + 1;
  const retryAfter = options.retryAfterMs === undefined ? 0 : Math.min(SCHEDULE_RULES.retryAfterMaxMs, options.retryAfterMs ?? SCHEDULE_RULES.defaultRetryAfterMs);
  const until = iso(now + Math.max(backoffMs(failures, random), retryAfter));
  return { ...state, backoff: { until, reason, failures } };
}

/**
 * "Check soon" after sign-in, wake-up or "Check now": every case becomes due as early as the
 * per-case floor allows (a demo's relaxed floor when its runner gave one), and reads every endpoint. A case's
 * own backoff stands.
 */
export function checkSoon(state: ScheduleState, receipts: readonly string[], now: number, floorMs: number = SCHEDULE_RULES.perCaseFloorMs): ScheduleState {
  let next = state;
  for (const receipt of receipts) {
    const entry = caseEntry(next, receipt);
    const last = ms(entry.lastCheckAt);
    const earliest = last === null ? now : Math.max(now, last + floorMs);
    next = withCase(next, receipt, { lastStatusAt: null, lastDetailAt: null, soonAt: iso(earliest) });
  }
  return next;
}

export function paused(state: ScheduleState, until: number | null): ScheduleState {
  return { ...state, pausedUntil: until === null ? null : iso(until) };
}

/**
 * Stored times that lie in the future (the clock moved back, or ran a year ahead and was fixed) are
 * brought back: times of past events to now (a case's reads are forgotten, so it is read again now),
 * waits to at most their longest length from now. Called on start, on every wake and by nextWakeAt (so
 * it is cheap when nothing lies ahead: the same state comes back), so checking never stops on a time
 * that will not come, and `--once` never waits on one.
 */
export function clampToNow(state: ScheduleState, now: number): ScheduleState {
  const past = (value: string | null) => (value !== null && (ms(value) ?? 0) > now ? iso(now) : value);
  const forget = (value: string | null) => (value !== null && (ms(value) ?? 0) > now ? null : value);
  const cap = (value: string | null, max: number) => (value !== null && (ms(value) ?? 0) > now + max ? iso(now + max) : value);
  // Each helper hands back the very string it was given when nothing moves, so a change is a changed reference.
  let changed = false;
  const cases: ScheduleState['cases'] = {};
  for (const [receipt, entry] of Object.entries(state.cases)) {
    const next: CaseEntry = {
      ...entry,
      lastCheckAt: forget(entry.lastCheckAt),
      lastDocumentsAt: forget(entry.lastDocumentsAt),
      lastStatusAt: forget(entry.lastStatusAt),
      lastDetailAt: forget(entry.lastDetailAt),
      soonAt: cap(entry.soonAt, SCHEDULE_RULES.perCaseFloorMs),
      retryAt: cap(entry.retryAt, SCHEDULE_RULES.backoffMaxMs),
    };
    changed ||= (Object.keys(next) as Array<keyof CaseEntry>).some((key) => next[key] !== entry[key]);
    cases[receipt] = next;
  }
  const backoffCap = state.backoff?.reason === 'rate-limited' ? SCHEDULE_RULES.retryAfterMaxMs : SCHEDULE_RULES.backoffMaxMs;
  const backoffUntil = state.backoff ? cap(state.backoff.until, backoffCap) : null;
  const next: ScheduleState = {
    ...state,
    lastRequestAt: past(state.lastRequestAt),
    lastAnsweredAt: past(state.lastAnsweredAt),
    cases,
    backoff: state.backoff && backoffUntil ? { ...state.backoff, until: backoffUntil } : state.backoff,
    pausedUntil: cap(state.pausedUntil, SCHEDULE_RULES.pauseMaxMs),
  };
  changed ||= next.lastRequestAt !== state.lastRequestAt || next.lastAnsweredAt !== state.lastAnsweredAt || next.pausedUntil !== state.pausedUntil || backoffUntil !== (state.backoff?.until ?? null);
  return changed ? next : state;
}

// ------------------------------------------------------------------ where the approval is expected

/** A watched case as the planner weighs it: its form and whether a decision has shown on it yet. */
export interface CaseOutlook {
  receipt: string;
  formType: string | null;
  decided: boolean;
}

/**
 * The chance the next approval document lands on each case. In a DACA pair the I-821D's decision
 * usually comes first, so it weighs 2.3 times its companion until it shows one; then the I-765 does.
 * A decided case still weighs a third (its card and status still move); unknown forms weigh the same.
 */
export function approvalWeights(cases: readonly CaseOutlook[]): PlannedCase[] {
  const i821d = cases.find((c) => c.formType === 'I-821D');
  const i765 = cases.find((c) => c.formType === 'I-765');
  const expected = i821d && i765 ? (!i821d.decided ? i821d.receipt : !i765.decided ? i765.receipt : null) : null;
  return cases.map(({ receipt, decided }) => ({
    receipt,
    weight: receipt === expected ? 2.3 : decided ? 1 / 3 : expected === null ? 2.3 : 1,
    decided,
  }));
}
