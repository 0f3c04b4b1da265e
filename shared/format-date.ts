// Dates and times as people read them, in English and Spanish: one function per shape, one Intl formatter kept
// per language, shape and zone. Does no date arithmetic (see knowledge/calendar-days.ts) and reads no clock.

import type { Language } from './localized';
import { dateOnlyDay } from './myuscis/dates';

const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** The shapes; a civil day is shown in UTC, so `2026-12-07` is December 7 wherever the computer is. */
const SHAPES = {
  longDay: { dateStyle: 'long', timeZone: 'UTC' },
  mediumDay: { dateStyle: 'medium', timeZone: 'UTC' },
  month: { month: 'short', timeZone: 'UTC' },
  monthYear: { month: 'short', year: 'numeric', timeZone: 'UTC' },
  longDateTime: { dateStyle: 'long', timeStyle: 'short' },
  mediumDateTime: { dateStyle: 'medium', timeStyle: 'short' },
  shortStamp: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  longStamp: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

type Shape = keyof typeof SHAPES;

/** One formatter per language, shape and zone: making one costs milliseconds (ICU), using one microseconds. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** `timeZone` undefined: this computer's zone, as it is when the formatter is first made. */
function formatter(lang: Language, shape: Shape, timeZone?: string): Intl.DateTimeFormat {
  const key = `${lang} ${shape} ${timeZone ?? ''}`;
  let kept = FORMATTERS.get(key);
  if (kept === undefined) {
    const options: Intl.DateTimeFormatOptions = timeZone === undefined ? SHAPES[shape] : { ...SHAPES[shape], timeZone };
    kept = new Intl.DateTimeFormat(LOCALES[lang], options);
    FORMATTERS.set(key, kept);
  }
  return kept;
}

/** A civil day (`2026-12-07`): "December 7, 2026" / "7 de diciembre de 2026". */
export function formatLongDay(day: string, lang: Language): string {
  return formatter(lang, 'longDay').format(Date.parse(day));
}

/** A civil day (`2026-12-07`): "Dec 7, 2026" / "7 dic 2026". */
export function formatMediumDay(day: string, lang: Language): string {
  return formatter(lang, 'mediumDay').format(Date.parse(day));
}

/** The month of a civil day: "Dec" / "dic", or "Dec 2026" / "dic 2026" with the year. */
export function formatMonth(day: string, lang: Language, withYear: boolean): string {
  return formatter(lang, withYear ? 'monthYear' : 'month').format(Date.parse(day));
}

/** An instant (epoch ms) in this computer's zone: "December 7, 2026 at 3:05 PM" / "7 de diciembre de 2026 a las 3:05 p.m.". */
export function formatLongDateTime(at: number, lang: Language): string {
  return formatter(lang, 'longDateTime').format(at);
}

/** An instant (epoch ms) in this computer's zone: "Dec 7, 2026, 3:05 PM" / "7 dic 2026, 3:05 p.m.". */
export function formatMediumDateTime(at: number, lang: Language): string {
  return formatter(lang, 'mediumDateTime').format(at);
}

/**
 * A time as USCIS or DACA Watch gave it (ISO): a value without a time of day (dateOnlyDay) as its day, "Dec 7, 2026",
 * never "12:00 AM" or the evening before; any other as date and time in this computer's zone.
 */
export function formatMediumTime(value: string, lang: Language): string {
  const day = dateOnlyDay(value);
  return day === null ? formatMediumDateTime(Date.parse(value), lang) : formatMediumDay(day, lang);
}

/** As formatMediumTime, the month written out: "December 7, 2026" / "December 7, 2026 at 3:05 PM". */
export function formatLongTime(value: string, lang: Language): string {
  const day = dateOnlyDay(value);
  return day === null ? formatLongDateTime(Date.parse(value), lang) : formatLongDay(day, lang);
}

/** An instant (epoch ms) in `timeZone` (default: this computer's), its zone named: "Dec 7, 2026, 3:05 PM EST". */
export function formatShortStamp(at: number, lang: Language, timeZone?: string): string {
  return formatter(lang, 'shortStamp', timeZone).format(at);
}

/** As formatShortStamp, the month written out: "December 7, 2026 at 3:05 PM EST" / "7 de diciembre de 2026 a las 3:05 p.m. EST". */
export function formatLongStamp(at: number, lang: Language, timeZone?: string): string {
  return formatter(lang, 'longStamp', timeZone).format(at);
}
