// Replaces a file so that it always holds either the old bytes or the whole new ones: a temporary file
// written and checked in full, fsynced, renamed over the old one, the folder fsynced. It never deletes the old file first.

import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SaveFailureCause } from '../../shared/monitor/save-problem';
import { makeCreatedFoldersPrivate, makePrivate, PRIVATE_FOLDER_MODE } from './private-modes';

/** The few file-system calls a save needs (Node's `fs`; tests pass one that fails the way a full disk does). */
export interface SaveFileSystem {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  readFileSync(path: string): Uint8Array;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
}

export const nodeSaveFileSystem: SaveFileSystem = nodeFs;

export class SaveFailure extends Error {
  constructor(
    override readonly cause: SaveFailureCause,
    /** The system's code (ENOSPC, EROFS...) when there was one. */
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'SaveFailure';
  }
}

const CAUSE_OF_CODE: Record<string, SaveFailureCause> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
};

/** A failure of any kind as a SaveFailure, its cause read from the system's error code. */
export function asSaveFailure(error: unknown): SaveFailure {
  if (error instanceof SaveFailure) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? ((error as { code: string }).code as string) : null;
  const message = error instanceof Error ? error.message : String(error);
  return new SaveFailure((code && CAUSE_OF_CODE[code]) || 'io-error', code, message);
}

export interface ReplaceFileOptions {
  fs?: SaveFileSystem;
  /** Given to the new file (default 0o600: the user's data is the user's alone). */
  mode?: number;
  /**
   * Once the new file is in place, write the same bytes, the same verified way, to this path too: a copy of the
   * last good save (its own file, not a second name, so damage done to the file in place never reaches it). A
   * failure there leaves the older copy and does not fail the save. Null: keep no copy.
   */
  backupPath?: string | null;
  /** Called once the new file is in place, just before the backup copy is written (the store names the old copy stale there). */
  beforeBackup?: () => void;
}

let sequence = 0;

/**
 * Writes `data` to `path`: temporary file beside it (`<name>.tmp-<pid>-<n>`), every byte written (a short
 * write is an error, never a smaller file), fsynced, read back and compared, then renamed over `path` and
 * the folder fsynced. On any failure the temporary file is removed, `path` is left as it was, and a
 * SaveFailure says why. Throws only SaveFailure; a backup copy that could not be written is returned, not thrown.
 */
export function replaceFile(path: string, data: string, options: ReplaceFileOptions = {}): BackupOutcome {
  const fs = options.fs ?? nodeSaveFileSystem;
  const bytes = Buffer.from(data, 'utf8');
  writeVerified(fs, path, bytes, options.mode ?? 0o600);
  if (!options.backupPath) return { backup: 'none' };
  options.beforeBackup?.();
  try {
    writeVerified(fs, options.backupPath, bytes, options.mode ?? 0o600);
    return { backup: 'written' };
  } catch (error) {
    // The save itself is done and verified; the copy stays older, and the caller says so.
    return { backup: 'failed', failure: asSaveFailure(error) };
  }
}

/** What became of the backup copy of a save that succeeded: none asked for, written, or not written (and why). */
export type BackupOutcome = { backup: 'none' | 'written' } | { backup: 'failed'; failure: SaveFailure };

function writeVerified(fs: SaveFileSystem, path: string, bytes: Buffer, mode: number): void {
  sequence += 1;
  const temporary = join(dirname(path), `${basename(path)}.tmp-${process.pid}-${sequence}`);
  let fd: number | null = null;
  try {
    makeCreatedFoldersPrivate(fs.mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE }), dirname(path));
    fd = fs.openSync(temporary, 'wx', mode);
    // Exactly `mode`, not what the umask leaves of it (private-modes.ts).
    makePrivate(temporary, mode);
    let written = 0;
    while (written < bytes.length) {
      const n = fs.writeSync(fd, bytes, written, bytes.length - written, null);
      if (!(n > 0)) throw new SaveFailure('short-write', null, `only ${written} of ${bytes.length} bytes could be written`);
      written += n;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    if (Buffer.compare(Buffer.from(fs.readFileSync(temporary)), bytes) !== 0) {
      throw new SaveFailure('not-verified', null, 'what was written could not be read back the same');
    }
    fs.renameSync(temporary, path);
  } catch (error) {
    if (fd !== null) attempt(() => fs.closeSync(fd!));
    attempt(() => fs.unlinkSync(temporary));
    throw asSaveFailure(error);
  }
  syncFolder(dirname(path));
}

/**
 * Makes the rename itself durable. Opening a folder to fsync it is refused on Windows (EISDIR/EPERM), where
 * the rename is already journaled by NTFS; nothing is lost by skipping it there.
 */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = nodeFs.openSync(folder, 'r');
    nodeFs.fsyncSync(fd);
  } catch {
    // Best effort, see above.
  } finally {
    if (fd !== null) attempt(() => nodeFs.closeSync(fd!));
  }
}

function attempt(action: () => void): void {
  try {
    action();
  } catch {
    // Cleaning up after a failure that is already being reported.
  }
}
