// The card until it is in hand, over HTTP: the real engine watches the simulated renewal from the day before the
// card is mailed to the day after it is delivered. The I-765 stays on the plan after "card mailed" and its status
// keeps being read until the delivery shows; the tracking number in USCIS's status text is read from what the
// engine stored, linked to USPS's tracking page, and never put in a notification or an engine message.

import { describe, expect, it } from 'vitest';
import { CARD_LATE_AFTER_DAYS, CARD_PAGES, cardTracking, formatTrackingNumber, uspsTrackingUrl, watchedForCard } from '../../shared/knowledge/card-tracking';
import { readCase } from '../../shared/knowledge/case-reading';
import { snapshotView } from '../../shared/knowledge/snapshot-view';
import type { AppState } from '../../shared/monitor/state';
import { isSafeExternalUrl } from '../../shared/security/navigation';
import { trackingNumberFor } from '../../simulator/status-wording';
import { engineHarness } from '../helpers/engine-harness';

const DAY = 24 * 3_600_000;

/** A pace a person may pick (every three hours while USCIS works, every four otherwise), as the scenario tests do. */
const PACE = { staySignedIn: false, workHoursIntervalMinutes: 180, offHoursIntervalMinutes: 240 } as const;

/** The card as the dashboard reads it from the engine's stored snapshot on `today`. */
function cardIn(state: Readonly<AppState>, receipt: string, today: string) {
  const view = snapshotView(state.snapshots[receipt]!);
  const { stage } = readCase('I-765', view, {});
  return { stage, card: cardTracking(view, stage, today) };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the card tracked to delivery (daca-renewal over HTTP)', () => {
  it('keeps reading the I-765 after "card mailed", shows the tracking number with its link, and ends at "delivered"', async () => {
    // daca-renewal: the card is mailed on day 80 (02:15), picked up that evening, delivered on day 83 (19:00).
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 79, idleTimeoutMs: 1000 * DAY });
    const i765 = h.sim.receipts.i765;
    const number = trackingNumberFor(i765);
    const day = (n: number) => h.sim.filingDay + n * DAY;
    const run = h.start({ settings: PACE });

    await run.runUntil(day(81));
    const mailed = cardIn(run.monitor.snapshot, i765, isoDay(day(81)));
    expect(mailed.stage).toBe('card-mailed');
    expect(watchedForCard(mailed.stage)).toBe(true);
    expect(mailed.card).toMatchObject({ step: 'picked-up', late: false, watched: true, mailedOn: isoDay(day(80)), daysSinceMailed: 1, trackingNumber: number });
    expect(mailed.card!.trackingUrl).toBe(`https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`);
    expect(isSafeExternalUrl(mailed.card!.trackingUrl!)).toBe(true);
    // Still on the plan: nothing drops a decided case whose card is on its way.
    expect(run.monitor.receipts).toContain(i765);

    await run.runUntil(day(84));
    run.monitor.stop();
    // The status of the I-765 was read between the mailing and the delivery, and after the delivery showed.
    const statusReads = h.apiRequests().filter((entry) => entry.endpoint === 'case-status' && entry.receipt === i765).map((entry) => Date.parse(entry.at));
    const between = statusReads.filter((at) => at > day(80.1) && at < day(83 + 19 / 24));
    expect(between.length).toBeGreaterThanOrEqual(3);
    expect(statusReads.some((at) => at > day(83 + 19 / 24))).toBe(true);

    const delivered = cardIn(run.monitor.snapshot, i765, isoDay(day(84)));
    expect(delivered.stage).toBe('card-delivered');
    expect(delivered.card).toMatchObject({ step: 'delivered', watched: false, late: false, mailedOn: isoDay(day(80)), trackingNumber: number, trackingUrl: uspsTrackingUrl(number) });
    expect(watchedForCard(delivered.stage)).toBe(false);

    // Told in order, the mailing with a pointer to the number, never the number itself.
    const keys = run.notifications.map((n) => n.key.split(':')[1]);
    expect(keys.indexOf('card-mailed')).toBeGreaterThanOrEqual(0);
    expect(keys.indexOf('card-delivered')).toBeGreaterThan(keys.indexOf('card-mailed'));
    const told = run.notifications.find((n) => n.key.endsWith(':card-mailed'))!;
    expect(told.body).toContain('tracking number, when USCIS gives one, is available in DACA Watch');
    const said = [...run.notifications.flatMap((n) => [n.title, n.body]), ...run.events.map((event) => JSON.stringify(event))].join('\n');
    expect(said).not.toContain(number);
    expect(said).not.toContain(formatTrackingNumber(number));
  });

  it('reads a spaced number from the "We ..." titles as the same number', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal-we-titles', startDay: 79, idleTimeoutMs: 1000 * DAY });
    const i765 = h.sim.receipts.i765;
    const run = h.start({ settings: PACE, systemLanguage: 'es' });
    await run.runUntil(h.sim.filingDay + 81 * DAY);
    run.monitor.stop();
    const stored = run.monitor.snapshot.snapshots[i765]!.status!;
    expect(stored.text).toContain(formatTrackingNumber(trackingNumberFor(i765)));
    expect(cardIn(run.monitor.snapshot, i765, isoDay(h.sim.filingDay + 81 * DAY)).card).toMatchObject({ trackingNumber: trackingNumberFor(i765), watched: true });
    const told = run.notifications.find((n) => n.key.endsWith(':card-mailed'))!;
    expect(told.body).toContain('número de rastreo de USPS');
    expect(told.body).not.toContain(formatTrackingNumber(trackingNumberFor(i765)));
  });

  it('daca-card-returned: late after ten days without a delivery, still read, then returned with what to do', async () => {
    // The card is mailed on day 80 (02:15) and picked up that evening; no delivery; returned to USCIS on day 92 (16:20).
    const h = await engineHarness({ scenario: 'daca-card-returned', startDay: 79, idleTimeoutMs: 1000 * DAY });
    const i765 = h.sim.receipts.i765;
    const day = (n: number) => h.sim.filingDay + n * DAY;
    const run = h.start({ settings: PACE });

    await run.runUntil(day(91.5));
    const late = cardIn(run.monitor.snapshot, i765, isoDay(day(91.5)));
    expect(late.card).toMatchObject({ step: 'picked-up', late: true, watched: true, trackingNumber: trackingNumberFor(i765) });
    expect(late.card!.daysSinceMailed).toBeGreaterThan(CARD_LATE_AFTER_DAYS);
    expect(late.card!.advice.map((step) => step.en).join(' ')).toContain('USCIS Contact Center');

    await run.runUntil(day(93));
    run.monitor.stop();
    const returned = cardIn(run.monitor.snapshot, i765, isoDay(day(93)));
    expect(returned.stage).toBe('card-returned');
    expect(returned.card).toMatchObject({ step: 'returned', late: false, watched: false });
    expect(returned.card!.links.map((link) => link.url)).toEqual([CARD_PAGES.contactCenter, CARD_PAGES.addressChange]);
    // Read every day of the twelve the card was on its way.
    const readDays = new Set(h.apiRequests().filter((entry) => entry.endpoint === 'case-status' && entry.receipt === i765).map((entry) => Math.floor((Date.parse(entry.at) - h.sim.filingDay) / DAY)));
    for (let n = 81; n <= 92; n += 1) expect(readDays.has(n), `day ${n}`).toBe(true);
    // The return is told (as the status's news), without the number.
    const told = run.notifications.filter((n) => n.key.startsWith(`${i765}:`)).map((n) => `${n.title} ${n.body}`).join('\n');
    expect(told).toContain('Card Was Returned To USCIS');
    expect(told).not.toContain(trackingNumberFor(i765));
  });
});
