// Settings dates (the permit's expiry, the new card's dates) are real calendar days within sane years: the schema
// refuses the rest, the dashboard's settings handler says why in English and Spanish, and a stored impossible date
// is dropped when the store is read, so the printable record and the employer's sheet still come out.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerRequest } from '../../../app/ipc-answer';
import { createIpcHandlers } from '../../../app/ipc-handlers';
import { employerSheet } from '../../../app/employer-sheet';
import { printableRecord } from '../../../app/printable-record';
import { createNodeMonitor } from '../../../engine/node-monitor';
import { openStateStore } from '../../../engine/store/file-state-store';
import { SETTINGS_DATE_YEARS, settingsDateProblem } from '../../../shared/monitor/settings-dates';
import { SettingsSchema } from '../../../shared/monitor/state';
import { tempFolder } from '../../helpers/engine-harness';
import { NOW, watchedState } from '../../helpers/stored-state';

describe('settingsDateProblem', () => {
  it.each(['2027-02-28', '2028-02-29', '2012-06-15', '2100-12-31', '2026-12-31'])('takes %s', (day) => {
    expect(settingsDateProblem(day)).toBeNull();
    expect(SettingsSchema.safeParse({ permitExpiry: day, newCardValidFrom: day, newCardExpiry: day }).success).toBe(true);
  });

  it.each([
    ['2027-02-30', 'not a day on the calendar'],
    ['2027-02-29', 'not a day on the calendar'],
    ['2027-04-31', 'not a day on the calendar'],
    ['2027-13-01', 'not a day on the calendar'],
    ['2027-00-10', 'not a day on the calendar'],
    ['2027-01-00', 'not a day on the calendar'],
    ['0000-01-01', 'outside the years'],
    ['0099-01-01', 'outside the years'],
    ['1999-12-31', 'outside the years'],
    ['2101-01-01', 'outside the years'],
    ['9999-12-31', 'outside the years'],
    ['2027-2-3', 'not a date written YYYY-MM-DD'],
    ['27-02-03', 'not a date written YYYY-MM-DD'],
    ['2027-02-03T00:00:00Z', 'not a date written YYYY-MM-DD'],
  ])('refuses %s (%s), in both languages', (day, why) => {
    const problem = settingsDateProblem(day);
    expect(problem?.en).toContain(why);
    expect(problem?.es).toMatch(/fecha|calendario|años/);
    for (const field of ['permitExpiry', 'newCardValidFrom', 'newCardExpiry'] as const) {
      expect(SettingsSchema.safeParse({ [field]: day }).success, `${field} ${day}`).toBe(false);
    }
  });

  it('keeps its years where the comment says', () => {
    expect(SETTINGS_DATE_YEARS).toEqual({ min: 2012, max: 2100 });
  });
});

describe("the dashboard's settings handler", () => {
  const handlersOn = (dir: string) => {
    const { monitor } = createNodeMonitor({ origin: 'http://127.0.0.1:9', clock: { now: () => NOW }, storeDir: dir });
    const handlers = createIpcHandlers({
      monitor,
      clock: { now: () => NOW },
      demo: false,
      signIn: { open: () => true, signOut: async () => {} },
      setStartAtLogin: () => {},
      openExternal: async () => true,
      saveFile: async () => null,
    });
    return { monitor, handlers };
  };

  it('refuses an impossible date with a clear sentence in English and Spanish, and changes nothing', async () => {
    const { monitor, handlers } = handlersOn(tempFolder());
    await answerRequest('settings:update', { permitExpiry: '2027-08-11' }, handlers);
    // The half-typed years Chromium's date input reports ('0002-', '0020-', '0202-') are refused here too.
    const refused = [['permitExpiry', '2027-02-30'], ['newCardExpiry', '2031-02-29'], ['newCardValidFrom', '1900-01-01'], ['permitExpiry', '0002-04-20'], ['permitExpiry', '0202-04-20'], ['newCardExpiry', '9999-12-31']] as const;
    for (const [field, day] of refused) {
      const answer = await answerRequest('settings:update', { [field]: day }, handlers);
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.failure.code).toBe('invalid-request');
      expect(answer.failure.text?.en).toContain(day);
      expect(answer.failure.text?.es).toContain(day);
      expect(answer.failure.text?.es).toMatch(/no es un día del calendario|fuera de los años/);
    }
    expect(monitor.snapshot.settings.permitExpiry).toBe('2027-08-11');
    expect(monitor.snapshot.settings.newCardExpiry).toBeNull();
    monitor.stop();
  });

  it('takes a real date', async () => {
    const { monitor, handlers } = handlersOn(tempFolder());
    const answer = await answerRequest('settings:update', { newCardValidFrom: '2028-02-29', newCardExpiry: '2030-02-28' }, handlers);
    expect(answer).toMatchObject({ ok: true, value: { newCardValidFrom: '2028-02-29', newCardExpiry: '2030-02-28' } });
    monitor.stop();
  });
});

describe('a stored impossible date', () => {
  it('is dropped when the store is read (the rest kept, the user told), and both exports come out', () => {
    const dir = tempFolder();
    const stored = watchedState(12) as unknown as { settings: Record<string, unknown> };
    stored.settings = { ...stored.settings, permitExpiry: '2027-02-30', newCardValidFrom: '2026-04-31', newCardExpiry: '9999-12-31' };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(stored, null, '\t'));

    const reading = openStateStore({ dir, now: () => NOW }).read();
    const { settings } = reading.state;
    expect([settings.permitExpiry, settings.newCardValidFrom, settings.newCardExpiry]).toEqual([null, null, null]);
    // Only the bad values went: the other settings, the cases and the history stay.
    expect(settings.maskReceipts).toBe(true);
    expect(settings.quietHours.start).toBe('23:00');
    expect(reading.state.cases).toHaveLength(2);
    expect(reading.state.history).toHaveLength(12);
    expect(reading.problems.length).toBeGreaterThan(0);

    const { cases, snapshots, history } = reading.state;
    for (const language of ['en', 'es'] as const) {
      const record = printableRecord({ state: { cases, snapshots, history, settings }, now: NOW, language, timeZone: 'UTC' });
      expect(record).toContain('<html');
      const sheet = employerSheet({ state: { cases, snapshots, history, settings }, now: NOW, language, timeZone: 'UTC', showReceipts: false });
      expect(sheet).toContain('<html');
      expect(`${record}${sheet}`).not.toContain('2027-02-30');
    }
  });
});
