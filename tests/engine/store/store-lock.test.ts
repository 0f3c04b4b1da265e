// The store lock's rules over a file system in memory (who holds it, when a lock is stale, the takeover race),
// and once over the real disk in this process. Two real processes: tests/reliability/store-lock.test.ts.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GARBAGE_AGE_MS, LOCK_FILE_NAME, holds, pidAlive, storeInUseMessage, tryLockStore, waitForStoreLock, type LockPorts } from '../../../engine/store/store-lock';

const DIR = '/data/store';
const LOCK = `${DIR}/${LOCK_FILE_NAME}`;

interface Disk {
  files: Map<string, { text: string; ino: number; mtimeMs: number }>;
  clock: { now: number };
  alive: Set<number>;
  nextIno: number;
  /** Runs once, just before the next rename (another process acting between a look and a rename). */
  beforeRename: (() => void) | null;
}

function disk(): Disk {
  return { files: new Map(), clock: { now: 1_000_000 }, alive: new Set(), nextIno: 1, beforeRename: null };
}

function enoent(): Error {
  return Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
}

/** One process on the shared in-memory disk. */
function processOn(d: Disk, pid: number, hostname = 'here'): LockPorts {
  d.alive.add(pid);
  let tokens = 0;
  return {
    createExclusive(path, text) {
      if (d.files.has(path)) throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      d.files.set(path, { text, ino: d.nextIno++, mtimeMs: d.clock.now });
    },
    readText(path) {
      const file = d.files.get(path);
      if (!file) throw enoent();
      return file.text;
    },
    identity(path) {
      const file = d.files.get(path);
      if (!file) throw enoent();
      return { ino: file.ino, size: file.text.length, mtimeMs: file.mtimeMs };
    },
    rename(from, to) {
      const hook = d.beforeRename;
      d.beforeRename = null;
      hook?.();
      const file = d.files.get(from);
      if (!file) throw enoent();
      d.files.delete(from);
      d.files.set(to, file);
    },
    link(from, to) {
      const file = d.files.get(from);
      if (!file) throw enoent();
      if (d.files.has(to)) throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
      d.files.set(to, file);
    },
    unlink(path) {
      if (!d.files.delete(path)) throw enoent();
    },
    mkdir: () => undefined,
    pidAlive: (other) => d.alive.has(other),
    now: () => d.clock.now,
    pid,
    hostname,
    token: () => `${pid}-${hostname}-${(tokens += 1)}`,
  };
}

const lockHolder = (d: Disk) => JSON.parse(d.files.get(LOCK)?.text ?? 'null') as { pid: number } | null;

describe('one holder at a time', () => {
  it('the first process holds the lock; a second is refused and told who holds it; after release the second gets it', () => {
    const d = disk();
    const first = tryLockStore(DIR, processOn(d, 100));
    expect(first.ok).toBe(true);
    const second = tryLockStore(DIR, processOn(d, 200));
    expect(second).toEqual({ ok: false, holder: expect.objectContaining({ pid: 100, hostname: 'here' }) });
    expect(lockHolder(d)?.pid).toBe(100);
    if (first.ok) first.lock.release();
    expect(d.files.has(LOCK)).toBe(false);
    const again = tryLockStore(DIR, processOn(d, 200));
    expect(again.ok && again.tookOver).toBe(null);
    expect(lockHolder(d)?.pid).toBe(200);
  });

  it('the lock file holds pid, host, start time and a token as JSON', () => {
    const d = disk();
    tryLockStore(DIR, processOn(d, 100));
    expect(JSON.parse(d.files.get(LOCK)!.text)).toEqual({ pid: 100, hostname: 'here', startedAt: new Date(1_000_000).toISOString(), token: '100-here-1' });
  });

  it('a release after the lock was taken over leaves the new holder’s file alone', () => {
    const d = disk();
    const ports = processOn(d, 100);
    const first = tryLockStore(DIR, ports);
    d.alive.delete(100); // looks dead (e.g. suspended, pid gone from the table)
    const second = tryLockStore(DIR, processOn(d, 200));
    expect(second.ok).toBe(true);
    if (first.ok) {
      expect(holds(first.lock, ports)).toBe(false);
      first.lock.release();
    }
    expect(lockHolder(d)?.pid).toBe(200);
  });
});

describe('a folder where no file can be made', () => {
  it.each([['EROFS'], ['EACCES'], ['ENOSPC']])('%s: no writer to keep out, so the run goes on (and says why its saves fail)', (cause) => {
    const d = disk();
    const ports = { ...processOn(d, 100), createExclusive: () => { throw Object.assign(new Error(cause), { code: cause }); } };
    const result = tryLockStore(DIR, ports);
    expect(result.ok && result.unwritable).toBe(cause);
    expect(d.files.size).toBe(0);
  });

  it('any other error is not taken for that', () => {
    const d = disk();
    const ports = { ...processOn(d, 100), createExclusive: () => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); } };
    expect(() => tryLockStore(DIR, ports)).toThrow('EIO');
  });
});

describe('stale locks', () => {
  it('a lock whose process is gone on this host is taken over, and the takeover names it', () => {
    const d = disk();
    tryLockStore(DIR, processOn(d, 100));
    d.alive.delete(100); // kill -9
    const next = tryLockStore(DIR, processOn(d, 200));
    expect(next.ok && next.tookOver).toEqual(expect.objectContaining({ pid: 100 }));
    expect(lockHolder(d)?.pid).toBe(200);
    expect([...d.files.keys()]).toEqual([LOCK]); // the stale file moved aside is removed
  });

  it('a lock of another host is never taken over (its process cannot be asked)', () => {
    const d = disk();
    tryLockStore(DIR, processOn(d, 100, 'other-machine'));
    d.alive.delete(100);
    d.clock.now += 365 * 86_400_000;
    expect(tryLockStore(DIR, processOn(d, 200)).ok).toBe(false);
  });

  it('a garbage lock file is left alone while young (a lock being written) and taken over once older than the bound', () => {
    const d = disk();
    d.files.set(LOCK, { text: '', ino: 99, mtimeMs: d.clock.now });
    expect(tryLockStore(DIR, processOn(d, 200))).toEqual({ ok: false, holder: null });
    d.clock.now += GARBAGE_AGE_MS + 1;
    const taken = tryLockStore(DIR, processOn(d, 200));
    expect(taken.ok && taken.tookOver).toBe('garbage');
    expect(lockHolder(d)?.pid).toBe(200);
  });

  it.each([['{"pid":"x"}'], ['null'], ['{"pid":-4,"hostname":"here","startedAt":"t","token":"a"}'], ['\u0000\u0000']])('%j is garbage', (text) => {
    const d = disk();
    d.files.set(LOCK, { text, ino: 99, mtimeMs: d.clock.now - GARBAGE_AGE_MS - 1 });
    expect(tryLockStore(DIR, processOn(d, 200)).ok).toBe(true);
  });

  it('a lock with our own pid that this process does not hold (a reused pid after a restart) is stale', () => {
    const d = disk();
    d.files.set(LOCK, { text: JSON.stringify({ pid: 300, hostname: 'here', startedAt: 'earlier', token: 'old-boot' }), ino: 99, mtimeMs: 0 });
    const taken = tryLockStore(DIR, processOn(d, 300));
    expect(taken.ok).toBe(true);
    // …but one it does hold is not: asking twice in one process is refused.
    expect(tryLockStore(DIR, processOn(d, 300)).ok).toBe(false);
  });

  it('two processes racing for one stale lock: one wins; the live lock the loser moved aside goes back', () => {
    const d = disk();
    tryLockStore(DIR, processOn(d, 100));
    d.alive.delete(100);
    const b = processOn(d, 200);
    let bResult: ReturnType<typeof tryLockStore> | null = null;
    // A has looked (stale) and is about to rename; B does its whole takeover first.
    d.beforeRename = () => {
      bResult = tryLockStore(DIR, b);
    };
    const aResult = tryLockStore(DIR, processOn(d, 300));
    expect(bResult!.ok).toBe(true);
    expect(aResult.ok).toBe(false);
    expect(lockHolder(d)?.pid).toBe(200);
    expect([...d.files.keys()]).toEqual([LOCK]);
  });

  it('a stale lock removed by another process between the look and the rename: this one locks', () => {
    const d = disk();
    tryLockStore(DIR, processOn(d, 100));
    d.alive.delete(100);
    d.beforeRename = () => d.files.delete(LOCK);
    const result = tryLockStore(DIR, processOn(d, 300));
    expect(result.ok).toBe(true);
    expect(lockHolder(d)?.pid).toBe(300);
  });
});

describe('waiting its turn', () => {
  it('waits while the holder works and locks once it releases', async () => {
    const d = disk();
    const held = tryLockStore(DIR, processOn(d, 100));
    let slept = 0;
    const result = await waitForStoreLock(DIR, {
      timeoutMs: 60_000,
      pollMs: 250,
      ports: processOn(d, 200),
      sleep: async (ms) => {
        slept += ms;
        d.clock.now += ms;
        if (slept >= 2_000 && held.ok) held.lock.release();
      },
    });
    expect(result.ok).toBe(true);
    expect(slept).toBe(2_000);
  });

  it('gives up after the bound, said once, and names the holder', async () => {
    const d = disk();
    tryLockStore(DIR, processOn(d, 100));
    const told: unknown[] = [];
    let slept = 0;
    const result = await waitForStoreLock(DIR, {
      timeoutMs: 60_000,
      ports: processOn(d, 200),
      onWait: (holder) => told.push(holder),
      sleep: async (ms) => {
        slept += ms;
        d.clock.now += ms;
      },
    });
    expect(result).toEqual({ ok: false, holder: expect.objectContaining({ pid: 100 }) });
    expect(slept).toBe(60_000);
    expect(told).toEqual([expect.objectContaining({ pid: 100 })]);
  });

  it('with no time to wait: one try, nothing said', async () => {
    const d = disk();
    tryLockStore(DIR, processOn(d, 100));
    const told: unknown[] = [];
    const result = await waitForStoreLock(DIR, { timeoutMs: 0, ports: processOn(d, 200), onWait: (h) => told.push(h), sleep: () => Promise.reject(new Error('no sleep')) });
    expect(result.ok).toBe(false);
    expect(told).toEqual([]);
  });
});

describe('what is said', () => {
  it('says in both languages that another DACA Watch is using the folder, and which', () => {
    const message = storeInUseMessage('/data/store', { pid: 42, hostname: 'desk', startedAt: '2026-12-07T10:00:00.000Z', token: 't' });
    expect(message.en).toContain('Another DACA Watch is using this folder (process 42 on desk');
    expect(message.es).toContain('Otro DACA Watch está usando esta carpeta (proceso 42 en desk');
    expect(message.es).toContain('cierre el otro');
  });
});

describe('on the real disk, in this process', () => {
  it('a file where the folder should be (ENOTDIR): no writer to keep out, and said as unwritable, not thrown', () => {
    const root = mkdtempSync(join(tmpdir(), 'daca-watch-lock-'));
    try {
      writeFileSync(join(root, 'not-a-folder'), 'x');
      const attempt = tryLockStore(join(root, 'not-a-folder', 'store'));
      expect(attempt).toEqual(expect.objectContaining({ ok: true, unwritable: 'ENOTDIR' }));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('creates the folder and the lock file, refuses a second lock, releases, and takes over a dead pid’s lock', () => {
    const root = mkdtempSync(join(tmpdir(), 'daca-watch-lock-'));
    try {
      const dir = join(root, 'store');
      const first = tryLockStore(dir);
      expect(first.ok).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toEqual(expect.objectContaining({ pid: process.pid }));
      expect(tryLockStore(dir).ok).toBe(false);
      if (first.ok) first.lock.release();
      expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
      // No process has pid 2^22 + 1 (above Linux's pid_max default and the other systems' ranges in practice).
      const deadPid = 4_194_305;
      expect(pidAlive(deadPid)).toBe(false);
      expect(pidAlive(process.pid)).toBe(true);
      writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid, hostname: hostname(), startedAt: 'x', token: 'y' }));
      const taken = tryLockStore(dir);
      expect(taken.ok && taken.tookOver).toEqual(expect.objectContaining({ pid: deadPid }));
      if (taken.ok) taken.lock.release();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
