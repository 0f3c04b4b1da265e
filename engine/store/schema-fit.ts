// The few questions the store asks of the state's zod schema and of a stored JSON value (a plain object? what
// does a wrapper hold? how long may a list be?), and the state cut to the schema's bounds before a save. Pure.

import { z } from 'zod';
import { capText } from '../../shared/limits';
import { AppStateSchema, type AppState } from '../../shared/monitor/state';

/** An object as JSON has them: not null, not a list. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema inside default/optional/nullable wrappers, and the input side of a transform (`.transform()`'s pipe). */
export function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodPipe) inner = inner._zod.def.in as unknown as z.ZodType;
    else return inner;
  }
}

/** A list schema's `.max(n)`, if it has one. */
export function maxLengthOf(schema: z.ZodArray): number | null {
  for (const check of schema._zod.def.checks ?? []) {
    const def = (check as { _zod: { def: { check?: string; maximum?: number } } })._zod.def;
    if (def.check === 'max_length' && typeof def.maximum === 'number') return def.maximum;
  }
  return null;
}

/**
 * The state with every list the schema bounds cut to its bound (the newest, last, kept) and every text capped:
 * the store's safety net, so that a list or a text longer than allowed can never make every save fail.
 */
export function boundState(state: AppState): AppState {
  return bounded(AppStateSchema, state) as AppState;
}

function bounded(schema: z.ZodType, value: unknown): unknown {
  if (typeof value === 'string') return capText(value);
  const inner = unwrapped(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, shape[key] ? bounded(shape[key], field) : field]));
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const max = maxLengthOf(inner);
    const kept = max !== null && value.length > max ? value.slice(-max) : value;
    return kept.map((item) => bounded(inner.element as unknown as z.ZodType, item));
  }
  if (inner instanceof z.ZodRecord && isPlainObject(value)) {
    const valueType = inner._zod.def.valueType as unknown as z.ZodType;
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, bounded(valueType, entry)]));
  }
  return value;
}
