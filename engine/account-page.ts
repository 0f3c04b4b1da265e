// The applicant page: the cases the myUSCIS account lists, read once after each sign-in (not on every check), spaced
// like every request. Keeps the cases in the state; a page that fails for a passing reason is tried again after a
// pause of the whole engine. The monitor decides when requests may go; this reads the page when asked.

import type { AccountCase } from '../shared/myuscis/account-cases';
import type { Localized } from '../shared/localized';
import type { AppState } from '../shared/monitor/state';
import type { MyUscisClient } from './client';
import type { EmitEvent } from './monitor-contract';
import { MONITOR_MESSAGES } from './monitor-messages';
import type { Clock } from './ports';
import * as schedule from './schedule';

export interface AccountPageHost {
  client: MyUscisClient;
  clock: Clock;
  random: () => number;
  state: () => AppState;
  env: Readonly<schedule.ScheduleEnv>;
  /** When the next request may go out (epoch ms). */
  requestAt: (now: number) => number;
  /** A request went out (answered or not): the schedule notes it. */
  requestWent: (now: number, answered: boolean) => void;
  emit: EmitEvent;
  emitError: (text: Localized) => void;
  signedOut: () => Promise<void>;
  changed: () => void;
}

/** Passing failures of the page before it is left until the next sign-in: the cases are read meanwhile, never held up. */
const PAGE_TRIES = 3;

export class AccountPage {
  private dueFlag = false;
  private failures = 0;

  /** The page is due (after a sign-in, or a passing failure); set again on each sign-in, which starts its tries anew. */
  get due(): boolean {
    return this.dueFlag;
  }
  set due(value: boolean) {
    this.dueFlag = value;
    if (value) this.failures = 0;
  }

  constructor(private readonly host: AccountPageHost) {}

  /** When the page may be read (due, the session usable, no pause or backoff), or null. */
  readAt(now: number): number | null {
    const { env } = this.host;
    if (!this.due || !env.signedIn || !env.online || !env.awake) return null;
    const { pausedUntil, backoff } = this.host.state().schedule;
    if (Date.parse(pausedUntil ?? '') > now || Date.parse(backoff?.until ?? '') > now) return null;
    return this.host.requestAt(now);
  }

  /** One GET of the applicant page through the client; the cases it lists, or null (the reason is an `error` or `session` event). */
  async read(): Promise<AccountCase[] | null> {
    const { host } = this;
    this.dueFlag = false;
    const { outcome } = await host.client.fetchApplicantPage();
    const now = host.clock.now();
    host.requestWent(now, outcome.kind === 'ok');
    const state = host.state();
    if (outcome.kind === 'ok') {
      state.accountCases = { readAt: new Date(now).toISOString(), cases: outcome.value };
      host.emit({ kind: 'account-cases', cases: outcome.value });
      host.changed();
      return outcome.value;
    }
    if (outcome.kind === 'signed-out') {
      await host.signedOut();
      return null;
    }
    const passing = outcome.kind === 'network-error' || outcome.kind === 'timeout' || outcome.kind === 'server-error' || outcome.kind === 'rate-limited' || outcome.kind === 'challenged' || outcome.kind === 'blocked';
    this.failures += passing ? 1 : 0;
    // Tried again after a pause a few times; then left until the next sign-in, so the cases are read meanwhile.
    const transient = passing && this.failures < PAGE_TRIES;
    const why = outcome.kind === 'malformed' ? outcome.reason : outcome.kind;
    host.emitError(transient ? MONITOR_MESSAGES.accountCasesRetrying(outcome.kind) : MONITOR_MESSAGES.accountCasesUnlisted(why));
    if (transient) {
      this.dueFlag = true;
      const retryAfterMs = outcome.kind === 'rate-limited' ? outcome.retryAfterMs : undefined;
      state.schedule = schedule.failed(state.schedule, { now, reason: outcome.kind, retryAfterMs, random: host.random });
      host.emit({ kind: 'backoff', until: state.schedule.backoff!.until, reason: state.schedule.backoff!.reason });
    }
    host.changed();
    return null;
  }
}
