// Scenarios end to end through the real engine over HTTP: the notifications a person gets, in order,
// one per fact, none twice across a restart of the app in the middle of the story.

import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../engine/monitor';
import type { DesktopNotification } from '../../engine/ports';
import { engineHarness } from '../helpers/engine-harness';

const DAY = 24 * 3_600_000;

/** "I-765:silent-approval" for a notification about that case and finding type. */
function label(notification: DesktopNotification, forms: Record<string, string>): string {
  const [receipt = '', type = ''] = notification.key.split(':');
  return notification.key.startsWith('session-expired') ? 'session-expired' : `${forms[receipt] ?? receipt}:${type}`;
}

/**
 * Each story is watched from a day before its first change to a day after its last one, on a session that does
 * not idle out, without the keep-alive checks (they exist for the session, and are tested in monitor.test.ts),
 * at a pace a person may pick in the settings (every three hours while USCIS works, every four otherwise): about
 * a hundred real requests a story instead of several thousand, so a busy machine keeps it well within its
 * timeout. What a person is told, and in which order, does not depend on the pace.
 */
const PACE = { staySignedIn: false, workHoursIntervalMinutes: 180, offHoursIntervalMinutes: 240 } as const;

/**
 * Watches a story from day `from` to day `to`. `off`: days when the app is closed and the computer off, from the
 * first day to the second (the same day twice: closed and opened again at once); it opens again on the same store.
 */
async function watch(scenario: string, options: { from: number; to: number; off?: Array<[number, number]> }) {
  const h = await engineHarness({ scenario, startDay: options.from, idleTimeoutMs: 1000 * DAY });
  const forms = { [h.sim.receipts.i821d]: 'I-821D', [h.sim.receipts.i765]: 'I-765' };
  const day = (n: number) => h.sim.filingDay + n * DAY;
  const notifications: DesktopNotification[] = [];
  const findings: MonitorEvent[] = [];
  /** How many notifications each opening of the app gave. */
  const perRun: number[] = [];
  for (const [closedAt, openedAt] of [...(options.off ?? []), [options.to, options.to] as [number, number]]) {
    const run = h.start({ settings: PACE });
    await run.runUntil(day(closedAt));
    run.monitor.stop();
    notifications.push(...run.notifications);
    perRun.push(run.notifications.length);
    findings.push(...run.events.filter((e) => e.kind === 'finding'));
    if (day(openedAt) > h.sim.clock.now()) h.sim.clock.setTime(day(openedAt));
  }
  return { h, labels: notifications.map((n) => label(n, forms)), notifications, findings, perRun };
}

describe('what a person is told', () => {
  it('daca-renewal: the silent approval first, each fact once, across a restart on the day of the silent approval', async () => {
    const { labels, notifications, perRun } = await watch('daca-renewal', { from: 75, to: 84, off: [[75.95, 75.95]] });
    // The restart falls between two notifications: some told before it, the rest after, none again.
    expect(perRun.every((n) => n > 0)).toBe(true);
    expect(labels).toEqual([
      'I-821D:silent-approval',
      'I-765:silent-approval',
      'I-765:approved',
      'I-765:card-produced',
      'I-821D:approved',
      'I-765:card-mailed',
      'I-765:card-delivered',
    ]);
    expect(new Set(notifications.map((n) => n.key)).size).toBe(notifications.length);
    expect(notifications.find((n) => n.key.endsWith(':silent-approval'))).toMatchObject({ priority: 'high', title: expect.stringContaining('Approval document for your I-821D') });
  });

  it('daca-silent-i821d: the I-821D approval is told by inference from the I-765 alone', async () => {
    const { labels } = await watch('daca-silent-i821d', { from: 69, to: 79 });
    expect(labels).toEqual([
      'I-765:silent-approval',
      'I-821D:i821d-approved-inferred',
      'I-765:approved',
      'I-765:card-produced',
      'I-765:card-mailed',
      'I-765:card-delivered',
    ]);
  });

  it('daca-denial: the denial is told once, from the document, before the status says so', async () => {
    const { labels, findings } = await watch('daca-denial', { from: 67, to: 72 });
    expect(labels).toEqual(['I-821D:denied', 'I-765:denied']);
    expect(findings.filter((f) => f.kind === 'finding' && f.type === 'denied')).toHaveLength(2);
  });

  it('daca-rfe: the request for evidence, the response, then the approval (the computer off for the quiet weeks between)', async () => {
    const { labels } = await watch('daca-rfe', { from: 51, to: 94, off: [[53, 66], [67, 88]] });
    expect(labels.slice(0, 2)).toEqual(['I-821D:rfe', 'I-821D:status']);
    // Both approval documents land within a minute. Whichever case is read first, the I-821D's approval is
    // told once: by its own document, or by inference from the I-765 (then its document is not told again).
    expect(labels.slice(2, 4)).toContain('I-765:silent-approval');
    expect(labels.filter((l) => l === 'I-821D:silent-approval' || l === 'I-821D:i821d-approved-inferred')).toHaveLength(1);
    expect(labels).toContain('I-765:card-mailed');
  });

  it('daca-flaky-documents: failed documents reads are retried and never make old documents look new', async () => {
    const { labels, findings, h } = await watch('daca-flaky-documents', { from: 75, to: 85 });
    expect(h.sim.requestLog().some((r) => r.outcome.startsWith('fault:'))).toBe(true);
    expect(labels).toEqual(['I-821D:silent-approval', 'I-765:silent-approval', 'I-765:approved', 'I-765:card-produced', 'I-821D:approved', 'I-765:card-mailed', 'I-765:card-delivered']);
    const documents = findings.filter((f) => f.kind === 'finding' && f.type === 'new-document');
    expect(documents.map((f) => f.kind === 'finding' && f.detail.documentType)).toEqual(['I-821D Approval Notice', 'I-765 C33 Standalone Approval']);
  });
});
