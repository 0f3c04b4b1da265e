// The bounds of the check intervals, as plain data the settings schema and the settings form share.
// No zod here, so the dashboard can read them without bundling it.

export const INTERVAL_LIMITS = {
  /** Minutes between checks of a case while USCIS works; never under the engine's 10-minute floor. */
  workHoursIntervalMinutes: { min: 10, max: 240 },
  /** Minutes between checks at night and on weekends. */
  offHoursIntervalMinutes: { min: 30, max: 720 },
} as const;
