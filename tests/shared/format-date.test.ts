import { describe, expect, it } from 'vitest';
import {
  formatLongDateTime,
  formatLongDay,
  formatLongStamp,
  formatLongTime,
  formatMediumDateTime,
  formatMediumDay,
  formatMediumTime,
  formatMonth,
  formatShortStamp,
} from '../../shared/format-date';
import { dateOnlyDay } from '../../shared/myuscis/dates';

/** ICU writes a narrow no-break space before "PM" in some versions: compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

const AT = Date.parse('2026-12-07T20:05:00Z');
const NEW_YORK = 'America/New_York';

describe('civil days', () => {
  it('are written long and medium in both languages', () => {
    expect(formatLongDay('2026-12-07', 'en')).toBe('December 7, 2026');
    expect(formatLongDay('2026-12-07', 'es')).toBe('7 de diciembre de 2026');
    expect(formatMediumDay('2026-12-07', 'en')).toBe('Dec 7, 2026');
    expect(formatMediumDay('2026-12-07', 'es')).toBe('7 dic 2026');
  });

  it('are the same day whatever the computer’s zone (shown in UTC)', () => {
    expect(formatLongDay('2027-01-01', 'en')).toBe('January 1, 2027');
    expect(formatMediumDay('2026-12-31', 'en')).toBe('Dec 31, 2026');
    expect(formatLongDay('2028-02-29', 'es')).toBe('29 de febrero de 2028');
  });

  it('give their month, with or without the year', () => {
    expect(formatMonth('2026-06-15', 'en', false)).toBe('Jun');
    expect(formatMonth('2026-06-15', 'en', true)).toBe('Jun 2026');
    expect(formatMonth('2026-12-01', 'es', false)).toBe('dic');
    expect(formatMonth('2026-12-01', 'es', true)).toBe('dic 2026');
  });
});

describe('instants with their zone named', () => {
  it('are written short and long in the zone given', () => {
    expect(plain(formatShortStamp(AT, 'en', NEW_YORK))).toBe('Dec 7, 2026, 3:05 PM EST');
    expect(plain(formatShortStamp(AT, 'es', NEW_YORK))).toBe('7 dic 2026, 3:05 p.m. EST');
    expect(plain(formatLongStamp(AT, 'en', NEW_YORK))).toBe('December 7, 2026 at 3:05 PM EST');
    expect(plain(formatLongStamp(AT, 'es', NEW_YORK))).toBe('7 de diciembre de 2026 a las 3:05 p.m. EST');
    expect(plain(formatShortStamp(AT, 'en', 'UTC'))).toBe('Dec 7, 2026, 8:05 PM UTC');
  });

  it('keep one formatter per zone (a second zone does not change the first)', () => {
    const tokyo = plain(formatShortStamp(AT, 'en', 'Asia/Tokyo'));
    expect(tokyo).toBe('Dec 8, 2026, 5:05 AM GMT+9');
    expect(plain(formatShortStamp(AT, 'en', NEW_YORK))).toBe('Dec 7, 2026, 3:05 PM EST');
    expect(plain(formatShortStamp(AT, 'en', 'Asia/Tokyo'))).toBe(tokyo);
  });
});

describe('instants in this computer’s zone', () => {
  const local = (lang: 'en' | 'es', dateStyle: 'long' | 'medium') =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'es-US', { dateStyle, timeStyle: 'short' }).format(AT);

  it('are written as Intl writes them for the computer’s zone, long and medium', () => {
    expect(formatLongDateTime(AT, 'en')).toBe(local('en', 'long'));
    expect(formatLongDateTime(AT, 'es')).toBe(local('es', 'long'));
    expect(formatMediumDateTime(AT, 'en')).toBe(local('en', 'medium'));
    expect(formatMediumDateTime(AT, 'es')).toBe(local('es', 'medium'));
  });

  it('have the shapes the notifications and the dashboard show', () => {
    expect(plain(formatLongDateTime(AT, 'en'))).toMatch(/^December [78], 2026 at \d{1,2}:05 [AP]M$/);
    expect(plain(formatLongDateTime(AT, 'es'))).toMatch(/^[78] de diciembre de 2026 a las \d{1,2}:05 [ap]\. ?m\.$/);
    expect(plain(formatMediumDateTime(AT, 'en'))).toMatch(/^Dec [78], 2026, \d{1,2}:05 [AP]M$/);
    expect(plain(formatMediumDateTime(AT, 'es'))).toMatch(/^[78] dic 2026, \d{1,2}:05 [ap]\. ?m\.$/);
  });
});

describe('a value USCIS gave without a time of day', () => {
  /** As USCIS sends date-only fields: a bare day, its MM-DD-YYYY midnight, and midnight exactly in UTC. */
  const DATE_ONLY = ['2026-05-29', '05-29-2026 00:00:00', '2026-05-29T00:00:00.000Z', '2026-05-29T00:00:00.000+0000', '2026-05-29T00:00Z'];

  it.each(DATE_ONLY)('%s is a day, shown as that day (no time, not the day before), in both languages', (value) => {
    expect(dateOnlyDay(value)).toBe('2026-05-29');
    expect(formatMediumTime(value, 'en')).toBe('May 29, 2026');
    expect(formatMediumTime(value, 'es')).toBe('29 may 2026');
    expect(formatLongTime(value, 'en')).toBe('May 29, 2026');
    expect(formatLongTime(value, 'es')).toBe('29 de mayo de 2026');
  });

  it('keeps a real time of day, a midnight in another offset included, as date and time', () => {
    for (const value of ['2026-05-29T13:05:00.000Z', '2026-05-29T00:00:01Z', '2026-05-29T00:00:00-0500']) {
      expect(dateOnlyDay(value)).toBeNull();
      expect(plain(formatMediumTime(value, 'en'))).toBe(plain(formatMediumDateTime(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')), 'en')));
      expect(formatMediumTime(value, 'en')).toMatch(/\d:\d{2}/);
    }
    expect(dateOnlyDay('not a date')).toBeNull();
    expect(dateOnlyDay(undefined)).toBeNull();
  });
});
