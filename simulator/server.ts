// The myUSCIS simulator: two real node:http servers on 127.0.0.1, the sign-in host (reached as
// localhost:PORT) and the data host (127.0.0.1:PORT2), separate hosts with separate cookies, that
// reproduce the quirks in MYUSCIS.md. It serves; it never decides anything for the client.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { APPLICANT_PAGE_PATH, matchEndpoint, type EndpointMatch } from '../shared/myuscis/endpoints';
import { caseRecordAt, filingDayFor, seededDigest, type CaseRecord } from './case-state';
import { SimClock, type SimClockOptions } from './clock';
import { ExpiringTable, type Lifetimes } from './expiring-table';
import { FaultBoard } from './faults';
import {
  appendSetCookie,
  clearCookie,
  parseCookies,
  randomToken,
  readBody,
  readForm,
  redirect,
  sendHtml,
  sendJson,
  serializeCookie,
} from './http-kit';
import * as pages from './pages';
import { caseCards, caseDetailPayload, caseStatusPayload, documentsPayload, receiptInfoPayload } from './payloads';
import {
  CASE_KEYS,
  FaultRuleSchema,
  WrongReceiptRuleSchema,
  type CaseKey,
  type FaultRule,
  type PayloadEndpoint,
  type Scenario,
  type WrongReceiptRule,
  type WrongReceiptRuleInput,
} from './scenario-schema';
import { DEFAULT_SCENARIO, getScenario, scenarioPhases } from './scenarios';
import { WAF_COOKIE, WafChallenge } from './waf';

export const SESSION_COOKIE = '_myuscis_session_rx';
const ACCOUNT_SESSION_COOKIE = 'myaccount_session';
const PENDING_COOKIE = 'myaccount_pending';
const REMEMBER_COOKIE = 'myaccount_remember_browser';
const CSRF_COOKIE = 'myaccount_csrf';
const OIDC_STATE_COOKIE = 'oidc_state';
const CONTROL_HEADER = 'x-sim-control';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SIGNED_OUT_STYLES = ['401', 'redirect', 'html', 'data-null-error'] as const;
export type SignedOutStyle = (typeof SIGNED_OUT_STYLES)[number];

export interface SimulatorOptions {
  /** A built-in scenario's name or a loaded scenario; default daca-renewal. */
  scenario?: string | Scenario;
  /** A clock to share, or options for a new one (tests: `{ start, speed: 0 }`). */
  clock?: SimClock | SimClockOptions;
  /** Where on the story the clock starts, in days after filing; default the scenario's startDay. */
  startDay?: number;
  /** 0 (default) picks free ports. */
  accountPort?: number;
  dataPort?: number;
  /** Which clock times sessions, lockouts and tokens: the story's (tests) or the wall clock (demo at speed). */
  accessClock?: 'story' | 'real';
  idleTimeoutMs?: number;
  sessionLifetimeMs?: number;
  waf?: boolean;
  wafTokenTtlMs?: number;
  passkeyPrompt?: boolean;
  /** Where a sign-in without a destination lands: myaccount's dashboard or my.uscis.gov's applicant page. */
  landing?: 'dashboard' | 'applicant';
  /** How API calls without a live session are answered; 'rotate' cycles through all four. */
  signedOutStyle?: SignedOutStyle | 'rotate';
  /** How a receipt of another account is answered: 404 in one report, 500 in another. */
  foreignReceiptStatus?: 404 | 500;
  lockoutThreshold?: number;
  lockoutMs?: number;
  rememberBrowserMs?: number;
  /** Faults on top of the scenario's own. */
  faults?: FaultRule[];
  /** Every document gets a new contentId on every documents request; default the scenario's rotateContentIds. */
  rotateContentIds?: boolean;
  /** Answers carrying another receipt's payload, on top of the scenario's own. */
  wrongReceipt?: WrongReceiptRuleInput[];
  controlToken?: string;
  /** How many requests the log keeps (oldest dropped first). */
  logLimit?: number;
}

export interface RequestLogEntry {
  seq: number;
  /** Simulated time (ISO). */
  at: string;
  /** Wall-clock epoch milliseconds. */
  realAt: number;
  host: 'account' | 'data';
  method: string;
  path: string;
  endpoint: EndpointMatch['name'] | null;
  receipt: string | null;
  status: number | null;
  /** Whether the request carried a session cookie at all, live or not. */
  sessionCookie: boolean;
  /** Whether that cookie named a live session. */
  sessionLive: boolean;
  referer: boolean;
  outcome: string;
}

export interface Simulator {
  readonly scenario: Scenario;
  readonly clock: SimClock;
  /** Midnight UTC of the filing day. */
  readonly filingDay: number;
  /** http://localhost:PORT (myaccount.uscis.gov). */
  readonly accountOrigin: string;
  /** http://127.0.0.1:PORT2 (my.uscis.gov). */
  readonly dataOrigin: string;
  readonly signInUrl: string;
  readonly applicantUrl: string;
  readonly controlToken: string;
  readonly receipts: Record<CaseKey, string>;
  /** Moves the story forward. */
  advance(ms: number): void;
  /** Moves the clock to just after every step of a phase has happened, before the next phase (see scenarioPhases). */
  advanceToPhase(phase: string): void;
  /** The story time as days after filing. */
  storyDay(): number;
  caseRecords(): Record<CaseKey, CaseRecord | null>;
  setFaults(rules: FaultRule[]): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setWaf(enabled: boolean): void;
  setSignedOutStyle(style: SignedOutStyle | 'rotate'): void;
  setForeignReceiptStatus(status: 404 | 500): void;
  /** Turns the rotation of every document's contentId on every documents request on or off. */
  setRotateContentIds(enabled: boolean): void;
  /** Replaces the wrong-receipt rules (the scenario's included); [] serves every case its own payload. */
  setWrongReceipt(rules: WrongReceiptRuleInput[]): void;
  /** A live data-host session for the scenario's account, as a Cookie header (stands for a finished sign-in). */
  createSession(options?: { warm?: boolean }): string;
  /** Ends every session on both hosts (a server-side sign-out). */
  expireSessions(): void;
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  close(): Promise<void>;
}

interface DataSession {
  account: string;
  /** Whether a my.uscis.gov page has been loaded in this session (API calls before that need a Referer). */
  warm: boolean;
}

interface PendingSignIn {
  continueTo: string;
  wrongCodes: number;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts both hosts and resolves once they listen. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const scenario = typeof options.scenario === 'object' ? options.scenario : getScenario(options.scenario ?? DEFAULT_SCENARIO);
  const clock = options.clock instanceof SimClock ? options.clock : new SimClock(options.clock);
  const filingDay = filingDayFor(clock.now(), options.startDay ?? scenario.startDay);
  const accessNow = options.accessClock === 'real' ? Date.now : () => clock.now();
  const lifetimes: Lifetimes = {
    idleMs: options.idleTimeoutMs ?? 15 * MINUTE,
    lifetimeMs: options.sessionLifetimeMs ?? 12 * HOUR,
  };
  const lockoutThreshold = options.lockoutThreshold ?? 5;
  const lockoutMs = options.lockoutMs ?? 20 * MINUTE;
  const rememberMs = options.rememberBrowserMs ?? 24 * HOUR;
  const passkeyPrompt = options.passkeyPrompt ?? true;
  const landing = options.landing ?? 'dashboard';
  const controlToken = options.controlToken ?? randomToken(16);
  const logLimit = options.logLimit ?? 5000;
  let signedOutStyle: SignedOutStyle | 'rotate' = options.signedOutStyle ?? 'rotate';
  let signedOutTurn = 0;
  let foreignReceiptStatus: 404 | 500 = options.foreignReceiptStatus ?? 404;
  let rotateContentIds = options.rotateContentIds ?? scenario.rotateContentIds;
  let wrongReceipt: WrongReceiptRule[] = [...scenario.wrongReceipt, ...(options.wrongReceipt ?? []).map((rule) => WrongReceiptRuleSchema.parse(rule))];
  /** Counts documents answers, so a rotated contentId is new on every request yet the same run after run. */
  let documentsAnswered = 0;

  const receipts = { i821d: scenario.cases.i821d.receipt, i765: scenario.cases.i765.receipt };
  const keyOfReceipt = new Map<string, CaseKey>(CASE_KEYS.map((key) => [receipts[key], key]));
  const account = scenario.account;

  const faults = new FaultBoard([...scenario.faults, ...(options.faults ?? [])]);
  const waf = new WafChallenge(accessNow, options.waf ?? false, options.wafTokenTtlMs ?? 5 * MINUTE);
  const dataSessions = new ExpiringTable<DataSession>(accessNow, () => lifetimes);
  const accountSessions = new ExpiringTable<string>(accessNow, () => lifetimes);
  const pendingSignIns = new ExpiringTable<PendingSignIn>(accessNow, () => ({ idleMs: 10 * MINUTE, lifetimeMs: 15 * MINUTE }));
  const rememberedBrowsers = new ExpiringTable<string>(accessNow, () => ({ idleMs: rememberMs, lifetimeMs: rememberMs }));
  const authCodes = new ExpiringTable<{ account: string; redirectUri: string }>(accessNow, () => ({ idleMs: MINUTE, lifetimeMs: MINUTE }));
  let failedPasswords = 0;
  let lockedUntil = 0;

  const log: RequestLogEntry[] = [];
  let seq = 0;

  const accountServer = createServer();
  const dataServer = createServer();
  const sockets = new Set<Socket>();
  for (const server of [accountServer, dataServer]) {
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const accountPort = await listen(accountServer, options.accountPort ?? 0);
  const dataPort = await listen(dataServer, options.dataPort ?? 0);
  const accountOrigin = `http://localhost:${accountPort}`;
  const dataOrigin = `http://127.0.0.1:${dataPort}`;
  const callbackUrl = `${dataOrigin}/oidc/callback`;
  const applicantUrl = `${dataOrigin}${APPLICANT_PAGE_PATH}`;

  const recordsNow = (): Record<CaseKey, CaseRecord | null> => {
    const now = clock.now();
    return {
      i821d: caseRecordAt(scenario, 'i821d', filingDay, now),
      i765: caseRecordAt(scenario, 'i765', filingDay, now),
    };
  };

  function startLog(req: IncomingMessage, host: 'account' | 'data', url: URL): RequestLogEntry {
    const match = host === 'data' ? matchEndpoint(url.pathname) : null;
    const entry: RequestLogEntry = {
      seq: (seq += 1),
      at: new Date(clock.now()).toISOString(),
      realAt: Date.now(),
      host,
      method: req.method ?? 'GET',
      path: url.pathname,
      endpoint: match?.name ?? null,
      receipt: match?.receipt ?? null,
      status: null,
      sessionCookie: false,
      sessionLive: false,
      referer: Boolean(req.headers.referer),
      outcome: 'ok',
    };
    log.push(entry);
    if (log.length > logLimit) log.splice(0, log.length - logLimit);
    return entry;
  }

  // ---------------------------------------------------------------- the sign-in host (myaccount)

  function safeContinue(raw: string | null | undefined): string {
    // Only our own OIDC authorize step may be continued to after sign-in.
    return raw && raw.startsWith('/oidc/authorize?') ? raw : '';
  }

  function afterSignIn(res: ServerResponse, continueTo: string): void {
    if (continueTo) return redirect(res, continueTo);
    redirect(res, landing === 'dashboard' ? '/dashboard' : applicantUrl);
  }

  function finishSignIn(res: ServerResponse, continueTo: string): void {
    appendSetCookie(res, serializeCookie(ACCOUNT_SESSION_COOKIE, accountSessions.create(account.email)));
    if (passkeyPrompt) {
      return redirect(res, `/passkey${continueTo ? `?continue=${encodeURIComponent(continueTo)}` : ''}`);
    }
    afterSignIn(res, continueTo);
  }

  function csrfFor(res: ServerResponse, cookies: Map<string, string>): string {
    const existing = cookies.get(CSRF_COOKIE);
    if (existing) return existing;
    const token = randomToken(16);
    appendSetCookie(res, serializeCookie(CSRF_COOKIE, token));
    return token;
  }

  function renderSignIn(res: ServerResponse, cookies: Map<string, string>, continueTo: string, error?: string, status = 200): void {
    const csrf = csrfFor(res, cookies);
    sendHtml(
      res,
      status,
      pages.signInPage({
        csrf,
        continueTo,
        demo: { email: account.email, password: account.password, code: account.verificationCode },
        ...(error ? { error } : {}),
      }),
    );
  }

  function lockedMinutes(): number {
    return Math.max(1, Math.ceil((lockedUntil - accessNow()) / MINUTE));
  }

  async function handleAccount(req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<void> {
    const cookies = parseCookies(req.headers.cookie);
    const method = req.method ?? 'GET';
    const accountSession = accountSessions.get(cookies.get(ACCOUNT_SESSION_COOKIE));
    entry.sessionCookie = cookies.has(ACCOUNT_SESSION_COOKIE);
    entry.sessionLive = accountSession !== undefined;
    const path = url.pathname;

    if (path === '/' || path === '/dashboard') {
      if (!accountSession) return redirect(res, '/sign-in');
      return sendHtml(res, 200, pages.accountDashboardPage(applicantUrl, account.email));
    }
    if (path === '/sign-in/live') {
      // Held open like the real page's connections, so a page load never reaches "network idle".
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': connected\n\n');
      const timer = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      res.on('close', () => clearInterval(timer));
      entry.outcome = 'held-open';
      return;
    }
    if (path === '/sign-in' && method === 'GET') {
      const continueTo = safeContinue(url.searchParams.get('continue'));
      if (accountSession) return afterSignIn(res, continueTo);
      return renderSignIn(res, cookies, continueTo);
    }
    if (path === '/sign-in' && method === 'POST') {
      const form = await readForm(req);
      const continueTo = safeContinue(form.get('continue'));
      if (!form.get('csrf') || form.get('csrf') !== cookies.get(CSRF_COOKIE)) {
        entry.outcome = 'csrf';
        return renderSignIn(res, cookies, continueTo, 'Your session on this page expired. Please try again.', 403);
      }
      if (lockedUntil > accessNow()) {
        entry.outcome = 'locked';
        return sendHtml(res, 423, pages.lockedPage(lockedMinutes()));
      }
      if (form.get('interaction') !== 'keyboard') {
        entry.outcome = 'not-typed';
        return renderSignIn(res, cookies, continueTo, 'Please type your email and password.', 400);
      }
      if (form.get('terms') !== 'accepted') {
        entry.outcome = 'terms';
        return renderSignIn(res, cookies, continueTo, 'You must agree to the Terms of Use to sign in.', 400);
      }
      const email = (form.get('email') ?? '').trim().toLowerCase();
      if (email !== account.email.toLowerCase() || form.get('password') !== account.password) {
        failedPasswords += 1;
        entry.outcome = 'wrong-password';
        if (failedPasswords >= lockoutThreshold) {
          failedPasswords = 0;
          lockedUntil = accessNow() + lockoutMs;
          entry.outcome = 'locked';
          return sendHtml(res, 423, pages.lockedPage(lockedMinutes()));
        }
        const left = lockoutThreshold - failedPasswords;
        return renderSignIn(res, cookies, continueTo, `The email or password is incorrect. ${left} attempt${left === 1 ? '' : 's'} left before your account is locked.`, 401);
      }
      failedPasswords = 0;
      if (rememberedBrowsers.get(cookies.get(REMEMBER_COOKIE), false) === account.email) {
        entry.outcome = 'remembered-browser';
        return finishSignIn(res, continueTo);
      }
      appendSetCookie(res, serializeCookie(PENDING_COOKIE, pendingSignIns.create({ continueTo, wrongCodes: 0 })));
      return redirect(res, '/auth');
    }
    if (path === '/auth') {
      const pendingToken = cookies.get(PENDING_COOKIE);
      const pending = pendingSignIns.get(pendingToken);
      if (!pending) return redirect(res, '/sign-in');
      const maskedEmail = account.email.replace(/^(.).*(@.*)$/, '$1***$2');
      const csrf = csrfFor(res, cookies);
      if (method === 'GET') {
        return sendHtml(res, 200, pages.verificationPage({ csrf, maskedEmail, code: account.verificationCode }));
      }
      const form = await readForm(req);
      if (form.get('csrf') !== cookies.get(CSRF_COOKIE)) {
        entry.outcome = 'csrf';
        return sendHtml(res, 403, pages.verificationPage({ csrf, maskedEmail, code: account.verificationCode, error: 'Please try again.' }));
      }
      if ((form.get('code') ?? '').trim() !== account.verificationCode) {
        pending.wrongCodes += 1;
        entry.outcome = 'wrong-code';
        if (pending.wrongCodes >= 5) {
          pendingSignIns.delete(pendingToken);
          appendSetCookie(res, clearCookie(PENDING_COOKIE));
          return redirect(res, '/sign-in');
        }
        return sendHtml(res, 401, pages.verificationPage({ csrf, maskedEmail, code: account.verificationCode, error: 'The verification code is incorrect.' }));
      }
      pendingSignIns.delete(pendingToken);
      appendSetCookie(res, clearCookie(PENDING_COOKIE));
      if (form.get('remember') === 'yes') {
        appendSetCookie(res, serializeCookie(REMEMBER_COOKIE, rememberedBrowsers.create(account.email), { maxAge: Math.round(rememberMs / 1000) }));
      }
      return finishSignIn(res, pending.continueTo);
    }
    if (path === '/passkey' && method === 'GET') {
      if (!accountSession) return redirect(res, '/sign-in');
      return sendHtml(res, 200, pages.passkeyPage({ csrf: csrfFor(res, cookies), continueTo: safeContinue(url.searchParams.get('continue')) }));
    }
    if (path === '/passkey/skip' && method === 'POST') {
      const form = await readForm(req);
      if (!accountSession) return redirect(res, '/sign-in');
      return afterSignIn(res, safeContinue(form.get('continue')));
    }
    if (path === '/oidc/authorize') {
      const redirectUri = url.searchParams.get('redirect_uri');
      const state = url.searchParams.get('state') ?? '';
      if (redirectUri !== callbackUrl) {
        entry.outcome = 'bad-redirect-uri';
        return sendHtml(res, 400, pages.simplePage('Invalid request', 'The sign-in request was not valid.'));
      }
      if (!accountSession) return redirect(res, `/sign-in?continue=${encodeURIComponent(url.pathname + url.search)}`);
      const code = authCodes.create({ account: accountSession, redirectUri });
      return redirect(res, `${redirectUri}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`);
    }
    if (path === '/sign-out') {
      accountSessions.delete(cookies.get(ACCOUNT_SESSION_COOKIE));
      appendSetCookie(res, clearCookie(ACCOUNT_SESSION_COOKIE));
      return redirect(res, '/sign-in');
    }
    entry.outcome = 'not-found';
    sendHtml(res, 404, pages.simplePage('Page not found', 'The page you requested does not exist.', '404'));
  }

  // ---------------------------------------------------------------- the data host (my.uscis.gov)

  function respondSignedOut(res: ServerResponse, entry: RequestLogEntry): void {
    const style = signedOutStyle === 'rotate' ? SIGNED_OUT_STYLES[signedOutTurn++ % SIGNED_OUT_STYLES.length]! : signedOutStyle;
    entry.outcome = `signed-out:${style}`;
    switch (style) {
      case '401':
        return sendJson(res, 401, { error: 'Unauthorized', status: 401 });
      case 'redirect':
        return redirect(res, `${dataOrigin}/oidc/login`);
      case 'html':
        return renderSignIn(res, new Map(), '');
      case 'data-null-error':
        return sendJson(res, 200, { data: null, error: { code: 'UNAUTHENTICATED', message: 'User is not authenticated' } });
    }
  }

  function springError(res: ServerResponse, status: number, path: string, error: string): void {
    sendJson(res, status, { timestamp: new Date(clock.now()).toISOString(), status, error, path });
  }

  /** The wrong-receipt rule that applies to this answer now, if any. */
  function wrongReceiptRule(key: CaseKey, endpoint: PayloadEndpoint): WrongReceiptRule | undefined {
    const day = api.storyDay();
    return wrongReceipt.find(
      (rule) => rule.case === key && rule.endpoints.includes(endpoint) && day >= (rule.fromDay ?? -Infinity) && day < (rule.untilDay ?? Infinity),
    );
  }

  /**
   * The normal answer for an endpoint (a bare status when it depends on a case this account lacks);
   * `answeredAs` names the receipt whose payload was served when a wrong-receipt rule applied.
   */
  function normalPayload(match: EndpointMatch): { status: number; body?: unknown; answeredAs?: string } {
    switch (match.name) {
      case 'cases-probe':
        return { status: 200, body: { data: [] } };
      case 'processing-times':
        return { status: 204 };
      case 'receipt-info': {
        const key = keyOfReceipt.get(match.receipt ?? '');
        return { status: 200, body: receiptInfoPayload(key ? recordsNow()[key] : null, scenario) };
      }
      case 'history':
        return { status: 404 };
      default: {
        const key = keyOfReceipt.get(match.receipt ?? '');
        const records = recordsNow();
        const own = key ? records[key] : null;
        if (!key || !own) return { status: foreignReceiptStatus };
        const otherKey: CaseKey = key === 'i821d' ? 'i765' : 'i821d';
        const endpoint: PayloadEndpoint = match.name === 'case-detail' || match.name === 'case-status' ? match.name : 'documents';
        const rule = wrongReceiptRule(key, endpoint);
        const other = records[otherKey];
        // Another receipt's payload: the companion's own, or the companion's record under another account's receipt.
        const record = rule && other ? (rule.answersAs === 'companion' ? other : { ...other, receipt: rule.answersAs }) : own;
        const answeredAs = record === own ? {} : { answeredAs: record.receipt };
        if (endpoint === 'case-detail') return { status: 200, body: caseDetailPayload(record, scenario, receipts[record === other ? key : otherKey]), ...answeredAs };
        if (endpoint === 'case-status') return { status: 200, body: caseStatusPayload(record, scenario), ...answeredAs };
        documentsAnswered += 1;
        const turn = documentsAnswered;
        const contentIdFor = rotateContentIds
          ? (doc: { contentId: string }) => seededDigest(scenario.seed, doc.contentId, 'rotated', turn).toString('base64url')
          : undefined;
        return { status: 200, body: documentsPayload(record, contentIdFor), ...answeredAs };
      }
    }
  }

  /** Produces a faulty answer; returns false for 'slow', after which the normal answer follows. */
  async function applyFault(rule: FaultRule, match: EndpointMatch | null, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): Promise<boolean> {
    entry.outcome = `fault:${rule.kind}`;
    switch (rule.kind) {
      case 'rate-limit': {
        const seconds = rule.retryAfterSeconds ?? 120;
        const retryAfter = rule.retryAfterFormat === 'http-date' ? new Date(accessNow() + seconds * 1000).toUTCString() : String(seconds);
        sendJson(res, 429, { message: 'Too Many Requests' }, { 'Retry-After': retryAfter });
        return true;
      }
      case 'server-error': {
        const status = rule.status ?? 503;
        if (status === 500) springError(res, 500, req.url ?? '', 'Internal Server Error');
        else sendHtml(res, status, pages.simplePage(status === 502 ? 'Bad Gateway' : 'Service Unavailable', 'The server is temporarily unable to handle your request.', String(status)));
        return true;
      }
      case 'slow':
        await sleep(rule.delayMs ?? 3000);
        return false;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'truncated-json': {
        const normal = match ? normalPayload(match) : { status: 200, body: { data: [] } };
        const text = JSON.stringify(normal.body ?? { data: [] });
        const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
        res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(cut) });
        res.end(cut);
        return true;
      }
      case 'html':
        sendHtml(res, 200, pages.maintenancePage());
        return true;
      case 'data-null-error':
        sendJson(res, 200, { data: null, error: { code: 'SERVICE_ERROR', message: 'An unexpected error occurred' } });
        return true;
      case 'oversized': {
        const bytes = rule.bytes ?? 12 * 1024 * 1024;
        const head = '{"data":[{"type":"Other","padding":"';
        const tail = '"}]}';
        res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': bytes });
        res.write(head);
        let left = bytes - head.length - tail.length;
        const chunk = 'x'.repeat(64 * 1024);
        while (left > 0 && !res.destroyed) {
          const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
          left -= piece.length;
          if (!res.write(piece)) await new Promise<void>((resolve) => { const done = () => { res.off('drain', done).off('close', done); resolve(); }; res.on('drain', done).on('close', done); });
        }
        if (!res.destroyed) res.end(tail);
        return true;
      }
    }
  }

  async function handleData(req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<void> {
    const cookies = parseCookies(req.headers.cookie);
    const path = url.pathname;

    if (!waf.passes(cookies.get(WAF_COOKIE))) {
      entry.outcome = 'challenge';
      return sendHtml(res, 202, waf.challengePage(), { 'x-amzn-waf-action': 'challenge' });
    }

    const match = matchEndpoint(path);
    const fault = faults.pick(match?.name ?? (path === APPLICANT_PAGE_PATH ? 'applicant-page' : 'page'), match?.receipt, match !== null);
    if (fault && (await applyFault(fault, match, req, res, entry))) return;

    const sessionToken = cookies.get(SESSION_COOKIE);
    const session = dataSessions.get(sessionToken);
    entry.sessionCookie = sessionToken !== undefined;
    entry.sessionLive = session !== undefined;

    if (match) {
      if ((req.method ?? 'GET') !== 'GET') return sendJson(res, 405, { error: 'Method Not Allowed', status: 405 });
      if (!session) return respondSignedOut(res, entry);
      if (!session.warm && !req.headers.referer) {
        entry.outcome = 'cold-401';
        return sendJson(res, 401, { error: 'Unauthorized', status: 401 });
      }
      const answer = normalPayload(match);
      if (answer.answeredAs !== undefined) entry.outcome = 'wrong-receipt';
      if (answer.status === 204) {
        res.writeHead(204);
        return void res.end();
      }
      if (answer.body === undefined) {
        entry.outcome = answer.status === 404 && match.name !== 'history' ? 'foreign-receipt' : 'not-found';
        if (answer.status === 500) entry.outcome = 'foreign-receipt';
        return springError(res, answer.status, path, answer.status === 500 ? 'Internal Server Error' : 'Not Found');
      }
      return sendJson(res, answer.status, answer.body);
    }

    if (path === '/oidc/login') {
      const returnTo = url.searchParams.get('return_to');
      const state = randomToken(12);
      const target = returnTo && returnTo.startsWith('/account/') ? returnTo : APPLICANT_PAGE_PATH;
      appendSetCookie(res, serializeCookie(OIDC_STATE_COOKIE, `${state}|${target}`));
      return redirect(res, `${accountOrigin}/oidc/authorize?client_id=myuscis&response_type=code&redirect_uri=${encodeURIComponent(callbackUrl)}&state=${state}`);
    }
    if (path === '/oidc/callback') {
      const [state, target = APPLICANT_PAGE_PATH] = (cookies.get(OIDC_STATE_COOKIE) ?? '').split('|');
      const code = url.searchParams.get('code') ?? '';
      const grant = authCodes.get(code, false);
      authCodes.delete(code);
      if (!state || state !== url.searchParams.get('state') || !grant) {
        entry.outcome = 'oidc-failed';
        return sendHtml(res, 400, pages.simplePage('Sign-in could not be completed', 'Please go back and sign in again.'));
      }
      appendSetCookie(res, clearCookie(OIDC_STATE_COOKIE));
      appendSetCookie(res, serializeCookie(SESSION_COOKIE, dataSessions.create({ account: grant.account, warm: false })));
      entry.outcome = 'signed-in';
      return redirect(res, target);
    }
    if (path === '/account/logout') {
      dataSessions.delete(sessionToken);
      appendSetCookie(res, clearCookie(SESSION_COOKIE));
      return redirect(res, `${accountOrigin}/sign-out`);
    }
    if (path === '/' || path.startsWith('/account')) {
      if (!session) {
        entry.outcome = 'to-sign-in';
        return redirect(res, `/oidc/login?return_to=${encodeURIComponent(path.startsWith('/account/') ? path : APPLICANT_PAGE_PATH)}`);
      }
      session.warm = true;
      if (path === APPLICANT_PAGE_PATH || path === '/' || path === '/account') {
        const records = recordsNow();
        const filed = CASE_KEYS.flatMap((key) => records[key] ?? []);
        const cases = filed.map((record) => ({ receipt: record.receipt, formType: record.formType, formName: record.formName }));
        return sendHtml(res, 200, pages.applicantPage({ applicantName: account.applicantName, cases, caseCards: caseCards(filed, scenario) }));
      }
      return sendHtml(res, 200, pages.simplePage('myUSCIS', 'This page is not part of the simulation.'));
    }
    entry.outcome = 'not-found';
    sendHtml(res, 404, pages.simplePage('Page not found', 'The page you requested does not exist.', '404'));
  }

  // ---------------------------------------------------------------- the control interface

  const api: Simulator = {
    scenario,
    clock,
    filingDay,
    accountOrigin,
    dataOrigin,
    signInUrl: `${accountOrigin}/sign-in`,
    applicantUrl,
    controlToken,
    receipts,
    advance: (ms) => void clock.advance(ms),
    advanceToPhase(phase) {
      const found = scenarioPhases(scenario).find((p) => p.phase === phase);
      if (!found) throw new Error(`Scenario ${scenario.name} has no phase "${phase}"`);
      // Two minutes after the phase's last step, past the seconds of jitter every step carries.
      clock.setTime(Math.max(clock.now(), filingDay + found.settledHours * HOUR + 2 * MINUTE));
    },
    storyDay: () => (clock.now() - filingDay) / (24 * HOUR),
    caseRecords: recordsNow,
    setFaults: (rules) => faults.set(rules.map((rule) => FaultRuleSchema.parse(rule))),
    addFault: (rule) => faults.add(FaultRuleSchema.parse(rule)),
    clearFaults: () => faults.set([]),
    setWaf: (enabled) => {
      waf.enabled = enabled;
    },
    setSignedOutStyle: (style) => {
      signedOutStyle = style;
    },
    setForeignReceiptStatus: (status) => {
      foreignReceiptStatus = status;
    },
    setRotateContentIds: (enabled) => {
      rotateContentIds = enabled;
    },
    setWrongReceipt: (rules) => {
      wrongReceipt = rules.map((rule) => WrongReceiptRuleSchema.parse(rule));
    },
    createSession: ({ warm = true } = {}) => `${SESSION_COOKIE}=${dataSessions.create({ account: account.email, warm })}`,
    expireSessions: () => {
      dataSessions.clear();
      accountSessions.clear();
    },
    requestLog: () => log.map((entry) => ({ ...entry })),
    clearRequestLog: () => void log.splice(0, log.length),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([accountServer, dataServer].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.headers[CONTROL_HEADER] !== controlToken) return sendJson(res, 403, { error: 'control token required' });
    const body = req.method === 'POST' ? (JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>) : {};
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /__sim/state': {
        const records = recordsNow();
        return sendJson(res, 200, {
          scenario: scenario.name,
          now: new Date(clock.now()).toISOString(),
          storyDay: api.storyDay(),
          speed: clock.speed,
          phases: scenarioPhases(scenario),
          cases: Object.fromEntries(CASE_KEYS.map((key) => [key, { receipt: receipts[key], status: records[key]?.status?.wording.title.en ?? null }])),
          faults: faults.list(),
          waf: waf.enabled,
          rotateContentIds,
          wrongReceipt,
        });
      }
      case 'POST /__sim/advance':
        if (typeof body.phase === 'string') api.advanceToPhase(body.phase);
        else api.advance(Number(body.ms));
        return sendJson(res, 200, { now: new Date(clock.now()).toISOString(), storyDay: api.storyDay() });
      case 'POST /__sim/faults':
        api.setFaults(Array.isArray(body.rules) ? (body.rules as FaultRule[]) : []);
        return sendJson(res, 200, { faults: faults.list() });
      case 'POST /__sim/rotate-content-ids':
        if (typeof body.enabled !== 'boolean') return sendJson(res, 400, { error: 'enabled must be true or false' });
        api.setRotateContentIds(body.enabled);
        return sendJson(res, 200, { rotateContentIds });
      case 'POST /__sim/wrong-receipt':
        api.setWrongReceipt(Array.isArray(body.rules) ? (body.rules as WrongReceiptRuleInput[]) : []);
        return sendJson(res, 200, { wrongReceipt });
      case 'POST /__sim/waf':
        api.setWaf(body.enabled === true);
        return sendJson(res, 200, { waf: waf.enabled });
      case 'POST /__sim/session':
        return sendJson(res, 200, { cookie: api.createSession({ warm: body.warm !== false }) });
      case 'POST /__sim/expire-sessions':
        api.expireSessions();
        return sendJson(res, 200, { expired: true });
      case 'GET /__sim/log':
        return sendJson(res, 200, { requests: api.requestLog() });
      default:
        return sendJson(res, 404, { error: 'unknown control request' });
    }
  }

  function serve(host: 'account' | 'data') {
    return (req: IncomingMessage, res: ServerResponse) => {
      const origin = host === 'account' ? accountOrigin : dataOrigin;
      const url = new URL(req.url ?? '/', origin);
      if (host === 'data' && url.pathname.startsWith('/__sim/')) {
        handleControl(req, res, url).catch((error: unknown) => sendJson(res, 400, { error: String(error) }));
        return;
      }
      const entry = startLog(req, host, url);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      res.on('close', () => {
        if (!res.writableFinished && entry.status === null) entry.status = res.headersSent ? res.statusCode : null;
      });
      const handler = host === 'account' ? handleAccount : handleData;
      handler(req, res, url, entry).catch((error: unknown) => {
        entry.outcome = 'simulator-error';
        if (!res.headersSent) sendHtml(res, 500, pages.simplePage('Simulator error', String(error)));
        else res.destroy();
      });
    };
  }
  accountServer.on('request', serve('account'));
  dataServer.on('request', serve('data'));

  return api;
}
