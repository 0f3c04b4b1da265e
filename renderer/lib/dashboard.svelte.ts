// The dashboard's state: the last DashboardState main sent, the views derived from it, and the actions the user
// can take, each one call of the DacaWatchApi. No wording, no DOM: components render it; connect() subscribes.

import type { DacaWatchApi, DashboardState, IpcFailure, IpcResult } from '../../shared/ipc/contract';
import { spokenLanguage, type Language } from '../../shared/localized';
import { renewalStage, type RenewalStage } from '../../shared/knowledge/renewal-calendar';
import { renewalFactsOf, shownReceipts } from '../../shared/knowledge/renewal-facts';
import { workAnswer } from '../../shared/knowledge/work-answer';
import { unseenFindings } from '../../shared/monitor/announcement';
import { withUsableDates } from '../../shared/monitor/settings-dates';
import { isLoopbackHttpPage } from '../../shared/security/navigation';
import { MESSAGES } from './i18n';
import { documentRows } from './news-view.svelte';
import { learnedOf, localDay, shownReceipt, verdictOf, watchedCases } from './pair-view.svelte';

type Method = Exclude<keyof DacaWatchApi, 'onStateChanged'>;
type RequestOf<M extends Method> = Parameters<DacaWatchApi[M]>[0];
type ValueOf<M extends Method> = Extract<Awaited<ReturnType<DacaWatchApi[M]>>, { ok: true }>['value'];
type SettingsChange = RequestOf<'updateSettings'>;

/** Relative day counts and "today" move on while the window stays open. */
const CLOCK_TICK_MS = 30_000;

export class Dashboard {
  private readonly api: DacaWatchApi;
  /** The system's language: spoken until the stored settings say otherwise. */
  private readonly systemLanguage = $state<Language>('en');

  /** Null until the first getState answers; replaced whole on every change (never mutated). */
  state = $state.raw<DashboardState | null>(null);
  /** Why the last call failed, until the next call or a dismissal. */
  failure = $state.raw<{ method: Method; code: IpcFailure['code']; text?: IpcFailure['text'] } | null>(null);
  /** Epoch ms on the engine's clock (the simulator's in a demo), ticking between states. */
  now = $state(Date.now());
  /** How far the engine's clock is from this page's, from the last state. */
  private clockOffset = 0;

  /** The language the user picked; until they pick one, the system's (a stored Spanish was picked: it is not the default). */
  lang: Language = $derived(this.state === null ? this.systemLanguage : spokenLanguage(this.state.settings, this.systemLanguage));
  t = $derived(MESSAGES[this.lang]);
  today = $derived(localDay(this.now));
  cases = $derived(this.state === null ? [] : watchedCases(this.state));
  verdict = $derived(verdictOf(this.cases, this.today, this.state?.settings.permitExpiry ?? null));
  learned = $derived(learnedOf(this.cases));
  /** The renewal's facts on the user's day (filed, decided, the dates entered), read once for the views below. */
  private facts = $derived(this.state === null ? null : renewalFactsOf(this.state, this.today, undefined, this.verdict));
  /** The renewal calendar on the user's day: the filing window before filing, day 105 and 120, the new card. */
  renewal = $derived(this.facts === null ? ({ kind: 'nothing' } as RenewalStage) : renewalStage(this.facts));
  /** The first answer on the page: can the person work today, and until when. */
  work = $derived(this.facts === null ? null : workAnswer(this.facts, { verdict: this.verdict.kind, i765Stage: this.verdict.stages.i765 }));
  /** What the inquiry needs: the receipts as the user wants them shown. */
  shownReceipts = $derived(this.state === null ? [] : shownReceipts(this.state));
  unseen = $derived(this.state === null ? [] : unseenFindings(this.state.history, this.state.lastSeenAt));
  documents = $derived(documentRows(this.cases, this.unseen));
  /** No receipts yet: the welcome and the two setup steps show instead of the dashboard. */
  firstRun = $derived(this.state !== null && this.state.cases.length === 0);
  /** The sign-in window was opened from here and the session has not started yet. */
  signInOpen = $state(false);
  /**
   * The browser preview has no sign-in window: the simulator's sign-in page it named, opened in a new tab, until
   * the session starts. Only a loopback http page is taken (the app never names one).
   */
  signInPage = $state<string | null>(null);
  /** The settings (by name) the last change saved, for the "Saved" next to them; null before any change. */
  saved = $state.raw<{ keys: string[]; count: number } | null>(null);
  /** "Check now" was pressed since the last check finished. */
  checkAsked = $state(false);

  /** `initial`: a state already read (the page hydrating main's first frame, or main rendering it). */
  constructor(api: DacaWatchApi, systemLanguage: Language, initial: DashboardState | null = null) {
    this.api = api;
    this.systemLanguage = systemLanguage;
    if (initial !== null) this.receive(initial);
  }

  /**
   * Loads the state (unless it came with the constructor), follows every change and ticks the clock; returns the
   * undo, for an $effect. A change main sends arrives as a task of its own, after the constructor's state was read.
   */
  connect(): () => void {
    const unsubscribe = this.api.onStateChanged((state) => this.receive(state));
    const clock = setInterval(() => {
      this.now = Date.now() + this.clockOffset;
    }, CLOCK_TICK_MS);
    if (this.state === null) void this.load();
    return () => {
      unsubscribe();
      clearInterval(clock);
    };
  }

  /** Reads the whole state once; a change main pushed in the meantime is newer and stays. */
  async load(): Promise<void> {
    const state = await this.call('getState', undefined);
    if (state !== undefined && this.state === null) this.receive(state);
  }

  private receive(received: DashboardState): void {
    const settings = withUsableDates(received.settings);
    const state = settings === received.settings ? received : { ...received, settings };
    if (state.session.state === 'signed-in') {
      this.signInOpen = false;
      this.signInPage = null;
    }
    if (this.state !== null && state.lastCheckAt !== this.state.lastCheckAt) this.checkAsked = false;
    this.state = state;
    this.clockOffset = Date.parse(state.now) - Date.now();
    this.now = Date.parse(state.now);
  }

  receipt(receipt: string): string {
    return shownReceipt(receipt, this.state?.settings.maskReceipts ?? false);
  }

  dismissFailure(): void {
    this.failure = null;
  }

  /**
   * Opens USCIS's sign-in window (or brings it to the front); the page says it is open until the session starts. In
   * the preview, the page it names instead has been opened in a new tab (ws-api.ts); the page says so.
   */
  signIn = async () => {
    const opened = await this.call('signIn', undefined);
    if (opened === undefined) return opened;
    const page = opened.page !== undefined && isLoopbackHttpPage(opened.page) ? opened.page : null;
    this.signInPage = page;
    this.signInOpen = page === null;
    return opened;
  };
  signOut = () => this.call('signOut', undefined);
  checkNow = async () => {
    const done = await this.call('checkNow', undefined);
    if (done?.ok) this.checkAsked = true;
    return done;
  };
  pause = (until: RequestOf<'pause'>['until']) => this.call('pause', { until });
  /** The printable record comes in the language the dashboard shows. */
  exportData = (format: RequestOf<'exportData'>['format']) => this.call('exportData', { format, language: this.lang });
  /** The sheet for the employer, in the language chosen for it, with the receipts only when asked. */
  exportEmployerSheet = (language: Language, showReceipts: boolean) => this.call('exportData', { format: 'employer', language, showReceipts });
  eraseEverything = () => this.call('eraseEverything', { confirm: true });
  openExternal = (url: string) => this.call('openExternal', { url });
  /** Resolves to the receipts' problems (empty when all were taken), or undefined when the call failed. */
  setCases = (receipts: string[]) => this.call('setCases', { receipts });

  /** Applies at once; the settings main answers with are shown before its next state arrives. */
  async updateSettings(change: SettingsChange): Promise<void> {
    const settings = await this.call('updateSettings', change);
    if (settings !== undefined && this.state !== null) {
      this.state = { ...this.state, settings: withUsableDates(settings) };
      this.saved = { keys: Object.keys(change), count: (this.saved?.count ?? 0) + 1 };
    }
  }

  /** The user picks a language: from now on it is remembered, whatever the system's. */
  chooseLanguage = (language: Language) => this.updateSettings({ language, languageChosen: true });

  async markSeen(upTo: string): Promise<void> {
    const done = await this.call('markSeen', { upTo });
    if (done?.ok && this.state !== null) this.state = { ...this.state, lastSeenAt: upTo };
  }

  private async call<M extends Method>(method: M, request: RequestOf<M>): Promise<ValueOf<M> | undefined> {
    const invoke = this.api[method] as (request: RequestOf<M>) => Promise<IpcResult<ValueOf<M>>>;
    this.failure = null;
    let result: IpcResult<ValueOf<M>>;
    try {
      result = await invoke.call(this.api, request);
    } catch {
      result = { ok: false, failure: { code: 'failed', message: '' } };
    }
    if (result.ok) return result.value;
    this.failure = { method, code: result.failure.code, ...(result.failure.text ? { text: result.failure.text } : {}) };
    return undefined;
  }
}
