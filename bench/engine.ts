// The engine benchmark: many seeded DACA timelines on the simulator with a fake clock, the engine
// side by side with fixed-interval pollers as peers build them; plus memory, CPU and store size.
// Measures and prints only; it never asserts.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MyUscisClient, type CaseEndpoint } from '../engine/client';
import type { MonitorEvent } from '../engine/monitor';
import { createNodeHttpPort } from '../engine/node-http-port';
import { createNodeMonitor } from '../engine/node-monitor';
import type { NotifierPort } from '../engine/ports';
import { seededRandom } from '../engine/seeded-random';
import { isUscisWorkingTime } from '../engine/schedule';
import type { ReceiptNumber } from '../shared/receipt';
import type { ScenarioInput } from '../simulator/scenario-schema';
import { DEMO_ACCOUNT, loadScenario } from '../simulator/scenarios';
import { startSimulator, type Simulator } from '../simulator/server';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FOREVER = 2000 * DAY;
/** Monday 2026-03-02, 00:00 UTC: day 0 of every timeline. */
const FILING_DAY = Date.UTC(2026, 2, 2);

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

interface Timeline {
  scenario: ReturnType<typeof loadScenario>;
  /** When the I-821D approval document appears (epoch ms, before the simulator's seconds of jitter). */
  approvalDocAt: number;
  approvalDay: number;
}

/** A 90-day renewal whose silent approval lands on a random day, mostly in USCIS working hours. */
function timeline(index: number, random: () => number): Timeline {
  const approvalDay = 55 + Math.floor(random() * 50);
  // Seven in ten during US Eastern working hours (13:00-21:00 UTC), the rest at any time.
  const minute = random() < 0.7 ? 13 * 60 + Math.floor(random() * 8 * 60) : Math.floor(random() * 24 * 60);
  const receipts = { i821d: `IOE09400${String(index * 2).padStart(5, '0')}`, i765: `IOE09400${String(index * 2 + 1).padStart(5, '0')}` };
  const input: ScenarioInput = {
    name: `bench-${index}`,
    title: 'Benchmark timeline',
    description: 'A seeded renewal with a silent approval.',
    seed: `bench-${index}`,
    startDay: Math.max(0, approvalDay - 2),
    endDay: 90,
    account: DEMO_ACCOUNT,
    cases: {
      i821d: { receipt: receipts.i821d, formType: 'I-821D', formName: 'Consideration of Deferred Action for Childhood Arrivals' },
      i765: { receipt: receipts.i765, formType: 'I-765', formName: 'Application for Employment Authorization' },
    },
    steps: [
      { day: 0, time: '13:00', case: 'both', actions: [{ type: 'status', code: 'IAF', wording: 'received' }, { type: 'event', code: 'IAF' }, { type: 'document', docType: 'Receipt Notice', source: 'USCIS Generated' }] },
      { day: 30, time: '14:00', case: 'both', actions: [{ type: 'status', code: 'FTA0', wording: 'actively-reviewed' }, { type: 'event', code: 'FTA0' }] },
      { day: approvalDay, time: hhmm(minute), case: 'i821d', actions: [{ type: 'document', docType: 'I-821D Approval Notice', source: 'USCIS Generated' }] },
      { day: approvalDay, time: hhmm(Math.min(minute + 120, 23 * 60 + 59)), case: 'i765', actions: [{ type: 'document', docType: 'I-765 C33 Standalone Approval', source: 'USCIS Generated' }] },
      { day: approvalDay + 1, time: '14:30', case: 'both', actions: [{ type: 'status', code: 'DA', wording: 'approved' }, { type: 'event', code: 'DA' }] },
      { day: approvalDay + 2, time: '10:00', case: 'i765', actions: [{ type: 'status', code: 'LDA', wording: 'card-produced' }] },
    ],
  };
  return { scenario: loadScenario(input), approvalDocAt: FILING_DAY + approvalDay * DAY + minute * MINUTE, approvalDay };
}

/** The engine keeps its session alive itself; the fixed-interval pollers get one that never idles out. */
async function simulatorFor(t: Timeline, startAt: number, idleTimeoutMs = 20 * MINUTE): Promise<Simulator> {
  return startSimulator({
    scenario: t.scenario,
    clock: { start: startAt, speed: 0 },
    startDay: (startAt - FILING_DAY) / DAY,
    idleTimeoutMs,
    sessionLifetimeMs: FOREVER,
  });
}

interface StrategyResult {
  delays: number[];
  workingHourDelays: number[];
  requests: number;
  checks: number;
  days: number;
}

/** The engine on a frozen simulator clock, stepped from wake to wake until `end`; returns its check count. */
async function driveEngine(sim: Simulator, end: number, options: { seed: number; notifier?: NotifierPort; afterWake?: (checks: number) => void }): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'daca-bench-'));
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

/** The engine: from two days before the approval to two days after. */
async function runEngine(t: Timeline, seed: number): Promise<{ delay: number | null; requests: number; checks: number; days: number }> {
  const start = FILING_DAY + (t.approvalDay - 2) * DAY;
  const sim = await simulatorFor(t, start);
  let notifiedAt: number | null = null;
  const notifier: NotifierPort = {
    notify: async (n) => {
      if (notifiedAt === null && n.key.includes('approv')) notifiedAt = sim.clock.now();
    },
  };
  const checks = await driveEngine(sim, start + 4 * DAY, { seed, notifier });
  const requests = sim.requestLog().filter((r) => r.endpoint !== null).length;
  await sim.close();
  return { delay: notifiedAt === null ? null : notifiedAt - t.approvalDocAt, requests, checks, days: 4 };
}

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

/** A fixed-interval poller: from a day before the approval until it has seen it (approval document or title). */
async function runBaseline(t: Timeline, baseline: Baseline, random: () => number) {
  const start = FILING_DAY + (t.approvalDay - 1) * DAY + Math.floor(random() * baseline.everyMs);
  const sim = await simulatorFor(t, start, FOREVER);
  const clock = { now: () => sim.clock.now() };
  const http = createNodeHttpPort({ cookie: sim.createSession() });
  const client = new MyUscisClient({ http, origin: sim.dataOrigin, clock });
  const receipts = [sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[];
  let seenAt: number | null = null;
  let checks = 0;
  const deadline = FILING_DAY + (t.approvalDay + 3) * DAY;
  while (seenAt === null && sim.clock.now() < deadline) {
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
  const requests = sim.requestLog().filter((r) => r.endpoint !== null).length;
  const days = (sim.clock.now() - start) / DAY;
  await sim.close();
  return { delay: seenAt === null ? null : seenAt - t.approvalDocAt, requests, checks, days };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const minutes = (ms: number) => (Number.isFinite(ms) ? (ms / MINUTE).toFixed(1) : 'n/a');

/** A long run for footprint: checks, heap growth over 10,000 checks, CPU per check, store size after a year. */
async function footprint(): Promise<string[]> {
  const t = timeline(999, seededRandom(999));
  // From the day after filing, when both receipts exist.
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
    row(['checks in a simulated year', String(checks), '', '', '']),
    row(['heap growth over 10,000 checks', ((heap.at11000 - heap.at1000) / 1024 / 1024).toFixed(2), '', '', 'MB (target < 5)']),
    row(['CPU per check (engine + in-process simulator)', cpuPerCheckUs.toFixed(0), '', '', 'µs']),
    row(['store size after a simulated year', ((storeSizes.at(-1) ?? 0) / 1024).toFixed(1), '', '', 'KB (target < 512)']),
  ];
}

function row(cells: string[]): string {
  return cells.map((c, i) => c.padEnd([44, 12, 12, 14, 16][i] ?? 12)).join('');
}

export async function engineBenchmark(timelines = 24): Promise<string> {
  const random = seededRandom(2026);
  const lines = [row(['strategy', 'median min', 'p95 min', 'requests/day', 'requests/check'])];
  const all = Array.from({ length: timelines }, (_, i) => timeline(i, random));
  const strategies: Array<{ name: string; run: (t: Timeline, i: number) => Promise<{ delay: number | null; requests: number; checks: number; days: number }> }> = [
    { name: 'DACA Watch engine', run: (t, i) => runEngine(t, i + 1) },
    ...BASELINES.map((b) => ({ name: b.name, run: (t: Timeline) => runBaseline(t, b, random) })),
  ];
  const workingLines: string[] = [];
  for (const strategy of strategies) {
    const result: StrategyResult = { delays: [], workingHourDelays: [], requests: 0, checks: 0, days: 0 };
    for (const [i, t] of all.entries()) {
      const r = await strategy.run(t, i);
      if (r.delay !== null) {
        result.delays.push(r.delay);
        if (isUscisWorkingTime(t.approvalDocAt)) result.workingHourDelays.push(r.delay);
      }
      result.requests += r.requests;
      result.checks += r.checks;
      result.days += r.days;
    }
    lines.push(
      row([
        strategy.name,
        minutes(quantile(result.delays, 0.5)),
        minutes(quantile(result.delays, 0.95)),
        (result.requests / result.days).toFixed(0),
        (result.requests / result.checks).toFixed(2),
      ]),
    );
    workingLines.push(row([strategy.name, minutes(quantile(result.workingHourDelays, 0.5)), minutes(quantile(result.workingHourDelays, 0.95)), `${result.workingHourDelays.length}/${all.length}`, '']));
  }
  const footprintLines = await footprint();
  return [
    `Silent approval: delay from the approval document's upload to the notification, ${timelines} seeded timelines (all hours)`,
    ...lines,
    '',
    'The same, only approvals landing in USCIS working hours (weekdays 08:00-18:00 US Eastern); target: median <= 20 min',
    row(['strategy', 'median min', 'p95 min', 'timelines', '']),
    ...workingLines,
    '',
    'Footprint of the engine (one pair watched for a simulated year)',
    ...footprintLines,
  ].join('\n');
}
