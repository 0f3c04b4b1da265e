// The monitor's contract with its host: what it is given (its ports and options) and what it tells as it works
// (checks, findings, notifications, session, backoff, errors), one union the shell, the headless runner, the
// bench and the tests read. Types only.

import type { AccountCase } from '../shared/myuscis/account-cases';
import type { Finding } from '../shared/monitor/findings';
import type { SaveProblem } from '../shared/monitor/save-problem';
import type { Language, Localized } from '../shared/localized';
import type { MyUscisClient } from './client';
import type { Clock, DesktopNotification, NotifierPort, StatePort } from './ports';

export type MonitorEvent =
  | { kind: 'check'; receipt: string; requests: number; outcome: string; full: boolean; purpose: 'scheduled' | 'keep-alive' | 'once' }
  | { kind: 'finding'; receipt: string; type: Finding['type']; detail: Finding['detail']; key: string; inferred: boolean }
  | { kind: 'notification'; receipt: string | null; key: string; title: string; body: string; priority: DesktopNotification['priority'] }
  | { kind: 'session'; state: 'signed-in' | 'signed-out' }
  /** The applicant page was read: the cases the account lists (receipts in full: the headless runner masks its plain output). */
  | { kind: 'account-cases'; cases: AccountCase[] }
  /** With `receipt`: that case alone waits (its own failures); without: every request waits. */
  | { kind: 'backoff'; until: string; reason: string; receipt?: string }
  /** `saveProblem`: the error is a save that did not reach the disk, for wording it in the user's language. */
  /** `message` in English (logs, JSON); `text` in both languages when it is said to a person; technical ones have none. */
  | { kind: 'error'; message: string; text?: Localized; saveProblem?: SaveProblem['cause'] };

export type EmitEvent = (event: MonitorEvent) => void;

export interface MonitorOptions {
  client: MyUscisClient;
  /** The origin the client talks to. The engine applies the same rules to every origin (it never guesses a simulator from it). */
  origin: string;
  /**
   * A demo's per-case floor (ms), given by the runner of a simulator on a fast clock (0: the story's hours pass in
   * seconds, so "check now" and `--once` read at once). Never set against the real myUSCIS: the default is
   * SCHEDULE_RULES.perCaseFloorMs.
   */
  relaxedFloorMs?: number;
  clock: Clock;
  store: StatePort;
  notifier: NotifierPort;
  /** Random source for jitter (seeded in tests and benchmarks). */
  random?: () => number;
  /** Time zone for quiet hours (default: the machine's). */
  timeZone?: string;
  /** The system's language, spoken until the user picks one (default English). */
  systemLanguage?: Language;
  onEvent?: (event: MonitorEvent) => void;
}
