// What the settings form accepts before it asks main to save: check intervals within the engine's own bounds
// (shared with the settings schema, never restated) and whole-object changes for nested settings. Pure.

import { CHECK_PRESETS, INTERVAL_LIMITS, type CheckPreset } from '../../shared/monitor/settings-limits';
import type { Settings } from '../../shared/monitor/state';
import type { FindingType } from '../../shared/monitor/findings';

export type IntervalSetting = 'workHoursIntervalMinutes' | 'offHoursIntervalMinutes';

export const INTERVAL_BOUNDS: Record<IntervalSetting, { min: number; max: number }> = INTERVAL_LIMITS;

/** The minutes typed, when they are a whole number within the setting's bounds; null otherwise. */
export function readInterval(typed: string, setting: IntervalSetting): number | null {
  const { min, max } = INTERVAL_BOUNDS[setting];
  const minutes = Number(typed.trim());
  return typed.trim() !== '' && Number.isInteger(minutes) && minutes >= min && minutes <= max ? minutes : null;
}

/** The whole notify map with one type switched (main replaces nested settings whole). */
export function withNotify(notify: Settings['notify'], type: FindingType, on: boolean): Settings['notify'] {
  return { ...notify, [type]: on };
}

/** The whole quiet-hours setting with one field changed; a cleared time keeps the one before. */
export function withQuietHours(quiet: Settings['quietHours'], change: Partial<Settings['quietHours']>): Settings['quietHours'] {
  const next = { ...quiet, ...change };
  return { ...next, start: next.start || quiet.start, end: next.end || quiet.end };
}

/** The preset the intervals match, or null for the user's own minutes. */
export function presetOf(settings: Pick<Settings, IntervalSetting>): CheckPreset | null {
  const match = (Object.keys(CHECK_PRESETS) as CheckPreset[]).find((preset) =>
    CHECK_PRESETS[preset].workHoursIntervalMinutes === settings.workHoursIntervalMinutes
    && CHECK_PRESETS[preset].offHoursIntervalMinutes === settings.offHoursIntervalMinutes);
  return match ?? null;
}
