// The dates a person types into the settings (the work permit's expiry, the new card's dates): a real calendar
// day written YYYY-MM-DD, within sane years. Plain data and one check, shared by the settings schema (so a stored
// impossible date is dropped by the store's salvage), the terminal runner and the dashboard's settings handler.
// No zod here, so the dashboard can read it without bundling it.

import type { Localized } from '../localized';

/**
 * The years a settings date may fall in. DACA began on June 15, 2012: no DACA work permit or card of one is dated
 * before 2012. 2100 is far past any card's two years, and keeps the calendar's arithmetic (day 105, the next
 * window) on ordinary four-digit years. Anything outside is a typo, not a date to plan a renewal around.
 */
export const SETTINGS_DATE_YEARS = { min: 2012, max: 2100 } as const;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not a settings date (both languages), or null when it is one. */
export function settingsDateProblem(value: string): Localized | null {
  const parts = SHAPE.exec(value);
  if (!parts) {
    return {
      en: `"${value.slice(0, 40)}" is not a date written YYYY-MM-DD (for example 2027-04-20).`,
      es: `"${value.slice(0, 40)}" no es una fecha escrita AAAA-MM-DD (por ejemplo 2027-04-20).`,
    };
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  // Dates roll February 30 over into March: a round trip tells a real calendar day (setUTCFullYear, unlike
  // Date.UTC, takes years below 100 as written).
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (month < 1 || month > 12 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return {
      en: `${value} is not a day on the calendar (check the month and the day).`,
      es: `${value} no es un día del calendario (revise el mes y el día).`,
    };
  }
  return year < SETTINGS_DATE_YEARS.min || year > SETTINGS_DATE_YEARS.max ? outsideTheYears(value) : null;
}

/** Why a date with this year is refused (a year of five digits too, which Chromium's date input lets one type). */
export function outsideTheYears(value: string): Localized {
  return {
    en: `${value} is outside the years a DACA work permit can have (${SETTINGS_DATE_YEARS.min} to ${SETTINGS_DATE_YEARS.max}).`,
    es: `${value} está fuera de los años que puede tener un permiso de trabajo de DACA (${SETTINGS_DATE_YEARS.min} a ${SETTINGS_DATE_YEARS.max}).`,
  };
}

export function isSettingsDate(value: string): boolean {
  return settingsDateProblem(value) === null;
}

type DatedSettings = { permitExpiry: string | null; newCardValidFrom: string | null; newCardExpiry: string | null };

/**
 * The settings with any date that is not a settings date left out (null): the dashboard counts days from them, and
 * a year below 100 has no place in that arithmetic (calendarDay throws on it). Main never sends one (its schema
 * refuses it); a stand-in that does must not break the page. The same object when every date is usable.
 */
export function withUsableDates<S extends DatedSettings>(settings: S): S {
  const usable = (value: string | null) => (value === null || isSettingsDate(value) ? value : null);
  const [permitExpiry, newCardValidFrom, newCardExpiry] = [usable(settings.permitExpiry), usable(settings.newCardValidFrom), usable(settings.newCardExpiry)];
  if (permitExpiry === settings.permitExpiry && newCardValidFrom === settings.newCardValidFrom && newCardExpiry === settings.newCardExpiry) return settings;
  return { ...settings, permitExpiry, newCardValidFrom, newCardExpiry };
}
