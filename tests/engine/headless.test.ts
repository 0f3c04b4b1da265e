// The headless runner as a user runs it: a child process with real arguments, a real store folder and
// the simulator over HTTP. Bad arguments exit 2 and say why; --once checks and exits; --demo narrates.

import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { frozenSimulator } from '../helpers/sim-fixture';
import { tempFolder } from '../helpers/engine-harness';

const RUNNER = ['--import', 'tsx', 'scripts/headless.ts'];

function run(args: string[]): { status: number | null; stdout: string; stderr: string; lines: Array<Record<string, unknown>> } {
  const result = spawnSync(process.execPath, [...RUNNER, ...args], { encoding: 'utf8', timeout: 60_000 });
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

/** Like run(), but without blocking this process, which serves the simulator the child talks to. */
function runAsync(args: string[]): Promise<ReturnType<typeof run>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...RUNNER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => {
      const lines = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ status, stdout, stderr, lines });
    });
  });
}

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
  ])('%j exits 2 and says what is wrong', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('explains a rejected receipt in Spanish with --lang es', () => {
    const result = run(['--receipts', 'EAC1234567890', '--cookie', 'a=b', '--lang', 'es']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/en línea|IOE/);
    expect(result.stderr).not.toContain('Only');
  });

  it('says in --help that the desktop app never uses --cookie', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('The desktop app never uses this');
  });
});

describe('--once against a simulator', () => {
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

  it('reports a dead session and makes no further request', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, signedOutStyle: '401' });
    const cookie = sim.createSession();
    sim.expireSessions();
    const result = await runAsync(['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', cookie, '--store', tempFolder(), '--once', '--json']);
    expect(result.status).toBe(0);
    expect(result.lines.filter((l) => l.kind === 'session')).toEqual([
      { kind: 'session', state: 'signed-in' },
      { kind: 'session', state: 'signed-out' },
    ]);
    expect(result.lines).toContainEqual(expect.objectContaining({ kind: 'notification', title: 'Sign in to myUSCIS again' }));
    expect(sim.requestLog().filter((r) => r.endpoint !== null)).toHaveLength(1);
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

  it('says so and exits 1 when the session is over', async () => {
    const sim = await simulator();
    const cookie = sim.createSession();
    sim.expireSessions();
    const result = await runAsync(['--discover', '--origin', sim.dataOrigin, '--cookie', cookie, '--store', tempFolder(), '--json']);
    expect(result.status).toBe(1);
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
  it('shows the renewal scenario findings and notifications as they happen, the silent approval first', async () => {
    const child = spawn(process.execPath, [...RUNNER, '--demo', '--json', '--speed', '86400', '--store', tempFolder()], { stdio: ['ignore', 'pipe', 'pipe'] });
    const seen: Array<Record<string, unknown>> = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no silent approval within 90 s; saw ${JSON.stringify(seen.filter((l) => l.kind !== 'check')).slice(0, 2000)}`)), 90_000);
        createInterface({ input: child.stdout }).on('line', (line) => {
          const event = JSON.parse(line) as Record<string, unknown>;
          seen.push(event);
          if (event.kind === 'notification' && String(event.key).includes('approved')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', () => reject(new Error('the demo stopped early')));
      });
    } finally {
      child.kill('SIGTERM');
    }
    const findings = seen.filter((l) => l.kind === 'finding').map((l) => l.type);
    expect(findings).toContain('silent-approval');
    const silent = seen.findIndex((l) => l.kind === 'notification' && String(l.key).includes('silent-approval'));
    const approved = seen.findIndex((l) => l.kind === 'notification' && String(l.key).endsWith(':approved'));
    expect(silent).toBeGreaterThan(0);
    expect(approved === -1 || approved > silent).toBe(true);
    expect(seen[silent]).toMatchObject({ priority: 'high', title: expect.stringContaining('Approval document') });
  }, 120_000);
});
