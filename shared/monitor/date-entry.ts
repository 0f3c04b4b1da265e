// What a date the user is typing (the permit's expiry, the new card's dates) is worth saving: Chromium's date input
// reports a value after every key of the year ('0002-04-20', '0020-04-20', '0202-04-20', then '2027-04-20'), so
// only a complete, real date is saved; one far from the dates such a card has asks once before it is saved. Pure.

import { addDays, addYears } from '../knowledge/calendar-days';
import type { Localized } from '../localized';
import { outsideTheYears, settingsDateProblem } from './settings-dates';

/** The days a date in one field usually falls within (both included). */
export interface DateRange {
  from: string;
  to: string;
}

export type TypedDate =
  /** Nothing typed (a cleared field). */
  | { kind: 'empty' }
  /** Still being typed: a year with a leading zero is a year typed key by key (the 2 of 2027 reads as 0002). */
  | { kind: 'incomplete' }
  /** Complete but no date a settings field takes (main refuses it too): why, in both languages. */
  | { kind: 'invalid'; problem: Localized }
  /** A real date within the usual range: saved at once. */
  | { kind: 'plausible'; day: string }
  /** A real date outside the usual range (2036 for an expiry): asked about once, saved only when confirmed. */
  | { kind: 'ask'; day: string; year: number };

/** The value of a date input (`YYYY-MM-DD`, or '' while incomplete) judged against the field's usual range. */
export function typedDate(value: string, range: DateRange): TypedDate {
  const typed = value.trim();
  if (typed === '') return { kind: 'empty' };
  // A year below 1000 comes only from typing it key by key (no DACA date was ever written that way).
  if (/^0\d{3}-/.test(typed)) return { kind: 'incomplete' };
  // Chromium's year field takes more than four digits (20271, up to 275760).
  if (/^\+?\d{5,}-\d{2}-\d{2}$/.test(typed)) return { kind: 'invalid', problem: outsideTheYears(typed) };
  const problem = settingsDateProblem(typed);
  if (problem !== null) return { kind: 'invalid', problem };
  // Same-shaped days compare as text.
  if (typed < range.from || typed > range.to) return { kind: 'ask', day: typed, year: Number(typed.slice(0, 4)) };
  return { kind: 'plausible', day: typed };
}

export type DateField = 'permitExpiry' | 'newCardValidFrom' | 'newCardExpiry';

/**
 * The usual range of each field, on the user's `today` (and the approval's day, once known). A DACA work permit
 * (and the card of a renewal) runs two years from its approval:
 * - the current permit's expiry: from two years ago (a DACA lapsed for more than a year is asked for again as an
 *   initial request, not renewed) to three years ahead (two years of validity, plus a renewal approved early);
 * - the new card's first day: around the approval (half a year either way: the approval DACA Watch saw may be
 *   dated later than the card, and a card may be printed with a later start);
 * - the new card's expiry: from the approval to three years after it (two years, with room to spare).
 * Outside these, the date is still taken once the user says it is right: a guard against a typo, not a rule.
 */
export function usualRange(field: DateField, today: string, approvedOn: string | null = null): DateRange {
  const approval = approvedOn ?? today;
  switch (field) {
    case 'permitExpiry':
      return { from: addYears(today, -2), to: addYears(today, 3) };
    case 'newCardValidFrom':
      return { from: addDays(approval, -183), to: addDays(approval, 183) };
    case 'newCardExpiry':
      return { from: approval, to: addYears(approval, 3) };
  }
}
