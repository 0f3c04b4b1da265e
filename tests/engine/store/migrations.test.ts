// Tests for the stored state's migrations: every older format has its step, and each step's changes.

import { describe, expect, it } from 'vitest';
import { migrated, MIGRATIONS } from '../../../engine/store/migrations';
import { CHECK_PRESETS } from '../../../shared/monitor/settings-limits';
import { STATE_VERSION } from '../../../shared/monitor/state';

describe('migrations', () => {
  it('has a step from every format version before this one', () => {
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(Array.from({ length: STATE_VERSION }, (_, n) => n));
  });

  it('brings a version 0 file (receipts, no version) to this version', () => {
    const result = migrated({ receipts: ['IOE0912345678', 7] }, 0);
    expect(result).toEqual({ record: expect.objectContaining({ version: STATE_VERSION, cases: [{ receipt: 'IOE0912345678', addedAt: new Date(0).toISOString() }] }) });
    expect('record' in result && 'receipts' in result.record).toBe(false);
  });

  it('turns version 1\'s recommended intervals into this version\'s, and a case\'s last check into its last documents read', () => {
    const result = migrated(
      { version: 1, settings: { workHoursIntervalMinutes: 24, offHoursIntervalMinutes: 120 }, schedule: { cases: { IOE0912345678: { lastCheckAt: '2025-06-01T12:00:00.000Z' } } } },
      1,
    );
    expect(result).toEqual({
      record: {
        version: 2,
        settings: { workHoursIntervalMinutes: CHECK_PRESETS.recommended.workHoursIntervalMinutes, offHoursIntervalMinutes: 120 },
        schedule: { cases: { IOE0912345678: { lastCheckAt: '2025-06-01T12:00:00.000Z', lastDocumentsAt: '2025-06-01T12:00:00.000Z' } } },
      },
    });
  });

  it('leaves a file of this version as it is, and names a version it has no step from', () => {
    expect(migrated({ version: STATE_VERSION, a: 1 }, STATE_VERSION)).toEqual({ record: { version: STATE_VERSION, a: 1 } });
    expect(migrated({ version: 0.5 }, 0.5)).toEqual({ missingFrom: 0.5 });
  });
});
