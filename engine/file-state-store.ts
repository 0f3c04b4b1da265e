// The state store on disk: one `config.json` written through `conf` (the Electron shell passes electron-store), with
// recovery that moves a damaged file aside and keeps what it can read. Never deletes the user's data except on erase.

import { chmodSync, copyFileSync, constants, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { join, parse, resolve } from 'node:path';
import Conf, { type Options } from 'conf';
import { AppStateSchema, emptyState, readState, STATE_VERSION, type AppState, type StateReading } from '../shared/monitor/state';
import type { StatePort } from './ports';

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
}

export interface StateStore extends StatePort {
  /** The file's absolute path. */
  readonly path: string;
  /** What happened when the file was opened, in plain sentences (empty when it read cleanly). */
  readonly recovered: string[];
  /** How many times this store has written the file. */
  readonly writes: number;
}

/** The copies kept aside next to the file: not JSON, read only in part, or from before a migration. */
const ASIDE_KINDS = ['corrupt', 'invalid', 'before-update'] as const;
type AsideKind = (typeof ASIDE_KINDS)[number];

export function openStateStore(options: StateStoreOptions): StateStore {
  const dir = resolve(options.dir);
  const { name: stem, ext } = parse(options.fileName ?? 'config.json');
  const path = join(dir, `${stem}${ext}`);
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
    // No `serialize`: conf's default (tab-indented JSON) is the format electron-store writes too.
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

  const { file, damaged } = openOrMoveAside();
  let current = emptyState();
  let onDisk = serialized(current);
  let recovered: string[] = [];
  let writes = 0;
  const writeToDisk = (state: AppState) => {
    file.store = state;
    writes += 1;
    current = state;
    onDisk = serialized(state);
  };

  if (damaged) {
    const { state, problems } = readState(salvageObject(damaged.text));
    writeToDisk(state);
    recovered = [
      `The saved data in ${stem}${ext} was damaged and could not be read as a whole. It was moved aside as ${damaged.copy} in the same folder, and DACA Watch kept what it could read: ${keptSummary(state)}.`,
      ...problems.map(asSentence),
    ];
  } else if (existsSync(path)) {
    const raw = file.store;
    const { state, problems } = readState(raw);
    if (problems.length > 0) {
      const copy = keepAside('invalid', 'copy');
      writeToDisk(state);
      recovered = [`Part of the saved data in ${stem}${ext} could not be read. The original was kept as ${copy} in the same folder.`, ...problems.map(asSentence)];
    } else if (raw.version !== STATE_VERSION) {
      // A clean migration loses nothing, so it is not reported; the old file is kept in case a migration is wrong.
      keepAside('before-update', 'copy');
      writeToDisk(state);
    } else {
      current = state;
      onDisk = serialized(state);
    }
  }

  return {
    path,
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
      const valid = AppStateSchema.parse(state);
      if (serialized(valid) !== onDisk) writeToDisk(valid);
    },
    erase() {
      const ours = (name: string) =>
        name === `${stem}${ext}` ||
        name.startsWith(`${stem}${ext}.tmp-`) ||
        ASIDE_KINDS.some((kind) => name.startsWith(`${stem}.${kind}-`) && name.endsWith(ext));
      if (existsSync(dir)) {
        for (const name of readdirSync(dir).filter(ours)) rmSync(join(dir, name), { force: true });
        if (readdirSync(dir).length === 0) rmdirSync(dir);
      }
      current = emptyState();
      onDisk = serialized(current);
      recovered = [];
    },
  };
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
