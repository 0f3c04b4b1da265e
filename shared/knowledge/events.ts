// Case events as one fact each, in time order: myUSCIS lists them newest first (or in any order), re-emits them,
// writes near-duplicates milliseconds apart, and users trim them to {eventCode, createdAt}. Pure list logic only.

import { normaliseCode } from './action-code';

/** The event fields this needs; CaseDetail's events and stored snapshot events both fit. */
export interface TimedEvent {
  eventId?: string;
  eventCode?: string;
  eventTimestamp?: string;
  createdAtTimestamp?: string;
  /** Date-only fields (YYYY-MM-DD): all a trimmed payload may keep. */
  eventDateTime?: string;
  createdAt?: string;
}

/**
 * The same code written again within this long is the same fact: 19 ms and 112 ms were seen (MYUSCIS.md,
 * "near-duplicate events"); a few seconds leaves room without merging two real steps, which are minutes apart.
 */
export const NEAR_DUPLICATE_MS = 5_000;

/**
 * When the event happened as USCIS dates it (epoch ms), else when it was written; a date-only event counts from
 * midnight UTC of its day; NaN when nothing reads.
 */
export function eventTime(event: TimedEvent): number {
  for (const field of [event.eventTimestamp, event.createdAtTimestamp, event.eventDateTime, event.createdAt]) {
    const at = Date.parse(field ?? '');
    if (!Number.isNaN(at)) return at;
  }
  return NaN;
}

/**
 * The day of an event (YYYY-MM-DD): of its timestamp (UTC) when it has one, else its date-only fields. Always
 * derived in this order, so a stored event and the same event read again give the same day.
 */
export function eventDay(event: TimedEvent): string | undefined {
  for (const field of [event.eventTimestamp, event.eventDateTime, event.createdAtTimestamp, event.createdAt]) {
    const at = Date.parse(field ?? '');
    if (!Number.isNaN(at)) return new Date(at).toISOString().slice(0, 10);
  }
  return undefined;
}

/**
 * A stable name for one event: its code and its time, else its id, else its day (a trimmed `{eventCode, createdAt}`
 * event), else its code alone. The same event read again always gets the same name.
 */
export function eventIdentity(event: TimedEvent): string {
  return `${normaliseCode(event.eventCode ?? '')}:${event.eventTimestamp ?? event.eventId ?? eventDay(event) ?? ''}`;
}

/** Oldest first; undated events first; ties broken by when written, then by id, so any order gives one result. */
export function byEventTime(a: TimedEvent, b: TimedEvent): number {
  const [at, bt] = [eventTime(a), eventTime(b)];
  const [ad, bd] = [Number.isNaN(at) ? -Infinity : at, Number.isNaN(bt) ? -Infinity : bt];
  return ad - bd
    || (a.createdAtTimestamp ?? '').localeCompare(b.createdAtTimestamp ?? '')
    || (a.eventId ?? '').localeCompare(b.eventId ?? '');
}

/**
 * Whether two events are one fact: the same code and the same id; or at the same time (a re-emit) or within
 * NEAR_DUPLICATE_MS; or on the same day (one fact per code and day: FTA0 is written again days apart, 3-4 rows per
 * case, and a trimmed event has only its day). Two events of a code with no id, time or day are one fact too:
 * nothing tells them apart, and calling one new on every reading is the worse mistake.
 */
export function isSameEvent(a: TimedEvent, b: TimedEvent): boolean {
  if (normaliseCode(a.eventCode ?? '') !== normaliseCode(b.eventCode ?? '')) return false;
  if (a.eventId !== undefined && a.eventId === b.eventId) return true;
  const [at, bt] = [eventTime(a), eventTime(b)];
  if (!Number.isNaN(at) && !Number.isNaN(bt) && Math.abs(at - bt) <= NEAR_DUPLICATE_MS) return true;
  const [aDay, bDay] = [eventDay(a), eventDay(b)];
  if (aDay !== undefined || bDay !== undefined) return aDay === bDay;
  return a.eventId === undefined || b.eventId === undefined;
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
