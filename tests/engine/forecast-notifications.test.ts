// USCIS's published times told once each through the reminders' ledger (engine/reminders.ts): a pending case's
// published window per publication (a new publication is told again, a re-read of the same one never), and the
// published inquiry date once the case was received before it. In the user's language; no published time, no word.

import { describe, expect, it } from 'vitest';
import type { DesktopNotification } from '../../engine/ports';
import { ReminderWatch, type RemindingMonitor } from '../../engine/reminders';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import type { AppState } from '../../shared/monitor/state';
import { PT_TODAY, publishedTimesState } from '../helpers/published-times-state';

const NOW = Date.parse(`${PT_TODAY}T17:00:00.000Z`);
const ZONE = 'America/New_York';

/** A monitor double with a ledger: each key is told once, ever, as the real monitor's remind does. */
function monitorOf(state: AppState, language: 'en' | 'es' = 'en') {
  const ledger = new Set<string>();
  const told: DesktopNotification[] = [];
  const monitor: RemindingMonitor & { state: AppState } = {
    state,
    get snapshot() {
      return this.state;
    },
    language,
    now: () => NOW,
    remind: async (due) => {
      const fresh = due.filter((one) => !ledger.has(one.key));
      for (const one of fresh) ledger.add(one.key);
      told.push(...fresh);
      return fresh.map((one) => one.key);
    },
  };
  return { monitor, told };
}

const forecastKeys = (keys: string[]) => keys.filter((key) => key.startsWith('forecast:'));

describe('published times told once', () => {
  it('tells each form’s published window once per publication, and again for a new publication', async () => {
    const { monitor, told } = monitorOf(publishedTimesState({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: [7, 10] }));
    const watch = new ReminderWatch(monitor, { timeZone: ZONE });
    expect(forecastKeys(await watch.check())).toEqual(['forecast:window:I-821D:2026-11-20', 'forecast:window:I-765:2026-11-20']);
    expect(told.find((one) => one.key.startsWith('forecast:window:I-821D'))!.body).toContain('not a prediction');
    expect(forecastKeys(await watch.check())).toEqual([]);
    monitor.state = publishedTimesState({ permitExpiry: '2027-01-15', i821d: [8, 11], i765: [7, 10], publication: 'December 4, 2026' });
    expect(forecastKeys(await watch.check())).toEqual(['forecast:window:I-821D:2026-12-04', 'forecast:window:I-765:2026-12-04']);
  });

  it('tells the inquiry date becoming open once, in Spanish for a Spanish speaker', async () => {
    const { monitor, told } = monitorOf(publishedTimesState({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: null }), 'es');
    const watch = new ReminderWatch(monitor, { timeZone: ZONE });
    // Received July 1; the published date is June 1: not open by that route.
    expect(forecastKeys(await watch.check())).toEqual(['forecast:window:I-821D:2026-11-20']);
    monitor.state = publishedTimesState({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: null, inquiry: 'August 15, 2026' });
    expect(forecastKeys(await watch.check())).toEqual(['forecast:inquiry-open:I-821D:2026-08-15']);
    const inquiry = told.at(-1)!;
    expect(inquiry.title).toBe('Ya puede preguntar a USCIS por su caso');
    expect(inquiry.body).toContain(formatCivilDay('2026-08-15', 'es'));
    expect(forecastKeys(await watch.check())).toEqual([]);
  });

  it('says nothing without a published time (204 for both forms)', async () => {
    const { monitor } = monitorOf(publishedTimesState({ permitExpiry: '2027-01-15', i821d: null, i765: null }));
    expect(forecastKeys(await new ReminderWatch(monitor, { timeZone: ZONE }).check())).toEqual([]);
  });
});
