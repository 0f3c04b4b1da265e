// The state store on disk: one `config.json` (electron-store's name and format), saved by verified atomic
// replacement with a copy of the last save kept as a backup. Opening it reads the files, asks the recovery
// planner (recovery-plan.ts) what to keep and tell, and carries that out; it decides nothing itself. Never
// deletes the user's data except on erase.

import { chmodSync, copyFileSync, constants, existsSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, parse, resolve } from 'node:path';
import type { SaveProblem } from '../../shared/monitor/save-problem';
import { AppStateSchema, emptyState, type AppState, type StateReading, type StoredStateProblem } from '../../shared/monitor/state';
import type { StatePort } from '../ports';
import { nodeSaveFileSystem, replaceFile, SaveFailure, type BackupOutcome, type SaveFileSystem } from './atomic-file';
import { ASIDE_KINDS, planRecovery, storeFileNames, type RecoveryPlan } from './recovery-plan';
import { boundState } from './schema-fit';

export interface StateStoreOptions {
  /** The folder the file lives in (the app's data folder); created with the first save. */
  dir: string;
  /** Default `config.json`, the name electron-store gives its file. */
  fileName?: string;
  /** Epoch milliseconds, for the names of the copies kept aside. */
  now?: () => number;
  /** The file-system calls that read and save the files (tests: one that runs out of space, or cannot read). */
  fileSystem?: SaveFileSystem;
}

export interface StateStore extends StatePort {
  /** The file's absolute path. */
  readonly path: string;
  /** What happened when the file was opened, in plain English sentences for logs (empty when it read cleanly); `read().problems` has both languages. */
  readonly recovered: string[];
  /** How many times this store has written the file. */
  readonly writes: number;
  /** Where saves go: the file itself, or a file beside it when the file is from a newer version of the app. */
  readonly savePath: string;
}

export function openStateStore(options: StateStoreOptions): StateStore {
  const dir = resolve(options.dir);
  const { name: stem, ext } = parse(options.fileName ?? 'config.json');
  const names = storeFileNames(stem, ext);
  const path = join(dir, names.file);
  /** A copy of the last verified save, written after it (see atomic-file.ts): what a damaged file falls back to. */
  const backupPath = join(dir, names.backup);
  /**
   * The backup while a save updates it: once the file holds the new save, the old backup is renamed to this (a
   * rename needs no space on a full disk), then the new backup is written in full and verified, then this is
   * removed. A crash or a failed copy at any point leaves either a backup as new as the file under the backup's
   * name, or an older one under this name, which recovery calls an older copy (never the last good copy).
   */
  const backupStalePath = join(dir, names.backupStale);
  /** Where this version saves while the file is from a newer version, which it never overwrites. */
  const besidePath = join(dir, names.beside);
  const now = options.now ?? Date.now;
  const fs = options.fileSystem ?? nodeSaveFileSystem;

  let savePath = path;
  let current = emptyState();
  let onDisk = serialized(current);
  let problems: StoredStateProblem[] = [];
  let writes = 0;
  let saveProblem: SaveProblem | null = null;

  /** The backup is now older than the file: it goes under the stale name (replacing an older stale one, in one step). */
  const markBackupStale = (): void => attempt(() => fs.existsSync(backupPath) && fs.renameSync(backupPath, backupStalePath));

  /** `text`: the state's serialized form when the caller already made it. */
  const save = (state: AppState, text = serialized(state)): boolean => {
    let outcome: BackupOutcome;
    try {
      outcome = replaceFile(savePath, JSON.stringify(state, null, '\t'), {
        backupPath: savePath === path ? backupPath : null,
        beforeBackup: markBackupStale,
        fs,
      });
    } catch (error) {
      if (!(error instanceof SaveFailure)) throw error;
      // The file keeps what it had; the state stays in memory and the next write tries again.
      current = state;
      if (saveProblem?.cause !== error.cause) saveProblem = { cause: error.cause, since: new Date(now()).toISOString() };
      return false;
    }
    writes += 1;
    current = state;
    onDisk = text;
    if (outcome.backup === 'failed') {
      if (saveProblem?.cause !== 'backup-failed') saveProblem = { cause: 'backup-failed', since: new Date(now()).toISOString() };
    } else {
      if (outcome.backup === 'written') attempt(() => fs.existsSync(backupStalePath) && fs.unlinkSync(backupStalePath));
      saveProblem = null;
    }
    return true;
  };


  /** Carries out what the planner decided: the copy aside first (made 0600), then where saves go, then the state. */
  const carryOut = (plan: RecoveryPlan): void => {
    if (plan.aside) {
      const target = join(dir, plan.aside.name);
      if (plan.aside.how === 'move') renameSync(path, target);
      else copyFileSync(path, target, constants.COPYFILE_EXCL);
      chmodSync(target, 0o600);
    }
    savePath = plan.saveTo === 'beside' ? besidePath : path;
    problems = plan.problems;
    if (plan.disk === 'write') save(plan.state);
    else {
      current = plan.state;
      onDisk = plan.disk === 'holds-state' ? serialized(plan.state) : '';
    }
  };

  // The fresh backup when there is one; else the one a save could not update, named as older.
  const freshBackup = readText(fs, backupPath);
  const staleBackup = freshBackup === null ? readText(fs, backupStalePath) : null;
  carryOut(
    planRecovery({
      stem,
      ext,
      // A file that cannot be read for another reason than not being there (EIO, EACCES) is not taken for damage: that throws.
      main: readText(fs, path, { missingOnly: true }),
      backup: freshBackup ?? staleBackup,
      backupStale: staleBackup === null ? null : { backupFrom: modifiedAt(backupStalePath) },
      beside: readText(fs, besidePath),
      taken: new Set(existsSync(dir) ? readdirSync(dir) : []),
      now: now(),
    }),
  );

  return {
    path,
    get savePath() {
      return savePath;
    },
    get recovered() {
      return problems.map((problem) => problem.message);
    },
    get writes() {
      return writes;
    },
    read(): StateReading {
      return { state: structuredClone(current), problems: structuredClone(problems) };
    },
    write(state) {
      // Bounded first, so that a list or text longer than the schema allows can never make every save fail.
      const valid = AppStateSchema.parse(boundState(state));
      const text = serialized(valid);
      if (text === onDisk && saveProblem === null) return true;
      return save(valid, text);
    },
    saveProblem() {
      return saveProblem;
    },
    erase() {
      const ours = (name: string) =>
        name === names.file ||
        name === names.backup ||
        name === names.beside ||
        name === names.backupStale ||
        name.startsWith(`${names.file}.tmp-`) ||
        name.startsWith(`${names.backup}.tmp-`) ||
        name.startsWith(`${names.beside}.tmp-`) ||
        ASIDE_KINDS.some((kind) => name.startsWith(`${stem}.${kind}-`) && name.endsWith(ext));
      if (existsSync(dir)) {
        for (const name of readdirSync(dir).filter(ours)) rmSync(join(dir, name), { force: true });
        if (readdirSync(dir).length === 0) rmdirSync(dir);
      }
      savePath = path;
      current = emptyState();
      onDisk = serialized(current);
      problems = [];
      saveProblem = null;
    },
  };
}

/**
 * A file's text (UTF-8; a byte order mark is left for the planner), null when there is none. The copies (backup,
 * beside) are null when unreadable too; for the file itself only a missing file is null (`missingOnly`).
 */
function readText(fs: SaveFileSystem, path: string, options: { missingOnly?: boolean } = {}): string | null {
  try {
    return Buffer.from(fs.readFileSync(path)).toString('utf8');
  } catch (error) {
    if (!options.missingOnly || (error as NodeJS.ErrnoException)?.code === 'ENOENT') return null;
    throw error;
  }
}

/** When a file was last written (ISO), null when that cannot be told. */
function modifiedAt(path: string): string | null {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return null;
  }
}

function attempt(action: () => unknown): void {
  try {
    action();
  } catch {
    // Best effort: what is left stays on the safe side (a stale backup stays named stale).
  }
}

/** What "unchanged" is measured by; a missing file reads as the empty state, so it counts as holding it. */
function serialized(state: AppState): string {
  return JSON.stringify(state);
}
