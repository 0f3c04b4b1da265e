// Reads every date format myUSCIS sends (see MYUSCIS.md) as an ISO 8601 UTC instant or a YYYY-MM-DD date.
// Never throws and never guesses: anything it cannot read exactly, impossible dates included, becomes null.

import { memoByString } from '../memo';

/**
 * `07-18-2026 00:00:00` (historicalCaseStatuses[].date). It carries no zone and every value seen is
 * midnight, so it is read as UTC; `new Date()` parses this shape differently across engines, so never use it.
 */
const MONTH_DAY_YEAR = /^(?<month>\d{2})-(?<day>\d{2})-(?<year>\d{4})(?: (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2}))?$/;
/**
 * `2026-05-29`, `2026-06-04T02:09:53.542+0000` (no colon in the offset), `...Z`, `...+05:30`, with or
 * without seconds and fractions. A time without a zone is read as UTC, like the format above.
 */
const ISO_8601 =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d+))?)?(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

interface ReadDate {
  /** The calendar date as written, before any offset is applied. */
  writtenDate: string;
  /** Milliseconds since the epoch. */
  instant: number;
}

/** `2026-06-04T02:09:53.542Z` for any format above, or null. */
export function toIsoInstant(raw: unknown): string | null {
  const read = readDate(raw);
  return read === null ? null : new Date(read.instant).toISOString();
}

/**
 * `2026-06-04` for date-only fields (submissionDate, updatedAt, eventDateTime, createdAt), or null.
 * When the value is a full timestamp, this is the date as written in its own offset, not the UTC date:
 * `2026-06-03T22:00:00-0500` is June 3, the day USCIS meant.
 */
export function toIsoDate(raw: unknown): string | null {
  return readDate(raw)?.writtenDate ?? null;
}

/**
 * The day of a value that carries no time of day: `2026-05-29`, `07-18-2026 00:00:00`, or midnight exactly in UTC
 * (`2026-05-29T00:00:00.000Z`, `+0000`), which is how USCIS sends its date-only fields. Null for a time of day (or
 * a midnight in another offset, which is a real time) and for anything unreadable. Such a value is shown as a day:
 * as a time it reads "12:00 AM UTC", or the evening before in the Americas.
 */
export function dateOnlyDay(raw: unknown): string | null {
  const read = readDate(raw);
  return read !== null && read.instant === Date.parse(read.writtenDate) ? read.writtenDate : null;
}

function readDate(raw: unknown): ReadDate | null {
  return typeof raw === 'string' ? readDateText(raw) : null;
}

/** Read once per text: a year of history reads the same timestamps again and again. */
const readDateText = memoByString((raw): ReadDate | null => {
  const value = raw.trim();
  const parts = (MONTH_DAY_YEAR.exec(value) ?? ISO_8601.exec(value))?.groups;
  if (!parts) return null;
  const { year = '', month = '', day = '', hour = '0', minute = '0', second = '0', fraction = '', zone } = parts;
  const [y, mo, d, h, mi, s] = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)];
  const offsetMinutes = readOffset(zone);
  if (h > 23 || mi > 59 || s > 59 || offsetMinutes === null) return null;
  // Date.UTC rolls 02-30 over into March (and maps years below 100 to the 1900s): a round trip catches both.
  const midnight = new Date(Date.UTC(y, mo - 1, d));
  if (midnight.getUTCFullYear() !== y || midnight.getUTCMonth() !== mo - 1 || midnight.getUTCDate() !== d) return null;
  return {
    writtenDate: `${year}-${month}-${day}`,
    instant: midnight.getTime() + ((h * 60 + mi - offsetMinutes) * 60 + s) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
});

/** Minutes east of UTC for `Z`, `+0000`, `-05:00`, `+05` or no zone at all; null when out of range. */
function readOffset(zone: string | undefined): number | null {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
