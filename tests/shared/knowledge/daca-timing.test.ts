// The renewal's day counts at their boundaries: 105 days to an inquiry, the 120-day goal, the 150-to-120-day
// filing window, days left on the current permit, and the (c)(33) no-automatic-extension warning.

import { describe, expect, it } from 'vitest';
import { addDays, calendarDay, daysBetween } from '../../../shared/knowledge/calendar-days';
import { pendingSince, permitOutlook } from '../../../shared/knowledge/daca-timing';

const FILED = '2026-05-29';

describe('calendar days', () => {
  it('counts whole UTC days, across months and leap days, from dates or ISO instants', () => {
    expect(daysBetween('2026-05-29', '2026-09-11')).toBe(105);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-05-29T23:59:00.000Z', '2026-05-30T00:01:00.000Z')).toBe(1);
    expect(daysBetween('2026-06-01', '2026-05-29')).toBe(-3);
    expect(addDays(FILED, 120)).toBe('2026-09-26');
    expect(calendarDay('2026-09-26T05:00:00.000Z')).toBe('2026-09-26');
  });

  it('refuses what is not a date rather than guessing', () => {
    expect(() => calendarDay('09/26/2026')).toThrow(RangeError);
    expect(() => daysBetween(FILED, '2026-02-30')).toThrow(RangeError);
  });
});

describe('days pending', () => {
  it.each([
    ['2026-09-10', 104, false, false],
    ['2026-09-11', 105, true, false],
    ['2026-09-26', 120, true, false],
    ['2026-09-27', 121, true, true],
  ])('on %s: %i days, may inquire %s, past the goal %s', (today, days, canInquire, pastGoal) => {
    expect(pendingSince(FILED, today, false)).toEqual({ since: FILED, days, goalDate: '2026-09-26', decided: false, canInquire, pastGoal });
  });

  it('stops suggesting an inquiry once the renewal is decided', () => {
    expect(pendingSince(FILED, '2026-10-30', true)).toMatchObject({ days: 154, canInquire: false, pastGoal: false });
  });
});

describe('the current work permit', () => {
  it.each([
    // Filed 151 days before expiry: earlier than USCIS recommends.
    ['2026-10-27', 'too-early', 151],
    ['2026-10-26', 'in-window', 150],
    ['2026-09-26', 'in-window', 120],
    ['2026-09-25', 'late', 119],
  ])('expiring %s: the filing was %s (%i days before)', (expiry, window, daysBeforeExpiry) => {
    expect(permitOutlook(expiry, '2026-07-01', FILED, false).filing).toEqual({ daysBeforeExpiry, window });
  });

  it('counts the days left, negative once expired', () => {
    expect(permitOutlook('2026-10-26', '2026-07-01', FILED, false).daysLeft).toBe(117);
    expect(permitOutlook('2026-06-30', '2026-07-01', FILED, false).daysLeft).toBe(-1);
  });

  it('warns that (c)(33) permits are not automatically extended, in both languages, until the renewal is approved', () => {
    const outlook = permitOutlook('2026-10-26', '2026-07-01', FILED, false);
    expect(outlook.warning?.level).toBe('notice');
    expect(outlook.warning?.text.en).toMatch(/\(c\)\(33\).*not automatically extended/);
    expect(outlook.warning?.text.es).toMatch(/\(c\)\(33\).*no se extienden automáticamente/);
    expect(permitOutlook('2026-10-26', '2026-07-01', FILED, true).warning).toBeUndefined();
  });

  it('warns more strongly when the permit runs out before the 120-day goal date, naming the date', () => {
    // The goal date is 2026-09-26: a permit ending that day is still covered, one ending the day before is not.
    expect(permitOutlook('2026-09-26', '2026-07-01', FILED, false).warning?.level).toBe('notice');
    const warning = permitOutlook('2026-09-25', '2026-07-01', FILED, false).warning;
    expect(warning?.level).toBe('strong');
    expect(warning?.text.en).toMatch(/^Your work permit expires on September 25, 2026, before .*120-day goal.*not automatically extended/);
    expect(warning?.text.es).toMatch(/^Su permiso de trabajo vence el 25 de septiembre de 2026, antes del plazo de 120 días.*no se extienden/);
  });

  it('says so plainly once the permit has expired, even without a submission date', () => {
    // The expiry day is the card's last valid day: "expires today" then, "expired on" from the day after.
    const lastDay = permitOutlook('2026-07-01', '2026-07-01', undefined, false).warning;
    expect(lastDay?.level).toBe('strong');
    expect(lastDay?.text.en).toMatch(/^Your work permit expires today, July 1, 2026 \(its last valid day\)\./);
    expect(lastDay?.text.es).toMatch(/^Su permiso de trabajo vence hoy, 1 de julio de 2026 \(su último día válido\)\./);
    const warning = permitOutlook('2026-07-01', '2026-07-02', undefined, false).warning;
    expect(warning?.level).toBe('strong');
    expect(warning?.text.en).toMatch(/^Your work permit expired on July 1, 2026\./);
    expect(warning?.text.es).toMatch(/^Su permiso de trabajo venció el 1 de julio de 2026\./);
    const dayBefore = permitOutlook('2026-07-02', '2026-07-01', undefined, false);
    expect(dayBefore).toMatchObject({ expiry: '2026-07-02', daysLeft: 1, warning: { level: 'notice' } });
    expect(dayBefore.filing).toBeUndefined();
  });
});
