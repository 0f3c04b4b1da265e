// Opening the store, decided purely: from the text of the file, of its last good copy and of the file saved beside
// a newer version's, what state to start from, what came from where, what to keep aside and what to tell. No I/O.

import { LIMITS } from '../../shared/limits';
import { AppStateSchema, emptyState, STATE_VERSION, type AppState, type StoredStateProblem } from '../../shared/monitor/state';
import { migrated } from './migrations';
import { recoveryWords, type FileNames, type ReadingNote } from './recovery-words';
import { parseStoredObject, salvageJsonObject, salvageState, type SalvageLoss, type StoredObject } from './salvage';
import { isPlainObject } from './schema-fit';

/** The copies kept aside next to the file: not JSON, read only in part, or from before a migration. */
export const ASIDE_KINDS = ['corrupt', 'invalid', 'before-update'] as const;
export type AsideKind = (typeof ASIDE_KINDS)[number];

export interface RecoveryInput {
  /** The file's name in two parts: `config` and `.json`. */
  stem: string;
  ext: string;
  /** The file's text; null when there is no file. */
  main: string | null;
  /** The last good copy's text (`<stem>.backup<ext>`); null when there is none. */
  backup: string | null;
  /**
   * Set when `backup` is the copy a save could not update (kept as `<stem>.backup-stale<ext>`): it is older than the
   * file and is never called its last good copy. Null or absent: the backup is current.
   */
  backupStale?: BackupStaleMark | null;
  /** The text of the file this version saves to while the file is from a newer version (`<stem>.v<N><ext>`); null when there is none. */
  beside: string | null;
  /** The names already in the folder: a copy kept aside never takes one of them. */
  taken: ReadonlySet<string>;
  /** Epoch milliseconds, for the names of the copies kept aside. */
  now: number;
}

export interface RecoveryPlan {
  /** The state to start from. */
  state: AppState;
  /** Where it came from: the file, the file completed from its last good copy, the copy alone, the file beside, or nothing. */
  from: 'file' | 'file+backup' | 'backup' | 'beside' | 'nothing';
  /** The file kept as it is under another name first: moved when it is not JSON, copied when read in part or before a migration. */
  aside: { kind: AsideKind; how: 'move' | 'copy'; name: string } | null;
  /** Where saves go: the file, or the file beside it when the file is from a newer version (which is never written). */
  saveTo: 'file' | 'beside';
  /** `write`: save `state` now; `holds-state`: the disk already holds it; `holds-other`: it holds another version's file, so the first change is saved. */
  disk: 'write' | 'holds-state' | 'holds-other';
  /** What to tell the user, in order; empty when the file read cleanly (a migration that lost nothing included). */
  problems: StoredStateProblem[];
}

/** The names of the files around `<stem><ext>` (the backup, the file beside a newer one, the backup a save could not update). */
export function storeFileNames(stem: string, ext: string): { file: string; backup: string; beside: string; backupStale: string } {
  return { file: `${stem}${ext}`, backup: `${stem}.backup${ext}`, beside: `${stem}.v${STATE_VERSION}${ext}`, backupStale: `${stem}.backup-stale${ext}` };
}

/** The backup is older than the file: a save could not update it. `backupFrom`: when it was last written (null: unknown). */
export interface BackupStaleMark {
  backupFrom: string | null;
}

export function planRecovery(input: RecoveryInput): RecoveryPlan {
  const stale = input.backupStale ?? null;
  const names: FileNames = { ...storeFileNames(input.stem, input.ext), backupStale: stale ? { from: stale.backupFrom } : null };
  const aside = (kind: AsideKind, how: 'move' | 'copy') => ({ kind, how, name: asideName(input, kind) });
  // Read only when needed: a file that reads cleanly never looks at its backup.
  let backupRead: (StoredReading & { damaged?: boolean }) | null | undefined;
  const backup = () => {
    if (backupRead === undefined) {
      backupRead = readBackup(input.backup, names);
      // A backup that was damaged itself is named so, never "the last good copy".
      if (backupRead?.damaged) names.backupDamaged = true;
    }
    return backupRead;
  };

  if (input.main === null) {
    const fromBackup = backup();
    if (!fromBackup) return { state: emptyState(), from: 'nothing', aside: null, saveTo: 'file', disk: 'holds-state', problems: [] };
    // The file is gone but its last good copy is not (removed by hand, or by another program).
    return { state: structuredClone(fromBackup.state), from: 'backup', aside: null, saveTo: 'file', disk: 'write', problems: [recoveryWords.missingBackToBackup(names), ...fromBackup.problems] };
  }

  const stored = parseStoredObject(input.main);
  if (!stored) {
    // Not readable JSON: moved aside, and every whole value it still holds kept.
    const moved = aside('corrupt', 'move');
    const kept = salvageJsonObject(input.main);
    const salvaged = readStored(kept);
    const fromBackup = backup();
    const told = { ...names, aside: moved.name };
    if (fromBackup) {
      const state = completedFrom(salvaged.state, kept ?? {}, fromBackup.state, salvaged.resetFields);
      return { state, from: 'file+backup', aside: moved, saveTo: 'file', disk: 'write', problems: [recoveryWords.damagedBackToBackup(told, state), ...fromBackup.problems] };
    }
    return { state: salvaged.state, from: 'file', aside: moved, saveTo: 'file', disk: 'write', problems: [recoveryWords.damagedKeptWhatItCould(told, salvaged.state), ...salvaged.problems] };
  }

  const version = typeof stored.version === 'number' ? stored.version : 0;
  if (version > STATE_VERSION) {
    // A newer DACA Watch wrote this file: it is read as far as this version understands and never overwritten.
    const besideText = input.beside === null ? null : parseStoredObject(input.beside);
    const reading = readStored(besideText ?? stored);
    return {
      state: reading.state,
      from: besideText ? 'beside' : 'file',
      aside: null,
      saveTo: 'beside',
      disk: besideText ? 'holds-state' : 'holds-other',
      problems: [recoveryWords.newerVersion(names, version), ...(besideText ? [] : reading.problems)],
    };
  }

  const reading = readStored(stored);
  if (reading.problems.length > 0) {
    const copied = aside('invalid', 'copy');
    const fromBackup = backup();
    const state = fromBackup ? completedFrom(reading.state, stored, fromBackup.state, reading.resetFields) : reading.state;
    return {
      state,
      from: fromBackup ? 'file+backup' : 'file',
      aside: copied,
      saveTo: 'file',
      disk: 'write',
      problems: [recoveryWords.readInPart({ ...names, aside: copied.name }, Boolean(fromBackup)), ...reading.problems],
    };
  }
  if (stored.version !== STATE_VERSION) {
    // A clean migration loses nothing, so it is not reported; the old file is kept in case a migration is wrong.
    return { state: reading.state, from: 'file', aside: aside('before-update', 'copy'), saveTo: 'file', disk: 'write', problems: [] };
  }
  return { state: reading.state, from: 'file', aside: null, saveTo: 'file', disk: 'holds-state', problems: [] };
}

/**
 * The backup read as the state, with what reading it lost (never changed by its callers, which copy what they keep): whole when it parses, or salvaged value by value and
 * then field by field when it is damaged itself (the same rules as the file). Null when nothing of it can be read.
 */
function readBackup(text: string | null, names: FileNames): (StoredReading & { damaged?: boolean }) | null {
  if (text === null) return null;
  // The same backup is often read again (a store opened twice, every cut of a file tried against one copy): the last reading is kept.
  const named = `${names.backup}${names.backupStale ? ' (older)' : ''}`;
  if (lastBackup && lastBackup.text === text && lastBackup.named === named) return lastBackup.reading;
  const reading = readBackupNow(text, names);
  lastBackup = { text, named, reading };
  return reading;
}

/** The last backup read, with the reading it gave (a cache of a pure function: the same text reads the same). */
let lastBackup: { text: string; named: string; reading: (StoredReading & { damaged?: boolean }) | null } | null = null;

function readBackupNow(text: string, names: FileNames): (StoredReading & { damaged?: boolean }) | null {
  const whole = parseStoredObject(text);
  if (whole) return readStored(whole);
  const kept = salvageJsonObject(text);
  // A copy cut before anything but its version holds nothing to read.
  if (!kept || !Object.keys(kept).some((key) => key !== 'version')) return null;
  const reading = readStored(kept);
  return { ...reading, damaged: true, problems: [recoveryWords.backupDamaged(names), ...reading.problems] };
}

/** The name of a copy kept aside, stamped with the time; never one already taken, so no copy replaces another. */
function asideName(input: RecoveryInput, kind: AsideKind): string {
  const base = `${input.stem}.${kind}-${new Date(input.now).toISOString().replaceAll(':', '-')}`;
  let candidate = `${base}${input.ext}`;
  for (let n = 2; input.taken.has(candidate); n += 1) candidate = `${base}-${n}${input.ext}`;
  return candidate;
}

interface StoredReading {
  state: AppState;
  /** What could not be read and was dropped or reset, for the user. */
  problems: StoredStateProblem[];
  /** Where a value was there but could not be read, so its default stands in (paths of keys). */
  resetFields: string[][];
}

/**
 * A stored object of any known version read as the state, salvaging what it can: a newer version read as far as
 * understood, an older one migrated, then a bad section falls back to its default and a bad list item is dropped.
 */
function readStored(raw: StoredObject | undefined): StoredReading {
  if (raw === undefined) return { state: emptyState(), problems: [], resetFields: [] };
  const notes: ReadingNote[] = [];
  let version = typeof raw.version === 'number' ? raw.version : 0;
  let record = raw;
  if (version > STATE_VERSION) {
    notes.push({ kind: 'newer-version', version });
    version = STATE_VERSION;
    record = { ...record, version };
  }
  const migration = migrated(record, version);
  if ('missingFrom' in migration) {
    notes.push({ kind: 'no-migration', version: migration.missingFrom });
    return { state: emptyState(), problems: notes.map(recoveryWords.note), resetFields: [] };
  }
  const whole = AppStateSchema.safeParse({ ...migration.record, version: STATE_VERSION });
  if (whole.success) return { state: whole.data, problems: notes.map(recoveryWords.note), resetFields: [] };
  const { state, losses, resetFields } = salvageState(migration.record);
  return { state, problems: [...notes.map(recoveryWords.note), ...losses.map((loss: SalvageLoss) => recoveryWords.loss(loss))], resetFields };
}

/**
 * A state read only in part, completed from the backup: every section the damaged file no longer held is taken
 * from the backup, a value that could not be read takes the backup's, and every list and record a person's data
 * lives in is the union of both by identity (a case by receipt, a history entry or notification record by key, a
 * snapshot part by receipt with the newer reading winning, learned titles by code, the account's cases by
 * receipt), so nothing found, notified, watched or read before is lost or notified again.
 */
function completedFrom(partial: AppState, stored: unknown, backup: AppState, resetFields: readonly string[][] = []): AppState {
  // Copied on write along every path changed (below), so neither reading is changed: `partial` may be tried again.
  const merged = { ...partial } as Record<string, unknown> & AppState;
  fillMissing(merged, stored, backup);
  // A value that could not be read takes the last good copy's value rather than the default (one bad setting
  // keeps the user's own choice, "mask receipt numbers" included). Values inside lists are not matched up.
  for (const path of resetFields) {
    const fromBackup = valueAt(backup, path);
    if (fromBackup !== undefined && path.length > 0) setValueAt(merged, path, fromBackup);
  }
  const checked = AppStateSchema.safeParse(merged);
  if (!checked.success) return resetFields.length > 0 ? completedFrom(partial, stored, backup, []) : unionOf(partial, backup);
  return unionOf(checked.data, backup);
}

/**
 * `state` with every item of the backup's identified lists and records that it lacks; where both hold one, the newer
 * by its time. Both are this planner's own readings, so their items are taken as they are (no copies).
 */
function unionOf(state: AppState, backup: AppState): AppState {
  const merged = { ...state, snapshots: { ...state.snapshots }, learnedTitles: { ...state.learnedTitles }, schedule: { ...state.schedule, cases: { ...state.schedule.cases } } };
  merged.cases = unionBy(merged.cases, backup.cases, (item) => item.receipt, () => false).slice(0, casesLimit);
  merged.history = unionBy(merged.history, backup.history, (finding) => finding.key, (ours, theirs) => theirs.foundAt > ours.foundAt)
    .sort((a, b) => a.foundAt.localeCompare(b.foundAt))
    .slice(-LIMITS.history);
  // The ledger keeps its order (the file's records, then the backup's it lacks); the newest last are kept.
  merged.ledger = unionBy(merged.ledger, backup.ledger, (entry) => entry.key, (ours, theirs) => theirs.notifiedAt > ours.notifiedAt).slice(-LIMITS.ledger);
  for (const [receipt, theirs] of Object.entries(backup.snapshots)) {
    const ours = merged.snapshots[receipt];
    if (!ours) {
      merged.snapshots[receipt] = theirs;
      continue;
    }
    // Each reading (detail, status, documents) on its own: the newer one by the time it was read.
    merged.snapshots[receipt] = {
      detail: theirs.detail && (!ours.detail || theirs.detail.at > ours.detail.at) ? theirs.detail : ours.detail,
      status: theirs.status && (!ours.status || theirs.status.at > ours.status.at) ? theirs.status : ours.status,
      documents: theirs.documents && (!ours.documents || theirs.documents.at > ours.documents.at) ? theirs.documents : ours.documents,
    };
  }
  for (const [code, title] of Object.entries(backup.learnedTitles)) if (!Object.hasOwn(merged.learnedTitles, code)) merged.learnedTitles[code] = title;
  const newerList = (backup.accountCases.readAt ?? '') > (merged.accountCases.readAt ?? '');
  merged.accountCases = {
    readAt: newerList ? backup.accountCases.readAt : merged.accountCases.readAt,
    cases: (newerList ? unionBy(backup.accountCases.cases, merged.accountCases.cases, (c) => c.receipt, () => false) : unionBy(merged.accountCases.cases, backup.accountCases.cases, (c) => c.receipt, () => false)).slice(0, accountCasesLimit),
  };
  for (const [receipt, entry] of Object.entries(backup.schedule.cases)) merged.schedule.cases[receipt] ??= entry;
  // Parsed again: a state of its own (no object shared with either reading), and within every bound.
  const checked = AppStateSchema.safeParse(merged);
  return checked.success ? checked.data : structuredClone(state);
}

const casesLimit = 10;
const accountCasesLimit = 50;

/** `ours` in its order, then every item of `theirs` whose identity it lacks; `theirsWins`: where both hold it, take theirs. */
function unionBy<T>(ours: readonly T[], theirs: readonly T[], identity: (item: T) => string, theirsWins: (ours: T, theirs: T) => boolean): T[] {
  const at = new Map<string, number>();
  const result: T[] = [];
  for (const item of ours) {
    const key = identity(item);
    if (at.has(key)) continue;
    at.set(key, result.length);
    result.push(item);
  }
  for (const item of theirs) {
    const key = identity(item);
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, result.length);
      result.push(item);
    } else if (theirsWins(result[index]!, item)) result[index] = item;
  }
  return result;
}

/**
 * Every field the stored object did not hold at all (at any depth, through objects only) takes the backup's value:
 * a file cut short, or left with only some of its settings, does not turn the rest into defaults. `target` is the
 * caller's own object; the objects below it are copied before they change (the values taken are parsed again after).
 */
function fillMissing(target: Record<string, unknown>, stored: unknown, backup: unknown): void {
  if (!isPlainObject(backup) || !isPlainObject(stored)) return;
  for (const [key, value] of Object.entries(backup)) {
    if (!Object.hasOwn(stored, key)) target[key] = value;
    else if (isPlainObject(target[key]) && isPlainObject(value)) {
      const own = { ...target[key] };
      target[key] = own;
      fillMissing(own, stored[key], value);
    }
  }
}

/** The value at a path of keys through objects only; undefined where the path is missing or crosses a list. */
function valueAt(root: unknown, path: readonly string[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (!isPlainObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** Sets the value at a path of keys through objects only, copying each object on the way (nothing shared is changed). */
function setValueAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = root;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (!isPlainObject(next)) return;
    const own = { ...next };
    at[key] = own;
    at = own;
  }
  at[path.at(-1)!] = value;
}
