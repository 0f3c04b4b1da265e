// Case events as one fact each, in time order: myUSCIS lists them newest first (or in any order), re-emits them
// and writes near-duplicates milliseconds apart. Pure list logic: no reading of what a code means here.

import { normaliseCode } from './action-code';

/** The event fields this needs; CaseDetail's events and stored snapshot events both fit. */
export interface TimedEvent {
  eventId?: string;
  eventCode?: string;
  eventTimestamp?: string;
  createdAtTimestamp?: string;
}

/**
 * The same code written again within this long is the same fact: 19 ms and 112 ms were seen (MYUSCIS.md,
 * "near-duplicate events"); a few seconds leaves room without merging two real steps, which are minutes apart.
 */
export const NEAR_DUPLICATE_MS = 5_000;

/** When the event happened as USCIS dates it (epoch ms), else when it was written; NaN when neither reads. */
export function eventTime(event: TimedEvent): number {
  const at = Date.parse(event.eventTimestamp ?? '');
  return Number.isNaN(at) ? Date.parse(event.createdAtTimestamp ?? '') : at;
}

/** Oldest first; undated events first; ties broken by when written, then by id, so any order gives one result. */
export function byEventTime(a: TimedEvent, b: TimedEvent): number {
  const [at, bt] = [eventTime(a), eventTime(b)];
  const [ad, bd] = [Number.isNaN(at) ? -Infinity : at, Number.isNaN(bt) ? -Infinity : bt];
  return ad - bd
    || (a.createdAtTimestamp ?? '').localeCompare(b.createdAtTimestamp ?? '')
    || (a.eventId ?? '').localeCompare(b.eventId ?? '');
}

/** Whether two events are one fact: the same code at the same time (a re-emit) or within NEAR_DUPLICATE_MS. */
export function isSameEvent(a: TimedEvent, b: TimedEvent): boolean {
  if (normaliseCode(a.eventCode ?? '') !== normaliseCode(b.eventCode ?? '')) return false;
  const [at, bt] = [eventTime(a), eventTime(b)];
  if (Number.isNaN(at) || Number.isNaN(bt)) return a.eventId !== undefined && a.eventId === b.eventId;
  return Math.abs(at - bt) <= NEAR_DUPLICATE_MS;
}

/**
 * The events oldest first, each fact once (its first writing kept), and at most `limit` of them, the newest.
 * Sorting comes before trimming, so a newest-first list never loses its newest events.
 */
export function canonicalEvents<T extends TimedEvent>(events: readonly T[], limit = Infinity): T[] {
  const kept: T[] = [];
  const lastOfCode = new Map<string, T>();
  for (const event of [...events].sort(byEventTime)) {
    const code = normaliseCode(event.eventCode ?? '');
    const last = lastOfCode.get(code);
    lastOfCode.set(code, event);
    // A chain of writings each within the window of the one before is one fact.
    if (last !== undefined && isSameEvent(last, event)) continue;
    kept.push(event);
  }
  return limit >= kept.length ? kept : kept.slice(kept.length - limit);
}

/** Entries of `after` that are no fact of `before` (compared as facts, so a near-duplicate or re-emit is not new). */
export function eventsAdded<T extends TimedEvent>(before: readonly TimedEvent[], after: readonly T[]): T[] {
  return canonicalEvents(after).filter((event) => !before.some((known) => isSameEvent(known, event)));
}
