// The announcer: keeps the findings' history and the notification ledger, tells each fact once (the rule is
// shared/monitor/announcement.ts), waits through quiet hours without dropping anything, and hands the words
// to the notifier. It reads and writes the monitor's state through `state()`; it makes no request.

import { coveredInCheck, isDecisionKey, shouldNotify } from '../shared/monitor/announcement';
import type { Finding } from '../shared/monitor/findings';
import { LIMITS } from '../shared/limits';
import type { AppState } from '../shared/monitor/state';
import { displayText } from '../shared/display-text';
import type { Language } from '../shared/localized';
import type { EmitEvent } from './monitor-contract';
import { MONITOR_MESSAGES } from './monitor-messages';
import { inQuietHours, signInAgainNotification, withWorkNote, wordFinding } from './notification-policy';
import type { DesktopNotification, NotifierPort } from './ports';

export interface AnnouncerPorts {
  /** The monitor's current state (it may be replaced as a whole, as by "Erase everything"). */
  state: () => AppState;
  notifier: NotifierPort;
  /** Time zone for quiet hours (default: the machine's). */
  timeZone?: string;
  /** The language notifications speak. */
  language: () => Language;
  emit: EmitEvent;
  /** The history or the ledger changed: the monitor saves and reschedules. */
  changed: () => void;
}

export class Announcer {
  constructor(private readonly ports: AnnouncerPorts) {}

  private get state(): AppState {
    return this.ports.state();
  }

  /** Adds a check's findings to the history (each fact once ever) and tells those announced, once each. */
  async record(findings: Finding[], now: number): Promise<void> {
    const known = new Set([...this.state.history.map((f) => f.key), ...this.state.ledger.map((l) => l.key)]);
    const fresh = findings.filter((finding) => !known.has(finding.key) && (known.add(finding.key), true));
    if (fresh.length === 0) return;
    this.state.history = [...this.state.history, ...fresh].slice(-LIMITS.history);
    // One fact, one notification: what another finding of this check (or an earlier inference) already tells is handled unsaid.
    const covered = coveredInCheck(fresh, known);
    for (const finding of fresh) {
      this.ports.emit({ kind: 'finding', receipt: finding.receipt, type: finding.type, detail: finding.detail, key: finding.key, inferred: finding.inferred });
      if (covered.has(finding.key) || !shouldNotify(finding, this.state.settings)) this.markHandled(finding.key, now);
    }
    await this.deliverPending(now);
  }

  private pendingFindings(): Finding[] {
    const handled = new Set(this.state.ledger.map((l) => l.key));
    return this.state.history.filter((f) => !handled.has(f.key) && shouldNotify(f, this.state.settings));
  }

  /** Whether findings wait to be told (quiet hours held them back). */
  hasPending(): boolean {
    return this.pendingFindings().length > 0;
  }

  /** Sends what waits, unless it is quiet hours (then it keeps waiting, never dropped). */
  async deliverPending(now: number): Promise<void> {
    if (inQuietHours(now, this.state.settings.quietHours, this.ports.timeZone)) return;
    const formTypes = Object.fromEntries(this.state.cases.map((c) => [c.receipt, c.formType]));
    for (const finding of this.pendingFindings()) {
      this.markHandled(finding.key, now);
      const context = withWorkNote(finding, { language: this.ports.language(), maskReceipts: this.state.settings.maskReceipts, formTypes }, this.state, now, this.ports.timeZone);
      await this.deliver(wordFinding(finding, context), finding.receipt);
    }
  }

  /**
   * The renewal calendar's reminders (engine/reminders.ts), told once each across restarts through the same ledger,
   * waiting (never dropped) during quiet hours. Resolves to the keys told now.
   */
  async remind(reminders: readonly DesktopNotification[], now: number): Promise<string[]> {
    if (inQuietHours(now, this.state.settings.quietHours, this.ports.timeZone)) return [];
    const told = new Set(this.state.ledger.map((entry) => entry.key));
    const fresh = reminders.filter((reminder) => !told.has(reminder.key) && (told.add(reminder.key), true));
    for (const reminder of fresh) {
      this.markHandled(reminder.key, now);
      await this.deliver(reminder, null);
    }
    return fresh.map((reminder) => reminder.key);
  }

  /** The one request per expiry to sign in again (the session state keeps it to one). */
  /** `finished`: the renewal is over (the pair is read a few times a day, with no keep-alive). */
  async signInAgain(since: string, finished = false): Promise<void> {
    await this.deliver(signInAgainNotification(this.ports.language(), since, finished), null);
  }

  private markHandled(key: string, now: number): void {
    const ledger = [...this.state.ledger, { key, notifiedAt: new Date(now).toISOString() }];
    // Over the limit, the oldest minor entries go first: a decision must never be notified twice.
    while (ledger.length > LIMITS.ledger) {
      const minor = ledger.findIndex((entry) => !isDecisionKey(entry.key));
      ledger.splice(minor === -1 ? 0 : minor, 1);
    }
    this.state.ledger = ledger;
    this.ports.changed();
  }

  private async deliver(worded: DesktopNotification, receipt: string | null): Promise<void> {
    // Server text reaches the desktop without markup, control or bidirectional-override characters, capped.
    const notification = { ...worded, title: displayText(worded.title, { limit: 120 }), body: displayText(worded.body, { multiline: true }) };
    this.ports.emit({ kind: 'notification', receipt, ...notification });
    try {
      await this.ports.notifier.notify(notification);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const text = MONITOR_MESSAGES.notificationFailed(why);
      this.ports.emit({ kind: 'error', message: text.en, text });
    }
  }
}
