// `npm run --silent headless -- [options]`: the monitor engine under plain Node, for testing against a
// simulator and for the built-in demo. Argument parsing, wiring and printing only; the engine is engine/.

import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MYUSCIS_ORIGIN } from '../shared/myuscis/endpoints';
import { maskReceipt, parseReceipt, type ReceiptNumber } from '../shared/receipt';
import type { Language } from '../shared/localized';
import { isLoopbackOrigin, type MonitorEvent } from '../engine/monitor';
import { describeDiscovery, discoveryOf } from '../engine/account-discovery';
import { createNodeMonitor } from '../engine/node-monitor';
import { startSimulator, type Simulator } from '../simulator/server';
import { commandLine, usageError } from './command-line';

const HELP = `DACA Watch headless runner: the monitor engine without the desktop app.

Usage: npm run --silent headless -- --receipts IOE…,IOE… [options]
       npm run --silent headless -- --demo [options]
       npm run --silent headless -- --discover --cookie HEADER [--origin URL] [--mask] [--json]

  --receipts LIST   the I-821D and I-765 receipt numbers, comma-separated (required without --demo)
  --origin URL      the myUSCIS origin (default ${MYUSCIS_ORIGIN}); http only for 127.0.0.1/localhost
  --cookie HEADER   a Cookie header standing for a fresh sign-in, for testing against a simulator.
                    The desktop app never uses this: it signs in through the real myUSCIS page.
  --store DIR       where the state is kept (default ~/.config/daca-watch/headless)
  --once            check every case now, then exit (a stored backoff still applies; the 10-minute
                    floor per case applies to the real origin, not to a simulator on loopback)
  --json            one JSON object per line (kinds: check, finding, notification, session, backoff, error);
                    receipts are printed in full there, masked in the plain output
  --discover        read the cases the account lists (the applicant page, one request), print their receipts
                    and forms and the I-821D + I-765 pair proposed from them, then exit; --receipts not needed.
                    With --json, one object: {"kind":"discovery","cases":[...],"pair":...}
  --mask            with --discover, show receipts as IOE•••••1234 (also when the stored settings mask them)
  --demo            start the built-in simulator (a DACA renewal told at a fast pace) and watch it
  --speed N         with --demo: simulated seconds per real second (default 21600: six hours a second)
  --lang en|es      language of notifications and messages (default en)
  -h, --help        this text

Exit codes: 0 done, 1 stopped by an error, 2 bad arguments.`;

const MESSAGES = {
  noSession: {
    en: 'No session: pass --cookie (for a simulator) or use --demo. Against the real myUSCIS, sign in with the desktop app.',
    es: 'No hay sesión: use --cookie (para un simulador) o --demo. Con el myUSCIS real, inicie sesión en la aplicación de escritorio.',
  },
  signedOut: {
    en: 'The session is not live: sign in again (or pass a fresh --cookie).',
    es: 'La sesión no está activa: vuelva a iniciar sesión (o use un --cookie nuevo).',
  },
  noReceipts: {
    en: '--receipts is required (the I-821D and I-765 receipt numbers, comma-separated), unless you use --demo.',
    es: 'Falta --receipts (los números de recibo del I-821D y del I-765, separados por comas), a menos que use --demo.',
  },
} as const;

function fail(message: string): never {
  return usageError('headless', message);
}

const values = commandLine('headless', HELP, {
  receipts: { type: 'string' },
  origin: { type: 'string' },
  cookie: { type: 'string' },
  store: { type: 'string' },
  once: { type: 'boolean' },
  json: { type: 'boolean' },
  demo: { type: 'boolean' },
  discover: { type: 'boolean' },
  mask: { type: 'boolean' },
  speed: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});

if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'es') fail(`--lang is en or es, not "${values.lang}"`);
const lang: Language = values.lang === 'es' ? 'es' : 'en';
const speed = values.speed === undefined ? 21_600 : Number(values.speed);
if (!Number.isFinite(speed) || speed < 1 || speed > 1_000_000) fail(`--speed needs a number from 1 to 1000000, got "${values.speed}"`);
if (values.speed !== undefined && !values.demo) fail('--speed only goes with --demo');
if (values.mask && !values.discover) fail('--mask only goes with --discover');

let receipts: ReceiptNumber[] = [];
if (values.receipts !== undefined) {
  for (const typed of values.receipts.split(',').filter((part) => part.trim() !== '')) {
    const parsed = parseReceipt(typed);
    if (!parsed.ok) fail(`"${typed.trim()}": ${parsed.error.message[lang]}`);
    receipts.push(parsed.receipt);
  }
  if (receipts.length === 0) fail(MESSAGES.noReceipts[lang]);
  if (receipts.length > 10) fail('at most 10 receipts');
} else if (!values.demo && !values.discover) {
  fail(MESSAGES.noReceipts[lang]);
}

let origin = values.origin ?? MYUSCIS_ORIGIN;
if (!values.demo) {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    fail(`--origin "${origin}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackOrigin(url.origin))) {
    fail(`--origin must be https (http is allowed only for a simulator on 127.0.0.1 or localhost), got "${origin}"`);
  }
  origin = url.origin;
  if (values.cookie === undefined) fail(MESSAGES.noSession[lang]);
}

let sim: Simulator | null = null;
let cookie = values.cookie;
if (values.demo) {
  if (values.origin || values.cookie) fail('--demo brings its own simulator: leave out --origin and --cookie');
  // Sessions run on the wall clock, so the fast story does not end them between two timer ticks.
  sim = await startSimulator({ scenario: 'daca-renewal', clock: { speed }, accessClock: 'real' });
  origin = sim.dataOrigin;
  cookie = sim.createSession();
  if (receipts.length === 0) receipts = [sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[];
}

const print = (event: MonitorEvent | { kind: 'demo'; message: string }) => {
  if (values.json) {
    process.stdout.write(`${JSON.stringify(event)}\n`);
    return;
  }
  const masked = (receipt: string | null) => (receipt ? maskReceipt(receipt as ReceiptNumber) : '');
  switch (event.kind) {
    case 'check':
      return void process.stdout.write(`check      ${masked(event.receipt)}  ${event.requests} request(s), ${event.outcome}${event.full ? ', full' : ''}\n`);
    case 'finding':
      return void process.stdout.write(`finding    ${masked(event.receipt)}  ${event.type}${event.detail.documentType ? `: ${event.detail.documentType}` : event.detail.title ? `: ${event.detail.title}` : ''}\n`);
    case 'notification':
      return void process.stdout.write(`notify     ${event.title} — ${event.body}\n`);
    case 'session':
      return void process.stdout.write(`session    ${event.state}\n`);
    case 'backoff':
      return void process.stdout.write(`backoff    until ${event.until} (${event.reason})\n`);
    case 'error':
      return void process.stdout.write(`error      ${event.message}\n`);
    case 'demo':
      return void process.stdout.write(`demo       ${event.message}\n`);
    case 'account-cases':
      return void process.stdout.write(`account    ${event.cases.length} case(s) listed: ${event.cases.map((c) => `${c.formType ?? '?'} ${masked(c.receipt)}`).join(', ')}\n`);
  }
};

const clock = sim ? { now: () => sim!.clock.now() } : { now: Date.now };
// What the store had to recover from comes out as `error` events when the monitor starts.
/** A run that finds the session over reports it and makes no further request: it ends. */
let endSession = () => {};
const sessionEnded = new Promise<void>((resolve) => (endSession = resolve));
const { monitor } = createNodeMonitor({
  origin,
  ...(cookie === undefined ? {} : { cookie }),
  clock,
  storeDir: values.store ?? join(homedir(), '.config', 'daca-watch', 'headless'),
  onEvent: (event) => {
    // --discover prints one answer; the reasons it could not are said on stderr.
    if (!values.discover) print(event);
    else if (event.kind === 'error') process.stderr.write(`${event.message}\n`);
    else if (event.kind === 'session' && event.state === 'signed-out') process.stderr.write(`${MESSAGES.signedOut[lang]}\n`);
    if (event.kind === 'session' && event.state === 'signed-out') endSession();
  },
});
if (values.discover) {
  monitor.signedIn();
  const cases = await monitor.discoverAccountCases((ms) => sleep(ms));
  monitor.stop();
  await sim?.close();
  if (cases === null) process.exit(1);
  const discovery = discoveryOf(cases);
  const mask = values.mask === true || monitor.snapshot.settings.maskReceipts;
  const json = JSON.stringify({ kind: 'discovery', ...discovery }).replace(/IOE\d{10}/g, (receipt) => (mask ? maskReceipt(receipt as ReceiptNumber) : receipt));
  process.stdout.write(values.json ? `${json}\n` : `${describeDiscovery(discovery, { language: lang, mask }).join('\n')}\n`);
  process.exit(0);
}
monitor.setCases(receipts);
if (monitor.snapshot.settings.language !== lang) {
  // The runner's --lang wins for this run's wording.
  (monitor.snapshot.settings as { language: Language }).language = lang;
}

monitor.signedIn();

if (values.once) {
  // Loopback simulators answer at once; the real origin keeps the full spacing between requests.
  const pace = isLoopbackOrigin(origin) ? 100 : 1;
  await monitor.runOnce((ms) => sleep(ms / pace));
  monitor.stop();
  await sim?.close();
  process.exit(0);
}

if (sim) print({ kind: 'demo', message: `watching the built-in simulator's renewal from story day ${sim.storyDay().toFixed(1)} at ${speed}x; it ends on day ${sim.scenario.endDay}` });
monitor.start(sim ? speed : 1);

const stop = async (code: number) => {
  monitor.stop();
  await sim?.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
void sessionEnded.then(() => stop(0));
if (sim) {
  const storyEnd = sim.filingDay + sim.scenario.endDay * 24 * 3_600_000;
  const watcher = setInterval(() => {
    if (sim!.clock.now() < storyEnd) return;
    clearInterval(watcher);
    print({ kind: 'demo', message: 'the story is over' });
    void stop(0);
  }, 250);
}
