// One writer per store: an exclusive lock for the store folder, held by the app, the terminal runner and the
// preview for as long as they may write. Without it two processes on one folder each told the same notification
// and saved their own (stale) settings over the other's.
//
// The lock is a file in the store folder created with O_CREAT|O_EXCL (`wx`), holding its owner as JSON (pid,
// hostname, start time and a random token). No flock: exclusive creation behaves the same on Linux, macOS and
// Windows (NTFS: CREATE_NEW), and on network folders it is the one primitive that holds.
//
// A stale lock is taken over: one whose owner was on this host and is no longer alive (`process.kill(pid, 0)`
// throws ESRCH; on Windows Node answers the same call through OpenProcess, so it works there too; EPERM means
// alive but someone else's), or one that is unreadable or not a lock (a crash between creating and writing it)
// and older than GARBAGE_AGE_MS. The takeover is atomic: the stale file is renamed aside to a name of our own,
// and the renamed file is checked to be the very file judged stale (same inode, size and time); only then is the
// lock created again with `wx`. Two processes racing for one stale lock: one rename wins, the other finds the
// file gone (ENOENT) or finds it moved a live lock, puts it back (link: never over another) and waits.
// A lock held on another host (a shared folder) is never judged stale: its process cannot be asked.

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { makeCreatedFoldersPrivate } from './private-modes';
import { hostname as osHostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Localized } from '../../shared/localized';

export const LOCK_FILE_NAME = 'daca-watch.lock';
/** A lock file that is not a lock yet (created, not yet written) is left alone until it is this old. */
export const GARBAGE_AGE_MS = 10_000;

export interface LockOwner {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  startedAt: string;
  /** Which process of that pid: a reused pid never passes for the owner. */
  token: string;
}

export interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The calls the lock makes; tests pass their own (a pid that died, a rename that loses a race). */
export interface LockPorts {
  /** Creates the file only when there is none (throws EEXIST otherwise), writes `text` and syncs it. */
  createExclusive(path: string, text: string): void;
  readText(path: string): string;
  identity(path: string): FileIdentity;
  rename(from: string, to: string): void;
  /** Makes `to` name the file `from` names; throws EEXIST when `to` exists. */
  link(from: string, to: string): void;
  unlink(path: string): void;
  mkdir(path: string): void;
  /** Whether a process with this pid is alive on this host. */
  pidAlive(pid: number): boolean;
  now(): number;
  pid: number;
  hostname: string;
  token(): string;
}

export const nodeLockPorts: LockPorts = {
  createExclusive(path, text) {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  readText: (path) => readFileSync(path, 'utf8'),
  identity(path) {
    const stat = statSync(path);
    return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
  },
  rename: renameSync,
  link: linkSync,
  unlink: unlinkSync,
  // Folders it creates are the store's: 0700 whatever the umask (private-modes.ts).
  mkdir: (path) => makeCreatedFoldersPrivate(mkdirSync(path, { recursive: true, mode: 0o700 }), path),
  pidAlive,
  now: Date.now,
  pid: process.pid,
  hostname: osHostname(),
  token: () => randomBytes(8).toString('hex'),
};

/** `kill(pid, 0)` sends nothing: ESRCH means no such process, EPERM a live process of another user. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StoreLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

/**
 * `unwritable`: the folder cannot take a new file (read-only, no permission, full), so no process can save there
 * either (every save writes a new file first, atomic-file.ts): there is no writer to keep out, and the run goes on
 * to say why its own saves fail, as before the lock.
 */
export type LockAttempt =
  | { ok: true; lock: StoreLock; tookOver: LockOwner | 'garbage' | null; unwritable?: string }
  | { ok: false; holder: LockOwner | null };

/** Errors that mean no file can be created in the folder (by anyone), not that someone holds it. */
const UNWRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'ENOTDIR']);

/** Locks held by this process, by path: asking twice is "held", and a lock of our own pid that is not here is stale. */
const heldHere = new Map<string, string>();

/** One try: the lock, or who holds it (null when the file is not readable as a lock yet). */
export function tryLockStore(dir: string, ports: LockPorts = nodeLockPorts): LockAttempt {
  const folder = resolve(dir);
  const path = join(folder, LOCK_FILE_NAME);
  try {
    ports.mkdir(folder);
  } catch (error) {
    // A folder that cannot be made (read-only, no permission, full, a file in its place: ENOTDIR, EEXIST) can hold no
    // store either: no writer to keep out; the store says why when it is opened.
    const cause = code(error);
    if (cause === undefined) throw error;
    return unwritable(path, ports, cause);
  }
  let tookOver: LockOwner | 'garbage' | null = null;
  // A few rounds at most: each lost race means someone else moved on, and the next round sees their lock.
  for (let round = 0; round < 4; round += 1) {
    const owner: LockOwner = { pid: ports.pid, hostname: ports.hostname, startedAt: new Date(ports.now()).toISOString(), token: ports.token() };
    try {
      ports.createExclusive(path, `${JSON.stringify(owner)}\n`);
      heldHere.set(path, owner.token);
      return { ok: true, lock: lockOf(path, owner, ports), tookOver };
    } catch (error) {
      const cause = code(error);
      if (cause !== undefined && UNWRITABLE.has(cause)) return unwritable(path, ports, cause);
      if (cause !== 'EEXIST') throw error;
    }
    const seen = inspect(path, ports);
    if (seen === 'gone') continue;
    if (!seen.stale) return { ok: false, holder: seen.owner };
    const aside = `${path}.stale-${ports.pid}-${ports.token()}`;
    try {
      ports.rename(path, aside);
    } catch (error) {
      if (code(error) === 'ENOENT') continue; // another process moved it first
      throw error;
    }
    let moved: FileIdentity | null = null;
    try {
      moved = ports.identity(aside);
    } catch {
      moved = null;
    }
    if (moved && !sameFile(moved, seen.identity)) {
      // Between our look and our rename another process took the lock over: its live lock goes back.
      try {
        ports.link(aside, path);
      } catch {
        // A third process locked meanwhile, so the one whose file we moved no longer has it and does not know:
        // two writers. It takes three processes meeting on one stale lock within the same instant; not guarded
        // further, and said here so it is not hidden (`holds` tells a holder whether its file is still its own).
      }
      safeUnlink(aside, ports);
      continue;
    }
    safeUnlink(aside, ports);
    tookOver = seen.owner ?? 'garbage';
  }
  const seen = inspect(path, ports);
  return { ok: false, holder: seen === 'gone' ? null : seen.owner };
}

export interface WaitOptions {
  /** How long to wait for the holder to finish; 0: one try. */
  timeoutMs: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  ports?: LockPorts;
  /** Told once, when the first try finds the folder in use. */
  onWait?: (holder: LockOwner | null) => void;
}

/** Tries until the lock is free or `timeoutMs` have passed (by `ports.now`). */
export async function waitForStoreLock(dir: string, options: WaitOptions): Promise<LockAttempt> {
  const ports = options.ports ?? nodeLockPorts;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const until = ports.now() + options.timeoutMs;
  let attempt = tryLockStore(dir, ports);
  if (!attempt.ok && options.timeoutMs > 0) options.onWait?.(attempt.holder);
  while (!attempt.ok && ports.now() < until) {
    await sleep(Math.min(options.pollMs ?? 250, Math.max(1, until - ports.now())));
    attempt = tryLockStore(dir, ports);
  }
  return attempt;
}

/** Whether the lock file is still this lock's (false once another process took it over). */
export function holds(lock: StoreLock, ports: LockPorts = nodeLockPorts): boolean {
  try {
    return (JSON.parse(ports.readText(lock.path)) as LockOwner).token === lock.owner.token;
  } catch {
    return false;
  }
}

/** What a process that finds the folder in use tells, EN/ES. */
export function storeInUseMessage(dir: string, holder: LockOwner | null): Localized {
  const who = holder ? { en: ` (process ${holder.pid} on ${holder.hostname}, since ${holder.startedAt})`, es: ` (proceso ${holder.pid} en ${holder.hostname}, desde ${holder.startedAt})` } : { en: '', es: '' };
  return {
    en: `Another DACA Watch is using this folder${who.en}: ${resolve(dir)}. Only one may write to it at a time; close the other one (the app, a runner or the preview) and try again.`,
    es: `Otro DACA Watch está usando esta carpeta${who.es}: ${resolve(dir)}. Solo uno puede escribir en ella a la vez; cierre el otro (la aplicación, un ejecutor o la vista previa) e inténtelo de nuevo.`,
  };
}

/** Tied to the process: released on exit (kill -9 leaves it, and the next process takes the stale lock over). */
export function releaseOnExit(lock: StoreLock): void {
  process.once('exit', () => lock.release());
}

function unwritable(path: string, ports: LockPorts, cause: string): LockAttempt {
  const owner: LockOwner = { pid: ports.pid, hostname: ports.hostname, startedAt: new Date(ports.now()).toISOString(), token: '' };
  return { ok: true, lock: { path, owner, release: () => undefined }, tookOver: null, unwritable: cause };
}

function lockOf(path: string, owner: LockOwner, ports: LockPorts): StoreLock {
  let released = false;
  return {
    path,
    owner,
    release() {
      if (released) return;
      released = true;
      if (heldHere.get(path) === owner.token) heldHere.delete(path);
      try {
        if ((JSON.parse(ports.readText(path)) as LockOwner).token !== owner.token) return;
      } catch {
        return;
      }
      safeUnlink(path, ports);
    },
  };
}

type Inspection = 'gone' | { stale: boolean; owner: LockOwner | null; identity: FileIdentity };

function inspect(path: string, ports: LockPorts): Inspection {
  let identity: FileIdentity;
  let text: string;
  try {
    identity = ports.identity(path);
    text = ports.readText(path);
  } catch (error) {
    if (code(error) === 'ENOENT') return 'gone';
    // Unreadable (EACCES, EIO): judged by its age like garbage, since no owner can be named.
    try {
      identity = ports.identity(path);
    } catch {
      return 'gone';
    }
    return { stale: ports.now() - identity.mtimeMs > GARBAGE_AGE_MS, owner: null, identity };
  }
  const owner = parseOwner(text);
  if (!owner) return { stale: ports.now() - identity.mtimeMs > GARBAGE_AGE_MS, owner: null, identity };
  if (owner.hostname !== ports.hostname) return { stale: false, owner, identity };
  if (owner.pid === ports.pid) return { stale: heldHere.get(path) !== owner.token, owner, identity };
  return { stale: !ports.pidAlive(owner.pid), owner, identity };
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value !== 'object' || value === null) return null;
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0) return null;
    if (typeof value.hostname !== 'string' || typeof value.startedAt !== 'string' || typeof value.token !== 'string') return null;
    return { pid: value.pid as number, hostname: value.hostname, startedAt: value.startedAt, token: value.token };
  } catch {
    return null;
  }
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function safeUnlink(path: string, ports: LockPorts): void {
  try {
    ports.unlink(path);
  } catch {
    // Already gone.
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
