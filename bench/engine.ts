// The engine benchmark: many seeded DACA timelines on the simulator with a fake clock; the engine beside
// the physical limit of detection for the same number of requests, and beside fixed-interval pollers as
// peers build them (charged the keep-alive they would need); plus memory, CPU and store size.
// Measures and prints only; it never asserts.

import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MyUscisClient, type CaseEndpoint } from '../engine/client';
import type { MonitorEvent } from '../engine/monitor';
import { createNodeHttpPort } from '../engine/node-http-port';
import { createNodeMonitor } from '../engine/node-monitor';
import type { NotifierPort } from '../engine/ports';
import { SCHEDULE_RULES, isUscisWorkingTime } from '../engine/schedule';
import { seededRandom } from '../engine/seeded-random';
import type { ReceiptNumber } from '../shared/receipt';
import { caseRecordAt } from '../simulator/case-state';
import type { ScenarioInput } from '../simulator/scenario-schema';
import { DEMO_ACCOUNT, loadScenario } from '../simulator/scenarios';
import { startSimulator, type Simulator } from '../simulator/server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const FOREVER = 2000 * DAY;
/** Monday 2026-03-02, 00:00 UTC: day 0 of every timeline. */
const FILING_DAY = Date.UTC(2026, 2, 2);
/** Share of approval moments in US working hours on weekdays; the rest land at any hour of any day. */
const WORKING_SHARE = 0.85;

// ------------------------------------------------------------------ the distributions

/** The weekday and hour of `at` in `timeZone`. */
const LOCAL = new Map<string, Intl.DateTimeFormat>();
function localHour(at: number, timeZone: string): { weekend: boolean; hour: number } {
  let format = LOCAL.get(timeZone);
  if (!format) LOCAL.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' })));
  const parts = format.formatToParts(new Date(at));
  const weekday = parts.find((p) => p.type === 'weekday')?.value;
  return { weekend: weekday === 'Sat' || weekday === 'Sun', hour: Number(parts.find((p) => p.type === 'hour')?.value) };
}

/**
 * Where approval documents land in time: a relative density over the week (any non-negative function of the
 * moment; the bench draws moments from it and the physical limit reads it, so both see the same distribution).
 */
interface TimeShape {
  /** Relative density at `at` (not normalised). */
  density: (at: number) => number;
  /** In words, for the printout. */
  text: string;
}

/** The middle of each 10-minute bin of one week (the timelines' middle week): where densities are read. */
const WEEK_BINS = Array.from({ length: WEEK / (10 * MINUTE) }, (_, i) => FILING_DAY + 12 * WEEK + i * 10 * MINUTE + 5 * MINUTE);

/** `share` of moments in the working window, the rest spread evenly over the other hours (`outside`) or over all hours (`any`). */
function shape(share: number, inWorking: (at: number) => boolean, rest: 'any' | 'outside', text: string): TimeShape {
  // Each part is normalised by its own hours, so the share holds whatever the window's length.
  const workingBins = WEEK_BINS.filter(inWorking).length;
  const otherBins = rest === 'any' ? WEEK_BINS.length : WEEK_BINS.length - workingBins;
  return { density: (at) => (inWorking(at) ? share / workingBins : 0) + (rest === 'any' || !inWorking(at) ? (1 - share) / otherBins : 0), text };
}

/** Weekdays 08:00-17:00 US Central with the lunch hour (12:00-13:00 Central) at a quarter of the rest. */
const centralWorkday = (at: number) => {
  const { weekend, hour } = localHour(at, 'America/Chicago');
  return weekend || hour < 8 || hour >= 17 ? 0 : hour === 12 ? 0.25 : 1;
};

const SHAPES = {
  main: shape(WORKING_SHARE, isUscisWorkingTime, 'any', `${Math.round(WORKING_SHARE * 100)}% on weekdays 08:00-18:00 US Eastern, the rest at any hour of any day`),
  control: shape(1, isUscisWorkingTime, 'any', 'all on weekdays 08:00-18:00 US Eastern'),
  quarterOff: shape(0.75, isUscisWorkingTime, 'outside', 'three quarters on weekdays 08:00-18:00 US Eastern, a quarter at nights and weekends'),
  central: (() => {
    const total = WEEK_BINS.reduce((sum, at) => sum + centralWorkday(at), 0);
    return {
      density: (at: number) => (WORKING_SHARE * centralWorkday(at)) / total + (1 - WORKING_SHARE) / WEEK_BINS.length,
      text: `${Math.round(WORKING_SHARE * 100)}% on weekdays 08:00-17:00 US Central (the lunch hour at a quarter), the rest at any hour of any day`,
    } satisfies TimeShape;
  })(),
} satisfies Record<string, TimeShape>;

/**
 * A moment from a shape, between day 60 and day 120. The main shape is drawn as it always was (in USCIS's working
 * hours with WORKING_SHARE, else uniform), so its timelines stay those of earlier runs; others by rejection sampling.
 */
function approvalMoment(random: () => number, time: TimeShape = SHAPES.main): number {
  const from = FILING_DAY + 60 * DAY;
  const span = 60 * DAY;
  const draw = () => from + Math.floor((random() * span) / MINUTE) * MINUTE;
  if (time === SHAPES.main) {
    if (random() >= WORKING_SHARE) return draw();
    for (;;) {
      const at = draw();
      if (isUscisWorkingTime(at)) return at;
    }
  }
  const top = Math.max(...WEEK_BINS.map(time.density));
  for (;;) {
    const at = draw();
    if (random() * top < time.density(at)) return at;
  }
}

type Variant = 'main' | 'i765-first' | 'i821d-never';

const VARIANTS: Record<Variant, string> = {
  main: "the I-821D's approval document first, the I-765's 30 minutes to 4 hours later",
  'i765-first': "the I-765's approval document first, the I-821D's 2 to 30 hours later",
  'i821d-never': "only the I-765 gets an approval document; the I-821D's status says approved the next day",
};

/** Which document comes first in a timeline: one case's (the other's later), or both in the same minute. */
type Order = 'i821d-first' | 'i765-first' | 'i765-only' | 'same-minute';

/** The distributions (issue 26), each a time shape and an order of the two documents. */
const DISTRIBUTIONS = {
  'weekday-control': { time: SHAPES.control, order: () => 'i821d-first', text: "weekdays 08:00-18:00 US Eastern only (control); the I-821D's document first" },
  'quarter-off-hours': { time: SHAPES.quarterOff, order: () => 'i821d-first', text: "a quarter at nights and weekends; the I-821D's document first" },
  'i765-first-40': { time: SHAPES.main, order: (random: () => number) => (random() < 0.4 ? 'i765-first' : 'i821d-first'), text: "the I-765's document first in 40% of timelines" },
  'same-minute': { time: SHAPES.main, order: () => 'same-minute', text: 'both documents in the same minute' },
  'central-lunch': { time: SHAPES.central, order: () => 'i821d-first', text: "a US Central workday with a lunch dip; the I-821D's document first" },
} satisfies Record<string, { time: TimeShape; order: (random: () => number) => Order; text: string }>;
type DistributionName = keyof typeof DISTRIBUTIONS;

interface Timeline {
  scenario: ReturnType<typeof loadScenario>;
  /** When the first approval document appears (epoch ms): its step's minute plus the simulator's seconds of jitter. */
  firstDocAt: number;
  /** The form whose document comes first ('both': the two in the same minute: a read of either finds one). */
  firstOn: 'i821d' | 'i765' | 'both';
}

const dayAndTime = (at: number) => {
  const day = Math.floor((at - FILING_DAY) / DAY);
  const minutes = Math.floor(((at - FILING_DAY) % DAY) / MINUTE);
  return { day, time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
};

const ORDER_OF: Record<Variant, Order> = { main: 'i821d-first', 'i765-first': 'i765-first', 'i821d-never': 'i765-only' };

/** A seeded renewal whose first approval document lands at a moment of `time`, in `order`; `base` keeps receipts apart. */
function makeTimeline(name: string, base: number, order: Order, random: () => number, time: TimeShape): Timeline {
  const first = approvalMoment(random, time);
  const later =
    order === 'same-minute' ? first : order === 'i821d-first' ? first + (30 + Math.floor(random() * 210)) * MINUTE : first + (2 * 60 + Math.floor(random() * 28 * 60)) * MINUTE;
  const approvalDay = dayAndTime(first).day;
  const receipts = { i821d: `IOE09400${String(base * 2).padStart(5, '0')}`, i765: `IOE09400${String(base * 2 + 1).padStart(5, '0')}` };
  const i821dDoc = { type: 'document', docType: 'I-821D Approval Notice', source: 'USCIS Generated' } as const;
  const i765Doc = { type: 'document', docType: 'I-765 C33 Standalone Approval', source: 'USCIS Generated' } as const;
  const docSteps = {
    'i821d-first': [{ ...dayAndTime(first), case: 'i821d', actions: [i821dDoc] }, { ...dayAndTime(later), case: 'i765', actions: [i765Doc] }],
    'i765-first': [{ ...dayAndTime(first), case: 'i765', actions: [i765Doc] }, { ...dayAndTime(later), case: 'i821d', actions: [i821dDoc] }],
    'i765-only': [{ ...dayAndTime(first), case: 'i765', actions: [i765Doc] }],
    'same-minute': [{ ...dayAndTime(first), case: 'i821d', actions: [i821dDoc] }, { ...dayAndTime(first), case: 'i765', actions: [i765Doc] }],
  }[order];
  const afterDocs = dayAndTime(Math.max(first, later) + DAY);
  const input: ScenarioInput = {
    name,
    title: 'Benchmark timeline',
    description: 'A seeded renewal with a silent approval.',
    seed: name,
    startDay: Math.max(0, approvalDay - 2),
    endDay: approvalDay + 6,
    account: DEMO_ACCOUNT,
    cases: {
      i821d: { receipt: receipts.i821d, formType: 'I-821D', formName: 'Consideration of Deferred Action for Childhood Arrivals' },
      i765: { receipt: receipts.i765, formType: 'I-765', formName: 'Application for Employment Authorization' },
    },
    steps: [
      { day: 0, time: '13:00', case: 'both', actions: [{ type: 'status', code: 'IAF', wording: 'received' }, { type: 'event', code: 'IAF' }, { type: 'document', docType: 'Receipt Notice', source: 'USCIS Generated' }] },
      { day: 30, time: '14:00', case: 'both', actions: [{ type: 'status', code: 'FTA0', wording: 'actively-reviewed' }, { type: 'event', code: 'FTA0' }] },
      ...docSteps,
      { day: afterDocs.day, time: '14:30', case: 'both', actions: [{ type: 'status', code: 'DA', wording: 'approved' }, { type: 'event', code: 'DA' }] },
    ] as ScenarioInput['steps'],
  };
  const scenario = loadScenario(input);
  // The document exists from its createdAt on (the step's minute plus up to 59 s): delays count from the first one.
  const createdAt = (form: 'i821d' | 'i765') => caseRecordAt(scenario, form, FILING_DAY, first + 2 * MINUTE)?.documents.find((d) => /approv/i.test(d.type))?.createdAt ?? first;
  if (order === 'same-minute') return { scenario, firstDocAt: Math.min(createdAt('i821d'), createdAt('i765')), firstOn: 'both' };
  const firstOn = order === 'i821d-first' ? 'i821d' : 'i765';
  return { scenario, firstDocAt: createdAt(firstOn), firstOn };
}

export function timeline(variant: Variant, index: number, random: () => number): Timeline {
  const base = 1000 * ({ main: 1, 'i765-first': 2, 'i821d-never': 3 } as const)[variant] + index;
  return makeTimeline(`bench-${variant}-${index}`, base, ORDER_OF[variant], random, SHAPES.main);
}

function distributionTimeline(name: DistributionName, index: number, random: () => number): Timeline {
  const d = DISTRIBUTIONS[name];
  const base = 1000 * (4 + Object.keys(DISTRIBUTIONS).indexOf(name)) + index;
  return makeTimeline(`bench-${name}-${index}`, base, d.order(random), random, d.time);
}

/** The engine keeps its session alive itself; the fixed-interval pollers get one that never idles out (and are charged for it). */
export async function simulatorFor(t: Timeline, startAt: number, idleTimeoutMs = 20 * MINUTE): Promise<Simulator> {
  return startSimulator({
    scenario: t.scenario,
    clock: { start: startAt, speed: 0 },
    startDay: (startAt - FILING_DAY) / DAY,
    idleTimeoutMs,
    sessionLifetimeMs: FOREVER,
  });
}

// ------------------------------------------------------------------ the engine

/** The engine on a frozen simulator clock, stepped from wake to wake until `end`; returns its check count. */
export async function driveEngine(sim: Simulator, end: number, options: { seed: number; notifier?: NotifierPort; afterWake?: (checks: number) => void }): Promise<number> {
  // In memory where the machine has it: an fsync on a busy disk would slow the bench, not the engine's decisions.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'daca-bench-'));
  let checks = 0;
  const { monitor } = createNodeMonitor({
    origin: sim.dataOrigin,
    cookie: sim.createSession(),
    clock: { now: () => sim.clock.now() },
    storeDir: dir,
    ...(options.notifier ? { notifier: options.notifier } : {}),
    random: seededRandom(options.seed),
    timeZone: 'UTC',
    onEvent: (e: MonitorEvent) => void (e.kind === 'check' && (checks += 1)),
  });
  monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);
  monitor.signedIn();
  for (;;) {
    const at = monitor.nextWakeAt();
    if (at === null || at > end) break;
    if (at > sim.clock.now()) sim.clock.setTime(at);
    await monitor.wake();
    options.afterWake?.(checks);
  }
  monitor.stop();
  storeSizes.push(statSync(join(dir, 'config.json')).size);
  rmSync(dir, { recursive: true, force: true });
  return checks;
}

/** Store sizes seen at the end of engine runs (the last one is the year-long run). */
const storeSizes: number[] = [];

interface RunResult {
  delay: number | null;
  requests: number;
  /** Of the requests, documents reads (what the physical limit is given). */
  documentsReads?: number;
  checks: number;
  days: number;
  /** Whether the session was ever lost (the simulator's idle timeout ended it). */
  sessionLost?: boolean;
}

/** The engine: from two days before the first approval document to two days after. */
async function runEngine(t: Timeline, seed: number): Promise<RunResult> {
  const start = Math.floor(t.firstDocAt / DAY) * DAY - 2 * DAY;
  const sim = await simulatorFor(t, start);
  let notifiedAt: number | null = null;
  let sessionLost = false;
  const notifier: NotifierPort = {
    notify: async (n) => {
      if (n.key.startsWith('session-expired')) sessionLost = true;
      else if (notifiedAt === null && n.key.includes('approv')) notifiedAt = sim.clock.now();
    },
  };
  const checks = await driveEngine(sim, start + 4 * DAY, { seed, notifier });
  const log = sim.requestLog().filter((r) => r.endpoint !== null);
  await sim.close();
  return { delay: notifiedAt === null ? null : notifiedAt - t.firstDocAt, requests: log.length, documentsReads: log.filter((r) => r.endpoint === 'documents').length, checks, days: 4, sessionLost };
}

// ------------------------------------------------------------------ the physical limit

/**
 * The best any schedule could do with the same number of documents reads a day (the engine's over whole weeks, the
 * same budget for every distribution; computed the same way for each). It knows the distribution: when documents
 * land (the time shape) and on which case how often (the share of timelines whose first document is on each
 * case, or on both in the same minute), but not the moment nor the case of a given timeline. It reads documents
 * only, a case never more often than the per-case floor (a document on both cases is found by a read of either:
 * alternating, two reads per floor), and never leaves the session idle longer than the keep-alive gap (the
 * cases' reads together). For each case the spacing s(t) goes as 1/sqrt(density), which minimises the expected
 * delay for a budget (a read every s at density p costs 1/s and saves p*s/2); a document landing at t waits
 * uniformly between 0 and s(t).
 */
function physicalLimit(timelines: readonly Timeline[], documentsReadsPerDay: number, time: TimeShape): { medianMinutes: number; p95Minutes: number; requestsPerDay: number } {
  const BIN = 10 * MINUTE;
  const pTime = WEEK_BINS.map(time.density);
  const sum = pTime.reduce((a, b) => a + b, 0);
  const classes = (['i821d', 'i765', 'both'] as const)
    .map((on) => ({ on, share: timelines.filter((t) => t.firstOn === on).length / timelines.length }))
    .filter((c) => c.share > 0);
  const floorOf = (on: Timeline['firstOn']) => (on === 'both' ? SCHEDULE_RULES.perCaseFloorMs / 2 : SCHEDULE_RULES.perCaseFloorMs);
  /** Reads a millisecond of each class in each bin, for the constant c (more c: fewer reads). */
  const rates = (c: number) =>
    WEEK_BINS.map((_, b) => {
      const r = classes.map(({ on, share }) => {
        const p = (share * pTime[b]!) / sum;
        return p > 0 ? 1 / Math.max(floorOf(on), c / Math.sqrt(p)) : 0;
      });
      // The session: at least one read every keep-alive gap, shared as the density shares (or to the likeliest case).
      const total = r.reduce((a, b) => a + b, 0);
      const need = 1 / SCHEDULE_RULES.keepAliveEveryMs;
      if (total >= need) return r;
      if (total === 0) return classes.map((_, i) => (i === 0 ? need : 0));
      return r.map((x, i) => Math.min(1 / floorOf(classes[i]!.on), (x * need) / total));
    });
  const readsPerDay = (r: number[][]) => r.reduce((acc, bin) => acc + bin.reduce((a, x) => a + x * BIN, 0), 0) / 7;
  // Bisection on c: more c, wider spacing, fewer reads.
  let lo = 0;
  let hi = 1e12;
  for (let i = 0; i < 200; i += 1) {
    const mid = (lo + hi) / 2;
    if (readsPerDay(rates(mid)) > documentsReadsPerDay) lo = mid;
    else hi = mid;
  }
  const r = rates(hi);
  const binOf = (at: number) => Math.floor(((((at - WEEK_BINS[0]! + BIN / 2) % WEEK) + WEEK) % WEEK) / BIN);
  const gaps = timelines.map((t) => 1 / r[binOf(t.firstDocAt)]![classes.findIndex((c) => c.on === t.firstOn)]!);
  // The delay of a document landing in a gap of length g is uniform on [0, g]: the mixture's quantiles.
  const quantileOf = (q: number) => {
    let a = 0;
    let b = Math.max(...gaps);
    for (let i = 0; i < 100; i += 1) {
      const x = (a + b) / 2;
      const share = gaps.reduce((acc, g) => acc + Math.min(1, x / g), 0) / gaps.length;
      if (share < q) a = x;
      else b = x;
    }
    return b / MINUTE;
  };
  return { medianMinutes: quantileOf(0.5), p95Minutes: quantileOf(0.95), requestsPerDay: readsPerDay(r) };
}

// ------------------------------------------------------------------ fixed-interval pollers

interface Baseline {
  name: string;
  everyMs: number;
  endpoints: Array<CaseEndpoint | 'processing-times' | 'receipt-info' | 'history'>;
}

const BASELINES: Baseline[] = [
  { name: 'every 5 min, 3 endpoints a case', everyMs: 5 * MINUTE, endpoints: ['documents', 'status', 'detail'] },
  { name: 'every 15 min, 6 endpoints a case', everyMs: 15 * MINUTE, endpoints: ['documents', 'status', 'detail', 'processing-times', 'receipt-info', 'history'] },
  { name: '3 times a day, 1 endpoint a case', everyMs: 8 * HOUR, endpoints: ['status'] },
];

/** Keep-alive requests a poller needs per interval when its interval exceeds the keep-alive gap. */
const keepAlivesPerInterval = (everyMs: number) => Math.max(0, Math.ceil(everyMs / SCHEDULE_RULES.keepAliveEveryMs) - 1);

/** A fixed-interval poller: from a day before the approval until it has seen it (approval document or title). */
async function runBaseline(t: Timeline, baseline: Baseline, random: () => number): Promise<RunResult> {
  const start = t.firstDocAt - DAY + Math.floor(random() * baseline.everyMs);
  const sim = await simulatorFor(t, start, FOREVER);
  const clock = { now: () => sim.clock.now() };
  const http = createNodeHttpPort({ cookie: sim.createSession() });
  const client = new MyUscisClient({ http, origin: sim.dataOrigin, clock });
  const receipts = [sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[];
  let seenAt: number | null = null;
  let checks = 0;
  let intervals = 0;
  const deadline = t.firstDocAt + 3 * DAY;
  while (seenAt === null && sim.clock.now() < deadline) {
    intervals += 1;
    for (const receipt of receipts) {
      checks += 1;
      for (const endpoint of baseline.endpoints) {
        if (endpoint === 'documents' || endpoint === 'status' || endpoint === 'detail') {
          const { outcome } = await client.fetchEndpoint(endpoint, receipt);
          if (outcome.kind !== 'ok') continue;
          const approved =
            endpoint === 'documents'
              ? (outcome.value as Array<{ type?: string; sourceType?: string }>).some((d) => /approv/i.test(d.type ?? '') && d.sourceType === 'USCIS Generated')
              : endpoint === 'status' && /approved/i.test((outcome.value as { statusTitle?: string }).statusTitle ?? '');
          if (approved) seenAt ??= sim.clock.now();
        } else {
          const path = { 'processing-times': `/account/case-service/api/cases/I-765/processing_times/${receipt}`, 'receipt-info': `/secure-messaging/api/case-service/receipt_info/${receipt}`, history: `/account/case-service/api/cases/${receipt}/history` }[endpoint];
          await http({ url: `${sim.dataOrigin}${path}`, headers: { Referer: sim.applicantUrl }, timeoutMs: 5000, maxBytes: 1 << 20 });
        }
      }
    }
    sim.advance(baseline.everyMs);
  }
  const requests = sim.requestLog().filter((r) => r.endpoint !== null).length + intervals * keepAlivesPerInterval(baseline.everyMs);
  const days = (sim.clock.now() - start) / DAY;
  await sim.close();
  return { delay: seenAt === null ? null : seenAt - t.firstDocAt, requests, checks, days };
}

// ------------------------------------------------------------------ numbers

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

interface Summary {
  medianMinutes: number;
  p95Minutes: number;
  requestsPerDay: number;
  /** Of them, documents reads a day: the budget the physical limit is given. */
  documentsReadsPerDay: number;
  requestsPerCheck: number;
  /** Timelines whose approval was noticed, of all. */
  noticed: string;
  workingHours: { medianMinutes: number; p95Minutes: number; timelines: number };
  sessionsLost?: number;
}

async function measure(all: readonly Timeline[], run: (t: Timeline, i: number) => Promise<RunResult>): Promise<Summary> {
  const delays: number[] = [];
  const working: number[] = [];
  let requests = 0;
  let documentsReads = 0;
  let checks = 0;
  let days = 0;
  let sessionsLost = 0;
  for (const [i, t] of all.entries()) {
    const r = await run(t, i);
    if (r.delay !== null) {
      delays.push(r.delay);
      if (isUscisWorkingTime(t.firstDocAt)) working.push(r.delay);
    }
    requests += r.requests;
    documentsReads += r.documentsReads ?? 0;
    checks += r.checks;
    days += r.days;
    if (r.sessionLost) sessionsLost += 1;
  }
  return {
    medianMinutes: round(quantile(delays, 0.5) / MINUTE),
    p95Minutes: round(quantile(delays, 0.95) / MINUTE),
    requestsPerDay: round(requests / days, 0),
    documentsReadsPerDay: round(documentsReads / days, 0),
    requestsPerCheck: round(requests / checks, 2),
    noticed: `${delays.length}/${all.length}`,
    workingHours: { medianMinutes: round(quantile(working, 0.5) / MINUTE), p95Minutes: round(quantile(working, 0.95) / MINUTE), timelines: working.length },
    sessionsLost,
  };
}

function row(cells: string[]): string {
  return cells.map((c, i) => c.padEnd([52, 12, 10, 14, 12, 12][i] ?? 12)).join('');
}

/** A long run for footprint: checks, heap growth over 10,000 checks, CPU per check, store size after a year. */
async function footprint(): Promise<string[]> {
  const t = timeline('main', 999, seededRandom(999));
  const start = FILING_DAY + DAY;
  const sim = await simulatorFor(t, start);
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = { at1000: 0, at11000: 0 };
  let cpuAt1000 = process.cpuUsage();
  let cpuPerCheckUs = 0;
  let last = 0;
  const checks = await driveEngine(sim, start + 365 * DAY, {
    seed: 5,
    afterWake: (count) => {
      if (last < 1000 && count >= 1000) {
        gc?.();
        heap.at1000 = process.memoryUsage().heapUsed;
        cpuAt1000 = process.cpuUsage();
      }
      if (last < 11000 && count >= 11000) {
        const cpu = process.cpuUsage(cpuAt1000);
        cpuPerCheckUs = (cpu.user + cpu.system) / 10_000;
        gc?.();
        heap.at11000 = process.memoryUsage().heapUsed;
      }
      last = count;
    },
  });
  await sim.close();
  return [
    row(['checks in a simulated year', String(checks)]),
    row(['heap growth over 10,000 checks', ((heap.at11000 - heap.at1000) / 1024 / 1024).toFixed(2), 'MB (target < 5)']),
    row(['CPU per check (engine + in-process simulator)', cpuPerCheckUs.toFixed(0), 'µs']),
    row(['store size after a simulated year', ((storeSizes.at(-1) ?? 0) / 1024).toFixed(1), 'KB (target < 512)']),
  ];
}

/** The day (YYYY-MM-DD) and weekday of `at` in US Eastern time. */
const EASTERN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });

interface Budget {
  /** Requests a day over the whole weeks run (US Eastern days). */
  weeklyAveragePerDay: number;
  /** Of them, documents reads a day: the budget every distribution's physical limit is given. */
  documentsReadsPerDay: number;
  weekdayMax: number;
  weekdayAverage: number;
  weekendMax: number;
  days: number;
}

/**
 * Where the budget goes: the engine for two whole weeks (Monday to Sunday, US Eastern) well before any approval,
 * requests counted per US Eastern day.
 */
async function budget(seed: number): Promise<Budget> {
  const t = timeline('main', 998, seededRandom(seed));
  // A Monday 00:00 US Eastern, weeks before the approval (day 60 or later).
  const start = FILING_DAY + 35 * DAY + 4 * HOUR;
  const sim = await simulatorFor(t, start);
  await driveEngine(sim, start + 2 * WEEK, { seed });
  const perDay = new Map<string, { weekend: boolean; requests: number }>();
  let documentsReads = 0;
  for (const r of sim.requestLog()) {
    if (r.endpoint === null) continue;
    if (r.endpoint === 'documents') documentsReads += 1;
    const parts = EASTERN_DAY.formatToParts(new Date(r.at));
    const key = ['year', 'month', 'day'].map((type) => parts.find((p) => p.type === type)?.value).join('-');
    const weekday = parts.find((p) => p.type === 'weekday')?.value;
    const day = perDay.get(key) ?? { weekend: weekday === 'Sat' || weekday === 'Sun', requests: 0 };
    day.requests += 1;
    perDay.set(key, day);
  }
  await sim.close();
  const days = [...perDay.values()];
  const weekdays = days.filter((d) => !d.weekend).map((d) => d.requests);
  const weekends = days.filter((d) => d.weekend).map((d) => d.requests);
  return {
    weeklyAveragePerDay: round(days.reduce((a, d) => a + d.requests, 0) / days.length, 1),
    documentsReadsPerDay: round(documentsReads / days.length, 1),
    weekdayMax: Math.max(...weekdays),
    weekdayAverage: round(weekdays.reduce((a, b) => a + b, 0) / weekdays.length, 1),
    weekendMax: Math.max(...weekends),
    days: days.length,
  };
}

export interface EngineBenchOptions {
  /** Timelines of the main distribution and of each variant (at least 72 for the yardstick). */
  timelines?: number;
  baselines?: boolean;
  footprint?: boolean;
  /** Seed of the timelines (and offset of the engine's): another seed checks that nothing was tuned to one. */
  seed?: number;
}

type Judged = { engine: Summary; limit: ReturnType<typeof physicalLimit> & { ratio: number; p95Ratio: number } };

export interface EngineBenchResult {
  engine: Summary;
  limit: Judged['limit'];
  variants: Record<Exclude<Variant, 'main'>, Judged>;
  /** The distributions (issue 26), each judged against its own limit. */
  distributions: Record<DistributionName, Judged & { text: string }>;
  budget: Budget;
  baselines: Record<string, Summary>;
  timelines: Record<Variant, number>;
  distribution: string;
  /** How the printed limit is computed (the same way for every distribution). */
  limitRule: string;
  seed: number;
}

const LIMIT_RULE =
  "the engine's documents reads a day over whole weeks (the same budget for every distribution), spread as 1/sqrt(density) over the cases the distribution's first documents land on, each case at most once per 10-minute floor (either case, for documents in the same minute), never idle past the 14-minute keep-alive";

/** Every number of the engine's benchmark, as data. */
export async function engineNumbers(options: EngineBenchOptions = {}): Promise<EngineBenchResult> {
  const count = Math.max(1, options.timelines ?? 72);
  const seed = options.seed ?? 2026;
  const random = seededRandom(seed);
  const sets: Record<Variant, Timeline[]> = {
    main: Array.from({ length: count }, (_, i) => timeline('main', i, random)),
    'i765-first': Array.from({ length: count }, (_, i) => timeline('i765-first', i, random)),
    'i821d-never': Array.from({ length: count }, (_, i) => timeline('i821d-never', i, random)),
  };
  const engineSeed = seed === 2026 ? 0 : seed;
  // One budget for every limit: the engine's documents reads a day over whole weeks (weekends included), not over the
  // few weekdays around an approval a timeline runs.
  const weeks = await budget(seed);
  const judged = async (set: readonly Timeline[], time: TimeShape): Promise<Judged> => {
    const engine = await measure(set, (t, i) => runEngine(t, engineSeed + i + 1));
    const limit = physicalLimit(set, weeks.documentsReadsPerDay, time);
    return {
      engine,
      limit: {
        medianMinutes: round(limit.medianMinutes, 2),
        p95Minutes: round(limit.p95Minutes, 2),
        requestsPerDay: round(limit.requestsPerDay, 0),
        ratio: round(engine.medianMinutes / limit.medianMinutes, 2),
        p95Ratio: round(engine.p95Minutes / limit.p95Minutes, 2),
      },
    };
  };
  const main = await judged(sets.main, SHAPES.main);
  const variants = { 'i765-first': await judged(sets['i765-first'], SHAPES.main), 'i821d-never': await judged(sets['i821d-never'], SHAPES.main) };
  const distributions = {} as EngineBenchResult['distributions'];
  for (const [n, name] of (Object.keys(DISTRIBUTIONS) as DistributionName[]).entries()) {
    const own = seededRandom(seed * 31 + n);
    const set = Array.from({ length: count }, (_, i) => distributionTimeline(name, i, own));
    distributions[name] = { ...(await judged(set, DISTRIBUTIONS[name].time)), text: DISTRIBUTIONS[name].text };
  }
  const baselines: Record<string, Summary> = {};
  if (options.baselines !== false) {
    const baselineRandom = seededRandom(7);
    for (const b of BASELINES) baselines[b.name] = await measure(sets.main, (t) => runBaseline(t, b, baselineRandom));
  }
  return {
    ...main,
    variants,
    distributions,
    budget: weeks,
    baselines,
    timelines: { main: sets.main.length, 'i765-first': sets['i765-first'].length, 'i821d-never': sets['i821d-never'].length },
    distribution: `${SHAPES.main.text}, days 60-120 after filing`,
    limitRule: LIMIT_RULE,
    seed,
  };
}

export async function engineBenchmark(options: EngineBenchOptions = {}): Promise<string> {
  const result = await engineNumbers(options);
  const header = row(['strategy', 'median min', 'p95 min', 'requests/day', 'req/check', 'x limit']);
  const line = (name: string, s: Summary, limit?: Judged['limit']) =>
    row([name, s.medianMinutes.toFixed(1), s.p95Minutes.toFixed(1), String(s.requestsPerDay), s.requestsPerCheck.toFixed(2), limit === undefined ? '' : `${limit.ratio.toFixed(2)}x / ${limit.p95Ratio.toFixed(2)}x`]);
  const limitLine = (l: Judged['limit']) => row(['physical limit, same documents reads a day', l.medianMinutes.toFixed(1), l.p95Minutes.toFixed(1), String(l.requestsPerDay), '', '1.00x']);
  const lines = [
    `Silent approval: delay from the first approval document's upload to the notification (${result.distribution}); seed ${result.seed}`,
    `The limit: ${result.limitRule}. "x limit" is median / p95 over the limit's.`,
    '',
    `Main distribution (${result.timelines.main} timelines: ${VARIANTS.main}); target: median <= 7, p95 <= 15, <= 150 requests a day, median <= 1.3x and p95 <= 1.6x the limit`,
    header,
    line('DACA Watch engine', result.engine, result.limit),
    limitLine(result.limit),
    ...Object.entries(result.baselines).map(([name, s]) => line(`${name}${keepAlivesPerInterval(BASELINES.find((b) => b.name === name)!.everyMs) > 0 ? ' (+keep-alive)' : ''}`, s)),
    `  engine, approvals in USCIS working hours only: median ${result.engine.workingHours.medianMinutes.toFixed(1)}, p95 ${result.engine.workingHours.p95Minutes.toFixed(1)} min (${result.engine.workingHours.timelines} timelines); noticed ${result.engine.noticed}; sessions lost ${result.engine.sessionsLost}`,
  ];
  for (const variant of ['i765-first', 'i821d-never'] as const) {
    const v = result.variants[variant];
    lines.push(
      '',
      `Variant ${variant} (${result.timelines[variant]} timelines: ${VARIANTS[variant]})${variant === 'i765-first' ? '; target: p95 < 30' : ''}`,
      header,
      line('DACA Watch engine', v.engine, v.limit),
      limitLine(v.limit),
      `  noticed ${v.engine.noticed}; sessions lost ${v.engine.sessionsLost}`,
    );
  }
  lines.push('', `The issue's distributions (${result.timelines.main} timelines each); target: median <= 1.3x and p95 <= 1.6x the limit`, header);
  for (const [name, d] of Object.entries(result.distributions)) {
    lines.push(line(`${name}: engine`, d.engine, d.limit), row([`  limit (${d.text})`, d.limit.medianMinutes.toFixed(1), d.limit.p95Minutes.toFixed(1), String(d.limit.requestsPerDay), '', '']));
  }
  const b = result.budget;
  lines.push(
    '',
    `Budget (two weeks before any approval, requests per US Eastern day); target: weekly average <= 150, weekdays <= 170`,
    row(['weekly average a day', String(b.weeklyAveragePerDay)]),
    row(['weekday average / maximum', `${b.weekdayAverage} / ${b.weekdayMax}`]),
    row(['weekend day maximum', String(b.weekendMax)]),
  );
  if (options.footprint !== false) lines.push('', 'Footprint of the engine (one pair watched for a simulated year)', ...(await footprint()));
  return lines.join('\n');
}
