// Reads USCIS's published processing times (egov.uscis.gov) for the I-821D and the (c)(33) I-765, on a schedule of
// its own, apart from the myUSCIS checks: at most one refresh a day (the result kept in the state with its time, so a
// restart asks nothing again), one request in flight, spaced, a backoff after errors, a day's rest after a block
// page. Discovery finds the subtype by its words and the offices from egov's lists; the case's own office is asked
// when its myUSCIS status names it, every listed office otherwise. It never touches the myUSCIS client or schedule.

import { PUBLISHED_FORMS, PUBLISHED_PAYLOAD_MAX_CHARS, type AppState, type PublishedForm, type PublishedFormName, type PublishedTimes } from '../shared/monitor/state';
import { carriesPublishedTime, dacaSubtype, listedOffices, listedSubtypes, sameOffice, timesPaths, timesReferer, type ListedCode, type PublishedTimesPort } from './processing-times-port';
import { retryAfterMs } from './client';
import { HttpFailure, type HttpResponse } from './ports';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const TIMES_RULES = {
  /** A finished refresh is good for this long: the values change at most about daily. */
  refreshEveryMs: 23 * HOUR,
  /** The lists of subtypes and offices are read again after a week (or when an office is no longer known). */
  rediscoverEveryMs: 7 * DAY,
  /** A block page (403) means: ask nothing for a day. */
  blockedForMs: DAY,
  /** After a failed refresh: 1 h, 2 h, 4 h … up to a day. */
  firstRetryMs: HOUR,
  /** Every request's deadline: a hanging egov ends the refresh, never anything else. */
  timeoutMs: 15_000,
  maxBytes: 256 * 1024,
  /** Offices asked per form at most when the case's own is not known. */
  maxOffices: 6,
  /** Between two requests to egov (real origin): 4 to 9 seconds. */
  spacingMs: { min: 4_000, spread: 5_000 },
} as const;

/** What the reader needs of the monitor: its state (read-only), its clock, and one way to store the times. */
export interface TimesMonitor {
  readonly snapshot: Readonly<AppState>;
  now(): number;
  setPublishedTimes(times: PublishedTimes): void;
}

export type TimesOutcome =
  /** Read now: every form answered (with times, or a 204). */
  | 'read'
  /** Nothing asked: the last read is recent enough. */
  | 'fresh'
  /** Nothing asked: a block page or failures earlier say to wait. */
  | 'waiting'
  /** egov answered with a block page: nothing more asked for a day. */
  | 'blocked'
  /** A request failed (network, timeout, 5xx, 429, not JSON): tried again later. */
  | 'failed';

export interface TimesEvent {
  kind: 'published-times';
  outcome: TimesOutcome;
  /** Requests sent to egov in this refresh. */
  requests: number;
  /** Each form's last known status (null: never read). */
  forms: Record<PublishedFormName, PublishedForm['status']>;
  /** With 'waiting', 'blocked' and 'failed': no request before then. */
  until?: string;
  /** With 'failed': why, in English (logs). */
  reason?: string;
}

export interface PublishedTimesOptions {
  port: PublishedTimesPort;
  /** egov's origin (default https://egov.uscis.gov; a simulator's in tests). */
  origin: string;
  monitor: TimesMonitor;
  random?: () => number;
  /** Real milliseconds between two requests (default: TIMES_RULES.spacingMs, jittered). */
  spacingMs?: number;
  timeoutMs?: number;
  /** Real waiting (tests may shorten it). */
  sleep?: (ms: number) => Promise<void>;
  onEvent?: (event: TimesEvent) => void;
}

type Answer = { kind: 'json'; body: unknown } | { kind: 'no-content' } | { kind: 'not-found' } | { kind: 'blocked' } | { kind: 'failed'; reason: string; retryAfterMs?: number };

class Stop extends Error {
  constructor(readonly answer: Extract<Answer, { kind: 'blocked' | 'failed' }>) {
    super(answer.kind);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a refresh is due at `now`, and if not, until when it waits (null: not before the next day's refresh). */
export function timesDue(times: PublishedTimes, now: number): { due: true } | { due: false; until: number; why: 'fresh' | 'waiting' } {
  const blocked = Date.parse(times.blockedUntil ?? '');
  if (blocked > now) return { due: false, until: blocked, why: 'waiting' };
  const retry = Date.parse(times.retryAt ?? '');
  if (retry > now) return { due: false, until: retry, why: 'waiting' };
  const fetched = Date.parse(times.fetchedAt ?? '');
  if (fetched <= now && now - fetched < TIMES_RULES.refreshEveryMs) return { due: false, until: fetched + TIMES_RULES.refreshEveryMs, why: 'fresh' };
  return { due: true };
}

export class PublishedTimesReader {
  private running: Promise<TimesEvent> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private speed: number | null = null;
  private requests = 0;
  private lastRequestAt: number | null = null;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: PublishedTimesOptions) {
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Refreshes when due (a day after the last read, past any block or backoff); one refresh at a time. */
  refreshIfDue(): Promise<TimesEvent> {
    this.running ??= this.refresh().finally(() => (this.running = null));
    return this.running;
  }

  /** Runs on a real timer of its own: `speed` as the monitor's (engine-clock ms per real ms). */
  start(speed = 1): void {
    this.speed = speed;
    this.arm(0);
  }

  stop(): void {
    this.speed = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(delayMs: number): void {
    if (this.speed === null) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A refresh that threw (a state the store refused) is looked at again like any other.
      void this.refreshIfDue()
        .catch(() => null)
        .then(() => {
          const now = this.options.monitor.now();
          const due = timesDue(this.options.monitor.snapshot.processingTimes, now);
          // Looked at again at least hourly (a sleeping laptop's clock jumps), sooner when the wait ends sooner.
          const wait = due.due ? HOUR : Math.min(HOUR, due.until - now);
          this.arm(Math.max(1_000, wait / (this.speed ?? 1)));
        });
    }, delayMs);
  }

  private forms(times: PublishedTimes): TimesEvent['forms'] {
    return { 'I-821D': times.byForm['I-821D'].status, 'I-765': times.byForm['I-765'].status };
  }

  private async refresh(): Promise<TimesEvent> {
    const { monitor } = this.options;
    let times = structuredClone(monitor.snapshot.processingTimes) as PublishedTimes;
    const started = monitor.now();
    const due = timesDue(times, started);
    if (!due.due) return this.tell({ kind: 'published-times', outcome: due.why, requests: 0, forms: this.forms(times), ...(due.why === 'waiting' ? { until: iso(due.until) } : {}) });
    this.requests = 0;
    times = { ...times, attemptedAt: iso(started) };
    try {
      for (const form of PUBLISHED_FORMS) {
        const read = await this.readForm(form, times.byForm[form]);
        // Each form is kept as soon as it is read: a failure on the other one leaves it stored.
        times = { ...times, byForm: { ...times.byForm, [form]: read } };
        monitor.setPublishedTimes(times);
      }
      const now = monitor.now();
      times = { ...times, fetchedAt: iso(now), retryAt: null, failures: 0, blockedUntil: null };
      monitor.setPublishedTimes(times);
      return this.tell({ kind: 'published-times', outcome: 'read', requests: this.requests, forms: this.forms(times) });
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      const now = monitor.now();
      if (error.answer.kind === 'blocked') {
        times = { ...times, blockedUntil: iso(now + TIMES_RULES.blockedForMs) };
        monitor.setPublishedTimes(times);
        return this.tell({ kind: 'published-times', outcome: 'blocked', requests: this.requests, forms: this.forms(times), until: times.blockedUntil! });
      }
      const failures = times.failures + 1;
      // A 429's Retry-After is kept when it asks for longer than the backoff.
      const wait = Math.max(error.answer.retryAfterMs ?? 0, Math.min(DAY, TIMES_RULES.firstRetryMs * 2 ** (failures - 1)) * (0.9 + 0.2 * this.random()));
      times = { ...times, failures, retryAt: iso(now + wait) };
      monitor.setPublishedTimes(times);
      return this.tell({ kind: 'published-times', outcome: 'failed', requests: this.requests, forms: this.forms(times), until: times.retryAt!, reason: error.answer.reason });
    }
  }

  private tell(event: TimesEvent): TimesEvent {
    this.options.onEvent?.(event);
    return event;
  }

  /** One form: its subtype and offices (listed again weekly), then the times of its offices. Throws Stop. */
  private async readForm(form: PublishedFormName, before: PublishedForm): Promise<PublishedForm> {
    const now = () => iso(this.options.monitor.now());
    let found = before;
    const listedAt = Date.parse(before.discoveredAt ?? '');
    if (!before.subtype || before.offices.length === 0 || !(this.options.monitor.now() - listedAt < TIMES_RULES.rediscoverEveryMs)) {
      const types = await this.ask(timesPaths.formTypes(form));
      if (types.kind !== 'json') return { ...before, status: 'not-published', readAt: now(), basis: null, answers: [] };
      const subtype = dacaSubtype(form, listedSubtypes(types.body));
      if (!subtype) return { ...before, subtype: null, offices: [], discoveredAt: now(), status: 'not-listed', readAt: now(), basis: null, answers: [] };
      const offices = await this.ask(timesPaths.formOffices(form, subtype.code));
      const list = offices.kind === 'json' ? listedOffices(offices.body).slice(0, 20) : [];
      found = { ...before, subtype: clip(subtype), offices: list.map(clip), discoveredAt: now() };
      if (list.length === 0) return { ...found, status: 'not-published', readAt: now(), basis: null, answers: [] };
    }
    const subtype = found.subtype!;
    const own = this.caseOffice(form, found.offices);
    const answers: PublishedForm['answers'] = [];
    let stale = false;
    const askOffices = async (offices: readonly ListedCode[]) => {
      for (const office of offices) {
        const answer = await this.ask(timesPaths.processingTime(form, office.code, subtype.code));
        const kept = answer.kind === 'json' && carriesPublishedTime(answer.body) && (JSON.stringify(answer.body) ?? '').length <= PUBLISHED_PAYLOAD_MAX_CHARS;
        if (kept) answers.push({ office, payload: answer.body });
        if (answer.kind === 'not-found') stale = true;
      }
    };
    if (own) await askOffices([own]);
    // The case's own office published nothing: the others' ranges are what USCIS says for the form (the widest is said).
    const basis = own && answers.length > 0 ? 'case-office' : 'all-offices';
    if (basis === 'all-offices') await askOffices(found.offices.filter((office) => office !== own).slice(0, TIMES_RULES.maxOffices));
    return {
      ...found,
      // An office egov no longer knows: the lists are read again next time.
      discoveredAt: stale ? null : found.discoveredAt,
      status: answers.length > 0 ? 'published' : 'not-published',
      readAt: now(),
      basis: answers.length > 0 ? basis : null,
      answers,
    };
  }

  /** The office myUSCIS names on a watched case of this form (its status's office), when egov lists it. */
  private caseOffice(form: PublishedFormName, offices: readonly ListedCode[]): ListedCode | null {
    const state = this.options.monitor.snapshot;
    for (const watched of state.cases) {
      const snapshot = state.snapshots[watched.receipt];
      if ((watched.formType ?? snapshot?.detail?.formType) !== form) continue;
      const named = snapshot?.status?.office;
      const office = named ? offices.find((candidate) => sameOffice(candidate, named)) : undefined;
      if (office) return office;
    }
    return null;
  }

  /** One GET, after the spacing since the last one; sorts the answer. Throws Stop for a block page or a failure. */
  private async ask(path: string): Promise<Answer> {
    const answer = await this.askOnce(path);
    if (answer.kind === 'blocked' && this.options.port.warmUp) {
      // Bot protection may want the page itself first (Electron loads it in egov's own partition); then once more.
      await this.options.port.warmUp();
      const again = await this.askOnce(path);
      if (again.kind === 'blocked' || again.kind === 'failed') throw new Stop(again);
      return again;
    }
    if (answer.kind === 'blocked' || answer.kind === 'failed') throw new Stop(answer);
    return answer;
  }

  private async askOnce(path: string): Promise<Answer> {
    if (this.lastRequestAt !== null) {
      const spacing = this.options.spacingMs ?? TIMES_RULES.spacingMs.min + this.random() * TIMES_RULES.spacingMs.spread;
      const wait = this.lastRequestAt + spacing - Date.now();
      if (wait > 0) await this.sleep(wait);
    }
    this.requests += 1;
    let response: HttpResponse;
    try {
      response = await this.options.port.get({
        url: `${this.options.origin}${path}`,
        headers: { Accept: 'application/json, text/plain, */*', Referer: timesReferer(this.options.origin) },
        timeoutMs: this.options.timeoutMs ?? TIMES_RULES.timeoutMs,
        maxBytes: TIMES_RULES.maxBytes,
      });
    } catch (error) {
      return { kind: 'failed', reason: error instanceof HttpFailure ? `${error.kind}: ${error.message}` : String(error) };
    } finally {
      this.lastRequestAt = Date.now();
    }
    return sortAnswer(response, this.options.monitor.now());
  }
}

/** An answer sorted: JSON, nothing published (204), unknown (404), a block page (403, or an "Access Denied" page), or a failure. */
export function sortAnswer(response: HttpResponse, now = Date.now()): Answer {
  const { status, body } = response;
  if (status === 429) {
    const retryAfter = retryAfterMs(response.headers['retry-after'], now);
    return { kind: 'failed', reason: 'HTTP 429', ...(retryAfter === null ? {} : { retryAfterMs: retryAfter }) };
  }
  if (status === 204) return { kind: 'no-content' };
  if (status === 403 || /<title>\s*access denied/i.test(body)) return { kind: 'blocked' };
  if (status === 404) return { kind: 'not-found' };
  if (status !== 200) return { kind: 'failed', reason: `HTTP ${status}` };
  if (body.trim() === '') return { kind: 'no-content' };
  try {
    return { kind: 'json', body: JSON.parse(body) as unknown };
  } catch {
    return { kind: 'failed', reason: 'the answer is not JSON' };
  }
}

function clip(item: ListedCode): ListedCode {
  return { code: item.code.slice(0, 80), description: item.description.slice(0, 400) };
}
