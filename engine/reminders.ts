// The renewal calendar's reminders for the engine: which are due on the user's day (in the user's language), told
// through the monitor's ledger once each, at start and on a timer of their own, so they come with no receipts and
// no USCIS request at all. It never talks to USCIS and keeps no state of its own.

import { dayInZone } from '../shared/knowledge/calendar-days';
import { dueReminders, renewalStage, type RenewalStage } from '../shared/knowledge/renewal-calendar';
import { renewalFactsOf, shownReceipts, type RenewalState } from '../shared/knowledge/renewal-facts';
import type { Language } from '../shared/localized';
import type { DesktopNotification } from './ports';

/** What the reminders need of the monitor: its state, its clock and its ledger. */
export interface RemindingMonitor {
  readonly snapshot: Readonly<RenewalState & { settings: { language: Language; renewalReminders: boolean } }>;
  /** The language it speaks: the user's pick, else the system's. */
  readonly language: Language;
  now(): number;
  remind(reminders: readonly DesktopNotification[]): Promise<string[]>;
}

/** The renewal's stage at `now` (epoch ms), on the user's calendar day in `timeZone`. */
export function stageAt(state: RenewalState, now: number, timeZone?: string): RenewalStage {
  return renewalStage(renewalFactsOf(state, dayInZone(now, timeZone), timeZone));
}

/** The reminders due at `now` as desktop notifications in `language` (default: the stored one; the watch passes the spoken one). */
export function dueNotifications(state: RemindingMonitor['snapshot'], now: number, timeZone?: string, language: Language = state.settings.language): DesktopNotification[] {
  return dueReminders(stageAt(state, now, timeZone), { receipts: shownReceipts(state) }).map((reminder) => ({
    key: reminder.key,
    title: reminder.title[language],
    body: reminder.link === undefined ? reminder.body[language] : `${reminder.body[language]}\n${reminder.link}`,
    priority: 'normal',
  }));
}

export interface ReminderWatchOptions {
  /** The user's time zone (default: this computer's). */
  timeZone?: string;
  /** How often (real ms) the calendar is looked at again: a new day, the end of quiet hours. Default 10 minutes. */
  everyMs?: number;
  /** Told after each look, with the keys told then (none most of the time). */
  onChecked?: (told: string[]) => void;
}

/** Looks at the calendar at start, on demand (a setting changed) and every `everyMs`, independently of USCIS checks. */
export class ReminderWatch {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<string[]> | null = null;

  constructor(
    private readonly monitor: RemindingMonitor,
    private readonly options: ReminderWatchOptions = {},
  ) {}

  /**
   * Tells what is due now (once each, ever); resolves to the keys told. With reminders switched off it tells and
   * records nothing: switched on again, what is due then is told.
   */
  check(): Promise<string[]> {
    const due = this.monitor.snapshot.settings.renewalReminders ? dueNotifications(this.monitor.snapshot, this.monitor.now(), this.options.timeZone, this.monitor.language) : [];
    // One look at a time: two looks at once could each find the same key not yet in the ledger.
    this.running ??= this.monitor
      .remind(due)
      .then((told) => {
        this.options.onChecked?.(told);
        return told;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  start(): void {
    if (this.timer !== null) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.everyMs ?? 10 * 60_000);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
