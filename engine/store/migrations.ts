// The stored state's migrations, from each older format version to the next, up to STATE_VERSION. Pure: a
// stored object in, the same data in the current layout out; the schema (shared/monitor/state.ts) reads it after.

import { CHECK_PRESETS } from '../../shared/monitor/settings-limits';
import { STATE_VERSION } from '../../shared/monitor/state';
import { isPlainObject } from './schema-fit';

type StoredObject = Record<string, unknown>;

/**
 * Migrations from each older version to the next. Version 0 is the prototype layout: no version
 * field and `receipts: string[]` instead of `cases`.
 */
export const MIGRATIONS: Readonly<Record<number, (old: StoredObject) => StoredObject>> = {
  0: (old) => {
    const { receipts, ...rest } = old;
    const addedAt = new Date(0).toISOString();
    return {
      ...rest,
      version: 1,
      cases: Array.isArray(receipts) ? receipts.filter((r): r is string => typeof r === 'string').map((receipt) => ({ receipt, addedAt })) : [],
    };
  },
  /**
   * Version 2 plans the pair as one: the interval settings became the longest wait of a case (the likelier
   * case is read more often), so the old recommended 24 minutes is the new recommended (18); a case's
   * documents were last read at its last check; its planned next check is no longer stored.
   */
  1: (old) => {
    const settings = isPlainObject(old.settings) ? { ...old.settings } : old.settings;
    if (isPlainObject(settings) && settings.workHoursIntervalMinutes === 24 && settings.offHoursIntervalMinutes === 120) {
      settings.workHoursIntervalMinutes = CHECK_PRESETS.recommended.workHoursIntervalMinutes;
    }
    const schedule = isPlainObject(old.schedule) ? { ...old.schedule } : old.schedule;
    if (isPlainObject(schedule) && isPlainObject(schedule.cases)) {
      schedule.cases = Object.fromEntries(
        Object.entries(schedule.cases).map(([receipt, entry]) => [receipt, isPlainObject(entry) ? { ...entry, lastDocumentsAt: entry.lastCheckAt ?? null } : entry]),
      );
    }
    return { ...old, version: 2, settings, schedule };
  },
};

/** `record`, stored by format `version` (at most STATE_VERSION), brought to STATE_VERSION; `missingFrom` when a step is missing. */
export function migrated(record: StoredObject, version: number): { record: StoredObject } | { missingFrom: number } {
  let at = version;
  let current = record;
  while (at < STATE_VERSION) {
    const migrate = MIGRATIONS[at];
    if (!migrate) return { missingFrom: at };
    current = migrate(current);
    at += 1;
  }
  return { record: current };
}
