// The renewal calendar's reminders for the engine: which are due on the user's day (in the user's language), told
// through the monitor's ledger once each, at start and on a timer of their own, so they come with no receipts and
// no USCIS request at all. It never talks to USCIS and keeps no state of its own.

import { dayInZone } from '../shared/knowledge/calendar-days';
import { dueReminders, renewalStage, type RenewalStage } from '../shared/knowledge/renewal-calendar';
import { renewalFactsOf, shownReceipts, type RenewalState } from '../shared/knowledge/renewal-facts';
import { forecastWords, storedForecasts } from '../shared/knowledge/processing-forecast';
import { publishedFigures } from '../shared/knowledge/stored-figures';
import type { Language, Localized } from '../shared/localized';
import type { AppState } from '../shared/monitor/state';
import type { DesktopNotification } from './ports';

/** What the reminders need of the monitor: its state, its clock and its ledger. */
export interface RemindingMonitor {
  /** `processingTimes`: USCIS's published times as the engine stored them (absent: none, no forecast told). */
  readonly snapshot: Readonly<RenewalState & { settings: { language: Language; renewalReminders: boolean } } & Partial<Pick<AppState, 'processingTimes'>>>;
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
  const calendar = dueReminders(stageAt(state, now, timeZone), { receipts: shownReceipts(state) }).map((reminder) => ({
    key: reminder.key,
    title: reminder.title[language],
    body: reminder.link === undefined ? reminder.body[language] : `${reminder.body[language]}\n${reminder.link}`,
    priority: 'normal' as const,
  }));
  return [...calendar, ...forecastNotifications(state, now, timeZone, language)];
}

const FORECAST_TITLES: Record<'window' | 'inquiry', Localized> = {
  window: { en: 'USCIS published its processing time', es: 'USCIS publicó su tiempo de trámite' },
  inquiry: { en: 'You may now ask USCIS about your case', es: 'Ya puede preguntar a USCIS por su caso' },
};

/**
 * USCIS's published times, told once each through the ledger: a pending case's published window for each
 * publication (`forecast:window:<form>:<publicationDate>`, so a new publication is told again, the same one never),
 * and the published inquiry date once the case was received before it (`forecast:inquiry-open:<form>:<date>`).
 * A figure with no readable publication date is not told (nothing would tell a change apart from a re-read).
 */
export function forecastNotifications(state: RemindingMonitor['snapshot'], now: number, timeZone: string | undefined, language: Language): DesktopNotification[] {
  if (state.processingTimes === undefined) return [];
  const withTimes = { ...state, processingTimes: state.processingTimes };
  return storedForecasts(state, publishedFigures(withTimes), dayInZone(now, timeZone), timeZone).flatMap(({ forecast }) => {
    const words = forecastWords(forecast);
    const told: DesktopNotification[] = [];
    const published = forecast.figure?.publicationDate ?? null;
    if (!forecast.decided && published !== null && words.published !== null) {
      told.push({ key: `forecast:window:${forecast.form}:${published}`, title: FORECAST_TITLES.window[language], body: words.published[language], priority: 'normal' });
    }
    const before = forecast.inquiry.receivedBefore;
    if (!forecast.decided && before !== null && forecast.inquiry.byPublishedDate === true && words.inquiry !== null) {
      told.push({ key: `forecast:inquiry-open:${forecast.form}:${before}`, title: FORECAST_TITLES.inquiry[language], body: words.inquiry[language], priority: 'normal' });
    }
    return told;
  });
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
