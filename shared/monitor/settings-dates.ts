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
  if (year < SETTINGS_DATE_YEARS.min || year > SETTINGS_DATE_YEARS.max) {
    return {
      en: `${value} is outside the years a DACA work permit can have (${SETTINGS_DATE_YEARS.min} to ${SETTINGS_DATE_YEARS.max}).`,
      es: `${value} está fuera de los años que puede tener un permiso de trabajo de DACA (${SETTINGS_DATE_YEARS.min} a ${SETTINGS_DATE_YEARS.max}).`,
    };
  }
  return null;
}

export function isSettingsDate(value: string): boolean {
  return settingsDateProblem(value) === null;
}
