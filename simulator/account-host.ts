// The sign-in host (myaccount.uscis.gov, reached as localhost:PORT): the sign-in page, the emailed code, the
// passkey prompt, lockout after wrong passwords, a remembered browser and the OIDC authorize step. It serves only.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ExpiringTable } from './expiring-table';
import { appendSetCookie, clearCookie, parseCookies, randomToken, readForm, redirect, sendHtml, serializeCookie } from './http-kit';
import * as pages from './pages';
import type { RequestLogEntry } from './simulator-api';
import { MINUTE, type SimWorld } from './sim-world';

const ACCOUNT_SESSION_COOKIE = 'myaccount_session';
const PENDING_COOKIE = 'myaccount_pending';
const REMEMBER_COOKIE = 'myaccount_remember_browser';
const CSRF_COOKIE = 'myaccount_csrf';

interface PendingSignIn {
  continueTo: string;
  wrongCodes: number;
}

export interface AccountHostOptions {
  /** Where a sign-in without a destination lands: myaccount's dashboard or my.uscis.gov's applicant page. */
  landing: 'dashboard' | 'applicant';
  passkeyPrompt: boolean;
  lockoutThreshold: number;
  lockoutMs: number;
  rememberMs: number;
}

export interface AccountHost {
  handle(req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<void>;
  /** The sign-in page (with a fresh CSRF cookie when the browser has none); the data host shows it signed out too. */
  renderSignIn(res: ServerResponse, cookies: Map<string, string>, continueTo: string, error?: string, status?: number): void;
}

export function accountHost(world: SimWorld, { landing, passkeyPrompt, lockoutThreshold, lockoutMs, rememberMs }: AccountHostOptions): AccountHost {
  const { account, accountSessions, authCodes, accessNow, applicantUrl, callbackUrl } = world;
  const pendingSignIns = new ExpiringTable<PendingSignIn>(accessNow, () => ({ idleMs: 10 * MINUTE, lifetimeMs: 15 * MINUTE }));
  const rememberedBrowsers = new ExpiringTable<string>(accessNow, () => ({ idleMs: rememberMs, lifetimeMs: rememberMs }));
  let failedPasswords = 0;
  let lockedUntil = 0;

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

  return { handle: handleAccount, renderSignIn };
}
