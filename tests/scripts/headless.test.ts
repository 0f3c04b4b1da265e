// The headless runner as a user runs it: a child process with real arguments, a real store folder and
// the simulator over HTTP. Bad arguments exit 2 and say why; --once checks and exits; --demo tells the story.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { frozenSimulator } from '../helpers/sim-fixture';
import { bundledScript } from '../helpers/bundled-script';
import { tempFolder } from '../helpers/engine-harness';
import { sigtermRunsHandlers } from '../helpers/platform';
import { runProcess, type RunnerResult } from '../helpers/runner-process';

/** scripts/headless.ts, bundled once: each run below starts in well under a second, even on a busy machine. */
const RUNNER = await bundledScript('scripts/headless.ts');

/** The environment a person's terminal gives: English unless a test says otherwise. */
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

function run(args: string[], env: NodeJS.ProcessEnv = ENV): { status: number | null; stdout: string; stderr: string; lines: Array<Record<string, unknown>> } {
  const result = spawnSync(process.execPath, [...RUNNER, ...args], { encoding: 'utf8', timeout: 60_000, env });
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

/** Like run(), but without blocking this process, which serves the simulator the child talks to. */
function runAsync(args: string[], env: NodeJS.ProcessEnv = ENV): Promise<RunnerResult> {
  return runProcess(RUNNER, args, env);
}

/** Every test here starts the runner as its own process (seconds each on a busy machine); two runs take twice that. */
const TWO_RUNS = 40_000;

describe('bad arguments', () => {
  it.each([
    [[], '--receipts is required'],
    [['--receipts', 'EAC1234567890', '--cookie', 'a=b'], 'IOE'],
    [['--receipts', 'IOE12345', '--cookie', 'a=b'], 'IOE12345'],
    [['--receipts', 'IOE0933012457', '--origin', 'http://example.com', '--cookie', 'a=b'], '--origin must be https'],
    [['--receipts', 'IOE0933012457', '--origin', 'not a url', '--cookie', 'a=b'], 'is not a URL'],
    [['--receipts', 'IOE0933012457'], 'No session'],
    [['--receipts', 'IOE0933012457', '--cookie', 'a=b', '--lang', 'fr'], '--lang is en or es'],
    [['--receipts', 'IOE0933012457', '--cookie', 'a=b', '--speed', '60'], '--speed only goes with --demo'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--receipts', 'IOE0933012457', '--cookie', 'a=b', '--wait', '5'], '--wait only goes with --once'],
    [['--receipts', 'IOE0933012457', '--cookie', 'a=b', '--once', '--wait', 'soon'], '--wait needs a number of seconds from 0 to 3600'],
    [['--receipts', 'IOE0933012457,ioe 093 301 2457', '--cookie', 'a=b'], '"ioe 093 301 2457": IOE0933012457 is entered twice'],
  ])('%j exits 2 and says what is wrong', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/Try --help\.\n$/);
  });

  /** A person whose system speaks Spanish, who never typed --lang. */
  const SPANISH = { ...process.env, LANG: 'es_MX.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  it.each([
    [['--bogus'], "Opción desconocida '--bogus'"],
    [['--receipts'], "A la opción '--receipts' le falta su valor"],
    [['--help=yes'], "La opción '--help' no lleva valor"],
    [['extra'], "Argumento inesperado 'extra'"],
    [['--receipts', 'IOE0933012457', '--cookie', 'a=b', '--speed', '60'], '--speed solo va con --demo'],
    [['--receipts', 'IOE0933012457', '--origin', 'not a url', '--cookie', 'a=b'], 'no es una dirección'],
    [['--receipts', 'IOE0933012457,IOE0933012457', '--cookie', 'a=b'], 'IOE0933012457 está escrito dos veces'],
  ])('%j under a Spanish system exits 2 and says it in Spanish, "Try --help." included', (args, message) => {
    const result = run(args, SPANISH);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/Pruebe --help\.\n$/);
    expect(result.stderr).not.toMatch(/Try --help|Unknown option|only goes with|entered twice/);
  });

  it('says an option error in the language --lang asks for, whatever the system speaks', () => {
    const result = run(['--lang', 'en', '--bogus'], SPANISH);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--bogus'");
    expect(result.stderr).toContain('Try --help.');
    expect(run(['--bogus', '--lang=es']).stderr).toContain('Pruebe --help.');
  });

  it('explains a rejected receipt in Spanish with --lang es', () => {
    const result = run(['--receipts', 'EAC1234567890', '--cookie', 'a=b', '--lang', 'es']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/en línea|IOE/);
    expect(result.stderr).not.toContain('Only');
  });

  it('says in --help that the desktop app never uses --cookie, and what each --json line kind holds', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('The desktop app never uses this');
    for (const kind of ['check', 'finding', 'notification', 'session', 'backoff', 'error', 'demo']) expect(result.stdout).toMatch(new RegExp(`^ +${kind} +\\{`, 'm'));
  });

  it('says in --help what exit codes 4 and 5 mean (the store folder in use, the session refused) and how long --once waits', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain('4 another DACA Watch is using the store folder');
    expect(stdout.replace(/\s+/g, ' ')).toContain('5 myUSCIS did not accept the session or ended it');
    expect(stdout).toMatch(/--wait SECONDS +with --once: how long to wait for another DACA Watch/);
  });
});

describe('--once against a simulator', { timeout: TWO_RUNS }, () => {
  it('checks every case fully, prints JSON lines, and a second run reports nothing twice', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 0, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    sim.advanceToPhase('review');
    const store = tempFolder();
    const args = ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765.toLowerCase()}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', '--json'];
    const first = await runAsync(args);
    expect(first.status).toBe(0);
    expect(first.lines[0]).toEqual({ kind: 'session', state: 'signed-in' });
    const checks = first.lines.filter((l) => l.kind === 'check');
    expect(checks.map((c) => [c.receipt, c.requests, c.outcome])).toEqual([
      [sim.receipts.i821d, 3, 'ok'],
      [sim.receipts.i765, 3, 'ok'],
    ]);
    expect(sim.requestLog().filter((r) => r.endpoint !== null)).toHaveLength(6);
    expect(first.stdout).not.toContain('_myuscis_session_rx');

    sim.advanceToPhase('silent-approval');
    const second = await runAsync(args);
    expect(second.status).toBe(0);
    const keys = [...first.lines, ...second.lines].filter((l) => l.kind === 'finding').map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reports a dead session as signed out only (never signed in first), makes no further request and exits 5', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, signedOutStyle: '401' });
    const cookie = sim.createSession();
    sim.expireSessions();
    const result = await runAsync(['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', cookie, '--store', tempFolder(), '--once', '--json']);
    expect(result.status).toBe(5);
    expect(result.lines.filter((l) => l.kind === 'session')).toEqual([{ kind: 'session', state: 'signed-out' }]);
    expect(result.lines).toContainEqual(expect.objectContaining({ kind: 'notification', title: 'Sign in to myUSCIS again' }));
    expect(result.stderr).toContain('sign in again');
    expect(sim.requestLog().filter((r) => r.endpoint !== null)).toHaveLength(1);
  });

  it('never prints "Signed in" for a cookie myUSCIS refuses, in either language', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, signedOutStyle: '401' });
    const base = ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', 'not-a-session=1', '--once'];
    const [english, spanish] = await Promise.all([runAsync([...base, '--store', tempFolder()]), runAsync([...base, '--store', tempFolder(), '--lang', 'es'])]);
    expect([english.status, spanish.status]).toEqual([5, 5]);
    expect(english.stdout).not.toContain('Signed in');
    expect(english.stdout).toContain('myUSCIS did not accept this session');
    expect(spanish.stdout).toContain('myUSCIS no aceptó esta sesión');
    expect(english.stderr).toContain('The session is not live: sign in again');
    expect(spanish.stdout).not.toContain('Sesión iniciada');
    expect(spanish.stderr).toContain('La sesión no está activa');
  });

  it('says "Signed in" once myUSCIS has answered with the session', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const result = await runAsync(['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--once']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Signed in to myUSCIS.');
  });

  it('checks every case it can when one fails: the other case is read in full', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    sim.addFault({ endpoint: 'documents', receipt: sim.receipts.i821d, kind: 'server-error', status: 503 });
    const args = ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--once', '--json'];
    const result = await runAsync(args);
    expect(result.status).toBe(0);
    const checks = result.lines.filter((l) => l.kind === 'check').map((c) => [c.receipt, c.outcome]);
    expect(checks).toEqual([
      [sim.receipts.i821d, 'server-error'],
      [sim.receipts.i765, 'ok'],
    ]);
    expect(result.lines).toContainEqual(expect.objectContaining({ kind: 'backoff', receipt: sim.receipts.i821d, reason: 'server-error' }));
    expect(sim.requestLog().filter((r) => r.endpoint !== null && r.receipt === sim.receipts.i765)).toHaveLength(3);
    // In words: that case alone waits, masked, and the other goes on.
    const plain = await runAsync(['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--once']);
    // Never read yet, so its form is not known: "your case IOE•••••2457".
    expect(plain.stdout).toMatch(/Checks of your case IOE•+\d{4} wait until .+: USCIS answered with an error; the other case is still checked\./);
    expect(plain.stdout).not.toContain(sim.receipts.i821d);
  });

  it('brings stored times a year in the future back to now and finishes in seconds, checking both cases', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const store = tempFolder();
    const args = ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', '--json'];
    expect((await runAsync(args)).status).toBe(0);
    // The clock was a year ahead at the last run, and is right again now.
    const file = join(store, 'config.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { schedule: Record<string, unknown> & { cases: Record<string, Record<string, unknown>> } };
    const yearAhead = (iso: unknown) => (typeof iso === 'string' ? new Date(Date.parse(iso) + 365 * 86_400_000).toISOString() : iso);
    for (const key of ['lastRequestAt', 'lastAnsweredAt']) stored.schedule[key] = yearAhead(stored.schedule[key]);
    for (const entry of Object.values(stored.schedule.cases)) for (const key of Object.keys(entry)) if (key.endsWith('At')) entry[key] = yearAhead(entry[key]);
    writeFileSync(file, JSON.stringify(stored));
    const before = sim.requestLog().length;
    const started = Date.now();
    const second = await runAsync(args);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(second.status).toBe(0);
    expect(second.lines.filter((l) => l.kind === 'check').map((c) => [c.receipt, c.outcome])).toEqual([
      [sim.receipts.i821d, 'ok'],
      [sim.receipts.i765, 'ok'],
    ]);
    expect(sim.requestLog().length - before).toBe(6);
  });

  it('keeps a Retry-After backoff across runs: the next run makes no request', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, idleTimeoutMs: 10 ** 12 });
    sim.addFault({ endpoint: 'documents', kind: 'rate-limit', retryAfterSeconds: 7200, times: 1 });
    const store = tempFolder();
    const args = ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', '--json'];
    const first = await runAsync(args);
    expect(first.lines).toContainEqual(expect.objectContaining({ kind: 'backoff', reason: 'rate-limited' }));
    const requestsAfterFirst = sim.requestLog().length;
    const second = await runAsync(args);
    expect(second.status).toBe(0);
    expect(second.lines).toContainEqual(expect.objectContaining({ kind: 'backoff', reason: 'rate-limited' }));
    expect(sim.requestLog().length).toBe(requestsAfterFirst);
  });
});

/** Runs the demo in a fresh HOME; resolves when `until` says a line (plain or JSON) is the last wanted, or at exit. */
function demo(args: string[], env: NodeJS.ProcessEnv, until: (line: string) => boolean = () => false) {
  const child = spawn(process.execPath, [...RUNNER, '--demo', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ lines: string[]; stderr: string; status: number | null }>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (until(line)) child.kill('SIGTERM');
    });
    child.on('close', (status) => resolve({ lines, stderr, status }));
  });
}

describe('--discover against a simulator', () => {
  const simulator = () => frozenSimulator({ scenario: 'daca-rfe', startDay: 10, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });

  it('reads the applicant page once and prints one JSON object: the cases with their forms and the proposed pair', async () => {
    const sim = await simulator();
    const result = await runAsync(['--discover', '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.lines).toHaveLength(1);
    const [discovery] = result.lines as Array<{ kind: string; cases: Array<{ receipt: string; formType: string }>; pair: { i821d: { receipt: string }; i765: { receipt: string }; because: string } }>;
    expect(discovery!.kind).toBe('discovery');
    expect(discovery!.cases.map((c) => [c.formType, c.receipt])).toEqual(expect.arrayContaining([['I-821D', sim.receipts.i821d], ['I-765', sim.receipts.i765]]));
    expect(discovery!.pair).toMatchObject({ i821d: { receipt: sim.receipts.i821d }, i765: { receipt: sim.receipts.i765 }, because: 'listed-together' });
    const requests = sim.requestLog().filter((entry) => entry.host === 'data');
    expect(requests.map((entry) => entry.path)).toEqual(['/account/applicant']);
  }, 60_000);

  it('prints the receipts masked with --mask, in Spanish with --lang es', async () => {
    const sim = await simulator();
    const result = await runAsync(['--discover', '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--mask', '--lang', 'es']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Casos de esta cuenta de myUSCIS');
    expect(result.stdout).toMatch(/Par propuesto: I-821D IOE•+\d{4} \+ I-765 IOE•+\d{4} \(USCIS los muestra juntos\)/);
    expect(result.stdout).not.toMatch(/IOE\d{10}/);
  }, 60_000);

  it('says so and exits 5 when the session is over', async () => {
    const sim = await simulator();
    const cookie = sim.createSession();
    sim.expireSessions();
    const result = await runAsync(['--discover', '--origin', sim.dataOrigin, '--cookie', cookie, '--store', tempFolder(), '--json']);
    expect(result.status).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('sign in again');
  }, 60_000);

  it('is documented in --help, and --mask needs it', () => {
    expect(run(['--help']).stdout).toContain('--discover');
    const bad = run(['--receipts', 'IOE0933012457', '--cookie', 'a=b', '--mask']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--mask only goes with --discover');
  }, 60_000);
});

describe('--demo', () => {
  it('shows the renewal as JSON lines, the silent approval first, its state in a temporary folder: HOME untouched', async () => {
    const home = tempFolder();
    const result = await demo(['--json', '--speed', '86400'], { ...ENV, HOME: home, XDG_CONFIG_HOME: '' }, (line) => line.includes('"kind":"notification"') && line.includes(':approved"'));
    const seen = result.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const findings = seen.filter((l) => l.kind === 'finding').map((l) => l.type);
    expect(findings).toContain('silent-approval');
    const silent = seen.findIndex((l) => l.kind === 'notification' && String(l.key).includes('silent-approval'));
    const approved = seen.findIndex((l) => l.kind === 'notification' && String(l.key).endsWith(':approved'));
    expect(silent).toBeGreaterThan(0);
    expect(approved).toBeGreaterThan(silent);
    expect(seen[silent]).toMatchObject({ priority: 'high', title: expect.stringContaining('Approval document') });

    // Said on stderr (the JSON lines stay as they were); the folder is gone after the run, and HOME holds nothing.
    // (On Windows SIGTERM is a forced kill: no handler removes the folder, so the test does.)
    const store = /keeps its state in (\S+), removed at exit/.exec(result.stderr)?.[1];
    expect(store).toBeDefined();
    if (sigtermRunsHandlers(process.platform)) expect(existsSync(store!)).toBe(false);
    else rmSync(store!, { recursive: true, force: true });
    expect(readdirSync(home)).toEqual([]);
  }, 60_000);

  // Both languages at once: each story takes twenty seconds of real time, not of the machine's. At a day a second the
  // engine reads a few dozen times a simulated day, so the card's mailing and delivery may be told as one (6 or 7).
  // (The engine at its real pace tells each: tests/engine/monitor-scenarios.test.ts.)
  it.concurrent.each([
    ['en', ['--lang', 'en'], /^Where your renewal stands \(Day 7\d, \d\d:\d\d\):$/, /^Day 75, \d\d:\d\d  Silent approval: “I-821D Approval Notice” is in the documents of your I-821D \(IOE•••••2457\)/, /^Day 75, \d\d:\d\d  Notification: Approval document for your I-821D \(IOE•••••2457\)\. USCIS added/, 'Summary', /^  Verdict: Your new card was delivered\.$/, /^  Found: \d+ changes \(.*2 silent approvals.*\); [67] notifications\.$/, /^  Requests: \d+ to the simulated myUSCIS in \d+ checks over \d+\.\d days/],
    ['es', ['--lang', 'es'], /^Dónde está su renovación \(Día 7\d, \d\d:\d\d\):$/, /^Día 75, \d\d:\d\d  Aprobación silenciosa: «I-821D Approval Notice» está en los documentos de su I-821D \(IOE•••••2457\)/, /^Día 75, \d\d:\d\d  Notificación: Documento de aprobación para su I-821D \(IOE•••••2457\)\. USCIS agregó/, 'Resumen', /^  Veredicto: Se entregó su nueva tarjeta\.$/, /^  Encontrado: \d+ cambios \(.*2 aprobaciones silenciosas.*\); [67] notificaciones\.$/, /^  Solicitudes: \d+ al myUSCIS simulado en \d+ consultas en \d+\.\d días/],
  ] as const)('tells the whole story in %s in under 80 lines: where it stands, each finding, the silent approval, a summary', async (lang, args, standing, silent, notified, summary, verdict, found, requests) => {
    // Its own folder, not tempFolder(): the other language's test ends first and empties those.
    const home = mkdtempSync(join(tmpdir(), 'daca-watch-home-'));
    const { lines, status } = await demo(['--speed', '86400', ...args], { ...ENV, HOME: home });
    const homeAfter = readdirSync(home);
    rmSync(home, { recursive: true, force: true });
    expect(status).toBe(0);
    expect(lines.length).toBeLessThan(80);
    expect(lines.length).toBeGreaterThan(20);
    const at = (pattern: RegExp | string) => lines.findIndex((line) => (typeof pattern === 'string' ? line === pattern : pattern.test(line)));
    // In order: the opening, where the pair stands, the silent approval and its notification, the summary last.
    const order = [standing, silent, notified, summary, verdict, found, requests].map(at);
    expect(order, lines.join('\n')).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((index) => index >= 0), lines.join('\n')).toBe(true);
    expect(at(requests)).toBe(lines.length - 1);
    // Seven on an idle machine; the demo runs on real timers at a day a second, so on a loaded one a check window can
    // pass unread and a status change be told together with the next (the silent approval's is asserted above).
    const told = lines.filter((line) => / (Notification|Notificación): /.test(line)).length;
    expect(told, lines.join('\n')).toBeGreaterThanOrEqual(5);
    expect(told, lines.join('\n')).toBeLessThanOrEqual(7);
    // Sped up, the watchdog keeps to real time: a busy machine is no stalled watcher.
    expect(lines.filter((line) => /has not been able to read|no ha podido consultar/.test(line))).toEqual([]);
    // No per-check lines by default, no full receipt, no English framing in Spanish.
    expect(lines.some((line) => /Checked|Consultado/.test(line))).toBe(false);
    expect(lines.join('\n')).not.toMatch(/IOE\d{10}/);
    if (lang === 'es') expect(lines.filter((line) => /\b(Day|Found|Summary|Signed in|Notification|the story)\b/.test(line))).toEqual([]);
    expect(lines[1]).toMatch(lang === 'es' ? /carpeta temporal \(.+\) que se borra al terminar/ : /temporary folder \(.+\), removed when it ends/);
    expect(homeAfter).toEqual([]);
  }, 120_000);
});

describe('language', { timeout: TWO_RUNS }, () => {
  it("speaks the system's language without --lang, and never changes the stored language setting", async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 0, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    sim.advanceToPhase('review');
    const store = tempFolder();
    const args = ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once'];
    const settings = () => (JSON.parse(readFileSync(join(store, 'config.json'), 'utf8')) as { settings: { language: string } }).settings;

    const spanish = await runAsync(args, { ...ENV, LANG: 'es_MX.UTF-8' });
    expect(spanish.status).toBe(0);
    expect(spanish.stdout).toContain('Sesión iniciada en myUSCIS.');
    expect(spanish.stdout).toMatch(/Dónde está su renovación \(.+\):\n  Su I-821D \(IOE•••••2457\): En revisión/);
    expect(spanish.stdout).toContain('\nResumen\n');
    expect(settings().language).toBe('en');

    const stored = JSON.parse(readFileSync(join(store, 'config.json'), 'utf8')) as { settings: { language: string } };
    stored.settings.language = 'es';
    writeFileSync(join(store, 'config.json'), JSON.stringify(stored));
    const english = await runAsync([...args, '--verbose'], { ...ENV, LANG: 'C.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' });
    expect(english.status).toBe(0);
    expect(english.stdout).toMatch(/Checked your I-821D \(IOE•••••2457\): 3 requests, ok/);
    expect(english.stdout).toContain('\nSummary\n');
    expect(english.stdout).toMatch(/Requests: 6 to myUSCIS in 2 checks\./);
    expect(english.stdout).not.toMatch(/Resumen|Sesión/);
    expect(settings().language).toBe('es');
  });
});

describe('when the state cannot be saved', () => {
  const isRootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;

  it.skipIf(!isRootOnLinux)('says why and exits 3, leaving the last good file as it was (a read-only tmpfs)', async (context) => {
    const mountPoint = tempFolder();
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).status !== 0) context.skip('this machine does not let the test mount a tmpfs');
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const store = join(mountPoint, 'state');
    const args = ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', '--lang', 'en'];
    try {
      const first = await runAsync(args);
      expect(first.status, first.stderr).toBe(0);
      const saved = readFileSync(join(store, 'config.json'), 'utf8');
      expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
      sim.advanceToPhase('silent-approval');

      const second = await runAsync(args);

      expect(second.status).toBe(3);
      expect(second.stdout).toContain('Could not save: the folder is read-only.');
      expect(second.stderr).toContain('Could not save: the folder is read-only.');
      expect(readFileSync(join(store, 'config.json'), 'utf8')).toBe(saved);
    } finally {
      spawnSync('umount', [mountPoint]);
    }
  }, 60_000);
});
