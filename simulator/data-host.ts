// The data host (my.uscis.gov, reached as 127.0.0.1:PORT2): the JSON endpoints with their signed-out answers,
// faults and wrong-receipt quirks, the OIDC login and callback, and the applicant page. It serves only.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { APPLICANT_PAGE_PATH, matchEndpoint, type EndpointMatch } from '../shared/myuscis/endpoints';
import type { AccountHost } from './account-host';
import { seededDigest } from './case-state';
import { appendSetCookie, clearCookie, parseCookies, randomToken, redirect, sendHtml, sendJson, serializeCookie } from './http-kit';
import * as pages from './pages';
import { caseCards, caseDetailPayload, caseStatusPayload, documentsPayload, receiptInfoPayload } from './payloads';
import { CASE_KEYS, type CaseKey, type FaultRule, type PayloadEndpoint, type WrongReceiptRule } from './scenario-schema';
import { SESSION_COOKIE, SIGNED_OUT_STYLES, type RequestLogEntry } from './simulator-api';
import type { SimWorld } from './sim-world';
import { WAF_COOKIE } from './waf';

const OIDC_STATE_COOKIE = 'oidc_state';

export interface DataHost {
  handle(req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<void>;
}

/** `renderSignIn`: the sign-in host's page, one of the ways a signed-out API call is answered. */
export function dataHost(world: SimWorld, renderSignIn: AccountHost['renderSignIn']): DataHost {
  const { scenario, account, clock, accessNow, receipts, keyOfReceipt, accountOrigin, dataOrigin, callbackUrl, faults, waf, dataSessions, authCodes, settings } = world;
  const recordsNow = () => world.recordsNow();
  let signedOutTurn = 0;
  /** Counts documents answers, so a rotated contentId is new on every request yet the same run after run. */
  let documentsAnswered = 0;

  function respondSignedOut(res: ServerResponse, entry: RequestLogEntry): void {
    const style = settings.signedOutStyle === 'rotate' ? SIGNED_OUT_STYLES[signedOutTurn++ % SIGNED_OUT_STYLES.length]! : settings.signedOutStyle;
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
    const day = world.storyDay();
    return settings.wrongReceipt.find(
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
        if (!key || !own) return { status: settings.foreignReceiptStatus };
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
        const contentIdFor = settings.rotateContentIds
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
      case 'not-found':
        springError(res, 404, req.url ?? '', 'Not Found');
        return true;
      case 'not-found-page':
        sendHtml(res, 404, pages.simplePage('Page not found', 'The page you requested does not exist.', '404'));
        return true;
      case 'gateway-page':
        sendHtml(res, 200, pages.gatewayTimeoutPage());
        return true;
      case 'block-page': {
        const reference = `18.${(0x5f2e1102 + entry.seq).toString(16)}.${Math.floor(accessNow() / 1000)}.${(0x2a3b4c5d + entry.seq).toString(16)}`;
        sendHtml(res, rule.status === 200 ? 200 : 403, pages.accessDeniedPage(req.url ?? '/', reference), { Server: 'AkamaiGHost' });
        return true;
      }
      case 'empty-body':
        res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': 0 });
        res.end();
        return true;
      case 'text-error': {
        const text = 'Service Unavailable';
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
        return true;
      }
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

  return { handle: handleData };
}
