// The bounds of the check intervals, as plain data the settings schema and the settings form share.
// No zod here, so the dashboard can read them without bundling it.

export const INTERVAL_LIMITS = {
  /** The longest wait between two reads of a case while USCIS works; never under the engine's 10-minute floor. */
  workHoursIntervalMinutes: { min: 10, max: 240 },
  /** The same at night and on weekends. */
  offHoursIntervalMinutes: { min: 30, max: 720 },
} as const;

/** The three ways of checking the settings offer, the engine's recommended default first (the schema's default). */
export const CHECK_PRESETS = {
  recommended: { workHoursIntervalMinutes: 18, offHoursIntervalMinutes: 120 },
  'more-often': { workHoursIntervalMinutes: 12, offHoursIntervalMinutes: 60 },
  'less-often': { workHoursIntervalMinutes: 60, offHoursIntervalMinutes: 360 },
} as const satisfies Record<string, { workHoursIntervalMinutes: number; offHoursIntervalMinutes: number }>;
export type CheckPreset = keyof typeof CHECK_PRESETS;

/**
 * The engine's request budget as a weekly average (engine/schedule.ts keeps to it; the settings say it): a weekday under
 * about `weekdayMax` requests, weekend days lower, at most `weeklyAveragePerDay` a day over the week.
 */
export const REQUEST_BUDGET = { weekdayMax: 170, weeklyAveragePerDay: 150 } as const;
