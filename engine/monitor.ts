// The monitor engine: runs the checks. Asks myUSCIS one request at a time when the schedule says so, merges
// what it read, detects findings and hands them to the announcer (engine/announcer.ts); the state saver
// (engine/state-saver.ts) persists. It owns no timer policy beyond `start()`, and talks to the outside only
// through its ports (HTTP via the client, store, notifier).

import type { AccountCase } from '../shared/myuscis/account-cases';
import type { Finding } from '../shared/monitor/findings';
import type { SaveProblem } from '../shared/monitor/save-problem';
import type { Activity } from '../shared/tray/tray-model';
import { emptyState, SettingsSchema, type AppState, type PublishedTimes, type Settings } from '../shared/monitor/state';
import { spokenLanguage, type Language, type Localized } from '../shared/localized';
import { maskReceipt, type ReceiptNumber } from '../shared/receipt';
import { concludeCheck, metRefusal, pairFinished, startCheck, takeAnswer, type RunningCheck } from './case-check';
import { AccountPage } from './account-page';
import { Announcer } from './announcer';
import type { MonitorEvent, MonitorOptions } from './monitor-contract';
import { MONITOR_MESSAGES } from './monitor-messages';
import type { DesktopNotification } from './ports';
import * as schedule from './schedule';
import { CheckFailures } from './check-failures';
import { watchStalls } from './watchdog';
import { casesEntered, plannedReceipts, readWell, servedAgain } from './watched-cases';
import { StateSaver } from './state-saver';
import { WakeTimer } from './wake-timer';

export type { MonitorEvent, MonitorOptions } from './monitor-contract';

/** Findings that show a decision on a case: from then on, the approval document is expected on its companion. */
const DECIDED_TYPES: ReadonlySet<Finding['type']> = new Set<Finding['type']>(['silent-approval', 'likely-approved', 'approved', 'denied', 'case-ended', 'i821d-approved-inferred']);


export class Monitor {
  private state: AppState;
  private readonly env: schedule.ScheduleEnv;
  private current: RunningCheck | null = null;
  private readonly saver: StateSaver;
  private readonly announcer: Announcer;
  /** The applicant page's case list, read once after each sign-in. */
  private readonly accountPage: AccountPage;
  /** What a failed or refused check changes (engine/check-failures.ts). */
  private readonly failures: CheckFailures;
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
    // The same rules for every origin: only a demo runner relaxes the per-case floor, and says so (MonitorOptions).
    this.env = { signedIn: false, online: true, awake: true, floorMs: options.relaxedFloorMs ?? schedule.SCHEDULE_RULES.perCaseFloorMs };
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
    this.failures = new CheckFailures({
      state: () => this.state,
      random: this.random,
      receipts: () => this.receipts,
      emit: (event) => this.emit(event),
      emitError: (text) => this.emitError(text),
      changed: () => this.changed(),
      finish: (check, outcome, now, succeeded) => this.finish(check, outcome, now, succeeded),
      signedOut: () => this.signedOut(),
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

  /** The receipts on the plan (engine/watched-cases.ts): a case judged another account's only once a day. */
  get receipts(): ReceiptNumber[] {
    return plannedReceipts(this.state, this.options.clock.now());
  }

  // ------------------------------------------------------------------ commands

  /** Watches exactly these receipts (already parsed); history of removed ones is kept. */
  setCases(receipts: readonly ReceiptNumber[]): void {
    const now = new Date(this.options.clock.now()).toISOString();
    casesEntered(this.state, receipts, now);
    this.changed();
  }

  /** The session is live (a sign-in finished, or a cookie stands for one): check soon. */
  signedIn(): void {
    this.env.signedIn = true;
    this.accountPage.due = true;
    this.state.session = { state: 'signed-in', since: this.nowIso(), expiryNotified: false };
    this.state.schedule = schedule.checkSoon(this.state.schedule, this.receipts, this.options.clock.now(), this.env.floorMs);
    this.emit({ kind: 'session', state: 'signed-in' });
    this.noteAbility(this.options.clock.now());
    this.changed();
  }

  /**
   * The session ended: no more requests until signedIn(). When USCIS ended it, the user is asked once
   * per expiry to sign in again; when the user signed out (`byUser`), nobody needs telling.
   */
  async signedOut(options: { byUser?: boolean } = {}): Promise<void> {
    this.env.signedIn = false;
    this.current = null;
    this.noteAbility(this.options.clock.now());
    if (this.state.session.state !== 'signed-out' || !this.state.session.expiryNotified) {
      const since = this.nowIso();
      this.state.session = { state: 'signed-out', since, expiryNotified: true };
      this.emit({ kind: 'session', state: 'signed-out' });
      if (!options.byUser) await this.announcer.signInAgain(since, pairFinished(this.state));
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
    this.noteAbility(this.options.clock.now());
    this.changed();
  }

  /** "Check now": every case as soon as the limits allow, fully. */
  checkNow(): void {
    this.state.schedule = schedule.checkSoon(this.state.schedule, this.receipts, this.options.clock.now(), this.env.floorMs);
    this.changed();
  }

  /** Changes settings (validated: a bad value throws and changes nothing). */
  updateSettings(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.state.settings, ...patch });
    this.state.settings = next;
    this.changed();
    return next;
  }

  /** USCIS's published processing times, as engine/processing-times.ts read them (its own schedule, never a check's). */
  setPublishedTimes(times: PublishedTimes): void {
    this.state.processingTimes = times;
    this.changed();
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
    else this.state.schedule = schedule.checkSoon(this.state.schedule, this.receipts, this.options.clock.now(), this.env.floorMs);
    this.noteAbility(this.options.clock.now());
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
    await this.watchStalls(now);
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
   * (a demo's relaxed one when its runner gave one); a case that fails does not keep the next one from being checked. Stored
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
      if (now - lastCheck < (this.env.floorMs ?? schedule.SCHEDULE_RULES.perCaseFloorMs)) {
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
    // Sped up (a demo: an hour or a day a second), a millisecond of real work is minutes of the story, so a busy
    // machine would look like a stalled watcher: the watchdog keeps to real time.
    this.watchdogOn = speed <= 1;
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
  /** The cases that show a decision: from then on, the approval document is expected on the companion. */
  private decidedReceipts(): Set<string> {
    return new Set(this.state.history.filter((f) => DECIDED_TYPES.has(f.type)).map((f) => f.receipt));
  }

  private plannedCases(): schedule.PlannedCase[] {
    const decided = this.decidedReceipts();
    const planned = schedule.approvalWeights(
      this.receipts.map((receipt) => ({ receipt, formType: this.state.cases.find((c) => c.receipt === receipt)?.formType ?? null, decided: decided.has(receipt) })),
    );
    // Card delivered or both cases ended: nothing more is expected, the planner's finished pace (schedule.finishedStep).
    return pairFinished(this.state) ? planned.map((c) => ({ ...c, finished: true })) : planned;
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
      if (check.queue.length === 0) await (check.refused ? this.failures.judgeRefused(check, check.refused.status, now) : this.finish(check, 'ok', now));
      return;
    }
    if (outcome.kind === 'receipt-refused' && !check.refused) {
      // The detail is asked too before the refusal is judged (case-check.ts).
      if (metRefusal(check, endpoint, outcome.status)) await this.failures.judgeRefused(check, outcome.status, now);
      return;
    }
    if (outcome.kind === 'receipt-refused') return this.failures.judgeRefused(check, check.refused!.status, now);
    await this.failures.failCheck(check, outcome, now);
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
    if (outcome.kind === 'signed-out' || outcome.kind === 'blocked' || outcome.kind === 'challenged' || outcome.kind === 'rate-limited') return this.failures.failCheck(check, outcome, now);
    await this.failures.judgeRefused(check, check.refused!.status, now);
  }

  /** Since when the engine could read at all (signed in, online, awake, not paused); null while it cannot. */
  private ableSince: number | null = null;

  /** Off only while running sped up (see start()). */
  private watchdogOn = true;

  private noteAbility(now: number): void {
    const able = this.env.signedIn && this.env.online && this.env.awake && !(Date.parse(this.state.schedule.pausedUntil ?? '') > now);
    if (!able) this.ableSince = null;
    else if (this.ableSince === null) this.ableSince = now;
  }

  /** The watcher watches itself (engine/watchdog.ts): a stall is said once, and told once through the ledger. */
  private async watchStalls(now: number): Promise<void> {
    this.noteAbility(now);
    if (!this.watchdogOn) return;
    const { fresh, notifications } = watchStalls(this.state, this.receipts, { ableSince: this.ableSince, now, language: this.language });
    for (const text of fresh) this.emitError(text);
    if (fresh.length > 0) this.changed();
    if (notifications.length > 0) await this.announcer.remind(notifications, now);
  }

  /** Ends a check: merges what was read, detects, notifies, reschedules the case (on success), persists. */
  private async finish(check: RunningCheck, outcome: string, now: number, succeeded = true): Promise<void> {
    this.current = null;
    const findings = concludeCheck(this.state, check, now);
    if (check.answered.length > 0) servedAgain(this.state, check.receipt);
    if (succeeded) {
      // The card's "read" time: an unchanged reading leaves the snapshot (and its times) as they were.
      readWell(this.state, check.receipt, now);
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
