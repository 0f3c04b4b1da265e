// The settings form's checks: intervals within the engine's own bounds (whole minutes only), and nested settings
// sent whole with one field changed.

import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../shared/monitor/state';
import { INTERVAL_BOUNDS, presetOf, readInterval, withNotify, withQuietHours } from '../../renderer/lib/settings-view.svelte';

describe('check intervals', () => {
  it('uses the engine\'s bounds', () => {
    expect(INTERVAL_BOUNDS).toEqual({ workHoursIntervalMinutes: { min: 10, max: 240 }, offHoursIntervalMinutes: { min: 30, max: 720 } });
  });

  it.each([
    ['24', 'workHoursIntervalMinutes', 24],
    [' 10 ', 'workHoursIntervalMinutes', 10],
    ['240', 'workHoursIntervalMinutes', 240],
    ['9', 'workHoursIntervalMinutes', null],
    ['241', 'workHoursIntervalMinutes', null],
    ['12.5', 'workHoursIntervalMinutes', null],
    ['', 'workHoursIntervalMinutes', null],
    ['ten', 'workHoursIntervalMinutes', null],
    ['29', 'offHoursIntervalMinutes', null],
    ['720', 'offHoursIntervalMinutes', 720],
  ] as const)('"%s" for %s reads as %s', (typed, setting, minutes) => {
    expect(readInterval(typed, setting)).toBe(minutes);
  });
});

describe('nested settings', () => {
  const defaults = SettingsSchema.parse({});

  it('switches one notification and keeps the others', () => {
    const notify = withNotify(defaults.notify, 'case-touched', true);
    expect(notify).toEqual({ ...defaults.notify, 'case-touched': true });
    expect(SettingsSchema.shape.notify.unwrap().safeParse(notify).success).toBe(true);
  });

  it('changes one field of quiet hours, and keeps a time the user cleared', () => {
    expect(withQuietHours(defaults.quietHours, { enabled: true })).toEqual({ enabled: true, start: '22:00', end: '07:00' });
    expect(withQuietHours(defaults.quietHours, { start: '21:30' }).start).toBe('21:30');
    expect(withQuietHours(defaults.quietHours, { end: '' }).end).toBe('07:00');
  });
});

describe('presetOf', () => {
  it('names the preset the intervals match, the recommended one being the schema default', () => {
    expect(presetOf(SettingsSchema.parse({}))).toBe('recommended');
    expect(presetOf({ workHoursIntervalMinutes: 12, offHoursIntervalMinutes: 60 })).toBe('more-often');
    expect(presetOf({ workHoursIntervalMinutes: 60, offHoursIntervalMinutes: 360 })).toBe('less-often');
    expect(presetOf({ workHoursIntervalMinutes: 25, offHoursIntervalMinutes: 120 })).toBeNull();
  });
});
