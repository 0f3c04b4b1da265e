// The finished pace over HTTP: once the new card is delivered (or both cases ended) nothing more is expected, so
// the real engine reads each case only a few times in USCIS's working day (schedule.finishedStep), where before it
// went on at the decided pace (152, 156, 154 and 104 requests on daca-renewal days 84-87 before this change; 9, 9, 10 and 0 after).

import { describe, expect, it } from 'vitest';
import { SCHEDULE_RULES, isUscisWorkingTime } from '../../engine/schedule';
import { engineHarness } from '../helpers/engine-harness';

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;

/**
 * The rule's bound for one day: USCIS's working day (10 hours) holds at most 10 / 6 + 1 reads of a case at the
 * finished pace, each the documents and the status, the detail once a day; two cases.
 */
const WORKING_HOURS = 10;
const turnsPerCase = Math.floor((WORKING_HOURS * HOUR) / SCHEDULE_RULES.finishedEveryMs) + 1;
const DAILY_BOUND = 2 * (turnsPerCase * 2 + 1);

async function perDayAfter(scenario: string, startDay: number, fromDay: number, toDay: number) {
  const h = await engineHarness({ scenario, startDay, idleTimeoutMs: 1000 * DAY });
  const day = (n: number) => h.sim.filingDay + n * DAY;
  const run = h.start();
  await run.runUntil(day(toDay));
  run.monitor.stop();
  const requests = h.apiRequests().map((entry) => ({ ...entry, ms: Date.parse(entry.at) }));
  const days = Array.from({ length: toDay - fromDay }, (_, i) => requests.filter((r) => r.ms >= day(fromDay + i) && r.ms < day(fromDay + i + 1)).length);
  return { h, day, requests, days };
}

describe('the finished pace (over HTTP, default settings)', () => {
  it('after the card is delivered, reads each case a few times in working hours; while mailed, the card is read daily', async () => {
    // daca-renewal: the card is mailed on day 80, delivered on day 83 (19:00).
    const { h, day, requests, days } = await perDayAfter('daca-renewal', 79, 84, 88);
    for (const count of days) expect(count).toBeLessThanOrEqual(DAILY_BOUND);
    // Each weekday still reads (a returned card or a reopened case would show the same day); weekends need no read.
    expect(days.filter((count) => count > 0).length).toBeGreaterThan(0);
    // No read at night or on a weekend once finished.
    expect(requests.filter((r) => r.ms >= day(84)).every((r) => isUscisWorkingTime(r.ms))).toBe(true);
    // Before the delivery (card mailed), the I-765's status is read on every day.
    const i765Status = requests.filter((r) => r.endpoint === 'case-status' && r.receipt === h.sim.receipts.i765);
    for (const n of [80, 81, 82]) expect(i765Status.some((r) => r.ms >= day(n) && r.ms < day(n + 1))).toBe(true);
  }, 60_000);

  it('after a denial on both cases, the same few reads a day', async () => {
    // daca-denial: the I-821D is denied on day 69, the I-765 on day 70.
    const { days } = await perDayAfter('daca-denial', 66, 72, 76);
    for (const count of days) expect(count).toBeLessThanOrEqual(DAILY_BOUND);
    expect(days.some((count) => count > 0)).toBe(true);
  }, 60_000);
});

describe('the session once the renewal is finished', () => {
  it('lapses with no keep-alive, and the request to sign in again is calm and low priority (before: the alarm)', async () => {
    // A 20-minute idle timeout: with keep-alives the session holds until the delivery; without them it lapses after.
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 82, idleTimeoutMs: 20 * 60_000, sessionLifetimeMs: 1000 * DAY });
    const day = (n: number) => h.sim.filingDay + n * DAY;
    const run = h.start();
    await run.runUntil(day(86));
    run.monitor.stop();
    const asked = run.notifications.filter((n) => n.key.startsWith('session-expired'));
    expect(asked.length).toBeGreaterThan(0);
    for (const notification of asked) {
      expect(notification.priority).toBe('low');
      expect(notification.title).toMatch(/renewal is complete/);
    }
  }, 60_000);
});
