// A date typed into the dashboard is saved only when complete and real: Chromium's date input reports '0002-04-20',
// '0020-04-20', '0202-04-20' while the year is typed key by key, and none of those is ever a date to save; a real
// date far from the field's usual range is asked about once. Pure.

import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween } from '../../../shared/knowledge/calendar-days';
import { typedDate, usualRange } from '../../../shared/monitor/date-entry';
import { SETTINGS_DATE_YEARS, settingsDateProblem, withUsableDates } from '../../../shared/monitor/settings-dates';

const TODAY = '2026-12-08';
const EXPIRY = usualRange('permitExpiry', TODAY);

/** What Chromium's date input holds after each key of `year` is typed into its year field (month and day set). */
function yearKeyByKey(year: string, monthDay = '04-20'): string[] {
  return [...year].map((_, typed) => `${year.slice(0, typed + 1).padStart(4, '0')}-${monthDay}`);
}

describe('typedDate', () => {
  it('never takes a year still being typed, for every year a settings date may have, whatever the range', () => {
    const everything = { from: '0001-01-01', to: '9999-12-31' };
    for (let year = SETTINGS_DATE_YEARS.min; year <= SETTINGS_DATE_YEARS.max; year += 1) {
      const steps = yearKeyByKey(String(year));
      expect(steps.slice(0, 3).map((value) => typedDate(value, everything).kind), steps.join(' ')).toEqual(['incomplete', 'incomplete', 'incomplete']);
      expect(typedDate(steps[3]!, everything)).toEqual({ kind: 'plausible', day: steps[3] });
    }
  });

  it('takes 2027-04-20 typed key by key as the expiry only at the last key', () => {
    expect(yearKeyByKey('2027').map((value) => typedDate(value, EXPIRY))).toEqual([
      { kind: 'incomplete' },
      { kind: 'incomplete' },
      { kind: 'incomplete' },
      { kind: 'plausible', day: '2027-04-20' },
    ]);
  });

  it('asks about 2036 as an expiry (ten years away), and about an expiry long past', () => {
    expect(typedDate('2036-04-20', EXPIRY)).toEqual({ kind: 'ask', day: '2036-04-20', year: 2036 });
    expect(typedDate('2019-04-20', EXPIRY)).toEqual({ kind: 'ask', day: '2019-04-20', year: 2019 });
  });

  it('refuses what main refuses, with its sentence in both languages: outside 2012-2100, or no real day', () => {
    for (const value of ['9999-12-31', '2101-01-01', '1999-12-31', '2027-02-30', '2027-13-01']) {
      const typed = typedDate(value, EXPIRY);
      expect(typed.kind, value).toBe('invalid');
      if (typed.kind === 'invalid') expect(typed.problem).toEqual(settingsDateProblem(value));
    }
    // Chromium's year field takes a fifth digit (and up to 275760): refused as a year, not as a shape.
    for (const value of ['20271-04-20', '275760-04-20']) expect(typedDate(value, EXPIRY)).toMatchObject({ kind: 'invalid', problem: { en: expect.stringContaining('outside the years') } });
  });

  it('reads an empty field as cleared', () => {
    expect(typedDate('', EXPIRY)).toEqual({ kind: 'empty' });
    expect(typedDate('  ', EXPIRY)).toEqual({ kind: 'empty' });
  });

  it('takes both ends of the range and asks one day past either', () => {
    expect(typedDate(EXPIRY.from, EXPIRY).kind).toBe('plausible');
    expect(typedDate(EXPIRY.to, EXPIRY).kind).toBe('plausible');
    expect(typedDate(addDays(EXPIRY.from, -1), EXPIRY).kind).toBe('ask');
    expect(typedDate(addDays(EXPIRY.to, 1), EXPIRY).kind).toBe('ask');
  });
});

describe('usualRange', () => {
  it("takes a current permit's expiry a renewal can have: a two-year card from today, one lapsed within the year", () => {
    // A DACA work permit runs two years: one approved today expires two years on, still inside.
    expect(typedDate(addYears(TODAY, 2), EXPIRY).kind).toBe('plausible');
    // A renewal may be filed within a year of the expiry (after that it is an initial request).
    expect(typedDate(addYears(TODAY, -1), EXPIRY).kind).toBe('plausible');
    expect(daysBetween(TODAY, EXPIRY.to)).toBeGreaterThan(2 * 365);
    expect(daysBetween(TODAY, EXPIRY.to)).toBeLessThanOrEqual(3 * 366);
  });

  it("takes the new card's dates around the approval, and asks about one ten years later", () => {
    const approvedOn = '2026-10-02';
    const from = usualRange('newCardValidFrom', TODAY, approvedOn);
    const expiry = usualRange('newCardExpiry', TODAY, approvedOn);
    // The card of a renewal approved on Oct 2, 2026: valid from that day for two years (less a day).
    expect(typedDate(approvedOn, from).kind).toBe('plausible');
    expect(typedDate(addDays(addYears(approvedOn, 2), -1), expiry).kind).toBe('plausible');
    expect(typedDate(addYears(approvedOn, 10), expiry)).toMatchObject({ kind: 'ask', year: 2036 });
    // A card cannot expire before it was approved.
    expect(typedDate(addDays(approvedOn, -1), expiry).kind).toBe('ask');
  });

  it('counts from today before the approval day is known', () => {
    expect(usualRange('newCardExpiry', TODAY, null)).toEqual(usualRange('newCardExpiry', TODAY, TODAY));
  });
});

describe('withUsableDates', () => {
  const settings = { permitExpiry: '2027-04-20', newCardValidFrom: null, newCardExpiry: '2028-10-01', language: 'es' as const };

  it('is the same object when every date is usable', () => {
    expect(withUsableDates(settings)).toBe(settings);
  });

  it('leaves out a year below 100 or an impossible day (the page counts days from them), and keeps the rest', () => {
    expect(withUsableDates({ ...settings, permitExpiry: '0002-04-20', newCardExpiry: '2027-02-30' })).toEqual({ ...settings, permitExpiry: null, newCardExpiry: null });
  });
});
