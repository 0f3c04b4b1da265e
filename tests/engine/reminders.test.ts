// The renewal calendar's reminders through the real engine and store: told once each across restarts (the ledger
// on disk), with no receipts and no request to USCIS, on the engine's timer of their own, waiting out quiet hours.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeMonitor } from '../../engine/node-monitor';
import type { DesktopNotification } from '../../engine/ports';
import { dueNotifications, ReminderWatch } from '../../engine/reminders';
import { AppStateSchema, STATE_VERSION } from '../../shared/monitor/state';
import type { ReceiptNumber } from '../../shared/receipt';
import { tempFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

afterEach(() => {
  vi.useRealTimers();
});

/** A monitor on `storeDir` pointed at a simulator that counts requests, with a clock the test moves. */
async function setUp(storeDir = tempFolder(), systemLanguage?: 'en' | 'es') {
  const sim = await frozenSimulator();
  const clock = { ms: Date.parse('2027-03-10T15:00:00.000Z'), now: () => clock.ms };
  const open = () => {
    const notifications: DesktopNotification[] = [];
    const { monitor, store } = createNodeMonitor({
      origin: sim.dataOrigin,
      cookie: sim.createSession(),
      clock,
      storeDir,
      timeZone: 'America/New_York',
      ...(systemLanguage ? { systemLanguage } : {}),
      notifier: { notify: async (n) => void notifications.push(n) },
    });
    return { monitor, store, notifications };
  };
  return { sim, clock, open, storeDir };
}

describe('reminders without receipts', () => {
  it('tell the filing window once, across a restart, and make no request to USCIS', async () => {
    const { sim, clock, open } = await setUp();
    const first = open();
    first.monitor.updateSettings({ permitExpiry: '2027-08-11' });
    first.monitor.signedIn();
    const watch = new ReminderWatch(first.monitor, { timeZone: 'America/New_York' });
    expect(await watch.check()).toEqual([]); // 2027-03-10: the window opens on the 14th

    clock.ms = Date.parse('2027-03-14T05:30:00.000Z'); // 00:30 in New York on the 14th
    expect(await watch.check()).toEqual(['reminder:filing-window-open:2027-08-11']);
    expect(first.notifications).toHaveLength(1);
    expect(first.notifications[0]!.title).toBe('Your DACA renewal window is open');
    expect(first.notifications[0]!.body).toContain('https://www.uscis.gov/DACA');
    expect(await watch.check()).toEqual([]);
    first.monitor.stop();

    // A restart on the same store: the ledger remembers.
    const second = open();
    expect(await new ReminderWatch(second.monitor, { timeZone: 'America/New_York' }).check()).toEqual([]);
    expect(second.notifications).toEqual([]);
    // Thirty days on, the 120-day mark is new.
    clock.ms = Date.parse('2027-04-14T14:00:00.000Z');
    expect(await new ReminderWatch(second.monitor, { timeZone: 'America/New_York' }).check()).toEqual(['reminder:filing-window-120:2027-08-11']);
    second.monitor.stop();
    expect(sim.requestLog()).toHaveLength(0);
  });

  it('are worded in the stored language', async () => {
    const { clock, open } = await setUp();
    const { monitor } = open();
    monitor.updateSettings({ permitExpiry: '2027-08-11', language: 'es' });
    clock.ms = Date.parse('2027-03-20T15:00:00.000Z');
    const [notification] = dueNotifications(monitor.snapshot, clock.now(), 'America/New_York');
    expect(notification!.title).toBe('Se abrió el periodo para renovar su DACA');
    expect(notification!.body).toContain('11 de agosto de 2027');
    monitor.stop();
  });

  it('speak the system’s language until the user picks one, then the one picked', async () => {
    const { clock, open } = await setUp(tempFolder(), 'es');
    const { monitor, notifications } = open();
    monitor.updateSettings({ permitExpiry: '2027-08-11' });
    clock.ms = Date.parse('2027-03-20T15:00:00.000Z');
    expect(monitor.language).toBe('es');
    expect(await new ReminderWatch(monitor, { timeZone: 'America/New_York' }).check()).toEqual(['reminder:filing-window-open:2027-08-11']);
    expect(notifications[0]!.title).toBe('Se abrió el periodo para renovar su DACA');
    // The user picks English in the app: from then on, English, whatever the system's.
    monitor.updateSettings({ language: 'en', languageChosen: true });
    expect(monitor.language).toBe('en');
    clock.ms = Date.parse('2027-04-14T14:00:00.000Z');
    expect(await new ReminderWatch(monitor, { timeZone: 'America/New_York' }).check()).toEqual(['reminder:filing-window-120:2027-08-11']);
    const [english, spanish] = (['en', 'es'] as const).map((language) => dueNotifications(monitor.snapshot, clock.now(), 'America/New_York', language)[0]!.title);
    expect(english).not.toBe(spanish);
    expect(notifications[1]!.title).toBe(english);
    monitor.stop();
  });

  it('switched off, tell and record nothing; switched on again, tell what is due then', async () => {
    const { sim, clock, open } = await setUp();
    const { monitor, notifications } = open();
    monitor.updateSettings({ permitExpiry: '2027-08-11', renewalReminders: false });
    clock.ms = Date.parse('2027-03-20T15:00:00.000Z');
    const watch = new ReminderWatch(monitor, { timeZone: 'America/New_York' });
    expect(dueNotifications(monitor.snapshot, clock.now(), 'America/New_York')).toHaveLength(1);
    expect(await watch.check()).toEqual([]);
    expect(notifications).toEqual([]);
    monitor.updateSettings({ renewalReminders: true });
    expect(await watch.check()).toEqual(['reminder:filing-window-open:2027-08-11']);
    expect(notifications).toHaveLength(1);
    monitor.stop();
    expect(sim.requestLog()).toHaveLength(0);
  });

  it('look again on their own timer, and wait out quiet hours instead of being dropped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { sim, clock, open } = await setUp();
    const { monitor, notifications } = open();
    monitor.updateSettings({ permitExpiry: '2027-08-11', quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    const told: string[][] = [];
    const watch = new ReminderWatch(monitor, { timeZone: 'America/New_York', everyMs: 60_000, onChecked: (keys) => told.push(keys) });
    watch.start();
    await vi.waitFor(() => expect(told).toHaveLength(1));
    // 2027-03-14, 01:00 in New York: the window is open but it is quiet hours.
    clock.ms = Date.parse('2027-03-14T06:00:00.000Z');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(notifications).toEqual([]);
    // 08:00 EDT (after the clocks went forward): told.
    clock.ms = Date.parse('2027-03-14T12:00:00.000Z');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(notifications.map((n) => n.key)).toEqual(['reminder:filing-window-open:2027-08-11']);
    watch.stop();
    monitor.stop();
    expect(sim.requestLog()).toHaveLength(0);
  });
});

describe('reminders while pending and after the approval', () => {
  it('tell day 105 with what to have ready and the inquiry page, then day 120, each once', async () => {
    const { clock, open } = await setUp();
    const seed = open();
    // The seed's monitor is stopped first: stopping saves its own (empty) state.
    seed.monitor.stop();
    // A stored renewal pending since 2027-07-25 (read by earlier checks): written as the store writes it.
    seed.store.write(
      AppStateSchema.parse({
        version: STATE_VERSION,
        settings: { permitExpiry: '2027-12-01', maskReceipts: true },
        cases: [
          { receipt: 'IOE0933012457', formType: 'I-821D', addedAt: '2027-07-26T12:00:00.000Z' },
          { receipt: 'IOE0933012458', formType: 'I-765', addedAt: '2027-07-26T12:00:00.000Z' },
        ],
        snapshots: Object.fromEntries(
          [['IOE0933012457', 'I-821D'], ['IOE0933012458', 'I-765']].map(([receipt, form]) => [
            receipt,
            {
              detail: { at: '2027-11-01T12:00:00.000Z', formType: form, submissionDate: '2027-07-25', events: [], notices: [] },
              status: { at: '2027-11-01T12:00:00.000Z', title: 'Case Is Being Actively Reviewed By USCIS', history: [] },
            },
          ]),
        ),
      }),
    );
    const { monitor, notifications } = open();
    const watch = new ReminderWatch(monitor, { timeZone: 'America/New_York' });
    clock.ms = Date.parse('2027-11-07T03:30:00.000Z'); // 23:30 EDT on the 6th: day 104
    expect(await watch.check()).toEqual([]);
    clock.ms = Date.parse('2027-11-07T04:30:00.000Z'); // 00:30 EDT on the 7th: day 105
    expect(await watch.check()).toEqual(['reminder:inquiry-105:2027-07-25']);
    expect(notifications[0]!.body).toContain('IOE•••••2457');
    expect(notifications[0]!.body).not.toContain('IOE0933012457');
    expect(notifications[0]!.body).toContain('https://www.uscis.gov/contactcenter');
    clock.ms = Date.parse('2027-11-22T15:00:00.000Z');
    expect(await watch.check()).toEqual(['reminder:goal-120:2027-07-25']);
    expect(await watch.check()).toEqual([]);
    monitor.stop();
  });

  it('after an approval read from myUSCIS, tell the new card’s estimated dates once', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 95 });
    const notifications: DesktopNotification[] = [];
    const { monitor } = createNodeMonitor({
      origin: sim.dataOrigin,
      cookie: sim.createSession(),
      clock: { now: () => sim.clock.now() },
      storeDir: tempFolder(),
      timeZone: 'UTC',
      notifier: { notify: async (n) => void notifications.push(n) },
    });
    monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);
    monitor.signedIn();
    await monitor.runOnce(async () => undefined);
    const watch = new ReminderWatch(monitor, { timeZone: 'UTC' });
    const told = await watch.check();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^reminder:new-card:\d{4}-\d{2}-\d{2}$/);
    const reminder = notifications.find((n) => n.key === told[0])!;
    expect(reminder.body).toMatch(/Estimated from the approval/);
    expect(await watch.check()).toEqual([]);
    // Once the printed dates are entered, the next window is counted from them (not due yet two years ahead).
    monitor.updateSettings({ newCardValidFrom: '2026-08-13', newCardExpiry: '2028-08-12' });
    expect(await watch.check()).toEqual([]);
    monitor.stop();
  });
});
