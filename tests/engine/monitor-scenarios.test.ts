// Scenarios end to end through the real engine over HTTP: the notifications a person gets, in order,
// one per fact, none twice across a restart of the app in the middle of the story.

import { describe, expect, it } from 'vitest';
import type { DesktopNotification } from '../../engine/ports';
import { engineHarness } from '../helpers/engine-harness';

const DAY = 24 * 3_600_000;

/** "I-765:silent-approval" for a notification about that case and finding type. */
function label(notification: DesktopNotification, forms: Record<string, string>): string {
  const [receipt = '', type = ''] = notification.key.split(':');
  return notification.key.startsWith('session-expired') ? 'session-expired' : `${forms[receipt] ?? receipt}:${type}`;
}

async function watch(scenario: string, options: { from: number; to: number; restartAt?: number }) {
  const h = await engineHarness({ scenario, startDay: options.from });
  const forms = { [h.sim.receipts.i821d]: 'I-821D', [h.sim.receipts.i765]: 'I-765' };
  const end = h.sim.filingDay + options.to * DAY;
  const first = h.start();
  await first.runUntil(options.restartAt === undefined ? end : h.sim.filingDay + options.restartAt * DAY);
  const notifications = [...first.notifications];
  const findings = first.events.filter((e) => e.kind === 'finding');
  if (options.restartAt !== undefined) {
    first.monitor.stop();
    const second = h.start();
    await second.runUntil(end);
    notifications.push(...second.notifications);
    findings.push(...second.events.filter((e) => e.kind === 'finding'));
  }
  return { h, labels: notifications.map((n) => label(n, forms)), notifications, findings };
}

describe('what a person is told', () => {
  it('daca-renewal: the silent approval first, each fact once, across a restart on the day of the silent approval', async () => {
    const { labels, notifications } = await watch('daca-renewal', { from: 70, to: 90, restartAt: 75.7 });
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
    const { labels } = await watch('daca-silent-i821d', { from: 60, to: 85 });
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
    const { labels, findings } = await watch('daca-denial', { from: 60, to: 80 });
    expect(labels).toEqual(['I-821D:denied', 'I-765:denied']);
    expect(findings.filter((f) => f.kind === 'finding' && f.type === 'denied')).toHaveLength(2);
  });

  it('daca-rfe: the request for evidence, the response, then the approval', async () => {
    const { labels } = await watch('daca-rfe', { from: 48, to: 96 });
    expect(labels.slice(0, 2)).toEqual(['I-821D:rfe', 'I-821D:status']);
    // Both approval documents land within a minute. Whichever case is read first, the I-821D's approval is
    // told once: by its own document, or by inference from the I-765 (then its document is not told again).
    expect(labels.slice(2, 4)).toContain('I-765:silent-approval');
    expect(labels.filter((l) => l === 'I-821D:silent-approval' || l === 'I-821D:i821d-approved-inferred')).toHaveLength(1);
    expect(labels).toContain('I-765:card-mailed');
  });

  it('daca-flaky-documents: failed documents reads are retried and never make old documents look new', async () => {
    const { labels, findings, h } = await watch('daca-flaky-documents', { from: 70, to: 90 });
    expect(h.sim.requestLog().some((r) => r.outcome.startsWith('fault:'))).toBe(true);
    expect(labels).toEqual(['I-821D:silent-approval', 'I-765:silent-approval', 'I-765:approved', 'I-765:card-produced', 'I-821D:approved', 'I-765:card-mailed', 'I-765:card-delivered']);
    const documents = findings.filter((f) => f.kind === 'finding' && f.type === 'new-document');
    expect(documents.map((f) => f.kind === 'finding' && f.detail.documentType)).toEqual(['I-821D Approval Notice', 'I-765 C33 Standalone Approval']);
  });
});
