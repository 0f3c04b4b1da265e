// The myUSCIS simulator: two real node:http servers on 127.0.0.1, the sign-in host (reached as
// localhost:PORT) and the data host (127.0.0.1:PORT2), separate hosts with separate cookies, that
// reproduce the quirks in MYUSCIS.md. It serves; it never decides anything for the client.
// This file starts the hosts and keeps the request log; the pages are in account-host.ts and data-host.ts.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { APPLICANT_PAGE_PATH, matchEndpoint } from '../shared/myuscis/endpoints';
import { accountHost } from './account-host';
import { caseRecordAt, filingDayFor, type CaseRecord } from './case-state';
import { SimClock } from './clock';
import { handleControl } from './control';
import { dataHost } from './data-host';
import { ExpiringTable, type Lifetimes } from './expiring-table';
import { FaultBoard } from './faults';
import { randomToken, sendHtml, sendJson } from './http-kit';
import * as pages from './pages';
import { CASE_KEYS, FaultRuleSchema, WrongReceiptRuleSchema, type CaseKey } from './scenario-schema';
import { DEFAULT_SCENARIO, getScenario, scenarioPhases } from './scenarios';
import { SESSION_COOKIE, type RequestLogEntry, type Simulator, type SimulatorOptions } from './simulator-api';
import { HOUR, MINUTE, type DataSession, type LiveSettings, type SimWorld } from './sim-world';
import { timesHost } from './times-host';
import { WafChallenge } from './waf';

export { SESSION_COOKIE, SIGNED_OUT_STYLES, type RequestLogEntry, type SignedOutStyle, type Simulator, type SimulatorOptions } from './simulator-api';

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
  const settings: LiveSettings = {
    signedOutStyle: options.signedOutStyle ?? 'rotate',
    foreignReceiptStatus: options.foreignReceiptStatus ?? 404,
    rotateContentIds: options.rotateContentIds ?? scenario.rotateContentIds,
    wrongReceipt: [...scenario.wrongReceipt, ...(options.wrongReceipt ?? []).map((rule) => WrongReceiptRuleSchema.parse(rule))],
  };

  const receipts = { i821d: scenario.cases.i821d.receipt, i765: scenario.cases.i765.receipt };
  const keyOfReceipt = new Map<string, CaseKey>(CASE_KEYS.map((key) => [receipts[key], key]));
  const account = scenario.account;

  const faults = new FaultBoard([...scenario.faults, ...(options.faults ?? [])]);
  const waf = new WafChallenge(accessNow, options.waf ?? false, options.wafTokenTtlMs ?? 5 * MINUTE);
  const dataSessions = new ExpiringTable<DataSession>(accessNow, () => lifetimes);
  const accountSessions = new ExpiringTable<string>(accessNow, () => lifetimes);
  const authCodes = new ExpiringTable<{ account: string; redirectUri: string }>(accessNow, () => ({ idleMs: MINUTE, lifetimeMs: MINUTE }));

  const log: RequestLogEntry[] = [];
  let seq = 0;

  const accountServer = createServer();
  const dataServer = createServer();
  // egov.uscis.gov's processing times: a host of its own, so the client treats it as another origin (no cookies).
  const timesServer = createServer();
  const sockets = new Set<Socket>();
  for (const server of [accountServer, dataServer, timesServer]) {
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const accountPort = await listen(accountServer, options.accountPort ?? 0);
  const dataPort = await listen(dataServer, options.dataPort ?? 0);
  const timesPort = await listen(timesServer, options.timesPort ?? 0);
  const timesOrigin = `http://127.0.0.1:${timesPort}`;
  const times = timesHost(clock, faults, logLimit);
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
  const storyDay = () => (clock.now() - filingDay) / (24 * HOUR);
  const world: SimWorld = {
    scenario,
    account,
    clock,
    filingDay,
    accessNow,
    receipts,
    keyOfReceipt,
    accountOrigin,
    dataOrigin,
    callbackUrl,
    applicantUrl,
    faults,
    waf,
    dataSessions,
    accountSessions,
    authCodes,
    settings,
    recordsNow,
    storyDay,
  };
  const signIn = accountHost(world, { landing, passkeyPrompt, lockoutThreshold, lockoutMs, rememberMs });
  const data = dataHost(world, signIn.renderSignIn);

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

  // ---------------------------------------------------------------- the control interface

  const api: Simulator = {
    scenario,
    clock,
    filingDay,
    accountOrigin,
    dataOrigin,
    timesOrigin,
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
    storyDay,
    caseRecords: recordsNow,
    setFaults: (rules) => faults.set(rules.map((rule) => FaultRuleSchema.parse(rule))),
    addFault: (rule) => faults.add(FaultRuleSchema.parse(rule)),
    clearFaults: () => faults.set([]),
    setWaf: (enabled) => {
      waf.enabled = enabled;
    },
    setSignedOutStyle: (style) => {
      settings.signedOutStyle = style;
    },
    setForeignReceiptStatus: (status) => {
      settings.foreignReceiptStatus = status;
    },
    setRotateContentIds: (enabled) => {
      settings.rotateContentIds = enabled;
    },
    setWrongReceipt: (rules) => {
      settings.wrongReceipt = rules.map((rule) => WrongReceiptRuleSchema.parse(rule));
    },
    createSession: ({ warm = true } = {}) => `${SESSION_COOKIE}=${dataSessions.create({ account: account.email, warm })}`,
    expireSessions: () => {
      dataSessions.clear();
      accountSessions.clear();
    },
    requestLog: () => log.map((entry) => ({ ...entry })),
    clearRequestLog: () => void log.splice(0, log.length),
    timesRequestLog: () => times.log(),
    clearTimesRequestLog: () => times.clearLog(),
    bumpPublication: () => times.bumpPublication(),
    setUnpublishedForms: (forms) => {
      times.settings.unpublishedForms = [...forms];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([accountServer, dataServer, timesServer].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };

  function serve(host: 'account' | 'data') {
    return (req: IncomingMessage, res: ServerResponse) => {
      const origin = host === 'account' ? accountOrigin : dataOrigin;
      const url = new URL(req.url ?? '/', origin);
      if (host === 'data' && url.pathname.startsWith('/__sim/')) {
        handleControl(api, world, req, res, url).catch((error: unknown) => sendJson(res, 400, { error: String(error) }));
        return;
      }
      const entry = startLog(req, host, url);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      res.on('close', () => {
        if (!res.writableFinished && entry.status === null) entry.status = res.headersSent ? res.statusCode : null;
      });
      const handler = host === 'account' ? signIn.handle : data.handle;
      handler(req, res, url, entry).catch((error: unknown) => {
        entry.outcome = 'simulator-error';
        if (!res.headersSent) sendHtml(res, 500, pages.simplePage('Simulator error', String(error)));
        else res.destroy();
      });
    };
  }
  accountServer.on('request', serve('account'));
  dataServer.on('request', serve('data'));
  timesServer.on('request', (req, res) => {
    times.handle(req, res, new URL(req.url ?? '/', timesOrigin)).catch((error: unknown) => {
      if (!res.headersSent) sendHtml(res, 500, pages.simplePage('Simulator error', String(error)));
      else res.destroy();
    });
  });

  return api;
}
