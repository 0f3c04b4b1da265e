// What can still be read of a damaged store, pure: the whole values of JSON text cut short or damaged in place,
// and a stored object read field by field through the state's schema. Decides nothing about files or backups.

import { z } from 'zod';
import { AppStateSchema, emptyState, STATE_VERSION, type AppState } from '../../shared/monitor/state';
import { isPlainObject, maxLengthOf, unwrapped } from './schema-fit';

/** What a file holds before the state's schema has looked at it. */
export type StoredObject = Record<string, unknown>;

/** What salvage lost: a value reset to its default (path [] is the whole state), or unreadable list items dropped. */
export type SalvageLoss = { kind: 'reset'; path: string[] } | { kind: 'dropped'; path: string[]; count: number };

/** A value that could not be read at all (JSON that does not parse; nothing of a value fits its schema). */
const UNREADABLE = Symbol('unreadable');

/**
 * Text that reads as a JSON object (a leading byte order mark ignored); null for anything else, JSON that is
 * not an object included: such a file is damaged, since the store only ever writes an object.
 */
export function parseStoredObject(text: string): StoredObject | null {
  const value = parseJson(text.replace(/^\uFEFF/, ''));
  return isPlainObject(value) ? value : null;
}

// Salvage of text that is not valid JSON (cut short by a crash, or damaged in place): every top-level
// entry whose value is whole is kept, and from a list that is cut short or damaged, every whole item.

/** The whole top-level entries of a damaged JSON object; undefined when the text does not even open one. */
export function salvageJsonObject(text: string): StoredObject | undefined {
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

// Salvage field by field, of an object in the current format that the schema does not take whole.

export interface SalvagedState {
  state: AppState;
  /** What was lost, in order. */
  losses: SalvageLoss[];
  /** Where a value was there but could not be read, so its default stands in (paths of keys). */
  resetFields: string[][];
}

/** A stored object in the current format read as far as it can be: a bad value takes its default alone, a bad list item is dropped alone. */
export function salvageState(record: StoredObject): SalvagedState {
  const losses: SalvageLoss[] = [];
  const resetFields: string[][] = [];
  const salvaged = salvage(AppStateSchema, { ...record, version: STATE_VERSION }, [], losses, resetFields);
  return { state: salvaged === UNREADABLE ? emptyState() : AppStateSchema.parse(salvaged), losses, resetFields };
}

/**
 * The value `raw` read through `schema` as far as it can be: an object field by field (a bad one takes its
 * default, and only it), a list item by item (a bad one dropped, the newest `max` kept), a record entry by
 * entry. UNREADABLE when nothing of it fits and it has no default.
 */
function salvage(schema: z.ZodType, raw: unknown, path: string[], losses: SalvageLoss[], resets: string[][] = []): unknown {
  const read = schema.safeParse(raw);
  if (read.success) return read.data;
  const inner = unwrapped(schema);
  const fallback = () => {
    const byDefault = schema.safeParse(undefined);
    if (raw !== undefined) {
      losses.push({ kind: 'reset', path });
      resets.push(path);
    }
    return byDefault.success ? byDefault.data : UNREADABLE;
  };
  if (inner instanceof z.ZodObject && isPlainObject(raw)) {
    const fields: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const value = salvage(field, raw[key], [...path, key], losses, resets);
      if (value === UNREADABLE) return fallback();
      if (value !== undefined) fields[key] = value;
    }
    const whole = schema.safeParse(fields);
    return whole.success ? whole.data : fallback();
  }
  if (inner instanceof z.ZodArray && Array.isArray(raw)) {
    const element = inner.element as unknown as z.ZodType;
    // Each item field by field too; an item that keeps nothing (or nothing it needs) is dropped whole.
    const items: unknown[] = [];
    let dropped = 0;
    raw.forEach((item, index) => {
      const itemLosses: SalvageLoss[] = [];
      const value = salvage(element, item, [...path, String(index + 1)], itemLosses);
      if (value === UNREADABLE || (isPlainObject(value) && Object.keys(value).length === 0)) dropped += 1;
      else {
        items.push(value);
        losses.push(...itemLosses);
      }
    });
    if (dropped > 0) losses.push({ kind: 'dropped', path, count: dropped });
    const max = maxLengthOf(inner);
    const kept = max !== null && items.length > max ? items.slice(-max) : items;
    const whole = schema.safeParse(kept);
    return whole.success ? whole.data : fallback();
  }
  if (inner instanceof z.ZodRecord && isPlainObject(raw)) {
    const entries: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const entry = salvage(inner._zod.def.valueType as unknown as z.ZodType, value, [...path, key], losses, resets);
      if (entry !== UNREADABLE && entry !== undefined) entries[key] = entry;
    }
    const whole = schema.safeParse(entries);
    return whole.success ? whole.data : fallback();
  }
  return fallback();
}
