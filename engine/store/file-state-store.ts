// The state store on disk: one `config.json` in electron-store's format, opened through `conf` (the Electron shell
// passes electron-store), saved by verified atomic replacement with a copy of the last save kept as a backup, and
// recovery that moves a damaged file aside and keeps what it can read. Never deletes the user's data except on erase.

import { chmodSync, copyFileSync, constants, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { join, parse, resolve } from 'node:path';
import Conf, { type Options } from 'conf';
import type { SaveProblem } from '../../shared/monitor/save-problem';
import { LIMITS } from '../../shared/limits';
import { AppStateSchema, boundState, emptyState, readState, STATE_VERSION, type AppState, type StateReading } from '../../shared/monitor/state';
import { replaceFile, SaveFailure, type SaveFileSystem } from './atomic-file';
import type { StatePort } from '../ports';

/** What the file holds before our schema has looked at it. */
export type StoredObject = Record<string, unknown>;

export interface StateStoreOptions {
  /** The folder the file lives in (the app's data folder); conf creates it if it is missing. */
  dir: string;
  /** Default `config.json`, the name electron-store gives its file. */
  fileName?: string;
  /** Epoch milliseconds, for the names of the copies kept aside. */
  now?: () => number;
  /**
   * Opens the file with the given options. Default `new Conf(options)`; the Electron shell passes
   * `({ configName, ...rest }) => new ElectronStore({ ...rest, name: configName })`.
   */
  openFile?: (options: Options<StoredObject>) => Conf<StoredObject>;
  /** The file-system calls a save makes (tests: one that runs out of space). */
  fileSystem?: SaveFileSystem;
}

export interface StateStore extends StatePort {
  /** The file's absolute path. */
  readonly path: string;
  /** What happened when the file was opened, in plain sentences (empty when it read cleanly). */
  readonly recovered: string[];
  /** How many times this store has written the file. */
  readonly writes: number;
  /** Where saves go: the file itself, or a file beside it when the file is from a newer version of the app. */
  readonly savePath: string;
}

/** The copies kept aside next to the file: not JSON, read only in part, or from before a migration. */
const ASIDE_KINDS = ['corrupt', 'invalid', 'before-update'] as const;
type AsideKind = (typeof ASIDE_KINDS)[number];

export function openStateStore(options: StateStoreOptions): StateStore {
  const dir = resolve(options.dir);
  const { name: stem, ext } = parse(options.fileName ?? 'config.json');
  const path = join(dir, `${stem}${ext}`);
  /** A copy of the last verified save, written after it (see atomic-file.ts): what a damaged file falls back to. */
  const backupPath = join(dir, `${stem}.backup${ext}`);
  /** Where this version saves while the file is from a newer version, which it never overwrites. */
  const besidePath = join(dir, `${stem}.v${STATE_VERSION}${ext}`);
  const now = options.now ?? Date.now;
  const openFile = options.openFile ?? ((fileOptions) => new Conf(fileOptions));
  const fileOptions: Options<StoredObject> = {
    cwd: dir,
    configName: stem,
    fileExtension: ext.replace(/^\./, ''),
    // Recovery is ours: conf must neither clear a damaged file nor read non-object JSON as an empty store.
    clearInvalidConfig: false,
    deserialize: parseStoredObject,
    configFileMode: 0o600,
  };

  /** The file's name for a copy kept aside; never one that already exists, so no copy replaces another. */
  const asidePath = (kind: AsideKind): string => {
    const base = `${stem}.${kind}-${new Date(now()).toISOString().replaceAll(':', '-')}`;
    let candidate = join(dir, `${base}${ext}`);
    for (let n = 2; existsSync(candidate); n += 1) candidate = join(dir, `${base}-${n}${ext}`);
    return candidate;
  };
  const keepAside = (kind: AsideKind, how: 'move' | 'copy'): string => {
    const target = asidePath(kind);
    if (how === 'move') renameSync(path, target);
    else copyFileSync(path, target, constants.COPYFILE_EXCL);
    chmodSync(target, 0o600);
    return parse(target).base;
  };

  /** Opens the file; one that is not readable JSON is moved aside first and its text handed back for salvage. */
  const openOrMoveAside = (): { file: Conf<StoredObject>; damaged?: { text: string; copy: string } } => {
    try {
      return { file: openFile(fileOptions) };
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      const text = readFileSync(path, 'utf8');
      const copy = keepAside('corrupt', 'move');
      return { file: openFile(fileOptions), damaged: { text, copy } };
    }
  };

  let savePath = path;
  let current = emptyState();
  let onDisk = serialized(current);
  let recovered: string[] = [];
  let writes = 0;
  let saveProblem: SaveProblem | null = null;

  /** `text`: the state's serialized form when the caller already made it. */
  const save = (state: AppState, text = serialized(state)): boolean => {
    try {
      replaceFile(savePath, JSON.stringify(state, null, '\t'), {
        backupPath: savePath === path ? backupPath : null,
        ...(options.fileSystem ? { fs: options.fileSystem } : {}),
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
    saveProblem = null;
    return true;
  };

  const { file, damaged } = openOrMoveAside();
  const backup = readBackup(backupPath);
  if (damaged) {
    const kept = salvageObject(damaged.text);
    const salvaged = readState(kept);
    const fromBackup = backup && readState(backup.stored);
    const state = fromBackup ? completedFrom(salvaged.state, kept ?? {}, fromBackup.state, salvaged.resetFields) : salvaged.state;
    save(state);
    recovered = fromBackup
      ? [
          `The saved data in ${stem}${ext} was damaged. It was moved aside as ${damaged.copy} in the same folder, and DACA Watch went back to its last good copy (${parse(backupPath).base}), adding what it could still read from the damaged file: ${keptSummary(state)}.`,
          ...fromBackup.problems.map(asSentence),
        ]
      : [
          `The saved data in ${stem}${ext} was damaged and could not be read as a whole. It was moved aside as ${damaged.copy} in the same folder, and DACA Watch kept what it could read: ${keptSummary(state)}.`,
          ...salvaged.problems.map(asSentence),
        ];
  } else if (existsSync(path)) {
    const raw = file.store;
    const version = typeof raw.version === 'number' ? raw.version : 0;
    if (version > STATE_VERSION) {
      // A newer DACA Watch wrote this file: it is read as far as this version understands and never overwritten.
      savePath = besidePath;
      const beside = readBackup(besidePath);
      const { state, problems } = beside ? readState(beside.stored) : readState(raw);
      current = state;
      onDisk = beside ? serialized(state) : '';
      recovered = [
        `The saved data in ${stem}${ext} comes from a newer version of DACA Watch (format ${version}). This version reads what it understands and never changes that file: it saves its own changes beside it, in ${parse(besidePath).base}.`,
        ...(beside ? [] : problems.map(asSentence)),
      ];
    } else {
      const { state: partial, problems, resetFields } = readState(raw);
      if (problems.length > 0) {
        const copy = keepAside('invalid', 'copy');
        const fromBackup = backup && readState(backup.stored);
        const state = fromBackup ? completedFrom(partial, raw, fromBackup.state, resetFields) : partial;
        save(state);
        recovered = [
          `Part of the saved data in ${stem}${ext} could not be read. The original was kept as ${copy} in the same folder${fromBackup ? `, and what it no longer held was taken from the last good copy (${parse(backupPath).base})` : ''}.`,
          ...problems.map(asSentence),
        ];
      } else if (raw.version !== STATE_VERSION) {
        // A clean migration loses nothing, so it is not reported; the old file is kept in case a migration is wrong.
        keepAside('before-update', 'copy');
        save(partial);
      } else {
        current = partial;
        onDisk = serialized(partial);
      }
    }
  } else if (backup) {
    // The file is gone but its last good copy is not (removed by hand, or by another program).
    const { state, problems } = readState(backup.stored);
    save(state);
    recovered = [`The saved data file ${stem}${ext} was missing. DACA Watch went back to its last good copy (${parse(backupPath).base}).`, ...problems.map(asSentence)];
  }

  return {
    path,
    get savePath() {
      return savePath;
    },
    get recovered() {
      return [...recovered];
    },
    get writes() {
      return writes;
    },
    read(): StateReading {
      return { state: structuredClone(current), problems: [...recovered] };
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
        name === `${stem}${ext}` ||
        name === parse(backupPath).base ||
        name === parse(besidePath).base ||
        name.startsWith(`${stem}${ext}.tmp-`) ||
        name.startsWith(`${parse(backupPath).base}.tmp-`) ||
        name.startsWith(`${parse(besidePath).base}.tmp-`) ||
        ASIDE_KINDS.some((kind) => name.startsWith(`${stem}.${kind}-`) && name.endsWith(ext));
      if (existsSync(dir)) {
        for (const name of readdirSync(dir).filter(ours)) rmSync(join(dir, name), { force: true });
        if (readdirSync(dir).length === 0) rmdirSync(dir);
      }
      savePath = path;
      current = emptyState();
      onDisk = serialized(current);
      recovered = [];
      saveProblem = null;
    },
  };
}

/** A copy this store wrote whole (the backup, or the file kept beside a newer one); null when missing or unreadable. */
function readBackup(path: string): { stored: StoredObject } | null {
  if (!existsSync(path)) return null;
  try {
    return { stored: parseStoredObject(readFileSync(path, 'utf8')) };
  } catch {
    return null;
  }
}

/**
 * A state read only in part, completed from the last good copy: every section the damaged file no longer held
 * is taken from the backup, and the history, notification records and case readings are the union of both
 * (so nothing found, notified or read before is lost or notified again).
 */
function completedFrom(partial: AppState, stored: unknown, backup: AppState, resetFields: readonly string[][] = []): AppState {
  const merged = structuredClone(partial) as Record<string, unknown> & AppState;
  fillMissing(merged, stored, backup);
  // A value that could not be read takes the last good copy's value rather than the default (one bad setting
  // keeps the user's own choice, "mask receipt numbers" included). Values inside lists are not matched up.
  for (const path of resetFields) {
    const fromBackup = valueAt(backup, path);
    if (fromBackup !== undefined && path.length > 0) setValueAt(merged, path, structuredClone(fromBackup));
  }
  const checked = AppStateSchema.safeParse(merged);
  if (!checked.success) return completedFrom(partial, stored, backup, []);
  Object.assign(merged, checked.data);
  const knownFindings = new Set(merged.history.map((finding) => finding.key));
  merged.history = [...merged.history, ...backup.history.filter((finding) => !knownFindings.has(finding.key))]
    .sort((a, b) => a.foundAt.localeCompare(b.foundAt))
    .slice(-LIMITS.history);
  const knownRecords = new Set(merged.ledger.map((entry) => entry.key));
  merged.ledger = [...merged.ledger, ...backup.ledger.filter((entry) => !knownRecords.has(entry.key))].slice(-LIMITS.ledger);
  if (merged.cases.length === 0) merged.cases = structuredClone(backup.cases);
  for (const [receipt, snapshot] of Object.entries(backup.snapshots)) merged.snapshots[receipt] ??= structuredClone(snapshot);
  return merged;
}

/**
 * Every field the stored object did not hold at all (at any depth, through objects only) takes the backup's value:
 * a file cut short, or left with only some of its settings, does not turn the rest into defaults.
 */
function fillMissing(target: Record<string, unknown>, stored: unknown, backup: unknown): void {
  if (!isPlainObject(backup) || !isPlainObject(stored)) return;
  for (const [key, value] of Object.entries(backup)) {
    if (!Object.hasOwn(stored, key)) target[key] = structuredClone(value);
    else if (isPlainObject(target[key]) && isPlainObject(value)) fillMissing(target[key] as Record<string, unknown>, stored[key], value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path of keys through objects only; undefined where the path is missing or crosses a list. */
function valueAt(root: unknown, path: readonly string[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function setValueAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return;
    at = (at as Record<string, unknown>)[key];
  }
  if (typeof at === 'object' && at !== null && !Array.isArray(at)) (at as Record<string, unknown>)[path.at(-1)!] = value;
}

/** What "unchanged" is measured by; a missing file reads as the empty state, so it counts as holding it. */
function serialized(state: AppState): string {
  return JSON.stringify(state);
}

/**
 * conf's reader (JSON, a leading byte order mark ignored), stricter in one way: JSON that is not an
 * object is unreadable too, where conf would read it as an empty store and the next write would lose it.
 */
function parseStoredObject(text: string): StoredObject {
  const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyntaxError('The saved data is not a JSON object.');
  return value as StoredObject;
}

function keptSummary(state: AppState): string {
  const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${counted(state.cases.length, 'watched case', 'watched cases')}, ${counted(state.history.length, 'history entry', 'history entries')} and ${counted(state.ledger.length, 'notification record', 'notification records')}`;
}

function asSentence(problem: string): string {
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}

// Salvage of a file that is not valid JSON (cut short by a crash, or damaged in place): every top-level
// entry whose value is whole is kept, and from a list that is cut short or damaged, every whole item.

const UNREADABLE = Symbol('unreadable');

function salvageObject(text: string): StoredObject | undefined {
  let at = skipSpace(text, text.startsWith('\uFEFF') ? 1 : 0);
  if (text[at] !== '{') return undefined;
  const kept: [string, unknown][] = [];
  at += 1;
  for (;;) {
    at = skipSpace(text, at);
    const keyEnd = text[at] === '"' ? valueEnd(text, at) : undefined;
    if (keyEnd === undefined) break;
    const key = parseJson(text.slice(at, keyEnd));
    at = skipSpace(text, keyEnd);
    if (text[at] !== ':') break;
    at = skipSpace(text, at + 1);
    const end = valueEnd(text, at);
    const value = end === undefined ? UNREADABLE : parseJson(text.slice(at, end));
    if (typeof key === 'string') {
      if (value !== UNREADABLE) kept.push([key, value]);
      else if (text[at] === '[') kept.push([key, salvageItems(text, at + 1)]);
    }
    if (end === undefined) break;
    at = skipSpace(text, end);
    if (text[at] !== ',') break;
    at += 1;
  }
  return Object.fromEntries(kept);
}

/** The whole, readable items of a list starting at `at` (just past its `[`), up to where it stops being readable. */
function salvageItems(text: string, at: number): unknown[] {
  const items: unknown[] = [];
  for (;;) {
    at = skipSpace(text, at);
    const end = valueEnd(text, at);
    if (end === undefined) return items;
    const item = parseJson(text.slice(at, end));
    if (item !== UNREADABLE) items.push(item);
    at = skipSpace(text, end);
    if (text[at] !== ',') return items;
    at += 1;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return UNREADABLE;
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\r\n'.includes(text.charAt(at))) at += 1;
  return at;
}

/**
 * Where the JSON value starting at `at` ends (exclusive), by its brackets and quotes only; undefined when
 * there is no whole value there (nothing, or the text stops first: a bare number running to the end may be cut short).
 */
function valueEnd(text: string, at: number): number | undefined {
  const first = text.charAt(at);
  if (first !== '{' && first !== '[' && first !== '"') {
    for (let i = at; i < text.length; i += 1) if (',]} \t\r\n'.includes(text.charAt(i))) return i > at ? i : undefined;
    return undefined;
  }
  let depth = 0;
  let inString = false;
  for (let i = at; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
    if (!inString && depth === 0) return i + 1;
  }
  return undefined;
}
