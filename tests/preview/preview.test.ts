// `npm run preview` as an end-to-end test starts it: a child process printing one JSON line, its page
// and its `/api` socket behind the run's token, the contract checked on every request, sign-in on the simulator's pages.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DASHBOARD_CSP } from '../../app/dashboard-csp';
import { connectWsApi, type WsApi } from '../../renderer/lib/ws-api';
import { DashboardStateSchema, type DashboardState } from '../../shared/ipc/contract';
import { FIRST_PAINT_DIR } from '../../app/first-paint';
import { buildDashboard, buildFirstPaint } from '../../scripts/dashboard-build';
import { parseReceipt } from '../../shared/receipt';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { expectedSigtermEnd, sigtermRunsHandlers } from '../helpers/platform';
import { frozenSimulator } from '../helpers/sim-fixture';
import { SimBrowser, signInThroughPages } from '../helpers/sim-browser';
import { signInOnThisTab, simControl, type PreviewInfo } from '../../scripts/preview-process';



interface Preview {
  info: PreviewInfo;
  address: string;
  /** ws://…/api without a token. */
  socketUrl: string;
  child: ChildProcess;
}

const PREVIEW = ['--import', 'tsx', 'scripts/preview.ts'];
const startedInTest: ChildProcess[] = [];
const clients: WsApi[] = [];

function spawnPreview(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, [...PREVIEW, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
}

/**
 * The dashboard, built once for every preview this file starts (a build takes seconds on a busy machine), with its
 * first frame's renderer beside it, as `npm run build` lays them out (dist/renderer, dist/first-paint).
 */
const built = mkdtempSync(join(tmpdir(), 'daca-watch-renderer-'));
const renderer = join(built, 'renderer');
// Two builds take several seconds on a busy machine: well within this hook's minute.
beforeAll(async () => {
  await buildDashboard(renderer);
  await buildFirstPaint(join(built, FIRST_PAINT_DIR));
}, 60_000);
afterAll(() => rmSync(built, { recursive: true, force: true }));

/** Starts a preview and resolves with what it printed. */
function startPreview(args: string[], env?: NodeJS.ProcessEnv): Promise<Preview> {
  const child = spawnPreview(['--json', '--port', '0', '--renderer', renderer, ...args], env);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`preview exited ${code} before it was ready:\n${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const info = JSON.parse(line) as PreviewInfo;
      const address = new URL(info.url).origin;
      resolve({ info, address, socketUrl: `${address.replace('http:', 'ws:')}/api`, child });
    });
  });
}

function stopPreview(child: ChildProcess): Promise<void> {
  // A child ended by a signal (SIGTERM on Windows is a forced kill) has a signalCode and no exitCode.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The renderer's own client, on Node's ws. */
function dashboardApi(preview: Preview): WsApi {
  const api = connectWsApi({
    url: `${preview.socketUrl}?token=${preview.info.token}`,
    openSocket: (url) => new WebSocket(url) as unknown as globalThis.WebSocket,
  });
  clients.push(api);
  return api;
}

function stateWhere(api: WsApi, wanted: (state: DashboardState) => boolean): Promise<DashboardState> {
  return new Promise((resolve) => {
    const unsubscribe = api.onStateChanged((state) => {
      if (!wanted(state)) return;
      unsubscribe();
      resolve(state);
    });
  });
}

/** The handshake's HTTP status: 101 when the socket opened. */
function handshake(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (request, response) => {
      request.destroy();
      resolve(response.statusCode ?? 0);
    });
    socket.once('error', reject);
  });
}

/** One raw request on a fresh socket: the reply's `result`, or how the socket was closed. */
function rawRequest(preview: Preview, text: string): Promise<{ result?: unknown; closed?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${preview.socketUrl}?token=${preview.info.token}`);
    socket.once('open', () => socket.send(text));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: unknown; result?: unknown };
      if (message.id === undefined) return;
      socket.close();
      resolve({ result: message.result });
    });
    socket.once('close', (code) => resolve({ closed: code }));
    socket.once('error', reject);
  });
}

afterEach(async () => {
  for (const api of clients.splice(0)) api.close();
  await Promise.all(startedInTest.splice(0).map(stopPreview));
});

describe('a preview of the built-in simulator', () => {
  let preview: Preview;
  let startedAt: number;
  /** One Chromium for the tests below that need a browser, started beside the preview. */
  let browser: Browser;
  /** The demo runs in a HOME of its own, which must stay empty: it never touches the user's data. */
  const home = mkdtempSync(join(tmpdir(), 'daca-watch-home-'));
  beforeAll(async () => {
    startedAt = Date.now();
    const [started, launched] = await Promise.allSettled([startPreview([], { ...process.env, HOME: home, XDG_CONFIG_HOME: '' }), launchChromium()]);
    if (started.status === 'fulfilled') preview = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled([browser?.close(), preview && stopPreview(preview.child)]);
    rmSync(home, { recursive: true, force: true });
  });

  it('prints the page address with the run token, and the simulator with its demo pair', () => {
    const { info } = preview;
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    expect(new URL(info.url).searchParams.get('token')).toBe(info.token);
    expect(info.simulator).toMatchObject({ receipts: { i821d: 'IOE0933012457', i765: 'IOE0933012458' }, controlToken: expect.any(String) });
    expect(new URL(info.simulator!.applicantUrl).origin).toBe(info.simulator!.dataOrigin);
  });

  it('refuses a socket without the token, with a wrong one, on another path, or from another page', async () => {
    const { socketUrl, address, info } = preview;
    expect(await handshake(socketUrl)).toBe(403);
    expect(await handshake(`${socketUrl}?token=${info.token.slice(1)}x`)).toBe(403);
    expect(await handshake(`${address.replace('http:', 'ws:')}/other?token=${info.token}`)).toBe(403);
    expect(await handshake(`${socketUrl}?token=${info.token}`, { origin: info.simulator!.dataOrigin })).toBe(403);
    expect(await handshake(`${socketUrl}?token=${info.token}`, { origin: address })).toBe(101);
    const cookie = `daca_watch_preview_${new URL(address).port}=${info.token}`;
    expect(await handshake(socketUrl, { origin: address, headers: { Cookie: cookie } })).toBe(101);
  });

  it('answers state:get with a contract DashboardState: signed in on the demo pair', async () => {
    const result = await dashboardApi(preview).getState();
    if (!result.ok) throw new Error(result.failure.message);
    const state = DashboardStateSchema.parse(result.value);
    expect(state.session.state).toBe('signed-in');
    expect(state.cases.map((c) => c.receipt)).toEqual(['IOE0933012457', 'IOE0933012458']);
    expect(state.demo).toBe(true);
  });

  it('refuses a request outside its channel schema and an unknown channel; closes on a non-request', async () => {
    expect(await rawRequest(preview, JSON.stringify({ id: 1, channel: 'schedule:pause', payload: { until: 'never' } }))).toEqual({
      result: { ok: false, failure: { code: 'invalid-request', message: expect.stringContaining('schedule:pause') } },
    });
    expect(await rawRequest(preview, JSON.stringify({ id: 'a', channel: 'check:now', payload: 5 }))).toMatchObject({ result: { ok: false, failure: { code: 'invalid-request' } } });
    expect(await rawRequest(preview, JSON.stringify({ id: 2, channel: 'shell:exec', payload: 'rm -rf' }))).toMatchObject({ result: { ok: false, failure: { code: 'invalid-request' } } });
    expect(await rawRequest(preview, 'not json')).toEqual({ closed: 1007 });
  });

  it("returns the receipt parser's errors for a bad receipt and keeps the pair", async () => {
    const api = dashboardApi(preview);
    const parsed = parseReceipt('IOE09330124');
    if (parsed.ok) throw new Error('expected a bad receipt');
    expect(await api.setCases({ receipts: ['IOE0933012457', 'IOE09330124'] })).toEqual({
      ok: true,
      value: { ok: false, errors: [{ input: 'IOE09330124', code: parsed.error.code, message: parsed.error.message }] },
    });
    const state = await api.getState();
    expect(state.ok && state.value.cases).toHaveLength(2);
  });

  it('pushes the state after check:now and whenever the engine reports', async () => {
    const api = dashboardApi(preview);
    const afterRequest = stateWhere(api, () => true);
    expect(await api.checkNow()).toEqual({ ok: true, value: { ok: true } });
    expect(DashboardStateSchema.parse(await afterRequest).session.state).toBe('signed-in');
    const checked = await stateWhere(api, (state) => state.lastCheckAt !== null && state.snapshots['IOE0933012457'] !== undefined);
    expect(checked.cases[0]?.formType).toBe('I-821D');
  });

  it('saves an export into the store folder and opens no other pages', async () => {
    const api = dashboardApi(preview);
    const exported = await api.exportData({ format: 'json' });
    expect(exported.ok && exported.value.path).toMatch(/[/\\]exports[/\\]daca-watch-\d{4}-\d\d-\d\d\.json$/);
    expect(existsSync((exported.ok && exported.value.path) || '')).toBe(true);
    expect(await api.openExternal({ url: 'https://www.uscis.gov/' })).toEqual({ ok: true, value: { opened: false } });
  });

  it("reads USCIS's published processing times from the simulator's egov host into its state", async () => {
    // The export lands in the store folder's exports/: the store itself is one folder up.
    const exported = await dashboardApi(preview).exportData({ format: 'json' });
    const storeDir = dirname(dirname((exported.ok && exported.value.path) || ''));
    const stored = () => {
      try {
        return (JSON.parse(readFileSync(join(storeDir, 'config.json'), 'utf8')) as { processingTimes?: { fetchedAt: string | null; byForm: Record<string, { status: string | null }> } }).processingTimes ?? null;
      } catch {
        return null;
      }
    };
    await expect.poll(() => stored()?.fetchedAt ?? null, { timeout: 15_000, interval: 100 }).not.toBeNull();
    expect(stored()!.byForm).toEqual({ 'I-821D': expect.objectContaining({ status: 'published' }), 'I-765': expect.objectContaining({ status: 'published' }) });
  });

  it('serves the page only with the token, then sets a strict cookie for the rest; CSP and nosniff on all', async () => {
    const { address, info } = preview;
    const expectedCsp = DASHBOARD_CSP.replace("connect-src 'self'", `connect-src 'self' ${address.replace('http:', 'ws:')}`);
    const refused = await fetch(`${address}/`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toBe(expectedCsp);

    const page = await fetch(info.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(expectedCsp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const setCookie = page.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    expect(cookie).toBe(`daca_watch_preview_${new URL(address).port}=${info.token}`);

    const html = await page.text();
    // The first frame is in the page as served, in the browser's first language (none asked here: English).
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<div id="app">.*data-testid="pair-verdict".*<\/main>/s);
    const spanish = await (await fetch(info.url, { headers: { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' } })).text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('Su renovación');
    const script = /src="\.(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${address}${script}`)).status).toBe(403);
    const asset = await fetch(`${address}${script}`, { headers: { Cookie: cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${address}/package.json`, { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it('lets the page in Chromium reach /api with the cookie alone, under its CSP', async () => {
    const page = await browser.newPage();
    try {
      expect((await page.goto(`${preview.address}/`))?.status()).toBe(403);
      expect((await page.goto(preview.info.url))?.status()).toBe(200);
      // Source text: vitest would rename `WebSocket` in a function to the ws import.
      const answer = await page.evaluate<string>(`new Promise((resolve) => {
        const socket = new WebSocket('ws://' + location.host + '/api');
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, channel: 'state:get' }));
        // The reply, not a state the engine pushed meanwhile (the demo's story moves on by itself).
        socket.onmessage = (event) => { if (JSON.parse(String(event.data)).id === 1) resolve(String(event.data)); };
        socket.onerror = () => resolve('refused');
      })`);
      expect(JSON.parse(answer)).toMatchObject({ id: 1, result: { ok: true, value: { session: { state: 'signed-in' } } } });
    } finally {
      await page.close();
    }
  });

  it('tells the demo at a pace a person can watch: the page says it, and shows the silent approval within two minutes', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    try {
      await page.goto(preview.info.url);
      await expect.poll(() => page.getByTestId('demo-pace').textContent(), { timeout: 10_000 }).toBe('Demo: one day passes every 20 seconds.');
      const storyDay = async () => ({ day: ((await simControl(preview.info, 'state')) as { storyDay: number }).storyDay, at: Date.now() });
      const before = await storyDay();
      await page.locator('[data-testid="pair-verdict"][data-kind="silently-approved"]').waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('pair-verdict').innerText()).toContain('An approval appeared before the status changed');
      expect(Date.now() - startedAt).toBeLessThan(120_000);
      // The pace the page states, against the simulator's own clock: 20 real seconds a story day.
      const after = await storyDay();
      const secondsPerDay = (after.at - before.at) / 1000 / (after.day - before.day);
      expect(secondsPerDay).toBeGreaterThan(18);
      expect(secondsPerDay).toBeLessThan(22);
    } finally {
      await page.close();
    }
  }, 150_000);

  it('has not written into HOME (its state and exports live in a temporary folder)', () => {
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('--no-sign-in', () => {
  it('starts signed out with no cases; a sign-in on the simulator pages signs the engine in; sign-out ends both', async () => {
    const preview = await startPreview(['--no-sign-in']);
    startedInTest.push(preview.child);
    const api = dashboardApi(preview);
    const first = await api.getState();
    expect(first.ok && first.value).toMatchObject({ activity: 'signed-out', cases: [] });
    expect(first.ok && first.value.session.state).not.toBe('signed-in');
    // No sign-in window in a browser: the preview names the simulator's page to open instead.
    expect(await api.signIn()).toEqual({ ok: true, value: { started: false, page: preview.info.simulator!.applicantUrl } });

    const signedIn = stateWhere(api, (state) => state.session.state === 'signed-in');
    const browser = new SimBrowser();
    const simulator = preview.info.simulator!;
    const landed = await signInThroughPages(browser, { applicantUrl: simulator.applicantUrl, scenario: { account: simulator.account } });
    expect(landed.url).toBe(simulator.applicantUrl);
    expect((await signedIn).activity).toBe('no-cases');

    // The engine's own session works: the pair it is given is checked.
    const checked = stateWhere(api, (state) => state.lastCheckAt !== null);
    expect(await api.setCases({ receipts: [simulator.receipts.i821d, simulator.receipts.i765] })).toMatchObject({ ok: true, value: { ok: true } });
    expect((await checked).session.state).toBe('signed-in');

    expect(await api.signOut()).toEqual({ ok: true, value: { ok: true } });
    const after = await api.getState();
    expect(after.ok && after.value).toMatchObject({ session: { state: 'signed-out' }, activity: 'signed-out' });
    expect((await browser.fetch(simulator.applicantUrl)).url).toMatch(/\/sign-in/);
  });
});

describe("the sign-in button in Chromium (the preview's, with no sign-in window)", { timeout: 60_000 }, () => {
  it.each([
    ['en-US', 'Sign in to myUSCIS', 'The simulator’s sign-in page opened in a new tab: sign in there.'],
    ['es-MX', 'Iniciar sesión en myUSCIS', 'La página de inicio de sesión del simulador se abrió en una pestaña nueva: inicie sesión allí.'],
  ] as const)("%s: opens the simulator's sign-in page in a new tab and says so", async (locale, button, said) => {
    const [started, launched] = await Promise.allSettled([startPreview(['--no-sign-in']), launchChromium()]);
    if (started.status === 'fulfilled') startedInTest.push(started.value.child);
    if (launched.status === 'rejected' || started.status === 'rejected') {
      if (launched.status === 'fulfilled') await launched.value.close();
      throw launched.status === 'rejected' ? launched.reason : (started as PromiseRejectedResult).reason;
    }
    const [preview, browser] = [started.value, launched.value];
    try {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(preview.info.url);
      // The dashboard first (its state comes over the preview's socket): the tab is waited for from the click on.
      const signIn = page.getByRole('button', { name: button }).first();
      await signIn.waitFor({ timeout: 20_000 });
      const opened = context.waitForEvent('page', { timeout: 10_000 });
      await signIn.click();
      const tab = await opened;
      // The simulator's applicant page, signed out, leads to its sign-in page (as the app's sign-in window does).
      await tab.waitForURL((url) => url.href.startsWith(preview.info.simulator!.signInUrl), { timeout: 10_000 });
      const note = page.locator('[data-sign-in-note]').first();
      expect(await note.innerText()).toContain(said);
      expect(await note.getByRole('link').getAttribute('href')).toBe(preview.info.simulator!.applicantUrl);
      expect(await page.locator('body').innerText()).not.toMatch(/sign-in window is open|ventana de inicio de sesión de USCIS abierta/);
      // A tab of its own: it cannot reach back into the dashboard.
      expect(await tab.evaluate(() => window.opener)).toBeNull();
      // Signing in there signs the dashboard in: the note goes, the status line says so.
      await signInOnThisTab(tab, preview.info);
      await expect.poll(() => page.getByRole('banner').getByRole('status').innerText(), { timeout: 10_000 }).toMatch(locale === 'en-US' ? /Signed in/ : /Sesión iniciada/);
      expect((await page.locator('[data-sign-in-note]').allInnerTexts()).join('')).toBe('');
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('--origin', () => {
  it('watches an outside simulator with --cookie, cannot start a sign-in there, and stops cleanly', async () => {
    const sim = await frozenSimulator({ idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const preview = await startPreview(['--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--receipts', sim.receipts.i821d]);
    startedInTest.push(preview.child);
    expect(preview.info.simulator).toBeNull();
    const api = dashboardApi(preview);
    const state = await api.getState();
    expect(state.ok && state.value).toMatchObject({ session: { state: 'signed-in' }, demo: true, cases: [{ receipt: sim.receipts.i821d }] });
    expect(await api.signIn()).toMatchObject({ ok: false, failure: { code: 'failed' } });

    // SIGTERM stops it cleanly, its temporary folder (store and exports included) gone. On Windows SIGTERM is a
    // forced kill: no handler runs, so the test accepts the kill and removes the folder itself.
    const exported = await api.exportData({ format: 'print' });
    const path = (exported.ok && exported.value.path) || '';
    expect(existsSync(path)).toBe(true);
    // The client stops first: a client left open would try to reconnect to the stopped preview.
    api.close();
    await stopPreview(preview.child);
    expect({ code: preview.child.exitCode, signal: preview.child.signalCode }).toEqual(expectedSigtermEnd(process.platform));
    const folder = dirname(dirname(dirname(path)));
    if (sigtermRunsHandlers(process.platform)) expect(existsSync(folder)).toBe(false);
    else rmSync(folder, { recursive: true, force: true });
  });
});

describe('arguments', () => {
  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--speed', 'fast'], '--speed needs a number'],
    [['--cookie', 'a=b'], '--cookie goes with --origin'],
    [['--receipts', 'EAC1234567890'], 'EAC1234567890'],
    [['--origin', 'http://example.com'], '--origin must be https'],
    [['--origin', 'http://127.0.0.1:9', '--no-sign-in'], '--no-sign-in is for the built-in simulator'],
    [['--renderer', '/nowhere'], '--renderer: no index.html'],
    [['--receipts', 'IOE0933012457,ioe 093 301 2457'], 'IOE0933012457 is entered twice'],
  ])('%j exits 2 and says why', async (args, message) => {
    const { status, stderr } = await badArguments(args, { LANG: 'en_US.UTF-8' });
    expect({ status, stderr }).toEqual({ status: 2, stderr: expect.stringContaining(message) });
    expect(stderr).toMatch(/Try --help\.\n$/);
  });

  it.each([
    [['--bogus'], "Opción desconocida '--bogus'"],
    [['--speed', 'fast'], '--speed necesita un número'],
    [['--cookie', 'a=b'], '--cookie va con --origin'],
    [['--origin', 'http://example.com'], '--origin debe ser https'],
    [['--receipts', 'IOE0933012457,IOE0933012457'], 'IOE0933012457 está escrito dos veces'],
  ])('%j under a Spanish system exits 2 and says why in Spanish', async (args, message) => {
    const { status, stderr } = await badArguments(args, { LANG: 'es_MX.UTF-8' });
    expect({ status, stderr }).toEqual({ status: 2, stderr: expect.stringContaining(message) });
    expect(stderr).toMatch(/Pruebe --help\.\n$/);
    expect(stderr).not.toMatch(/Try --help|Unknown option|goes with/);
  });

  /** The preview started with bad arguments, in a terminal whose language is `env`'s LANG. */
  async function badArguments(args: string[], env: { LANG: string }): Promise<{ status: unknown; stderr: string }> {
    const child = spawnPreview(args, { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env });
    startedInTest.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise((resolve) => child.once('close', resolve));
    return { status, stderr };
  }

  it('lists its options with --help', async () => {
    const child = spawnPreview(['--help']);
    startedInTest.push(child);
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await new Promise((resolve) => child.once('close', resolve))).toBe(0);
    for (const option of ['--origin', '--cookie', '--receipts', '--store', '--port', '--speed', '--no-sign-in', '--renderer', '--json']) expect(stdout).toContain(option);
    expect(stdout).toMatch(/default 4320: one\s+day every 20 seconds/);
  });
});
