// What a failed or refused check changes: the case alone backs off, or the whole engine (the session, the site, a
// block page); a refused receipt is judged (engine/case-check.ts) after a witness when one can be asked; an answer
// about another receipt is dropped. It sends no request: the monitor asks, this decides and records.

import { maskReceipt, isReceiptNumber, type ReceiptNumber } from '../shared/receipt';
import type { AppState } from '../shared/monitor/state';
import type { Localized } from '../shared/localized';
import { judgeRefusedCheck, listedByAccount, wantsWitness, type RunningCheck } from './case-check';
import type { FetchOutcome } from './client';
import type { EmitEvent } from './monitor-contract';
import { MONITOR_MESSAGES } from './monitor-messages';
import * as schedule from './schedule';
import { companionOf, judgedForeign } from './watched-cases';

export interface CheckFailureHost {
  state: () => AppState;
  random: () => number;
  /** The receipts on the plan. */
  receipts: () => ReceiptNumber[];
  emit: EmitEvent;
  emitError: (text: Localized) => void;
  changed: () => void;
  /** Ends the check (merges what was read, records findings); `succeeded` false: the case is not rescheduled by it. */
  finish: (check: RunningCheck, outcome: string, now: number, succeeded: boolean) => Promise<void>;
  signedOut: () => Promise<void>;
}

export type FailedOutcome = Exclude<FetchOutcome<unknown>, { kind: 'ok' } | { kind: 'no-content' }>;

export class CheckFailures {
  constructor(private readonly host: CheckFailureHost) {}

  /** A failed answer: the whole engine backs off for what concerns the account or the site, the case alone otherwise. */
  async failCheck(check: RunningCheck, outcome: FailedOutcome, now: number): Promise<void> {
    if (outcome.kind === 'malformed' && outcome.reason === 'wrong-receipt') return this.refuseForeignAnswer(check, outcome.answeredFor, now);
    await this.host.finish(check, outcome.kind, now, false);
    if (outcome.kind === 'signed-out') return this.host.signedOut();
    if (outcome.kind === 'blocked') return this.blocked(now);
    if (outcome.kind === 'rate-limited' || outcome.kind === 'challenged') {
      const retryAfterMs = outcome.kind === 'rate-limited' ? outcome.retryAfterMs : undefined;
      this.backOffEverything(outcome.kind, now, retryAfterMs);
      return;
    }
    this.caseFailed(check.receipt, outcome.kind, now, false);
  }

  /**
   * An edge network's block page: this computer is blocked for now. Never a sign-in prompt (signing in does not fix it);
   * everything waits, and the user is told once until a request is answered again.
   */
  private blocked(now: number): void {
    if (!this.host.state().schedule.blockedSince) {
      this.host.state().schedule = { ...this.host.state().schedule, blockedSince: new Date(now).toISOString() };
      this.host.emitError(MONITOR_MESSAGES.blocked());
    }
    this.backOffEverything('blocked', now);
  }

  /** A refused receipt, judged (case-check.ts): a witness asked first when one can be; then another account's, an outage, or a failing case. */
  async judgeRefused(check: RunningCheck, status: 404 | 500, now: number): Promise<void> {
    const companion = companionOf(this.host.state(), check.receipt);
    if (wantsWitness(check, companion)) {
      check.witness = { receipt: companion, outcome: null };
      return; // asked at the next request turn, after the usual gap
    }
    await this.host.finish(check, 'receipt-refused', now, false);
    const verdict = judgeRefusedCheck(check, status, {
      refusalsBefore: this.host.state().schedule.cases[check.receipt]?.refusals ?? 0,
      listedByAccount: listedByAccount(this.host.state(), check.receipt, now),
    });
    if (verdict.kind === 'not-this-account') {
      judgedForeign(this.host.state(), check.receipt, now);
      this.host.emitError(MONITOR_MESSAGES.notThisAccount(maskReceipt(check.receipt), status));
      this.host.changed();
      return;
    }
    if (verdict.kind === 'outage') {
      this.host.emitError(MONITOR_MESSAGES.outage(status));
      this.host.state().schedule = schedule.caseFailed(this.host.state().schedule, check.receipt, { now, random: this.host.random, refused: false });
      return this.backOffEverything('outage', now);
    }
    this.caseFailed(check.receipt, 'server-error', now, verdict.refused);
  }

  /** One case failed: it alone waits; when every case is failing, the site is the likely cause and everything waits. */
  caseFailed(receipt: ReceiptNumber, reason: string, now: number, refused: boolean): void {
    this.host.state().schedule = schedule.caseFailed(this.host.state().schedule, receipt, { now, random: this.host.random, refused });
    const retryAt = this.host.state().schedule.cases[receipt]!.retryAt!;
    this.host.emit({ kind: 'backoff', receipt, until: retryAt, reason });
    if (schedule.allCasesFailing(this.host.state().schedule, this.host.receipts())) this.backOffEverything(reason, now);
    else this.host.changed();
  }

  backOffEverything(reason: string, now: number, retryAfterMs?: number | null): void {
    this.host.state().schedule = schedule.failed(this.host.state().schedule, { now, reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), random: this.host.random });
    const backoff = this.host.state().schedule.backoff!;
    this.host.emit({ kind: 'backoff', until: backoff.until, reason: backoff.reason });
    this.host.changed();
  }

  /**
   * An answer about another receipt: the service mixed answers up, so nothing read in this check is kept (a documents
   * list names no receipt), nothing is found or told, and the case is tried again at its next check. The service did
   * answer, so this is no reason to back off from the other case or to let the session idle.
   */
  private async refuseForeignAnswer(check: RunningCheck, answeredFor: string | undefined, now: number): Promise<void> {
    check.reading = { at: check.reading.at };
    const other = answeredFor !== undefined && isReceiptNumber(answeredFor) ? maskReceipt(answeredFor) : null;
    this.host.emitError(MONITOR_MESSAGES.foreignAnswer(maskReceipt(check.receipt), other));
    await this.host.finish(check, 'wrong-receipt', now, false);
    // Tried again at its next turn by its pace (nothing read counts), not at once and not as a failure.
    this.host.state().schedule = schedule.checkFinished(this.host.state().schedule, check.receipt, { now, read: ['documents'], random: this.host.random });
    this.host.changed();
  }
}
