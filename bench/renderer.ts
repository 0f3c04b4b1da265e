// The renderer benchmark: the dashboard's gzipped JavaScript against its 60 KB budget, and how long the dashboard
// takes in headless Chromium to draw a year of history against its 300 ms budget. Measures and prints; never asserts.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { seededRandom } from '../engine/seeded-random';
import { DashboardStateSchema, type DashboardState } from '../shared/ipc/contract';
import type { Finding, FindingType } from '../shared/monitor/findings';
import { SettingsSchema } from '../shared/monitor/state';
import { launchChromium } from '../tests/helpers/chromium';

const JS_BUDGET_BYTES = 60 * 1024;
const RENDER_BUDGET_MS = 300;
const RUNS = 5;
const DAY = 86_400_000;
const REPO_ROOT = join(import.meta.dirname, '..');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** The dashboard built as the app and the preview build it, into a new temporary folder. */
async function buildRenderer(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), root: join(REPO_ROOT, 'renderer'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

function jsSizes(outDir: string): { files: number; raw: number; gzipped: number } {
  const scripts = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.js'));
  let raw = 0;
  let gzipped = 0;
  for (const entry of scripts) {
    const body = readFileSync(join(entry.parentPath, entry.name));
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  return { files: scripts.length, raw, gzipped };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A year of a pair's history ending today: 300 events, 80 documents, 20 notices and 20 past statuses on the two
 * cases, and the 400 findings the store keeps at most, none seen yet. Checked against the contract.
 */
export function yearOfHistory(now = Date.now()): DashboardState {
  const random = seededRandom(365);
  const start = now - 365 * DAY;
  const at = () => start + Math.floor(random() * 364 * DAY);
  const sortedTimes = (count: number) => Array.from({ length: count }, at).sort((a, b) => a - b);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const codes = ['IAF', 'IAA', 'H001', 'FSA0', 'FTA0', 'H008', 'LAA', 'X42Q', 'FTB0', 'IEA'];
  const documentTypes = ['Receipt Notice', 'Other', 'Biometrics Reuse Notice', 'Account Acceptance Notice', 'Transfer Notice'];
  const titles = ['Case Was Received', 'USCIS Is currently Processing the Case', 'Case Is Being Actively Reviewed By USCIS', 'Case Was Transferred'];
  const receipts = { 'I-821D': 'IOE0933012457', 'I-765': 'IOE0933012458' } as const;

  const snapshot = (form: keyof typeof receipts) => ({
    detail: {
      at: iso(now),
      formType: form,
      submissionDate: iso(start),
      events: sortedTimes(150).map((time, index) => ({ eventId: `${form}-e${index}`, eventCode: pick(codes), eventTimestamp: iso(time), createdAtTimestamp: iso(time) })),
      notices: sortedTimes(10).map((time, index) => ({ letterId: `${form}-n${index}`, actionType: 'Transfer Notice', generationDate: iso(time) })),
    },
    status: {
      at: iso(now),
      code: 'FTA0',
      date: iso(now - 5 * DAY),
      title: 'Case Is Being Actively Reviewed By USCIS',
      office: 'NEBRASKA SERVICE CENTER',
      history: sortedTimes(20).map((time) => ({ date: iso(time), code: pick(codes), title: pick(titles) })),
    },
    documents: {
      at: iso(now),
      items: sortedTimes(40).map((time, index) => ({ contentId: `${form}-d${index}`, type: pick(documentTypes), sourceType: 'USCIS Generated', createDate: iso(time) })),
    },
  });

  const findingTypes: FindingType[] = ['new-event', 'new-document', 'status-change', 'case-touched', 'new-notice', 'biometrics-reuse'];
  const history: Finding[] = sortedTimes(400).map((time, index) => {
    const type = findingTypes[index % findingTypes.length]!;
    return {
      key: `finding-${index}`,
      type,
      receipt: index % 2 === 0 ? receipts['I-821D'] : receipts['I-765'],
      foundAt: iso(time),
      happenedAt: iso(time - 3_600_000),
      inferred: type === 'biometrics-reuse',
      detail: { code: pick(codes), documentType: type === 'new-document' ? pick(documentTypes) : undefined, source: 'uscis', evidence: ['event'] },
    };
  });

  return DashboardStateSchema.parse({
    session: { state: 'signed-in', since: iso(now - DAY) },
    activity: 'watching',
    lastCheckAt: iso(now - 600_000),
    nextCheckAt: iso(now + 840_000),
    backoff: null,
    pausedUntil: null,
    cases: [
      { receipt: receipts['I-821D'], formType: 'I-821D', problem: null },
      { receipt: receipts['I-765'], formType: 'I-765', problem: null },
    ],
    snapshots: { [receipts['I-821D']]: snapshot('I-821D'), [receipts['I-765']]: snapshot('I-765') },
    history,
    settings: SettingsSchema.parse({ permitExpiry: iso(now + 90 * DAY).slice(0, 10) }),
    lastSeenAt: null,
    accountCases: { readAt: null, cases: [] },
    saveProblem: null,
    demo: false,
    now: iso(now),
  });
}

/**
 * The preload's API as the page sees it, answering with `state`: source text, so that no build step renames
 * anything in it and it runs before the page's own scripts whatever their CSP.
 */
function fakePreload(state: DashboardState): string {
  return `(() => {
    const state = ${JSON.stringify(state)};
    const ok = (value) => Promise.resolve({ ok: true, value });
    window.dacaWatch = {
      getState: () => {
        window.benchStateAskedAt = performance.now();
        return ok(state);
      },
      onStateChanged: () => () => {},
      setCases: () => ok({ ok: true, errors: [] }),
      signIn: () => ok({ started: true }),
      signOut: () => ok({ ok: true }),
      checkNow: () => ok({ ok: true }),
      pause: () => ok({ pausedUntil: null }),
      updateSettings: () => ok(state.settings),
      markSeen: () => ok({ ok: true }),
      exportData: () => ok({ path: null }),
      eraseEverything: () => ok({ ok: true }),
      openExternal: () => ok({ opened: false }),
    };
  })();`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function row(cells: Array<string | number>): string {
  return cells.map((cell, i) => String(cell).padEnd(i === 0 ? 62 : 14)).join('');
}

interface RenderRuns {
  /** Navigation start to the first timeline dot, per run (ms). */
  drawn: number[];
  /** Navigation start to the dashboard asking for its state: page and script fetched, script run, app mounted. */
  started: number[];
  dots: number;
  errors: string[];
}

async function measureRender(browser: Browser, url: string, state: DashboardState): Promise<RenderRuns> {
  const script = fakePreload(state);
  const runs: RenderRuns = { drawn: [], started: [], dots: 0, errors: [] };
  for (let run = 0; run < RUNS; run += 1) {
    // A new context each time: no cache, no compiled code kept from the run before.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => runs.errors.push(error.message));
    await page.addInitScript({ content: script });
    await page.goto(url, { waitUntil: 'commit' });
    // performance.now() counts from the navigation's start, checked at each frame. (A function, not source text:
    // the page's CSP refuses the eval a text predicate would need.)
    const drawn = await page.waitForFunction(() => document.querySelector('[data-point]') !== null && performance.now(), undefined, { polling: 'raf', timeout: 30_000 });
    runs.drawn.push(Number(await drawn.jsonValue()));
    runs.started.push(Number(await page.evaluate('window.benchStateAskedAt')));
    runs.dots = await page.locator('[data-point]').count();
    await context.close();
  }
  return runs;
}

/** Builds, serves and measures the dashboard; resolves to the printed table. */
export async function rendererBenchmark(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'daca-watch-bench-renderer-'));
  const server = createServer();
  let browser: Browser | undefined;
  try {
    await buildRenderer(outDir);
    const size = jsSizes(outDir);

    server.on('request', (req, res) => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      const path = normalize(join(outDir, pathname === '/' ? 'index.html' : pathname));
      if (!path.startsWith(outDir + sep)) return void res.writeHead(404).end();
      try {
        const body = readFileSync(path);
        res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    browser = await launchChromium();
    const state = yearOfHistory();
    const unseen = await measureRender(browser, url, state);
    // The same year once the user has looked: What's new lists nothing instead of 400 findings.
    const seen = await measureRender(browser, url, { ...state, lastSeenAt: state.history.at(-1)!.foundAt });
    const items = state.history.length + Object.values(state.snapshots).reduce((sum, s) => sum + (s.detail?.events.length ?? 0) + (s.documents?.items.length ?? 0), 0);

    const within = (value: number, budget: number) => (value <= budget ? 'within' : 'OVER');
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    const lines = [
      row(['measure', 'value', 'budget', '']),
      row([`renderer JS, gzip -9 (${size.files} file${size.files === 1 ? '' : 's'}, ${(size.raw / 1024).toFixed(1)} KB before gzip)`, `${(size.gzipped / 1024).toFixed(1)} KB`, `${JS_BUDGET_BYTES / 1024} KB`, within(size.gzipped, JS_BUDGET_BYTES)]),
      row([`a year of history drawn (${items} items, ${unseen.dots} dots), median of ${RUNS}`, ms(median(unseen.drawn)), ms(RENDER_BUDGET_MS), within(median(unseen.drawn), RENDER_BUDGET_MS)]),
      row(['  each run: navigation start to the first timeline dot', unseen.drawn.map((value) => value.toFixed(0)).join(' '), '', '']),
      row(['  of which loading, running the script and mounting (median)', ms(median(unseen.started)), '', '']),
      row(['the same, all 400 findings already seen (empty What’s new)', ms(median(seen.drawn)), ms(RENDER_BUDGET_MS), within(median(seen.drawn), RENDER_BUDGET_MS)]),
    ];
    const errors = [...new Set([...unseen.errors, ...seen.errors])];
    if (errors.length > 0) lines.push(`page errors: ${errors.join('; ')}`);
    return `The renderer (headless Chromium ${browser.version()})\n${lines.join('\n')}\n`;
  } finally {
    await browser?.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
