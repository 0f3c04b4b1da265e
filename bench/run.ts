// `npm run bench`: prints measured numbers (never asserts). Today it measures the myUSCIS simulator
// that every later benchmark runs on; the engine's benchmark joins it when the engine exists.

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { endpointPath } from '../shared/myuscis/endpoints';
import { parseCaseDetailBody, parseCaseStatusBody, parseDocumentsBody } from '../shared/myuscis/schemas';
import { caseRecordAt, filingDayFor } from '../simulator/case-state';
import { caseDetailPayload, caseStatusPayload, documentsPayload } from '../simulator/payloads';
import { SCENARIOS } from '../simulator/scenarios';
import { startSimulator } from '../simulator/server';
import { engineBenchmark, engineNumbers } from './engine';
import { rendererBenchmark } from './renderer';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function row(cells: Array<string | number>): string {
  return cells.map((c, i) => String(c).padEnd(i === 0 ? 50 : 12)).join('');
}

const timelines = Number(process.env.BENCH_TIMELINES ?? 72);
/** Another seed (BENCH_SEED) draws other timelines: a check that nothing was tuned to the default one. */
const seed = Number(process.env.BENCH_SEED ?? 2026);

// `npm run --silent bench -- --engine [--json]`: the engine's part alone; with --json, one JSON object on stdout.
// `--no-baselines` leaves out the fixed-interval pollers (quicker while working on the engine).
if (process.argv.includes('--engine')) {
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(await engineNumbers({ timelines, footprint: false, seed, baselines: !process.argv.includes('--no-baselines') }), null, 2)}\n`);
  } else {
    process.stdout.write(`DACA Watch benchmark (Node ${process.version}, ${new Date().toISOString()})\n\n${await engineBenchmark({ timelines, seed, baselines: !process.argv.includes('--no-baselines') })}\n`);
  }
  process.exit(0);
}

// `npm run bench -- --renderer`: the dashboard's part alone (bundle size, banner and full timeline for a week and a year).
if (process.argv.includes('--renderer')) {
  process.stdout.write(`DACA Watch benchmark (Node ${process.version}, ${new Date().toISOString()})\n\n${await rendererBenchmark()}`);
  process.exit(0);
}

const lines: string[] = [row(['measure', 'median', 'p95', 'unit'])];

// 1. Replaying a scenario and rendering + parsing its three case payloads, in-process.
{
  const scenario = SCENARIOS.get('daca-renewal')!;
  const filingDay = filingDayFor(Date.UTC(2026, 4, 29), 0);
  const now = filingDay + 85 * 86_400_000;
  const samples: number[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const start = performance.now();
    const record = caseRecordAt(scenario, 'i765', filingDay, now)!;
    parseCaseDetailBody(caseDetailPayload(record, scenario, scenario.cases.i821d.receipt));
    parseCaseStatusBody(caseStatusPayload(record, scenario));
    parseDocumentsBody(documentsPayload(record));
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  lines.push(row(['replay + render + parse one case (day 85)', quantile(samples, 0.5).toFixed(0), quantile(samples, 0.95).toFixed(0), 'µs']));
}

// 2. Real HTTP round trips on loopback with keep-alive, one at a time like the engine will.
const sim = await startSimulator({ scenario: 'daca-renewal', clock: { speed: 0 }, idleTimeoutMs: 1e12, sessionLifetimeMs: 1e12 });
sim.advanceToPhase('card-delivered');
const cookie = sim.createSession();
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const url = new URL(endpointPath.caseStatus(sim.receipts.i765), sim.dataOrigin);

function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { Cookie: cookie, Accept: 'application/json' } }, (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => (size += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(size) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

const REQUESTS = 10_000;
for (let i = 0; i < 200; i += 1) await get();
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const latencies: number[] = [];
let bytes = 0;
const started = performance.now();
for (let i = 0; i < REQUESTS; i += 1) {
  const start = performance.now();
  bytes = await get();
  latencies.push((performance.now() - start) * 1000);
}
const elapsed = (performance.now() - started) / 1000;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
latencies.sort((a, b) => a - b);
lines.push(row(['case_status over HTTP (sequential, keep-alive)', quantile(latencies, 0.5).toFixed(0), quantile(latencies, 0.95).toFixed(0), 'µs']));
lines.push(row(['throughput, one request at a time', (REQUESTS / elapsed).toFixed(0), '', 'requests/s']));
lines.push(row(['case_status body size', bytes, '', 'bytes']));
lines.push(row([`heap growth over ${REQUESTS} requests (log capped)`, ((heapAfter - heapBefore) / 1024 / 1024).toFixed(2), '', 'MB']));
agent.destroy();
await sim.close();

process.stdout.write(`DACA Watch benchmark (Node ${process.version}, ${new Date().toISOString()})\n\nThe simulator\n${lines.join('\n')}\n\n`);
process.stdout.write(`${await engineBenchmark({ timelines, seed })}\n`);
process.stdout.write(`\n${await rendererBenchmark()}`);
