// `npm run --silent headless -- [options]`: the monitor engine under plain Node, for testing against a
// simulator and for the built-in demo. Argument parsing, wiring and printing only; the engine is engine/.

import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MYUSCIS_ORIGIN } from '../shared/myuscis/endpoints';
import { saveProblemMessage } from '../shared/monitor/save-problem';
import { settingsDateProblem } from '../shared/monitor/settings-dates';
import { maskReceipt, parseReceiptList, type ReceiptNumber } from '../shared/receipt';
import type { Language, Localized } from '../shared/localized';
import type { MonitorEvent } from '../engine/monitor';
import { describeDiscovery, discoveryOf } from '../engine/account-discovery';
import type { Simulator } from '../simulator/server';
import { EGOV_ORIGIN } from '../engine/processing-times-port';
import { publishedTimesSentence } from '../engine/processing-times-words';
import type { TimesEvent } from '../engine/processing-times';
import { forecastJsonLines, forecastKey, forecastReport, forecastTextLines } from './headless-forecast';
import { checkedOrigin, commandLine, isLoopbackOrigin, languageArgument, OPTION_PROBLEMS, usageError } from './command-line';
import type { Narration } from './headless-narration';
import { systemLanguage } from './system-language';

const HELP = `DACA Watch headless runner: the monitor engine without the desktop app.

Usage: npm run --silent headless -- --demo [options]
       npm run --silent headless -- --receipts IOE…,IOE… [options]
       npm run --silent headless -- --discover --cookie HEADER [--origin URL] [--mask] [--json]

  --demo            start the built-in simulator (a DACA renewal told at a fast pace) and watch it; its
                    state goes to a temporary folder removed at exit (your own data is never touched)
  --speed N         with --demo: simulated seconds per real second (default 21600: a day every 4 seconds)
  --receipts LIST   the I-821D and I-765 receipt numbers, comma-separated (required without --demo or
                    --permit-expiry). A run without --receipts keeps the cases stored in --store as they
                    are; --receipts none stops watching them all (so does Remove in the dashboard)
  --permit-expiry YYYY-MM-DD
                    the current work permit's expiry (a real calendar date, 2012 to 2100; kept like the
                    app's setting, the stored cases untouched): the runner tells the
                    recommended filing window (150 to 120 days before it), day 105 and day 120 of a pending
                    renewal and the new card's dates. Without --receipts it makes no request to USCIS at all
  --origin URL      the myUSCIS origin (default ${MYUSCIS_ORIGIN}); http only for 127.0.0.1/localhost
  --times-origin URL
                    where USCIS's published processing times are read (default ${EGOV_ORIGIN}, but none when
                    --origin is a simulator on loopback; http only for 127.0.0.1/localhost, as --origin). Read
                    at most once a day, apart from the myUSCIS checks and never with the session's cookie;
                    with --demo, the built-in simulator's
  --cookie HEADER   a Cookie header standing for a fresh sign-in, for testing against a simulator.
                    The desktop app never uses this: it signs in through the real myUSCIS page.
  --store DIR       where the state is kept (default ~/.config/daca-watch/headless; with --demo, a
                    temporary folder)
  --once            check every case now, print the renewal calendar and what is due, then exit (a stored backoff still applies; the 10-minute
                    floor per case applies, except that this runner relaxes it for a simulator over http). If another DACA
                    Watch is using the store folder, it waits its turn (see --wait) before it reads the store
  --wait SECONDS    with --once: how long to wait for another DACA Watch to finish with the store folder
                    (default 60; 0: do not wait)
  --lang en|es      language of everything printed (default: the system's, from LC_ALL, LC_MESSAGES
                    or LANG); the stored language setting is not changed
  --verbose         also one line per check (how many requests, the outcome)
  --json            one JSON object per line instead of sentences, with "kind" one of:
                      check         {receipt, requests, outcome, full, purpose}: one check of one case
                      finding       {receipt, type, detail, key, inferred}: something new USCIS shows
                      notification  {receipt, key, title, body, priority}: what a person is told
                      session       {state}: signed-in or signed-out
                      backoff       {until, reason}: checks wait until then
                      error         {message}: a problem the runner recovered from or stopped on
                      demo          {message}: the demo's narration (start, end of the story)
                      calendar      {today, stage, due}: with --once, the renewal calendar and its reminders
                      published-times {outcome, requests, forms, until?}: USCIS's published processing times
                                    read (read), already read today (fresh), blocked, failed or waiting
                      work          {permitExpiry, status, daysLeft, gapRisk}: can you keep working; status
                                    valid/expires-soon/expired/renewed/unknown, gapRisk none/possible/likely/
                                    gap-now/unknown (against USCIS's published times, not a prediction)
                      forecast      {receipt, form, published, inquiryReceivedBefore, canAskNow, decisionWindow}:
                                    one per case with a published time: published {low, high, unit "months",
                                    publicationDate}, the window [from, to] in which USCIS says most such cases
                                    are decided. Both with --once, and in a watch when the published times are
                                    read or the forecast changes
                    receipts are printed in full there, masked in the plain output
  --discover        read the cases the account lists (the applicant page, one request), print their receipts
                    and forms and the I-821D + I-765 pair proposed from them, then exit; --receipts not needed.
                    With --json, one object: {"kind":"discovery","cases":[...],"pair":...}
  --mask            with --discover, show receipts as IOE•••••1234 (also when the stored settings mask them)
  -h, --help        this text

One writer per store: the app, this runner and the preview each hold a lock file (daca-watch.lock) in the
store folder while they may write; the lock of a process that is no longer running is taken over.

Exit codes: 0 done, 1 stopped by an error, 2 bad arguments, 3 the state could not be saved (the last
good file is kept; the reason is printed), 4 another DACA Watch is using the store folder (nothing was
read or written; with --once, after waiting its turn for --wait seconds), 5 myUSCIS did not accept the
session or ended it (sign in again, or pass a fresh --cookie); "Signed in" is printed only once myUSCIS
has answered with the session.`;

/** The same help in Spanish (with --lang es, or a Spanish system): option names and JSON fields stay as typed. */
const HELP_ES = `Ejecutor sin ventanas de DACA Watch: el motor de vigilancia sin la aplicación de escritorio.

Uso: npm run --silent headless -- --demo [opciones]
     npm run --silent headless -- --receipts IOE…,IOE… [opciones]
     npm run --silent headless -- --discover --cookie CABECERA [--origin URL] [--mask] [--json]

  --demo            inicia el simulador incluido (una renovación de DACA contada a paso rápido) y lo vigila;
                    su estado va a una carpeta temporal que se borra al terminar (sus propios datos no se tocan)
  --speed N         con --demo: segundos simulados por segundo real (predeterminado 21600: un día cada 4 segundos)
  --receipts LISTA  los números de recibo del I-821D y del I-765, separados por comas (obligatorio sin --demo
                    ni --permit-expiry). Sin --receipts, los casos guardados en --store quedan como están;
                    --receipts none deja de vigilarlos todos (igual que Quitar en el panel)
  --permit-expiry AAAA-MM-DD
                    el vencimiento del permiso de trabajo actual (una fecha real, de 2012 a 2100; se guarda como
                    el ajuste de la aplicación, sin tocar los casos guardados): el ejecutor indica el periodo
                    recomendado para presentar (de 150 a 120 días antes), los días 105 y 120 de una renovación
                    pendiente y las fechas de la tarjeta nueva. Sin --receipts no hace ninguna petición a USCIS
  --origin URL      el origen de myUSCIS (predeterminado ${MYUSCIS_ORIGIN}); http solo para 127.0.0.1/localhost
  --times-origin URL
                    dónde se leen los tiempos de procesamiento que publica USCIS (predeterminado ${EGOV_ORIGIN},
                    pero ninguno si --origin es un simulador local; http solo para 127.0.0.1/localhost, como
                    --origin). Se leen como mucho una vez al día, aparte de las consultas a myUSCIS y nunca con
                    la cookie de la sesión; con --demo, los del simulador incluido
  --cookie CABECERA una cabecera Cookie que hace las veces de un inicio de sesión reciente, para probar con un
                    simulador. La aplicación de escritorio nunca la usa: inicia sesión en la página real de myUSCIS.
  --store CARPETA   dónde se guarda el estado (predeterminado ~/.config/daca-watch/headless; con --demo, una
                    carpeta temporal)
  --once            consulta cada caso ahora, muestra el calendario de la renovación y lo que toca, y termina
                    (una espera guardada sigue valiendo; el mínimo de 10 minutos por caso vale, salvo que
                    este programa lo relaja para un simulador por http). Si otro DACA Watch está usando la carpeta, espera su turno
                    (vea --wait) antes de leerla
  --wait SEGUNDOS   con --once: cuánto esperar a que otro DACA Watch termine con la carpeta (predeterminado 60;
                    0: no esperar)
  --lang en|es      idioma de todo lo que se muestra (predeterminado: el del sistema, según LC_ALL, LC_MESSAGES
                    o LANG); el idioma guardado en los ajustes no cambia
  --verbose         además, una línea por consulta (cuántas peticiones, el resultado)
  --json            un objeto JSON por línea en lugar de frases, con "kind" uno de:
                      check         {receipt, requests, outcome, full, purpose}: una consulta de un caso
                      finding       {receipt, type, detail, key, inferred}: algo nuevo que muestra USCIS
                      notification  {receipt, key, title, body, priority}: lo que se le avisa a la persona
                      session       {state}: signed-in o signed-out
                      backoff       {until, reason}: las consultas esperan hasta entonces
                      error         {message}: un problema del que el ejecutor se recuperó o por el que se detuvo
                      demo          {message}: la narración de la demostración (inicio, fin de la historia)
                      calendar      {today, stage, due}: con --once, el calendario de la renovación y sus avisos
                      published-times {outcome, requests, forms, until?}: los tiempos de procesamiento que
                                    publica USCIS leídos (read), ya leídos hoy (fresh), bloqueados
                                    (blocked), fallidos (failed) o en espera (waiting)
                      work          {permitExpiry, status, daysLeft, gapRisk}: si puede seguir trabajando; status
                                    valid/expires-soon/expired/renewed/unknown, gapRisk none/possible/likely/
                                    gap-now/unknown (según los tiempos publicados por USCIS, no una predicción)
                      forecast      {receipt, form, published, inquiryReceivedBefore, canAskNow, decisionWindow}:
                                    uno por caso con un tiempo publicado: published {low, high, unit "months",
                                    publicationDate}, el periodo [desde, hasta] en que USCIS dice que se deciden
                                    la mayoría de estos casos. Ambos con --once, y al vigilar cuando se leen los
                                    tiempos publicados o cambia la previsión
                    ahí los recibos se muestran completos; en la salida normal, ocultos en parte
  --discover        lee los casos que lista la cuenta (la página del solicitante, una petición), muestra sus
                    recibos y formularios y el par I-821D + I-765 que se propone, y termina; no hace falta
                    --receipts. Con --json, un objeto: {"kind":"discovery","cases":[...],"pair":...}
  --mask            con --discover, muestra los recibos como IOE•••••1234 (también si los ajustes guardados
                    los ocultan)
  -h, --help        este texto

Un solo escritor por carpeta: la aplicación, este ejecutor y la vista previa guardan un archivo de bloqueo
(daca-watch.lock) en la carpeta mientras pueden escribir; el bloqueo de un proceso que ya no existe se retoma.

Códigos de salida: 0 terminado, 1 detenido por un error, 2 argumentos incorrectos, 3 no se pudo guardar el
estado (se conserva el último archivo bueno; se muestra el motivo), 4 otro DACA Watch está usando la carpeta
(no se leyó ni escribió nada; con --once, tras esperar su turno durante --wait segundos), 5 myUSCIS no aceptó
la sesión o la terminó (vuelva a iniciar sesión, o use un --cookie nuevo); "Sesión iniciada" solo se muestra
cuando myUSCIS ya respondió con la sesión.`;

const MESSAGES = {
  noSession: {
    en: 'No session: pass --cookie (for a simulator) or use --demo. Against the real myUSCIS, sign in with the desktop app.',
    es: 'No hay sesión: use --cookie (para un simulador) o --demo. Con el myUSCIS real, inicie sesión en la aplicación de escritorio.',
  },
  signedOut: {
    en: 'The session is not live: sign in again (or pass a fresh --cookie).',
    es: 'La sesión no está activa: vuelva a iniciar sesión (o use un --cookie nuevo).',
  },
  refused: {
    en: 'myUSCIS did not accept this session: no checks until you sign in again (or pass a fresh --cookie).',
    es: 'myUSCIS no aceptó esta sesión: no habrá consultas hasta que vuelva a iniciar sesión (o use un --cookie nuevo).',
  },
  receiptsNone: {
    en: '--receipts none stands alone: it stops watching every stored case.',
    es: '--receipts none va solo: deja de vigilar todos los casos guardados.',
  },
  noReceipts: {
    en: '--receipts is required (the I-821D and I-765 receipt numbers, comma-separated), unless you use --demo.',
    es: 'Falta --receipts (los números de recibo del I-821D y del I-765, separados por comas), a menos que use --demo.',
  },
} as const;

/**
 * This run's wording only: the stored language setting (the desktop app's) is left as it is. Known before the
 * options are parsed, so a mistake in them is said in it too.
 */
const lang: Language = languageArgument() ?? systemLanguage();

function fail(message: Localized): never {
  return usageError('headless', message, lang);
}

const values = commandLine(
  'headless',
  lang === 'es' ? HELP_ES : HELP,
  {
  receipts: { type: 'string' },
  'permit-expiry': { type: 'string' },
  origin: { type: 'string' },
  'times-origin': { type: 'string' },
  cookie: { type: 'string' },
  store: { type: 'string' },
  once: { type: 'boolean' },
  wait: { type: 'string' },
  json: { type: 'boolean' },
  discover: { type: 'boolean' },
  mask: { type: 'boolean' },
  verbose: { type: 'boolean' },
  demo: { type: 'boolean' },
  speed: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  },
  lang,
);

if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'es') fail({ en: `--lang is en or es, not "${values.lang}"`, es: `--lang admite en o es, no "${values.lang}"` });
const speed = values.speed === undefined ? 21_600 : Number(values.speed);
if (!Number.isFinite(speed) || speed < 1 || speed > 1_000_000) fail(OPTION_PROBLEMS.speed(values.speed));
if (values.speed !== undefined && !values.demo) fail({ en: '--speed only goes with --demo', es: '--speed solo va con --demo' });
if (values.mask && !values.discover) fail({ en: '--mask only goes with --discover', es: '--mask solo va con --discover' });
const waitSeconds = values.wait === undefined ? 60 : Number(values.wait);
if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > 3_600) {
  fail({ en: `--wait needs a number of seconds from 0 to 3600, got "${values.wait}"`, es: `--wait necesita un número de segundos de 0 a 3600, no "${values.wait}"` });
}
if (values.wait !== undefined && !values.once) fail({ en: '--wait only goes with --once', es: '--wait solo va con --once' });

let receipts: ReceiptNumber[] = [];
/**
 * Whether this run says which cases to watch. Without --receipts the stored cases stay as they are (a calendar
 * run must not unwatch them); only `--receipts none` (or the dashboard's Remove) empties the list. An empty
 * `--receipts ''` is refused, not taken for "none": an unset shell variable must not unwatch everything.
 */
const receiptsGiven = values.receipts !== undefined;
if (values.receipts !== undefined && values.receipts.trim().toLowerCase() === 'none') {
  // Explicitly nothing: unwatch every stored case.
} else if (values.receipts !== undefined) {
  const typed = values.receipts.split(',').filter((part) => part.trim() !== '');
  if (typed.some((part) => part.trim().toLowerCase() === 'none')) fail(MESSAGES.receiptsNone);
  const list = parseReceiptList(typed);
  const [problem] = list.problems;
  if (problem) fail(OPTION_PROBLEMS.receipt(problem));
  receipts = list.receipts;
  if (receipts.length === 0) fail(MESSAGES.noReceipts);
  if (receipts.length > 10) fail(OPTION_PROBLEMS.tooManyReceipts);
} else if (!values.demo && !values.discover && values['permit-expiry'] === undefined) {
  fail(MESSAGES.noReceipts);
}
const permitExpiry = values['permit-expiry'];
if (permitExpiry !== undefined) {
  const problem = settingsDateProblem(permitExpiry);
  if (problem) fail({ en: `--permit-expiry: ${problem.en}`, es: `--permit-expiry: ${problem.es}` });
}
/** Only the calendar: no receipts, so no session and no request to USCIS. */
const calendarOnly = !values.demo && !values.discover && receipts.length === 0;

let origin = values.origin ?? MYUSCIS_ORIGIN;
/** egov.uscis.gov: another origin than myUSCIS, with no session (the same rule for http: loopback only). */
let timesOrigin: string | null = values['times-origin'] === undefined ? null : checkedOrigin(values['times-origin'], '--times-origin', fail);
if (!values.demo) {
  origin = checkedOrigin(origin, '--origin', fail);
  // A run against a simulator reaches nothing on the internet unless told to.
  if (values['times-origin'] === undefined && !isLoopbackOrigin(origin)) timesOrigin = EGOV_ORIGIN;
  if (values.cookie === undefined && !calendarOnly) fail(MESSAGES.noSession);
}

// Loaded once the arguments are known to be good: a mistake is answered without waiting for the engine.
const [{ startSimulator }, { createNodeMonitor }, { Narration: NarrationOf, renewalCalendar, calendarLines }, { ReminderWatch }, storeLock] = await Promise.all([
  import('../simulator/server'),
  import('../engine/node-monitor'),
  import('./headless-narration'),
  import('../engine/reminders'),
  import('../engine/store/store-lock'),
]);

let sim: Simulator | null = null;
let cookie = values.cookie;
if (values.demo) {
  if (values.origin || values.cookie || values['times-origin']) {
    fail({ en: '--demo brings its own simulator: leave out --origin, --times-origin and --cookie', es: '--demo trae su propio simulador: no use --origin, --times-origin ni --cookie' });
  }
  // Sessions run on the wall clock, so the fast story does not end them between two timer ticks.
  sim = await startSimulator({ scenario: 'daca-renewal', clock: { speed }, accessClock: 'real' });
  origin = sim.dataOrigin;
  timesOrigin = sim.timesOrigin;
  cookie = sim.createSession();
  if (receipts.length === 0) receipts = [sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[];
}

// A demo never writes into the user's own store: without --store it keeps its state in a folder of its own.
const temporaryStore = values.demo && values.store === undefined ? mkdtempSync(join(tmpdir(), 'daca-watch-demo-')) : null;
if (temporaryStore) process.once('exit', () => rmSync(temporaryStore, { recursive: true, force: true }));
const storeDir = values.store ?? temporaryStore ?? join(homedir(), '.config', 'daca-watch', 'headless');

// One writer per store (engine/store/store-lock.ts): taken before the store is read, so a run that waited its turn
// reads what the other one saved, and held until exit. `--once` waits its turn; a long run does not start.
const locked = await storeLock.waitForStoreLock(storeDir, {
  timeoutMs: values.once ? waitSeconds * 1_000 : 0,
  // On stderr, with --json too: the wait is not an event of the engine.
  onWait: (holder) => {
    const who = holder ? ` (${holder.pid}@${holder.hostname})` : '';
    process.stderr.write(
      lang === 'es'
        ? `headless: otro DACA Watch está usando esta carpeta${who}; esperando su turno (hasta ${waitSeconds} s)…\n`
        : `headless: another DACA Watch is using this folder${who}; waiting its turn (up to ${waitSeconds} s)…\n`,
    );
  },
});
if (!locked.ok) {
  const message = storeLock.storeInUseMessage(storeDir, locked.holder);
  if (values.json) process.stdout.write(`${JSON.stringify({ kind: 'error', message: message.en, text: message })}\n`);
  process.stderr.write(`headless: ${message[lang]}\n`);
  await sim?.close();
  process.exit(4);
}
storeLock.releaseOnExit(locked.lock);

const clock = sim ? { now: () => sim!.clock.now() } : { now: Date.now };
let narration: Narration | null = null;
const say = (lines: readonly string[]) => {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
};
/**
 * Events that come before the narration exists (the store's recovery, told as the monitor starts): held, then told
 * in the runner's language as soon as it does, so the plain output says what --json says.
 */
const held: MonitorEvent[] = [];
const print = (event: MonitorEvent | { kind: 'demo'; message: string }) => {
  if (values.json) return void process.stdout.write(`${JSON.stringify(event)}\n`);
  if (event.kind === 'demo') return;
  if (narration) say(narration.event(event));
  else held.push(event);
};

if (values.discover) {
  // One answer, nothing else (see below).
} else if (values.json) {
  if (temporaryStore) process.stderr.write(`headless: the demo keeps its state in ${temporaryStore}, removed at exit\n`);
} else {
  if (sim) {
    const secondsPerDay = Math.round((86_400 / speed) * 10) / 10;
    const every = secondsPerDay === 1 ? { en: 'second', es: 'segundo' } : { en: `${secondsPerDay} seconds`, es: `${secondsPerDay} segundos` };
    const from = Math.floor(sim.storyDay());
    say([
      lang === 'es'
        ? `Demostración de DACA Watch: un myUSCIS simulado cuenta una renovación de DACA del día ${from} al día ${sim.scenario.endDay} después de presentarla, un día cada ${every.es}. Nada se envía a USCIS.`
        : `DACA Watch demo: a simulated myUSCIS tells a DACA renewal from day ${from} to day ${sim.scenario.endDay} after filing, one day every ${every.en}. Nothing goes to USCIS.`,
    ]);
  }
  say([
    temporaryStore
      ? lang === 'es'
        ? `Sus propios datos no se tocan: esta demostración guarda su estado en una carpeta temporal (${temporaryStore}) que se borra al terminar.`
        : `Your own data is not touched: this demo keeps its state in a temporary folder (${temporaryStore}), removed when it ends.`
      : lang === 'es'
        ? `Estado guardado en ${storeDir}.`
        : `State kept in ${storeDir}.`,
  ]);
}

// What the store had to recover from comes out as `error` events when the monitor starts.
/** A run that finds the session over reports it and makes no further request: it ends. */
let endSession = () => {};
const sessionEnded = new Promise<void>((resolve) => (endSession = resolve));
/**
 * The store's folder could not be read at all (not a folder, no permission, a disk error): said in the runner's
 * language, with the system's code, instead of a stack trace. Nothing was written.
 */
function unreadableStore(error: unknown): never {
  const code = (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
  process.stderr.write(
    `headless: ${
      lang === 'es'
        ? `No se pudieron leer los datos guardados en ${storeDir} (${code}). No se cambió nada; revise la carpeta o elija otra con --store.`
        : `The stored data in ${storeDir} could not be read (${code}). Nothing was changed; check the folder or choose another with --store.`
    }\n`,
  );
  process.exit(1);
}
/**
 * "Signed in" waits until myUSCIS has answered a request with the session (a check that read a case): a cookie it
 * refuses is told once, as signed out, never as "Signed in" then "Sign in again"; the run then exits 5.
 */
let unprovenSignIn: MonitorEvent | null = null;
/** Check outcomes that only a live session gets: USCIS answered about the case. */
const ANSWERED = new Set(['ok', 'receipt-refused', 'wrong-receipt']);
/** The session was refused or ended: the run cannot go on and does not end as a success (exit 5). */
let sessionLost = false;
/** myUSCIS answered with the session at least once in this run. */
let sessionProven = false;
function tell(event: MonitorEvent): void {
  // --discover prints one answer; the reasons it could not are said on stderr.
  if (!values.discover) print(event);
  else if (event.kind === 'error') process.stderr.write(`${event.text?.[lang] ?? event.message}\n`);
  if (event.kind === 'session' && event.state === 'signed-out') endSession();
}
const onSimulator = values.demo === true || new URL(origin).protocol === 'http:';
/** Whether a watch has told a read of the published times already (the daily ones after it are not news). */
let timesToldRead = false;
/** One line per refresh of the published times with --once; a watch tells its first read and problems only. */
function tellPublishedTimes(event: TimesEvent): void {
  // A watch tells the forecast once the first refresh is over (read, or kept from an earlier run), then when it changes.
  if (!values.once) {
    timesSettled = true;
    queueMicrotask(() => tellForecast(false));
  }
  if (!values.once && (event.outcome === 'fresh' || event.outcome === 'waiting' || (event.outcome === 'read' && timesToldRead))) return;
  if (event.outcome === 'read') timesToldRead = true;
  if (values.json) process.stdout.write(`${JSON.stringify(event)}\n`);
  else say([publishedTimesSentence(event, lang)]);
}
/** The forecast last told (its key: without the days left, which move daily); null before the first. */
let forecastTold: string | null = null;
/** A watch's first refresh of the published times is over: a forecast told before would be half read. */
let timesSettled = false;
/**
 * The `work` and `forecast` lines (or their words): always with `always` (--once); in a watch only once the published
 * times have been refreshed and there is a published time to tell about, then only when they changed (a daily re-read
 * that changes nothing, or a check, is not news).
 */
function tellForecast(always: boolean): void {
  if (stopping && !values.once) return;
  const state = monitor.snapshot;
  const report = forecastReport(state, clock.now());
  const key = forecastKey(report);
  if (!always && (key === forecastTold || !timesSettled || (forecastTold === null && report.forecasts.length === 0))) return;
  forecastTold = key;
  if (values.json) say(forecastJsonLines(report));
  else say(forecastTextLines(state, clock.now(), lang));
}
let created: ReturnType<typeof createNodeMonitor>;
try {
  created = createNodeMonitor({
    origin,
    ...(cookie === undefined ? {} : { cookie }),
    clock,
    storeDir,
    // Spoken until the user picks a language in the app: this run's, like everything it prints.
    systemLanguage: lang,
    // A simulator (the demo's, or one on loopback over http: the only place http is allowed) tells its story on a fast
    // clock: this runner relaxes the per-case floor for it, explicitly; against USCIS the engine's floor stands.
    ...(onSimulator ? { relaxedFloorMs: 0 } : {}),
    // Not for --discover or a calendar-only run: they make no request beyond what they say.
    ...(values.discover || calendarOnly || timesOrigin === null
      ? {}
      : { timesOrigin, times: { ...(isLoopbackOrigin(timesOrigin) ? { spacingMs: 50 } : {}), onEvent: tellPublishedTimes } }),
    onEvent: (event) => {
      if (event.kind === 'session' && event.state === 'signed-in') return void (unprovenSignIn = event);
      if (event.kind === 'session') {
        unprovenSignIn = null;
        sessionLost = true;
      } else if (unprovenSignIn && event.kind === 'check' && ANSWERED.has(event.outcome)) {
        tell(unprovenSignIn);
        unprovenSignIn = null;
        sessionProven = true;
      }
      if (event.kind === 'session' && !sessionProven && narration) {
        // Never live in this run: it did not "end", myUSCIS refused it.
        say([MESSAGES.refused[lang]]);
        return endSession();
      }
      tell(event);
      // A check can change what the forecast says (a decision, a receipt date); told only when it did.
      if (!values.once && !values.discover && event.kind === 'check') tellForecast(false);
    },
  });
} catch (error) {
  unreadableStore(error);
}
const { monitor, times } = created;
if (values.discover) {
  monitor.signedIn();
  const cases = await monitor.discoverAccountCases((ms) => sleep(ms));
  monitor.stop();
  await sim?.close();
  if (cases === null) {
    if (sessionLost) process.stderr.write(`headless: ${MESSAGES.signedOut[lang]}\n`);
    process.exit(sessionLost ? 5 : 1);
  }
  const discovery = discoveryOf(cases);
  const mask = values.mask === true || monitor.snapshot.settings.maskReceipts;
  const json = JSON.stringify({ kind: 'discovery', ...discovery }).replace(/IOE\d{10}/g, (receipt) => (mask ? maskReceipt(receipt as ReceiptNumber) : receipt));
  process.stdout.write(values.json ? `${json}\n` : `${describeDiscovery(discovery, { language: lang, mask }).join('\n')}\n`);
  process.exit(0);
}
narration = values.json
  ? null
  : new NarrationOf({ lang, verbose: values.verbose === true, state: () => monitor.snapshot, now: clock.now, ...(sim ? { filingDay: sim.filingDay } : {}) });
for (const event of held.splice(0)) print(event);
// Only a run that names its cases (or the demo) changes them: the stored ones stay otherwise.
if (receiptsGiven || values.demo) monitor.setCases(receipts);
if (permitExpiry !== undefined) monitor.updateSettings({ permitExpiry });
// The renewal calendar's reminders come on a timer of their own, with or without receipts.
const reminders = new ReminderWatch(monitor);

if (!calendarOnly) monitor.signedIn();

/** Stops the engine and the simulator, sums the run up for a person, and exits. */
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  reminders.stop();
  times?.stop();
  monitor.stop();
  await sim?.close();
  if (narration) say(narration.summary());
  if (sessionLost) {
    process.stderr.write(`headless: ${MESSAGES.signedOut[lang]}\n`);
    if (code === 0) code = 5;
  }
  // Whatever else happened, a run whose state did not reach the disk does not end as a success.
  const unsaved = monitor.saveProblem();
  if (unsaved) {
    process.stderr.write(`headless: ${saveProblemMessage(unsaved.cause)[lang]}\n`);
    // A backup that could not be updated is told, but the state itself reached the disk.
    if (unsaved.cause !== 'backup-failed') process.exit(code === 0 ? 3 : code);
  }
  process.exit(code);
};

if (values.once) {
  // Loopback simulators answer at once; the real origin keeps the full spacing between requests.
  const pace = onSimulator ? 100 : 1;
  // The published times on their own: a slow or blocked egov never holds a myUSCIS check back (each request has a deadline).
  const published = times?.refreshIfDue();
  await monitor.runOnce((ms) => sleep(ms / pace));
  await published;
  // What is due today, told whether or not it was notified before (the ledger is for notifications).
  const watched = receiptsGiven || values.demo ? receipts : monitor.snapshot.cases.map((c) => c.receipt as ReceiptNumber);
  const shown = watched.map((receipt) => (values.json ? receipt : maskReceipt(receipt)));
  const calendar = renewalCalendar(monitor.snapshot, clock.now(), shown);
  if (values.json) process.stdout.write(`${JSON.stringify({ kind: 'calendar', ...calendar })}\n`);
  else say(calendarLines(calendar, lang));
  tellForecast(true);
  await stop(0);
}

if (sim) print({ kind: 'demo', message: `watching the built-in simulator's renewal from story day ${sim.storyDay().toFixed(1)} at ${speed}x; it ends on day ${sim.scenario.endDay}` });
monitor.start(sim ? speed : 1);
reminders.start();
times?.start(sim ? speed : 1);

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
void sessionEnded.then(() => stop(0));
if (sim) {
  const storyEnd = sim.filingDay + sim.scenario.endDay * 24 * 3_600_000;
  const watcher = setInterval(() => {
    if (sim!.clock.now() < storyEnd) return;
    clearInterval(watcher);
    print({ kind: 'demo', message: 'the story is over' });
    if (!values.json) say([lang === 'es' ? `La historia terminó (día ${sim!.scenario.endDay}).` : `The story is over (day ${sim!.scenario.endDay}).`]);
    void stop(0);
  }, 250);
}
