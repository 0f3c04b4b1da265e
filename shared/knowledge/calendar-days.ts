// Whole-day arithmetic on civil calendar dates (`2026-05-29`), and "today" in a time zone, for the DACA day counts.
// Dates are counted as calendar days (year, month, day), never by adding 24-hour spans to a local time.

import { dateOnlyDay, toIsoDate, toIsoInstant } from '../myuscis/dates';

/** `2026-05-29` from `2026-05-29` or an ISO instant (its date as written); throws on anything else. */
export function calendarDay(value: string): string {
  const day = toIsoDate(value);
  if (day === null) throw new RangeError(`Not a YYYY-MM-DD date or ISO instant: "${value}"`);
  return day;
}

/** The civil day's serial number (days since 1970-01-01): Date.UTC counts calendar days, with no zone and no DST. */
function serial(day: string): number {
  const [year, month, date] = calendarDay(day).split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

function fromParts(year: number, monthIndex: number, date: number): string {
  const made = new Date(Date.UTC(year, monthIndex, date));
  // Years 0-99 are taken by Date.UTC as 1900-1999: set the year again to keep them.
  if (year >= 0 && year < 100) made.setUTCFullYear(year);
  return made.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return serial(to) - serial(from);
}

/** The calendar day `days` days after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = calendarDay(day).split('-').map(Number) as [number, number, number];
  return fromParts(year, month - 1, date + days);
}

/** The same month and day `years` years later; a February 29 with no twin becomes March 1. */
export function addYears(day: string, years: number): string {
  const [year, month, date] = calendarDay(day).split('-').map(Number) as [number, number, number];
  return fromParts(year + years, month - 1, date);
}

/**
 * The same day `months` calendar months later (earlier when negative); a day the target month lacks becomes that
 * month's last day: January 31 + 1 month is February 28 (29 in a leap year), as people count "a month from now".
 * (addYears moves February 29 to March 1 instead: a card's anniversary, a different convention.)
 */
export function addMonths(day: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths takes whole months, not ${months}`);
  const [year, month, date] = calendarDay(day).split('-').map(Number) as [number, number, number];
  const target = month - 1 + months;
  const targetYear = year + Math.floor(target / 12);
  const targetMonth = ((target % 12) + 12) % 12;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(2000, targetMonth + 1, 0)).getUTCDate();
  const leapFebruary = targetMonth === 1 && (targetYear % 4 === 0 && (targetYear % 100 !== 0 || targetYear % 400 === 0));
  return fromParts(targetYear, targetMonth, Math.min(date, targetMonth === 1 ? (leapFebruary ? 29 : 28) : lastDay));
}

/** One formatter per named zone: making one costs milliseconds (ICU), using one microseconds. */
const ZONE_FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) it is at `ms` in `timeZone` (an IANA name; default: this computer's). */
export function dayInZone(ms: number, timeZone?: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  if (timeZone === undefined) {
    // This computer's zone, as Date reads it now (it follows a zone changed while the app runs, as Date does).
    const date = new Date(ms);
    return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  }
  let formatter = ZONE_FORMATTERS.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    ZONE_FORMATTERS.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The user's calendar day for a value USCIS sent: a day with no time of day (`2026-05-29`, or midnight UTC, how
 * USCIS sends date-only fields) is that day everywhere; a real time (`2026-06-04T02:09:53Z`) is the day it was in
 * `timeZone` (default: this computer's), June 3 in California. Null when the value is not a date.
 */
export function userDay(value: string, timeZone?: string): string | null {
  const day = dateOnlyDay(value);
  if (day !== null) return day;
  const instant = toIsoInstant(value);
  return instant === null ? null : dayInZone(Date.parse(instant), timeZone);
}
