// Whole-day arithmetic on calendar dates (`2026-05-29`) in UTC, for the DACA day counts.
// Reads only the ISO forms the schemas produce; it never parses other date formats itself.

import { toIsoDate } from '../myuscis/dates';

const DAY_MS = 86_400_000;

/** `2026-05-29` from `2026-05-29` or an ISO instant (its date as written); throws on anything else. */
export function calendarDay(value: string): string {
  const day = toIsoDate(value);
  if (day === null) throw new RangeError(`Not a YYYY-MM-DD date or ISO instant: "${value}"`);
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(calendarDay(to)) - Date.parse(calendarDay(from))) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(calendarDay(day)) + days * DAY_MS).toISOString().slice(0, 10);
}
