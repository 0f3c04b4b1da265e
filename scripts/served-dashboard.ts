// The dashboard built once and served on 127.0.0.1 with its real CSP, over a stand-in preload that answers with a
// given DashboardState, lets a test push new ones and records every call. Like main, the server can put the first
// frame into the page (app/first-paint.ts) for the state a test names. For tests and the bench only, never
// part of the app.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dashboardCsp, MIME_TYPES } from '../app/dashboard-csp';
import { loadFirstPaint, withFirstPaint } from '../app/first-paint';
import { buildDashboard, buildFirstPaint } from './dashboard-build';
import type { DashboardState } from '../shared/ipc/contract';
import { languageOfLocale } from '../shared/localized';
import { launchChromium } from './chromium';

export interface ServedDashboard {
  /** The page's address. */
  url: string;
  /** The built files' folder. */
  outDir: string;
  /**
   * From now on, pages are served with the first frame for `state` in them, as main serves them (null: as built,
   * the page paints after its script), in the browser's first language (Accept-Language), as the preview does.
   */
  firstPaint(state: DashboardState | null): void;
  close(): Promise<void>;
}

/** Builds the dashboard into a new temporary folder and serves it (exact paths only) with the dashboard's CSP. */
export async function serveDashboard(): Promise<ServedDashboard> {
  const folder = mkdtempSync(join(tmpdir(), 'daca-watch-fixture-'));
  const outDir = join(folder, 'renderer');
  let server: Server | undefined;
  let painted: DashboardState | null = null;
  try {
    await buildDashboard(outDir);
    let why = '';
    const render = await loadFirstPaint(await buildFirstPaint(join(folder, 'first-paint')), (message) => (why = message));
    if (render === null) throw new Error(`fixture dashboard: ${why}`);
    const files = new Map<string, { body: Buffer; type: string }>(
      readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          return [`/${relative(outDir, path).split(sep).join('/')}`, { body: readFileSync(path), type: MIME_TYPES[extname(path)] ?? 'application/octet-stream' }] as const;
        }),
    );
    const csp = dashboardCsp();
    const listening = createServer((req, res) => {
      const file = files.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/$/, '/index.html'));
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store', 'Content-Security-Policy': csp });
      const frame = file.type.startsWith('text/html') ? painted : null;
      res.end(frame === null ? file.body : withFirstPaint(file.body.toString('utf8'), render, () => frame, languageOfLocale(req.headers['accept-language'] ?? '')));
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}/`,
      outDir,
      firstPaint: (state) => {
        painted = state;
      },
      close: async () => {
        listening.closeAllConnections();
        await new Promise((resolve) => listening.close(resolve));
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server?.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The dashboard served and Chromium launched side by side; when either fails, the other is closed and the failure thrown. */
export async function serveDashboardInChromium(): Promise<{ dashboard: ServedDashboard; browser: Browser }> {
  const [served, launched] = await Promise.allSettled([serveDashboard(), launchChromium()]);
  if (served.status === 'fulfilled' && launched.status === 'fulfilled') return { dashboard: served.value, browser: launched.value };
  await Promise.allSettled([served.status === 'fulfilled' ? served.value.close() : null, launched.status === 'fulfilled' ? launched.value.close() : null]);
  throw served.status === 'rejected' ? served.reason : (launched as PromiseRejectedResult).reason;
}

export interface OpenPageOptions {
  locale?: string;
  width?: number;
  /** The viewport's height (default 900). */
  height?: number;
  timezoneId: string;
  /** What the stand-in main answers to openExternal. */
  opens?: boolean;
  /** The new context goes here, for the suite to close. */
  contexts: BrowserContext[];
  /** Content-Security-Policy violations and page errors are added here. */
  problems: string[];
}

/**
 * A new page in a new browser context (`locale`, `width` x `height` (900), `timezoneId`) on the dashboard answering with
 * `state`; resolves once the status line is up. CSP violations and page errors are recorded in `problems`.
 */
export async function openDashboardPage(browser: Browser, dashboard: ServedDashboard, state: DashboardState, options: OpenPageOptions): Promise<Page> {
  const { locale = 'en-US', width = 1280, height = 900, timezoneId, opens = false, contexts, problems } = options;
  const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId });
  contexts.push(context);
  await context.addInitScript({ content: fakePreload(state, { opens }) });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/securitypolicyviolation|Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(dashboard.url);
  await page.getByRole('banner').getByRole('status').waitFor({ timeout: 5_000 });
  return page;
}

/** One call the dashboard made: the API method and its request. */
export interface RecordedCall {
  method: string;
  request: unknown;
}

/**
 * The preload's API as the page sees it, answering with `state`, as source text: it runs before the page's own
 * scripts whatever their CSP, and no build step renames anything in it. `window.fixturePush(state)` sends a new
 * state as main would; `window.fixtureCalls` lists the calls; `window.benchStateAskedAt` is when the state was asked.
 * Settings changes are applied to the state as main applies them (whole fields replaced).
 */
export function fakePreload(state: DashboardState, options: { opens?: boolean } = {}): string {
  return `(() => {
    let state = ${JSON.stringify(state)};
    const listeners = new Set();
    const calls = (window.fixtureCalls = []);
    const ok = (value) => Promise.resolve({ ok: true, value });
    const record = (method, request) => calls.push({ method, request: request === undefined ? null : JSON.parse(JSON.stringify(request)) });
    window.fixturePush = (next) => {
      state = next;
      for (const listener of listeners) listener(next);
    };
    const answers = {
      getState: () => {
        window.benchStateAskedAt = performance.now();
        return state;
      },
      setCases: () => ({ ok: true, errors: [] }),
      signIn: () => ({ started: true }),
      signOut: () => ({ ok: true }),
      checkNow: () => ({ ok: true }),
      pause: () => ({ pausedUntil: null }),
      updateSettings: (change) => {
        state = { ...state, settings: { ...state.settings, ...change } };
        return state.settings;
      },
      markSeen: () => ({ ok: true }),
      exportData: () => ({ path: null }),
      eraseEverything: () => ({ ok: true }),
      openExternal: () => ({ opened: ${options.opens === true} }),
    };
    window.dacaWatch = Object.fromEntries(Object.entries(answers).map(([method, answer]) => [method, (request) => {
      record(method, request);
      return ok(answer(request));
    }]));
    window.dacaWatch.onStateChanged = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
  })();`;
}

/** Sends the page a new state, as main does after a change. */
export async function pushState(page: Page, state: DashboardState): Promise<void> {
  await page.evaluate((next) => (window as unknown as { fixturePush(state: unknown): void }).fixturePush(next), state);
}

/** The calls the page made so far. */
export function recordedCalls(page: Page): Promise<RecordedCall[]> {
  return page.evaluate(() => (window as unknown as { fixtureCalls: RecordedCall[] }).fixtureCalls);
}
