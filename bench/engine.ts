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

/**
 * A moment from the distribution: in USCIS's working hours (weekdays 08:00-18:00 US Eastern, DST included; the
 * engine's own rule) with WORKING_SHARE, else uniform; between day 60 and day 120.
 */
function approvalMoment(random: () => number): number {
  const from = FILING_DAY + 60 * DAY;
  const span = 60 * DAY;
  if (random() >= WORKING_SHARE) return from + Math.floor(random() * span / MINUTE) * MINUTE;
  for (;;) {
    const at = from + Math.floor(random() * span / MINUTE) * MINUTE;
    if (isUscisWorkingTime(at)) return at;
  }
}

type Variant = 'main' | 'i765-first' | 'i821d-never';

const VARIANTS: Record<Variant, string> = {
  main: "the I-821D's approval document first, the I-765's 30 minutes to 4 hours later",
  'i765-first': "the I-765's approval document first, the I-821D's 2 to 30 hours later",
  'i821d-never': "only the I-765 gets an approval document; the I-821D's status says approved the next day",
};

interface Timeline {
  scenario: ReturnType<typeof loadScenario>;
  /** When the first approval document appears (epoch ms): its step's minute plus the simulator's seconds of jitter. */
  firstDocAt: number;
  /** The form whose document comes first. */
  firstOn: 'i821d' | 'i765';
}

const dayAndTime = (at: number) => {
  const day = Math.floor((at - FILING_DAY) / DAY);
  const minutes = Math.floor(((at - FILING_DAY) % DAY) / MINUTE);
  return { day, time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
};

export function timeline(variant: Variant, index: number, random: () => number): Timeline {
  const first = approvalMoment(random);
  const later = variant === 'main' ? first + (30 + Math.floor(random() * 210)) * MINUTE : first + (2 * 60 + Math.floor(random() * 28 * 60)) * MINUTE;
  const approvalDay = dayAndTime(first).day;
  const base = 1000 * ({ main: 1, 'i765-first': 2, 'i821d-never': 3 } as const)[variant] + index;
  const receipts = { i821d: `IOE09400${String(base * 2).padStart(5, '0')}`, i765: `IOE09400${String(base * 2 + 1).padStart(5, '0')}` };
  const i821dDoc = { type: 'document', docType: 'I-821D Approval Notice', source: 'USCIS Generated' } as const;
  const i765Doc = { type: 'document', docType: 'I-765 C33 Standalone Approval', source: 'USCIS Generated' } as const;
  const docSteps =
    variant === 'main'
      ? [{ ...dayAndTime(first), case: 'i821d', actions: [i821dDoc] }, { ...dayAndTime(later), case: 'i765', actions: [i765Doc] }]
      : variant === 'i765-first'
        ? [{ ...dayAndTime(first), case: 'i765', actions: [i765Doc] }, { ...dayAndTime(later), case: 'i821d', actions: [i821dDoc] }]
        : [{ ...dayAndTime(first), case: 'i765', actions: [i765Doc] }];
  const afterDocs = dayAndTime(Math.max(first, later) + DAY);
  const input: ScenarioInput = {
    name: `bench-${variant}-${index}`,
    title: 'Benchmark timeline',
    description: 'A seeded renewal with a silent approval.',
    seed: `bench-${variant}-${index}`,
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
  const firstOn = variant === 'main' ? 'i821d' : 'i765';
  // The document exists from its createdAt on (the step's minute plus up to 59 s): delays count from there.
  const record = caseRecordAt(scenario, firstOn, FILING_DAY, first + 2 * MINUTE);
  const firstDocAt = record?.documents.find((d) => /approv/i.test(d.type))?.createdAt ?? first;
  return { scenario, firstDocAt, firstOn };
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
  const requests = sim.requestLog().filter((r) => r.endpoint !== null).length;
  await sim.close();
  return { delay: notifiedAt === null ? null : notifiedAt - t.firstDocAt, requests, checks, days: 4, sessionLost };
}

// ------------------------------------------------------------------ the physical limit

/**
 * The best any schedule could do with the same number of requests a day: it knows which case gets the
 * first approval document and the distribution of its moment (not the moment), reads only that case's
 * documents, never more often than the per-case floor, and never leaves the session idle longer than
 * the keep-alive gap. Spacing s(t) proportional to 1/sqrt(density), clamped to [floor, keep-alive],
 * minimises the expected delay for a budget (a read every s at density p costs 1/s and saves p*s/2);
 * a document landing at t waits uniformly between 0 and s(t).
 */
function physicalLimit(timelines: readonly Timeline[], requestsPerDay: number): { medianMinutes: number; p95Minutes: number; requestsPerDay: number } {
  const BIN = 10 * MINUTE;
  // One week of bins from the Monday of the timelines' middle week, with the distribution's density.
  const weekStart = FILING_DAY + 12 * WEEK;
  const bins = WEEK / BIN;
  const working = Array.from({ length: bins }, (_, b) => isUscisWorkingTime(weekStart + b * BIN + BIN / 2));
  const workingBins = working.filter(Boolean).length;
  const density = working.map((w) => (1 - WORKING_SHARE) / bins + (w ? WORKING_SHARE / workingBins : 0));
  const floor = SCHEDULE_RULES.perCaseFloorMs;
  const ceiling = SCHEDULE_RULES.keepAliveEveryMs;
  const spacing = (c: number) => density.map((p) => Math.min(ceiling, Math.max(floor, c / Math.sqrt(p))));
  const readsPerDay = (s: number[]) => s.reduce((sum, gap) => sum + BIN / gap, 0) / 7;
  // Bisection on c: more c, wider spacing, fewer reads.
  let lo = 0;
  let hi = 1e12;
  for (let i = 0; i < 200; i += 1) {
    const mid = (lo + hi) / 2;
    if (readsPerDay(spacing(mid)) > requestsPerDay) lo = mid;
    else hi = mid;
  }
  const s = spacing(hi);
  const binOf = (at: number) => Math.floor((((at - weekStart) % WEEK) + WEEK) % WEEK / BIN);
  const gaps = timelines.map((t) => s[binOf(t.firstDocAt)]!);
  // The delay of a document landing in a gap of length g is uniform on [0, g]: the mixture's quantiles.
  const quantileOf = (q: number) => {
    let a = 0;
    let b = ceiling;
    for (let i = 0; i < 100; i += 1) {
      const x = (a + b) / 2;
      const share = gaps.reduce((sum, g) => sum + Math.min(1, x / g), 0) / gaps.length;
      if (share < q) a = x;
      else b = x;
    }
    return b / MINUTE;
  };
  return { medianMinutes: quantileOf(0.5), p95Minutes: quantileOf(0.95), requestsPerDay: readsPerDay(s) };
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
    checks += r.checks;
    days += r.days;
    if (r.sessionLost) sessionsLost += 1;
  }
  return {
    medianMinutes: round(quantile(delays, 0.5) / MINUTE),
    p95Minutes: round(quantile(delays, 0.95) / MINUTE),
    requestsPerDay: round(requests / days, 0),
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

export interface EngineBenchOptions {
  /** Timelines of the main distribution and of each variant (at least 72 for the yardstick). */
  timelines?: number;
  baselines?: boolean;
  footprint?: boolean;
}

export interface EngineBenchResult {
  engine: Summary;
  limit: ReturnType<typeof physicalLimit> & { ratio: number };
  variants: Record<Exclude<Variant, 'main'>, { engine: Summary; limit: ReturnType<typeof physicalLimit> & { ratio: number } }>;
  baselines: Record<string, Summary>;
  timelines: Record<Variant, number>;
  distribution: string;
}

/** Every number of the engine's benchmark, as data. */
export async function engineNumbers(options: EngineBenchOptions = {}): Promise<EngineBenchResult> {
  const count = Math.max(1, options.timelines ?? 72);
  const random = seededRandom(2026);
  const sets: Record<Variant, Timeline[]> = {
    main: Array.from({ length: count }, (_, i) => timeline('main', i, random)),
    'i765-first': Array.from({ length: count }, (_, i) => timeline('i765-first', i, random)),
    'i821d-never': Array.from({ length: count }, (_, i) => timeline('i821d-never', i, random)),
  };
  const judged = async (variant: Variant) => {
    const engine = await measure(sets[variant], (t, i) => runEngine(t, i + 1));
    const limit = physicalLimit(sets[variant], engine.requestsPerDay);
    return { engine, limit: { ...limit, medianMinutes: round(limit.medianMinutes, 2), p95Minutes: round(limit.p95Minutes, 2), requestsPerDay: round(limit.requestsPerDay, 0), ratio: round(engine.medianMinutes / limit.medianMinutes, 2) } };
  };
  const main = await judged('main');
  const variants = { 'i765-first': await judged('i765-first'), 'i821d-never': await judged('i821d-never') };
  const baselines: Record<string, Summary> = {};
  if (options.baselines !== false) {
    const baselineRandom = seededRandom(7);
    for (const b of BASELINES) baselines[b.name] = await measure(sets.main, (t) => runBaseline(t, b, baselineRandom));
  }
  return {
    ...main,
    variants,
    baselines,
    timelines: { main: sets.main.length, 'i765-first': sets['i765-first'].length, 'i821d-never': sets['i821d-never'].length },
    distribution: `${Math.round(WORKING_SHARE * 100)}% of first approval documents on weekdays 08:00-18:00 US Eastern, the rest at any hour of any day, days 60-120 after filing`,
  };
}

export async function engineBenchmark(options: EngineBenchOptions = {}): Promise<string> {
  const result = await engineNumbers(options);
  const header = row(['strategy', 'median min', 'p95 min', 'requests/day', 'req/check', 'x limit']);
  const line = (name: string, s: Summary, ratio?: number) =>
    row([name, s.medianMinutes.toFixed(1), s.p95Minutes.toFixed(1), String(s.requestsPerDay), s.requestsPerCheck.toFixed(2), ratio === undefined ? '' : `${ratio.toFixed(2)}x`]);
  const limitLine = (l: EngineBenchResult['limit']) => row(['physical limit, same requests a day', l.medianMinutes.toFixed(1), l.p95Minutes.toFixed(1), String(l.requestsPerDay), '', '1.00x']);
  const lines = [
    `Silent approval: delay from the first approval document's upload to the notification (${result.distribution})`,
    '',
    `Main distribution (${result.timelines.main} timelines: ${VARIANTS.main}); target: median <= 7, p95 <= 15, <= 150 requests a day, median <= 1.4x the limit`,
    header,
    line('DACA Watch engine', result.engine, result.limit.ratio),
    limitLine(result.limit),
    ...Object.entries(result.baselines).map(([name, s]) => line(`${name}${keepAlivesPerInterval(BASELINES.find((b) => b.name === name)!.everyMs) > 0 ? ' (+keep-alive)' : ''}`, s)),
    `  engine, approvals in USCIS working hours only: median ${result.engine.workingHours.medianMinutes.toFixed(1)}, p95 ${result.engine.workingHours.p95Minutes.toFixed(1)} min (${result.engine.workingHours.timelines} timelines); noticed ${result.engine.noticed}; sessions lost ${result.engine.sessionsLost}`,
  ];
  for (const variant of ['i765-first', 'i821d-never'] as const) {
    const v = result.variants[variant];
    lines.push(
      '',
      `Variant ${variant} (${result.timelines[variant]} timelines: ${VARIANTS[variant]})${variant === 'i765-first' ? '; target: median <= 12' : ''}`,
      header,
      line('DACA Watch engine', v.engine, v.limit.ratio),
      limitLine(v.limit),
      `  noticed ${v.engine.noticed}; sessions lost ${v.engine.sessionsLost}`,
    );
  }
  if (options.footprint !== false) lines.push('', 'Footprint of the engine (one pair watched for a simulated year)', ...(await footprint()));
  return lines.join('\n');
}
