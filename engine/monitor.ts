// The monitor engine: runs the checks. Asks myUSCIS one request at a time when the schedule says so, merges
// what it read, detects findings and hands them to the announcer (engine/announcer.ts); the state saver
// (engine/state-saver.ts) persists. It owns no timer policy beyond `start()`, and talks to the outside only
// through its ports (HTTP via the client, store, notifier).

import type { AccountCase } from '../shared/myuscis/account-cases';
import type { Finding } from '../shared/monitor/findings';
import type { SaveProblem } from '../shared/monitor/save-problem';
import type { Activity } from '../shared/tray/tray-model';
import { emptyState, SettingsSchema, type AppState, type Settings } from '../shared/monitor/state';
import { spokenLanguage, type Language, type Localized } from '../shared/localized';
import { isReceiptNumber, maskReceipt, type ReceiptNumber } from '../shared/receipt';
import { concludeCheck, judgeRefusedCheck, listedByAccount, metRefusal, startCheck, takeAnswer, wantsWitness, type RunningCheck } from './case-check';
import type { FetchOutcome, MyUscisClient } from './client';
import { AccountPage } from './account-page';
import { Announcer } from './announcer';
import type { MonitorEvent, MonitorOptions } from './monitor-contract';
import { MONITOR_MESSAGES } from './monitor-messages';
import type { DesktopNotification } from './ports';
import * as schedule from './schedule';
import { StateSaver } from './state-saver';
import { WakeTimer } from './wake-timer';

export type { MonitorEvent, MonitorOptions } from './monitor-contract';

/** Findings that show a decision on a case: from then on, the approval document is expected on its companion. */
/** A case judged another account's is read again after this long (and at once when the user enters it again). */
export const FOREIGN_RECHECK_MS = 24 * 60 * 60_000;

const DECIDED_TYPES: ReadonlySet<Finding['type']> = new Set<Finding['type']>(['silent-approval', 'likely-approved', 'approved', 'denied', 'i821d-approved-inferred']);


export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export class Monitor {
  private state: AppState;
  private readonly env: schedule.ScheduleEnv;
  private current: RunningCheck | null = null;
  private readonly saver: StateSaver;
  private readonly announcer: Announcer;
  /** The applicant page's case list, read once after each sign-in. */
  private readonly accountPage: AccountPage;
  private readonly timer = new WakeTimer({
    nextWakeAt: () => this.nextWakeAt(),
    now: () => this.options.clock.now(),
    wakeOnce: () => this.wakeOnce(),
    failed: (error) => this.emit({ kind: 'error', message: `Unexpected engine error: ${error instanceof Error ? error.message : String(error)}` }),
  });
  private readonly random: () => number;
  /** The jitter of the gap before the next request, drawn when the last one went out. */
  private gapRandom = 0.5;

  /** Sentences about what was recovered from a damaged store at start-up (empty when all was fine). */
  readonly recovered: string[];

  constructor(private readonly options: MonitorOptions) {
    const reading = options.store.read();
    this.state = reading.state;
    this.recovered = reading.problems.map((problem) => problem.message);
    this.random = options.random ?? Math.random;
    this.env = { signedIn: false, online: true, awake: true, loopback: isLoopbackOrigin(options.origin) };
    this.saver = new StateSaver(options.store, options.clock, (event) => this.emit(event), this.state);
    this.announcer = new Announcer({
      state: () => this.state,
      notifier: options.notifier,
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      language: () => this.language,
      emit: (event) => this.emit(event),
      changed: () => this.changed(),
    });
    this.accountPage = new AccountPage({
      client: options.client,
      clock: options.clock,
      random: this.random,
      state: () => this.state,
      env: this.env,
      requestAt: (now) => this.requestAt(now),
      requestWent: (now, answered) => this.requestWent(now, answered),
      emit: (event) => this.emit(event),
      emitError: (text) => this.emitError(text),
      signedOut: () => this.signedOut(),
      changed: () => this.changed(),
    });
    this.clampTimes(options.clock.now());
    for (const { message, text } of reading.problems) this.emit({ kind: 'error', message: `Stored data: ${message}`, text: { en: `Stored data: ${text.en}`, es: `Datos guardados: ${text.es}` } });
  }

  /** A read-only view of the current state. */
  get snapshot(): Readonly<AppState> {
    return this.state;
  }

  /** The language notifications, the tray and records speak: the user's pick, else the system's. */
  get language(): Language {
    return spokenLanguage(this.state.settings, this.options.systemLanguage ?? 'en');
  }

  /** The engine's clock (epoch ms): the simulator's in a demo. */
  now(): number {
    return this.options.clock.now();
  }

  /** What the engine is doing now, for the tray and the dashboard. */
  activity(): Activity {
    if (!this.env.signedIn) return 'signed-out';
    if (!this.env.online) return 'offline';
    if (!this.env.awake) return 'asleep';
    if (this.receipts.length === 0) return 'no-cases';
    if (this.current) return 'checking';
    const now = this.options.clock.now();
    if (Date.parse(this.state.schedule.pausedUntil ?? '') > now) return 'paused';
    if (Date.parse(this.state.schedule.backoff?.until ?? '') > now) return 'backing-off';
    return 'watching';
  }

  /**
   * The receipts on the plan: every watched case but one judged another account's, which is read again once a day
   * (a judgement can be wrong: an outage, a case not yet on the account) until it is served or the user enters it again.
   */
  get receipts(): ReceiptNumber[] {
    const now = this.options.clock.now();
    return this.state.cases
      .filter((c) => c.problem === null || !(now - Date.parse(c.problemSince ?? '') < FOREIGN_RECHECK_MS))
      .map((c) => c.receipt)
      .filter(isReceiptNumber);
  }

  /** The receipts read on the plan but the one asked about: who can witness that the account works. */
  private companionOf(receipt: ReceiptNumber): ReceiptNumber | undefined {
    return this.state.cases.find((c) => c.receipt !== receipt && c.problem === null && isReceiptNumber(c.receipt))?.receipt as ReceiptNumber | undefined;
  }

  // ------------------------------------------------------------------ commands

  /** Watches exactly these receipts (already parsed); history of removed ones is kept. */
  setCases(receipts: readonly ReceiptNumber[]): void {
    const now = new Date(this.options.clock.now()).toISOString();
    // A receipt entered again is read again, whatever was judged of it (a wrong judgement must not last).
    this.state.cases = receipts.map((receipt) => {
      const known = this.state.cases.find((c) => c.receipt === receipt);
      return known ? { ...known, problem: null, problemSince: null } : { receipt, formType: null, addedAt: now, problem: null, problemSince: null };
    });
    this.changed();
  }

  /** The session is live (a sign-in finished, or a cookie stands for one): check soon. */
  signedIn(): void {
    this.env.signedIn = true;
    this.accountPage.due = true;
    this.state.session = { state: 'signed-in', since: this.nowIso(), expiryNotified: false };
    this.state.schedule = schedule.checkSoon(this.state.schedule, this.receipts, this.options.clock.now(), this.env.loopback);
    this.emit({ kind: 'session', state: 'signed-in' });
    this.changed();
  }

  /**
   * The session ended: no more requests until signedIn(). When USCIS ended it, the user is asked once
   * per expiry to sign in again; when the user signed out (`byUser`), nobody needs telling.
   */
  async signedOut(options: { byUser?: boolean } = {}): Promise<void> {
    this.env.signedIn = false;
    this.current = null;
    if (this.state.session.state !== 'signed-out' || !this.state.session.expiryNotified) {
      const since = this.nowIso();
      this.state.session = { state: 'signed-out', since, expiryNotified: true };
      this.emit({ kind: 'session', state: 'signed-out' });
      if (!options.byUser) await this.announcer.signInAgain(since);
    }
    this.changed();
  }

  setOnline(online: boolean): void {
    this.setEnv('online', online);
  }

  setAwake(awake: boolean): void {
    this.setEnv('awake', awake);
  }

  /** Pauses until the given time (epoch ms), or resumes with null. */
  pause(until: number | null): void {
    this.state.schedule = schedule.paused(this.state.schedule, until);
    if (until !== null) this.current = null;
    this.changed();
  }

  /** "Check now": every case as soon as the limits allow, fully. */
  checkNow(): void {
    this.state.schedule = schedule.checkSoon(this.state.schedule, this.receipts, this.options.clock.now(), this.env.loopback);
    this.changed();
  }

  /** Changes settings (validated: a bad value throws and changes nothing). */
  updateSettings(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.state.settings, ...patch });
    this.state.settings = next;
    this.changed();
    return next;
  }

  /** The user has seen everything found up to this instant. */
  markSeen(upTo: string): void {
    // Never past the engine's now: a date in the future would hide every finding still to come.
    const asked = Date.parse(upTo);
    if (Number.isNaN(asked)) return;
    const seen = new Date(Math.min(asked, this.options.clock.now())).toISOString();
    if (this.state.lastSeenAt !== null && this.state.lastSeenAt >= seen) return;
    this.state.lastSeenAt = seen;
    this.changed();
  }

  /** "Erase everything": the stored state and its files are removed; the engine starts over with nothing to watch. */
  eraseEverything(): void {
    this.current = null;
    this.options.store.erase();
    this.state = emptyState();
    this.saver.startedOver(this.state);
    this.timer.reschedule();
  }

  private setEnv(key: 'online' | 'awake', value: boolean): void {
    if (this.env[key] === value) return;
    this.env[key] = value;
    if (!value) this.current = null;
    else this.state.schedule = schedule.checkSoon(this.state.schedule, this.receipts, this.options.clock.now(), this.env.loopback);
    this.changed();
  }

  // ------------------------------------------------------------------ the loop

  /**
   * When the engine next wants to act (epoch ms on its clock), or null when it waits for a command. Stored times
   * in the future (the clock moved back since) are brought back to now first, so the answer is never a time that
   * will not come.
   */
  nextWakeAt(): number | null {
    const now = this.options.clock.now();
    this.clampTimes(now);
    if (this.current) return this.env.signedIn && this.env.online && this.env.awake ? this.requestAt(now) : null;
    const pageAt = this.accountPage.readAt(now);
    if (pageAt !== null) return pageAt;
    const step = schedule.nextStep(this.state.schedule, this.plannedCases(), this.env, now, this.state.settings);
    const pending = this.announcer.hasPending() ? now + 15 * 60_000 : null;
    const candidate = step.kind === 'check' ? Math.max(step.at, this.requestAt(now)) : step.until;
    return candidate === null ? pending : pending === null ? candidate : Math.min(candidate, pending);
  }

  /** Does what is due now: at most one request. Safe to call at any time. */
  async wake(): Promise<void> {
    return this.timer.wake();
  }

  private async wakeOnce(): Promise<void> {
    const now = this.options.clock.now();
    this.clampTimes(now);
    await this.announcer.deliverPending(now);
    const pageAt = this.current ? null : this.accountPage.readAt(now);
    if (pageAt !== null) {
      if (pageAt <= now) await this.accountPage.read();
      return;
    }
    if (!this.current) {
      const step = schedule.nextStep(this.state.schedule, this.plannedCases(), this.env, now, this.state.settings);
      if (step.kind !== 'check' || step.at > now || this.requestAt(now) > now) return;
      this.current = startCheck(step.receipt as ReceiptNumber, step.purpose, now, step.reads);
    }
    if (this.current && this.requestAt(now) <= now) await this.sendNext();
  }

  /**
   * `--once`: every case checked fully now, one request at a time, with the usual spacing. A persisted
   * backoff of the whole engine still applies, and so do a case's own backoff and the per-case floor
   * against the real origin; a case that fails does not keep the next one from being checked. Stored
   * times in the future are brought back first, so this never waits on one.
   */
  async runOnce(sleep: (ms: number) => Promise<void>): Promise<void> {
    this.clampTimes(this.options.clock.now());
    for (const receipt of this.receipts) {
      const now = this.options.clock.now();
      const step = schedule.nextStep(this.state.schedule, [receipt], this.env, now, { ...this.state.settings, staySignedIn: false });
      if (step.kind === 'blocked') {
        if (step.reason === 'backing-off' && this.state.schedule.backoff) {
          this.emit({ kind: 'backoff', until: this.state.schedule.backoff.until, reason: this.state.schedule.backoff.reason });
        }
        return;
      }
      const entry = this.state.schedule.cases[receipt];
      const retryAt = Date.parse(entry?.retryAt ?? '');
      if (retryAt > now) {
        this.emit({ kind: 'backoff', receipt, until: entry!.retryAt!, reason: 'case-failing' });
        continue;
      }
      const lastCheck = Date.parse(entry?.lastCheckAt ?? '');
      if (!this.env.loopback && now - lastCheck < schedule.SCHEDULE_RULES.perCaseFloorMs) {
        this.emitError(MONITOR_MESSAGES.checkedTooRecently(maskReceipt(receipt)));
        continue;
      }
      this.current = startCheck(receipt, 'once', now, ['documents', 'status', 'detail']);
      while (this.current && this.env.signedIn) {
        const wait = this.requestAt(this.options.clock.now()) - this.options.clock.now();
        if (wait > 0) await sleep(wait);
        await this.sendNext();
      }
      // Signed out, or backing off as a whole (429, challenge, every case failing): the next case would fare no better.
      if (!this.env.signedIn || this.state.schedule.backoff) return;
    }
  }

  /** Runs on real timers (engine/wake-timer.ts): `speed` is engine-clock milliseconds per real millisecond. */
  start(speed = 1): void {
    this.timer.start(speed);
  }

  stop(): void {
    this.timer.stop();
    this.saver.save(this.state, true);
  }

  /** Stored times in the future (the clock moved back) are brought back to now: on start, every wake and `--once`. */
  private clampTimes(now: number): void {
    const clamped = schedule.clampToNow(this.state.schedule, now);
    if (clamped === this.state.schedule) return;
    this.state.schedule = clamped;
    this.changed();
  }

  /** The watched cases with the chance the next approval document lands on each (see schedule.approvalWeights). */
  private plannedCases(): schedule.PlannedCase[] {
    const decided = new Set(this.state.history.filter((f) => DECIDED_TYPES.has(f.type)).map((f) => f.receipt));
    return schedule.approvalWeights(
      this.receipts.map((receipt) => ({ receipt, formType: this.state.cases.find((c) => c.receipt === receipt)?.formType ?? null, decided: decided.has(receipt) })),
    );
  }

  // ------------------------------------------------------------------ the account's cases

  /**
   * `--discover`: reads the applicant page now (after the usual gap since the last request) and returns the cases it
   * lists, or null when it could not be read (the reason is an `error` or `session` event).
   */
  async discoverAccountCases(sleep: (ms: number) => Promise<void>): Promise<AccountCase[] | null> {
    const wait = this.requestAt(this.options.clock.now()) - this.options.clock.now();
    if (wait > 0) await sleep(wait);
    return this.accountPage.read();
  }

  // ------------------------------------------------------------------ one check

  private requestAt(now: number): number {
    return schedule.earliestRequestAt(this.state.schedule, now, () => this.gapRandom);
  }

  /** A request went out: the schedule notes it, and the jitter of the next gap is drawn. */
  private requestWent(now: number, answered: boolean): void {
    this.state.schedule = schedule.requestSent(this.state.schedule, now, answered);
    // Answered again: a block met earlier is over (a new one is told again).
    if (answered && this.state.schedule.blockedSince) this.state.schedule = { ...this.state.schedule, blockedSince: null };
    this.gapRandom = this.random();
  }

  private async sendNext(): Promise<void> {
    const check = this.current;
    if (check?.witness?.outcome === null) return this.askWitness(check, check.witness);
    const endpoint = check?.queue.shift();
    if (!check || !endpoint) return;
    const { outcome } = await this.options.client.fetchEndpoint(endpoint, check.receipt);
    if (this.current !== check) return; // signed out, paused or offline meanwhile: drop the answer
    const now = this.options.clock.now();
    check.requests += 1;
    check.read.push(endpoint);
    // A foreign payload is still an answer in the session: it keeps the session alive.
    const answered = outcome.kind === 'ok' || outcome.kind === 'no-content' || (outcome.kind === 'malformed' && outcome.reason === 'wrong-receipt');
    this.requestWent(now, answered);
    if (outcome.kind === 'ok' || outcome.kind === 'no-content') {
      // 204: nothing to read; not an empty list either.
      check.answered.push(endpoint);
      if (outcome.kind === 'ok') takeAnswer(check, endpoint, outcome.value, this.state.snapshots[check.receipt] ?? null);
      if (check.queue.length === 0) await (check.refused ? this.judgeRefused(check, check.refused.status, now) : this.finish(check, 'ok', now));
      return;
    }
    if (outcome.kind === 'receipt-refused' && !check.refused) {
      // The detail is asked too before the refusal is judged (case-check.ts).
      if (metRefusal(check, endpoint, outcome.status)) await this.judgeRefused(check, outcome.status, now);
      return;
    }
    if (outcome.kind === 'receipt-refused') return this.judgeRefused(check, check.refused!.status, now);
    await this.failCheck(check, outcome, now);
  }

  /** A failed answer: the whole engine backs off for what concerns the account or the site, the case alone otherwise. */
  private async failCheck(check: RunningCheck, outcome: Exclude<FetchOutcome<unknown>, { kind: 'ok' } | { kind: 'no-content' }>, now: number): Promise<void> {
    if (outcome.kind === 'malformed' && outcome.reason === 'wrong-receipt') return this.refuseForeignAnswer(check, outcome.answeredFor, now);
    await this.finish(check, outcome.kind, now, false);
    if (outcome.kind === 'signed-out') return this.signedOut();
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
    if (!this.state.schedule.blockedSince) {
      this.state.schedule = { ...this.state.schedule, blockedSince: new Date(now).toISOString() };
      this.emitError(MONITOR_MESSAGES.blocked());
    }
    this.backOffEverything('blocked', now);
  }

  /** The companion's status, asked at the same moment as a witness of the account (case-check.ts). */
  private async askWitness(check: RunningCheck, witness: NonNullable<RunningCheck['witness']>): Promise<void> {
    const { outcome } = await this.options.client.fetchEndpoint('status', witness.receipt);
    if (this.current !== check) return;
    const now = this.options.clock.now();
    check.requests += 1;
    this.requestWent(now, outcome.kind === 'ok' || outcome.kind === 'no-content');
    witness.outcome = outcome;
    // What concerns the session or the site is handled as for any answer; anything else is the witness's word.
    if (outcome.kind === 'signed-out' || outcome.kind === 'blocked' || outcome.kind === 'challenged' || outcome.kind === 'rate-limited') return this.failCheck(check, outcome, now);
    await this.judgeRefused(check, check.refused!.status, now);
  }

  /** The receipt was served: a judgement that it is another account's was wrong, and is dropped. */
  private servedAgain(receipt: ReceiptNumber): void {
    const watched = this.state.cases.find((c) => c.receipt === receipt);
    if (watched?.problem) Object.assign(watched, { problem: null, problemSince: null });
  }

  /** A refused receipt, judged (case-check.ts): a witness asked first when one can be; then another account's, an outage, or a failing case. */
  private async judgeRefused(check: RunningCheck, status: 404 | 500, now: number): Promise<void> {
    const companion = this.companionOf(check.receipt);
    if (wantsWitness(check, companion)) {
      check.witness = { receipt: companion, outcome: null };
      return; // asked at the next request turn, after the usual gap
    }
    await this.finish(check, 'receipt-refused', now, false);
    const verdict = judgeRefusedCheck(check, status, {
      refusalsBefore: this.state.schedule.cases[check.receipt]?.refusals ?? 0,
      listedByAccount: listedByAccount(this.state, check.receipt, now),
    });
    if (verdict.kind === 'not-this-account') {
      const watched = this.state.cases.find((c) => c.receipt === check.receipt);
      if (watched) Object.assign(watched, { problem: 'not-this-account', problemSince: new Date(now).toISOString() });
      this.emitError(MONITOR_MESSAGES.notThisAccount(maskReceipt(check.receipt), status));
      this.changed();
      return;
    }
    if (verdict.kind === 'outage') {
      this.emitError(MONITOR_MESSAGES.outage(status));
      this.state.schedule = schedule.caseFailed(this.state.schedule, check.receipt, { now, random: this.random, refused: false });
      return this.backOffEverything('outage', now);
    }
    this.caseFailed(check.receipt, 'server-error', now, verdict.refused);
  }

  /** One case failed: it alone waits; when every case is failing, the site is the likely cause and everything waits. */
  private caseFailed(receipt: ReceiptNumber, reason: string, now: number, refused: boolean): void {
    this.state.schedule = schedule.caseFailed(this.state.schedule, receipt, { now, random: this.random, refused });
    const retryAt = this.state.schedule.cases[receipt]!.retryAt!;
    this.emit({ kind: 'backoff', receipt, until: retryAt, reason });
    if (schedule.allCasesFailing(this.state.schedule, this.receipts)) this.backOffEverything(reason, now);
    else this.changed();
  }

  private backOffEverything(reason: string, now: number, retryAfterMs?: number | null): void {
    this.state.schedule = schedule.failed(this.state.schedule, { now, reason, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), random: this.random });
    const backoff = this.state.schedule.backoff!;
    this.emit({ kind: 'backoff', until: backoff.until, reason: backoff.reason });
    this.changed();
  }

  /**
   * An answer about another receipt: the service mixed answers up, so nothing read in this check is kept (a documents
   * list names no receipt), nothing is found or told, and the case is tried again at its next check. The service did
   * answer, so this is no reason to back off from the other case or to let the session idle.
   */
  private async refuseForeignAnswer(check: RunningCheck, answeredFor: string | undefined, now: number): Promise<void> {
    check.reading = { at: check.reading.at };
    const other = answeredFor !== undefined && isReceiptNumber(answeredFor) ? maskReceipt(answeredFor) : null;
    this.emitError(MONITOR_MESSAGES.foreignAnswer(maskReceipt(check.receipt), other));
    await this.finish(check, 'wrong-receipt', now, false);
    // Tried again at its next turn by its pace (nothing read counts), not at once and not as a failure.
    this.state.schedule = schedule.checkFinished(this.state.schedule, check.receipt, { now, read: ['documents'], random: this.random });
    this.changed();
  }

  /** Ends a check: merges what was read, detects, notifies, reschedules the case (on success), persists. */
  private async finish(check: RunningCheck, outcome: string, now: number, succeeded = true): Promise<void> {
    this.current = null;
    const findings = concludeCheck(this.state, check, now);
    if (check.answered.length > 0) this.servedAgain(check.receipt);
    if (succeeded) {
      this.state.schedule = schedule.checkFinished(this.state.schedule, check.receipt, { now, read: check.answered, random: this.random });
    }
    this.emit({ kind: 'check', receipt: check.receipt, requests: check.requests, outcome, full: check.read.length === 3, purpose: check.purpose });
    await this.announcer.record(findings, now);
    this.changed();
  }

  // ------------------------------------------------------------------ notifications, saving and events

  /**
   * The renewal calendar's reminders (engine/reminders.ts), told once each across restarts through the same ledger,
   * waiting (never dropped) during quiet hours. Makes no request. Resolves to the keys told now.
   */
  async remind(reminders: readonly DesktopNotification[]): Promise<string[]> {
    return this.announcer.remind(reminders, this.options.clock.now());
  }

  /** Saves when due (engine/state-saver.ts) and sets the timer again. */
  private changed(): void {
    this.saver.save(this.state);
    this.timer.reschedule();
  }

  /** Why the user's data could not be saved lately (null when the last save worked). */
  saveProblem(): SaveProblem | null {
    return this.options.store.saveProblem();
  }

  private emit(event: MonitorEvent): void {
    this.options.onEvent?.(event);
  }

  /** A problem said to a person: in English as `message`, and in both languages as `text`. */
  private emitError(text: Localized): void {
    this.emit({ kind: 'error', message: text.en, text });
  }

  private nowIso(): string {
    return new Date(this.options.clock.now()).toISOString();
  }
}
