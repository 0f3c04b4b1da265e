// `npm run preview -- [options]`: the engine headless against the simulator, and the dashboard served to a
// browser on 127.0.0.1 with the preload's API over a token-guarded WebSocket. Development and tests only.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import { dashboardStateOf } from '../app/dashboard-state';
import { dashboardCsp, MIME_TYPES } from '../app/dashboard-csp';
import { FIRST_PAINT_DIR, FIRST_PAINT_FILE, loadFirstPaint, withFirstPaint } from '../app/first-paint';
import { answerRequest, type IpcHandlers } from '../app/ipc-answer';
import { createIpcHandlers, type IpcHandlerPorts } from '../app/ipc-handlers';
import type { Monitor } from '../engine/monitor';
import type { PublishedTimesReader } from '../engine/processing-times';
import { createNodeMonitor } from '../engine/node-monitor';
import { releaseOnExit, storeInUseMessage, tryLockStore } from '../engine/store/store-lock';
import { makeCreatedFoldersPrivate } from '../engine/store/private-modes';
import { type DashboardState, type EventChannel, type IpcResult } from '../shared/ipc/contract';
import { languageOfLocale, type Language, type Localized } from '../shared/localized';
import { parseReceiptList, type ReceiptNumber } from '../shared/receipt';
import { startSimulator, type Simulator } from '../simulator/server';
import { checkedOrigin, commandLine, isLoopbackOrigin, OPTION_PROBLEMS, usageError } from './command-line';
import { buildDashboard, buildFirstPaint } from './dashboard-build';
import { systemLanguage } from './system-language';

const HELP = `DACA Watch preview: the dashboard in a browser, over the engine running headless.

Usage: npm run --silent preview -- [options]

  --origin URL      watch this myUSCIS origin instead of the built-in simulator (https, or http on
                    127.0.0.1/localhost); sign-in then comes only from --cookie
  --cookie HEADER   with --origin: a Cookie header standing for a fresh sign-in
  --receipts LIST   the receipt numbers to open on, comma-separated (default with the built-in
                    simulator: its demo pair, unless --no-sign-in)
  --store DIR       where the state is kept (default: a new temporary folder, removed on exit; your own
                    data is never touched)
  --port N          the port on 127.0.0.1 (default 0: a free one)
  --speed N         the built-in simulator's pace: simulated seconds per real second (default 4320: one
                    day every 20 seconds; signed in, the demo opens a day or so before the silent
                    approval, which comes within about a minute)
  --no-sign-in      start signed out; sign in on the simulator's pages (the dashboard's sign-in
                    button opens them in a new tab; the address is printed too)
  --renderer DIR    serve this already built dashboard (for example dist/renderer after npm run build)
                    instead of building it first
  --json            print one JSON line {url, token, simulator} instead of the text below
  -h, --help        this text

Exit codes: 0 stopped (Ctrl+C), 1 could not start, 2 bad arguments, 4 another DACA Watch (the app, a
headless runner or a preview) is using the --store folder: one writer per store, so it does not start.`;

const WS_PATH = '/api';
/** One story day every 20 seconds: the renewal's steps come a few seconds to a minute apart. */
const DEFAULT_SPEED = 4_320;
/**
 * Signed in, the demo opens on story day 74 (the review under way), so the silent approval (day 75, 15:12 UTC)
 * comes within a minute at the default pace. Signed out, it opens where the scenario does (day 70): signing in
 * on the simulator's pages takes a while.
 */
const SIGNED_IN_START_DAY = 74;
const SIGN_IN_POLL_MS = 200;
function note(message: string): void {
  process.stderr.write(`preview: ${message}\n`);
}

/** The system's language (the preview has no --lang): what it prints, option errors included, is said in it. */
const lang: Language = systemLanguage();

function fail(message: Localized): never {
  return usageError('preview', message, lang);
}

const values = commandLine(
  'preview',
  HELP,
  {
  origin: { type: 'string' },
  cookie: { type: 'string' },
  receipts: { type: 'string' },
  store: { type: 'string' },
  port: { type: 'string' },
  speed: { type: 'string' },
  'no-sign-in': { type: 'boolean' },
  renderer: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  },
  lang,
);

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  fail({ en: `--port needs a whole number from 0 to 65535, got "${values.port}"`, es: `--port necesita un número entero de 0 a 65535, no "${values.port}"` });
}
const speed = values.speed === undefined ? DEFAULT_SPEED : Number(values.speed);
if (!Number.isFinite(speed) || speed < 1 || speed > 1_000_000) fail(OPTION_PROBLEMS.speed(values.speed));

const { receipts: typedReceipts, problems } = parseReceiptList(values.receipts?.split(',').filter((part) => part.trim() !== '') ?? []);
const [problem] = problems;
if (problem) fail(OPTION_PROBLEMS.receipt(problem));
if (values.receipts !== undefined && typedReceipts.length === 0) fail({ en: '--receipts needs at least one receipt number', es: '--receipts necesita al menos un número de recibo' });
if (typedReceipts.length > 10) fail(OPTION_PROBLEMS.tooManyReceipts);

if (values.origin === undefined) {
  if (values.cookie !== undefined) {
    fail({ en: 'the built-in simulator makes its own session: --cookie goes with --origin', es: 'el simulador incorporado crea su propia sesión: --cookie va con --origin' });
  }
} else {
  if (values.speed !== undefined) fail({ en: '--speed paces the built-in simulator: leave it out with --origin', es: '--speed marca el ritmo del simulador incorporado: no lo use con --origin' });
  if (values['no-sign-in']) fail({ en: '--no-sign-in is for the built-in simulator: with --origin, leave out --cookie', es: '--no-sign-in es para el simulador incorporado: con --origin, no use --cookie' });
}
const externalOrigin = values.origin === undefined ? null : checkedOrigin(values.origin, '--origin', fail);
if (values.renderer !== undefined && !existsSync(join(values.renderer, 'index.html'))) {
  fail({
    en: `--renderer: no index.html in "${values.renderer}" (build it with npm run build: dist/renderer)`,
    es: `--renderer: no hay index.html en "${values.renderer}" (créelo con npm run build: dist/renderer)`,
  });
}


const runDir = mkdtempSync(join(tmpdir(), 'daca-watch-preview-'));
process.once('exit', () => rmSync(runDir, { recursive: true, force: true }));

// One writer per store (engine/store/store-lock.ts): held from before the store is read until exit.
const storeDir = values.store ?? join(runDir, 'store');
const storeLock = tryLockStore(storeDir);
if (!storeLock.ok) {
  process.stderr.write(`preview: ${storeInUseMessage(storeDir, storeLock.holder)[systemLanguage()]}\n`);
  process.exit(4);
}
releaseOnExit(storeLock.lock);

// ------------------------------------------------------------------ the dashboard over HTTP and WebSocket

const rendererDir = values.renderer === undefined ? join(runDir, 'renderer') : resolve(values.renderer);
// The first frame's renderer sits beside the dashboard's folder, as npm run build puts it (dist/first-paint).
let firstPaintFile = join(rendererDir, '..', FIRST_PAINT_DIR, FIRST_PAINT_FILE);
if (values.renderer === undefined) {
  try {
    await buildDashboard(rendererDir);
    firstPaintFile = await buildFirstPaint(join(runDir, FIRST_PAINT_DIR));
  } catch (error) {
    process.stderr.write(`preview: the dashboard did not build:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
/** Like main, the preview serves the page with its first frame in it (the page then hydrates it); null: as built. */
const renderFirstPaint = await loadFirstPaint(firstPaintFile, note);
/** Every built file by its URL path: requests are looked up exactly, so none can reach outside the folder. */
const files = new Map<string, { body: Buffer; type: string }>(
  readdirSync(rendererDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const body = readFileSync(path);
      return [`/${relative(rendererDir, path).split(sep).join('/')}`, { body, type: MIME_TYPES[extname(path)] ?? 'application/octet-stream' }] as const;
    }),
);

const token = randomBytes(32).toString('base64url');
const digest = (text: string) => createHash('sha256').update(text).digest();
const tokenDigest = digest(token);
/** Compared in constant time (digests have one length, so the comparison says nothing about the token's). */
const isToken = (candidate: string | null | undefined): boolean => typeof candidate === 'string' && timingSafeEqual(digest(candidate), tokenDigest);

const server = createServer();
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', resolve);
});
const { port: boundPort } = server.address() as AddressInfo;
const address = `http://127.0.0.1:${boundPort}`;
const csp = dashboardCsp(address.replace(/^http:/, 'ws:'));
// Cookies are per host name, not per port: the name keeps two previews (and the simulator) apart.
const cookieName = `daca_watch_preview_${boundPort}`;
const cookieToken = (req: IncomingMessage) =>
  req.headers.cookie
    ?.split(';')
    .map((pair) => pair.trim().split('='))
    .find(([name]) => name === cookieName)?.[1];

/**
 * DNS rebinding: a page of another site can make its own name resolve to 127.0.0.1 and then reach this server as
 * "same origin" with it; its requests still carry that name in Host. Only this server's own address and port are
 * answered (the address the preview printed), before the token is even looked at.
 */
const ownHost = `127.0.0.1:${boundPort}`;
const isOwnHost = (req: IncomingMessage) => (req.headers.host ?? '').toLowerCase() === ownHost;
const WRONG_HOST = `This is the DACA Watch preview: open it as http://${ownHost}/ (the address it printed), not under another name.\n`;

server.on('request', (req, res) => {
  if (!isOwnHost(req)) {
    res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    return void res.end(WRONG_HOST);
  }
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The page's address carries the token: it must not travel on as a Referer.
  res.setHeader('Referrer-Policy', 'no-referrer');
  const url = new URL(req.url ?? '/', address);
  const tokenInUrl = url.searchParams.get('token');
  if (!isToken(tokenInUrl) && !isToken(cookieToken(req))) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('Open the address the preview printed (it carries the token).\n');
  }
  if (isToken(tokenInUrl)) res.setHeader('Set-Cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
  const file = req.method === 'GET' || req.method === 'HEAD' ? files.get(url.pathname === '/' ? '/index.html' : url.pathname) : undefined;
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('Not found\n');
  }
  res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD') return void res.end();
  if (!file.type.startsWith('text/html')) return void res.end(file.body);
  // The browser's first language stands for navigator.language, as app.getLocale() does in the app.
  const language = languageOfLocale(req.headers['accept-language'] ?? '');
  res.end(withFirstPaint(file.body.toString('utf8'), renderFirstPaint, () => (engine ? stateOf(engine.monitor) : null), language, note));
});

const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url ?? '/', address);
  // Browsers always send Origin: a page anywhere but the dashboard is refused even with the cookie.
  const fromDashboard = req.headers.origin === undefined || req.headers.origin === address;
  if (!isOwnHost(req)) return void socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  if (url.pathname !== WS_PATH || !fromDashboard || (!isToken(url.searchParams.get('token')) && !isToken(cookieToken(req)))) {
    return void socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  }
  sockets.handleUpgrade(req, socket, head, (client) => {
    client.on('message', (data, isBinary) => void receive(client, data, isBinary));
    // An oversized or broken frame: ws closes the socket after saying why.
    client.on('error', (error) => note(`a dashboard socket closed: ${error.message}`));
  });
});

/** What a client sends: one contract channel and its request (absent for channels that take none). */
const RequestEnvelopeSchema = z.strictObject({ id: z.union([z.int(), z.string().max(64)]), channel: z.string().max(64), payload: z.unknown().optional() });

async function receive(client: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
  let envelope;
  try {
    envelope = RequestEnvelopeSchema.parse(JSON.parse(isBinary ? '' : String(data)));
  } catch {
    return void client.close(1007, 'expected {id, channel, payload} as JSON text');
  }
  const result = await answer(envelope.channel, envelope.payload);
  client.send(JSON.stringify({ id: envelope.id, result }));
  // Reading the state changes nothing; pushing after it would also loop a page that re-reads on every push.
  if (envelope.channel !== 'state:get') pushState();
}

/** What electron/ipc.ts does for a channel, minus the frame check (the token and Origin stand for it). */
function answer(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
  return answerRequest(channel, payload, engine!.handlers, (name, error) =>
    note(`${name} failed: ${error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)}`),
  );
}

const STATE_CHANGED = 'state:changed' satisfies EventChannel;

/** Sends every client the whole state; dashboardStateOf has already checked it against the contract. */
function pushState(): void {
  if (!engine) return;
  const message = JSON.stringify({ event: STATE_CHANGED, payload: stateOf(engine.monitor) });
  for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
}

// ------------------------------------------------------------------ the engine and its simulator

// Sessions run on the wall clock, so the fast story does not end them between two timer ticks.
const sim: Simulator | null =
  externalOrigin === null
    ? await startSimulator({ scenario: 'daca-renewal', clock: { speed }, accessClock: 'real', ...(values['no-sign-in'] ? {} : { startDay: SIGNED_IN_START_DAY }) })
    : null;
const origin = sim ? sim.dataOrigin : externalOrigin!;
const demo = isLoopbackOrigin(origin);
/** The page says how fast the built-in demo's story runs. */
const demoPace = sim ? { secondsPerDay: Math.round((86_400 / speed) * 10) / 10 } : null;

/** What the dashboard is sent: the app's state, plus the demo's pace. */
function stateOf(monitor: Monitor): DashboardState {
  return { ...dashboardStateOf(monitor, demo), demoPace };
}
const clock = sim ? { now: () => sim.clock.now() } : { now: Date.now };
const firstSession = sim ? (values['no-sign-in'] ? undefined : sim.createSession()) : values.cookie;
const firstCases = typedReceipts.length > 0 ? typedReceipts : sim && firstSession ? ([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]) : [];

/** The monitor on one session and the dashboard's handlers over it; a new sign-in starts a new one. */
interface Engine {
  monitor: Monitor;
  /** USCIS's published processing times, read from the built-in simulator's egov host (none with --origin). */
  times: PublishedTimesReader | null;
  handlers: IpcHandlers;
}
let engine: Engine | null = null;

/*
 * Sign-in in the preview. There is no sign-in window: the user (or an e2e test) signs in on the built-in
 * simulator's own pages in the browser (the dashboard's sign-in button opens them in a new tab: the
 * preview answers with the simulator's applicant page, which leads to its sign-in), whose cookies the preview cannot read. The preview watches the
 * simulator's request log for a completed OIDC callback and then gives the engine a simulator session of
 * its own, which stands for the user's sign-in. The node HTTP port carries one fixed cookie, so each such
 * sign-in restarts the engine on the same store. With --origin, the only session is --cookie.
 */
const signIn: IpcHandlerPorts['signIn'] = {
  open: () => {
    if (!sim) throw new Error('sign-in needs the built-in simulator; with --origin, restart with --cookie');
    note(`sign in on the simulator's pages: ${sim.applicantUrl}`);
    return { page: sim.applicantUrl };
  },
  // Like the app clearing its sign-in partition: the browser's simulator sign-in ends with the engine's.
  signOut: async () => sim?.expireSessions(),
};

const ports: Omit<IpcHandlerPorts, 'monitor'> = {
  clock,
  demo,
  signIn,
  setStartAtLogin: (enabled) => note(`start at login ${enabled ? 'on' : 'off'} (recorded in the settings only)`),
  openExternal: async (url) => {
    note(`not opening ${url}: the preview opens no other pages`);
    return false;
  },
  saveFile: async (suggestedName, contents) => {
    const exports = join(storeDir, 'exports');
    // The user's folder alone, whatever the umask (like the store's: engine/store/private-modes.ts).
    makeCreatedFoldersPrivate(mkdirSync(exports, { recursive: true, mode: 0o700 }), exports);
    const path = join(exports, suggestedName);
    writeFileSync(path, contents, { mode: 0o600 });
    return path;
  },
};

async function startEngine(session: string | undefined, cases: readonly ReceiptNumber[] = []): Promise<void> {
  engine?.monitor.stop();
  engine?.times?.stop();
  const { monitor, times } = createNodeMonitor({
    origin,
    ...(session === undefined ? {} : { cookie: session }),
    clock,
    storeDir,
    // The preview runs a simulator (its own, or one on loopback) on a fast clock: it relaxes the per-case floor, explicitly.
    ...(demo ? { relaxedFloorMs: 0 } : {}),
    // The built-in simulator's egov host on loopback, as the app's demo reads it, so the dashboard has published times
    // to show; an outside simulator (--origin) may serve none, and the preview never reaches the real egov.
    ...(sim ? { timesOrigin: sim.timesOrigin, times: { spacingMs: 50, onEvent: () => pushState() } } : {}),
    onEvent: (event) => {
      if (event.kind === 'session') note(`session ${event.state}`);
      if (event.kind === 'error') note(event.message);
      pushState();
    },
  });
  if (cases.length > 0) monitor.setCases(cases);
  if (session !== undefined) monitor.signedIn();
  // A stored session from an earlier run with --store has ended: the user hears it, as in the app.
  else if (monitor.snapshot.session.state === 'signed-in') await monitor.signedOut();
  monitor.start(sim ? speed : 1);
  times?.start(sim ? speed : 1);
  engine = { monitor, times, handlers: { ...createIpcHandlers({ monitor, ...ports }), 'state:get': async () => stateOf(monitor) } };
  pushState();
}

await startEngine(firstSession, firstCases);

let lastSignInSeen = 0;
const signInWatch = sim
  ? setInterval(() => {
      const done = sim.requestLog().findLast((entry) => entry.seq > lastSignInSeen && entry.path === '/oidc/callback' && entry.outcome === 'signed-in');
      if (!done) return;
      lastSignInSeen = done.seq;
      void startEngine(sim.createSession());
    }, SIGN_IN_POLL_MS)
  : null;

// ------------------------------------------------------------------ tell the user, stop cleanly

const pageUrl = `${address}/?token=${token}`;
if (values.json) {
  const simulator = sim && {
    signInUrl: sim.signInUrl,
    applicantUrl: sim.applicantUrl,
    dataOrigin: sim.dataOrigin,
    controlToken: sim.controlToken,
    receipts: sim.receipts,
    account: { email: sim.scenario.account.email, password: sim.scenario.account.password, verificationCode: sim.scenario.account.verificationCode },
  };
  process.stdout.write(`${JSON.stringify({ url: pageUrl, token, simulator })}\n`);
} else {
  process.stdout.write(`${startMessage(systemLanguage()).join('\n')}\n`);
}
if (values.json && values.store === undefined) note('the state is kept in a temporary folder, removed at exit');

/** What the person at the terminal reads: what is watched, where the state goes, the address, how to stop. */
function startMessage(lang: Language): string[] {
  const es = lang === 'es';
  const signed = firstSession ? (es ? 'con la sesión iniciada' : 'signed in') : es ? 'sin sesión iniciada' : 'signed out';
  const pace = demoPace && (demoPace.secondsPerDay === 1 ? (es ? 'un día cada segundo' : 'one day every second') : es ? `un día cada ${demoPace.secondsPerDay} segundos` : `one day every ${demoPace.secondsPerDay} seconds`);
  const lines = [
    sim
      ? es
        ? `Vista previa de DACA Watch: el panel en su navegador, con un myUSCIS simulado que cuenta una renovación de DACA (${pace}), ${signed}.`
        : `DACA Watch preview: the dashboard in your browser, on a simulated myUSCIS telling a DACA renewal (${pace}), ${signed}.`
      : es
        ? `Vista previa de DACA Watch de ${origin}, ${signed}.`
        : `DACA Watch preview of ${origin}, ${signed}.`,
    values.store === undefined
      ? es
        ? 'Sus propios datos no se tocan: la vista previa guarda su estado en una carpeta temporal que se borra al detenerla.'
        : 'Your own data is not touched: the preview keeps its state in a temporary folder, removed when it stops.'
      : es
        ? `Estado guardado en ${storeDir}.`
        : `State kept in ${storeDir}.`,
  ];
  if (sim && !firstSession) {
    const { email, password, verificationCode } = sim.scenario.account;
    lines.push(es ? `Inicie sesión en ${sim.applicantUrl} como ${email} / ${password}, código ${verificationCode}.` : `Sign in at ${sim.applicantUrl} as ${email} / ${password}, code ${verificationCode}.`);
  }
  lines.push(es ? `Abra ${pageUrl}` : `Open ${pageUrl}`, es ? 'Ctrl+C la detiene.' : 'Ctrl+C stops it.');
  return lines;
}

const stop = async () => {
  if (signInWatch) clearInterval(signInWatch);
  engine?.times?.stop();
  engine?.monitor.stop();
  for (const client of sockets.clients) client.terminate();
  server.closeAllConnections();
  server.close();
  await sim?.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
