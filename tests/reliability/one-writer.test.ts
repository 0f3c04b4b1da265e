// One writer per store, with real processes: the headless runner (and the preview) as a user starts them, on one
// store folder, against the simulator on 127.0.0.1. Without the lock, two `--once` runs at once told each
// notification twice, and a long run saved its old settings over a `--once`'s. Prints its rows like the fault matrix.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, tryLockStore } from '../../engine/store/store-lock';
import { bundledScript } from '../helpers/bundled-script';
import { tempFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

const RUNNER = await bundledScript('scripts/headless.ts');
const REPO_ROOT = join(import.meta.dirname, '..', '..');
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
/** Each trial starts two or three runner processes (a second or two each on a busy machine) and waits seconds on purpose. */
const TRIAL_TIMEOUT = 120_000;

interface Row {
  trial: string;
  /** Notifications told across every process of the trial, and how many of them twice. */
  told: number;
  twice: number;
  /** Settings the lock holder wrote that were found stale (written back over) afterwards. */
  stale: number;
  said: string;
}
const rows: Row[] = [];
afterAll(() => {
  const widths = [58, 6, 6, 6];
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const table = [
    line(['fault', 'told', 'twice', 'stale']),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line([row.trial, String(row.told), String(row.twice), String(row.stale)])),
    '',
    'What the user was told:',
    ...rows.map((row) => `- ${row.trial}: ${row.said}`),
  ].join('\n');
  console.log(`\nReliability suite, one writer per store (told = notifications over all processes; stale = settings written back)\n${table}\n`);
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  lines: () => Array<Record<string, unknown>>;
  done: Promise<number | null>;
  /** Resolves with the first stdout line `test` accepts. */
  line: (test: (line: string) => boolean) => Promise<string>;
}

function start(args: string[], env: NodeJS.ProcessEnv = ENV, command: string[] = RUNNER): Run {
  const child = spawn(process.execPath, [...command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env, cwd: REPO_ROOT });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ test: (line: string) => boolean; resolve: (line: string) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    stdout += `${line}\n`;
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    lines: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    done,
    line: (test) => {
      const seen = stdout.split('\n').find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
  };
}

const storedState = (store: string) => JSON.parse(readFileSync(join(store, 'config.json'), 'utf8')) as { settings: Record<string, unknown>; ledger: Array<{ key: string }>; cases: unknown[] };

async function renewalAt(phase: 'review' | 'silent-approval') {
  const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 0, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
  sim.advanceToPhase(phase);
  return sim;
}

describe('two `--once` runs at once on one store', { timeout: TRIAL_TIMEOUT }, () => {
  it('each notification is told once in total: the second waits its turn and finds the ledger already has them', async () => {
    const sim = await renewalAt('review');
    const store = tempFolder();
    const args = () => ['--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', '--json'];
    // A first run reads the case as it was (what later runs compare with).
    expect(await start(args()).done).toBe(0);
    sim.advanceToPhase('silent-approval');
    // One slow answer keeps whichever run comes first busy for a while, so the two surely overlap.
    sim.addFault({ endpoint: 'any-api', kind: 'slow', delayMs: 4_000, times: 1 });
    const [a, b] = [start(args()), start(args())];
    const [codeA, codeB] = await Promise.all([a.done, b.done]);
    expect([codeA, codeB], a.stderr() + b.stderr()).toEqual([0, 0]);

    const told = [...a.lines(), ...b.lines()].filter((line) => line.kind === 'notification').map((line) => String(line.key));
    expect(told.length).toBeGreaterThan(0);
    expect(new Set(told).size).toBe(told.length);
    const waited = [a, b].filter((run) => run.stderr().includes('another DACA Watch is using this folder'));
    expect(waited).toHaveLength(1);
    expect(waited[0]!.stderr()).toContain('waiting its turn (up to 60 s)');
    // The one that waited told nothing: what it found was in the ledger already.
    expect(waited[0]!.lines().filter((line) => line.kind === 'notification')).toEqual([]);
    expect(storedState(store).ledger.map((record) => record.key)).toEqual(expect.arrayContaining(told));
    expect(existsSync(join(store, LOCK_FILE_NAME))).toBe(false);
    rows.push({
      trial: 'two --once runs at once, one store (simulator, approval)',
      told: told.length,
      twice: told.length - new Set(told).size,
      stale: 0,
      said: 'the second: "another DACA Watch is using this folder; waiting its turn (up to 60 s)", then nothing new',
    });
  });
});

describe('a long run and a `--once` on one store', { timeout: TRIAL_TIMEOUT }, () => {
  it('the `--once` waits its turn or is refused (exit 4); settings the holder keeps are never written back stale', async () => {
    const sim = await renewalAt('review');
    const store = tempFolder();
    const receipts = `${sim.receipts.i821d},${sim.receipts.i765}`;
    expect(await start(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', '--json']).done).toBe(0);
    // The user masks receipts (the app's setting): in the store the long run opens.
    const seeded = storedState(store);
    seeded.settings.maskReceipts = true;
    writeFileSync(join(store, 'config.json'), JSON.stringify(seeded));

    const long = start(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--json']);
    await long.line((line) => line.includes('"kind":"check"'));
    expect(JSON.parse(readFileSync(join(store, LOCK_FILE_NAME), 'utf8'))).toEqual(expect.objectContaining({ pid: long.child.pid }));

    // Refused when it may not wait: exit 4, said plainly in the runner's language, nothing written.
    const startedAt = Date.now();
    const refused = start(['--permit-expiry', '2027-03-01', '--store', store, '--once', '--wait', '1', '--lang', 'es']);
    expect(await refused.done).toBe(4);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(refused.stderr()).toContain('Otro DACA Watch está usando esta carpeta');
    expect(refused.stderr()).toContain(`proceso ${long.child.pid}`);
    expect(storedState(store).settings.permitExpiry).toBeNull();

    // Waiting its turn: the long run is stopped a little later, then the `--once` reads what it saved and writes.
    const waiting = start(['--permit-expiry', '2027-03-01', '--store', store, '--once', '--wait', '60']);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!waiting.stderr().includes('waiting its turn')) return;
        clearInterval(poll);
        resolve();
      }, 50);
    });
    expect(storedState(store).settings.permitExpiry).toBeNull();
    long.child.kill('SIGTERM');
    expect(await long.done).toBe(0);
    expect(await waiting.done, waiting.stderr()).toBe(0);

    const after = storedState(store).settings;
    const stale = [after.maskReceipts !== true, after.permitExpiry !== '2027-03-01'].filter(Boolean).length;
    expect(after.maskReceipts).toBe(true);
    expect(after.permitExpiry).toBe('2027-03-01');
    rows.push({
      trial: 'long run + --once (maskReceipts on, --permit-expiry)',
      told: 0,
      twice: 0,
      stale,
      said: '--wait 1: exit 4, "Otro DACA Watch está usando esta carpeta (proceso …)"; --wait 60: waited, then saved',
    });
  });

  it('a long run started on a folder in use does not start: exit 4, said in English, and the holder’s file untouched', async () => {
    const store = tempFolder();
    const held = tryLockStore(store);
    expect(held.ok).toBe(true);
    try {
      const second = start(['--receipts', 'IOE0933012457,IOE0933012458', '--origin', 'http://127.0.0.1:9', '--cookie', 'a=b', '--store', store]);
      expect(await second.done).toBe(4);
      expect(second.stderr()).toContain(`Another DACA Watch is using this folder (process ${process.pid}`);
      expect(existsSync(join(store, 'config.json'))).toBe(false);
      rows.push({ trial: 'a second long run on a folder in use', told: 0, twice: 0, stale: 0, said: 'exit 4, "Another DACA Watch is using this folder (process …)"' });
    } finally {
      if (held.ok) held.lock.release();
    }
  });
});

describe('a stale lock and the preview', { timeout: TRIAL_TIMEOUT }, () => {
  it('kill -9 of the holder: the next run takes the stale lock over and runs', async () => {
    const sim = await renewalAt('review');
    const store = tempFolder();
    const receipts = `${sim.receipts.i821d},${sim.receipts.i765}`;
    const long = start(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--json']);
    await long.line((line) => line.includes('"kind":"check"'));
    long.child.kill('SIGKILL');
    await long.done;
    expect(JSON.parse(readFileSync(join(store, LOCK_FILE_NAME), 'utf8'))).toEqual(expect.objectContaining({ pid: long.child.pid }));
    const next = start(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', '--json', '--wait', '0']);
    expect(await next.done, next.stderr()).toBe(0);
    expect(next.lines().filter((line) => line.kind === 'check')).toHaveLength(2);
    expect(existsSync(join(store, LOCK_FILE_NAME))).toBe(false);
    rows.push({ trial: 'kill -9 of the holder, then a --once', told: 0, twice: 0, stale: 0, said: 'nothing: the dead process’s lock was taken over' });
  });

  it('the preview refuses a folder in use: exit 4 and the same sentence', async () => {
    const store = tempFolder();
    const held = tryLockStore(store);
    try {
      const preview = start(['--import', 'tsx', 'scripts/preview.ts', '--store', store], ENV, []);
      expect(await preview.done).toBe(4);
      expect(preview.stderr()).toContain(`preview: Another DACA Watch is using this folder (process ${process.pid}`);
      expect(existsSync(join(store, 'config.json'))).toBe(false);
      rows.push({ trial: 'the preview on a folder in use', told: 0, twice: 0, stale: 0, said: 'exit 4, "Another DACA Watch is using this folder (process …)"' });
    } finally {
      if (held.ok) held.lock.release();
    }
  });
});
