// The simulated two-host sign-in over real HTTP: password, verification code, remember-this-browser,
// passkey prompt, lockout, landing pages and the hop that sets the my.uscis.gov session cookie.

import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../simulator/server';
import { hiddenValue, SimBrowser, signInForm, signInThroughPages } from '../helpers/sim-browser';
import { frozenSimulator } from '../helpers/sim-fixture';

const MINUTE = 60_000;

async function openSignIn(browser: SimBrowser, url: string) {
  const page = await browser.fetch(url);
  expect(page.url).toContain('/sign-in');
  return page;
}

describe('sign-in on the simulated myaccount host', () => {
  it('signs in with password and verification code and carries the session over to the data host only', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('filed');
    const browser = new SimBrowser();
    const page = await signInThroughPages(browser, sim);

    expect(page.status).toBe(200);
    expect(page.url).toBe(sim.applicantUrl);
    expect(page.body).toContain(sim.receipts.i821d);
    expect(page.body).toContain(sim.receipts.i765);
    // The redirect chain went through /oidc on both hosts, like the real service.
    expect(page.chain.some((u) => u.includes('/oidc/authorize'))).toBe(true);
    expect(page.chain.some((u) => u.includes('/oidc/callback'))).toBe(true);
    // Separate cookie jars: the session cookie lives on the data host, the account cookie on the sign-in host.
    expect(browser.cookies('127.0.0.1').has(SESSION_COOKIE)).toBe(true);
    expect(browser.cookies('localhost').has(SESSION_COOKIE)).toBe(false);
    expect(browser.cookies('localhost').has('myaccount_session')).toBe(true);
    expect(browser.cookies('127.0.0.1').has('myaccount_session')).toBe(false);

    const probe = await browser.fetch(`${sim.dataOrigin}/account/case-service/api/cases`, { referer: sim.applicantUrl });
    expect(probe.status).toBe(200);
    expect(probe.json()).toEqual({ data: [] });
  });

  it('shows the demo credentials and the code on the pages', async () => {
    const sim = await frozenSimulator();
    const browser = new SimBrowser();
    const page = await openSignIn(browser, sim.signInUrl);
    const { email, password, verificationCode } = sim.scenario.account;
    expect(page.body).toContain(email);
    expect(page.body).toContain(password);
    expect(page.body).toContain(verificationCode);
    expect(page.body).toMatch(/type="checkbox"[^>]*terms|id="terms"/);
  });

  it('asks for the code on every sign-in unless the browser was remembered', async () => {
    const sim = await frozenSimulator({ passkeyPrompt: false });
    const browser = new SimBrowser();
    await signInThroughPages(browser, sim, { remember: true });
    expect(browser.cookies('localhost').has('myaccount_remember_browser')).toBe(true);

    // Sign out everywhere, then sign in again: the remembered browser skips the code page.
    await browser.fetch(`${sim.dataOrigin}/account/logout`);
    expect(browser.cookies('127.0.0.1').has(SESSION_COOKIE)).toBe(false);
    const page = await openSignIn(browser, sim.applicantUrl);
    const after = await browser.fetch(`${sim.accountOrigin}/sign-in`, {
      method: 'POST',
      form: signInForm(page.body, sim.scenario.account.email, sim.scenario.account.password),
    });
    expect(after.chain.some((u) => u.endsWith('/auth'))).toBe(false);
    expect(after.url).toBe(sim.applicantUrl);

    // A day later the remembered browser has expired: the code is asked again.
    await browser.fetch(`${sim.dataOrigin}/account/logout`);
    sim.advance(24 * 60 * MINUTE + MINUTE);
    const again = await openSignIn(browser, sim.applicantUrl);
    const codePage = await browser.fetch(`${sim.accountOrigin}/sign-in`, {
      method: 'POST',
      form: signInForm(again.body, sim.scenario.account.email, sim.scenario.account.password),
    });
    expect(codePage.url).toBe(`${sim.accountOrigin}/auth`);
    expect(codePage.body).toContain('Verification Code');
  });

  it('offers a passkey prompt that can be skipped, then lands on the myaccount dashboard', async () => {
    const sim = await frozenSimulator({ passkeyPrompt: true, landing: 'dashboard' });
    const browser = new SimBrowser();
    const page = await openSignIn(browser, sim.signInUrl);
    const codePage = await browser.fetch(`${sim.accountOrigin}/sign-in`, {
      method: 'POST',
      form: signInForm(page.body, sim.scenario.account.email, sim.scenario.account.password),
    });
    const passkey = await browser.fetch(codePage.url, {
      method: 'POST',
      form: { csrf: hiddenValue(codePage.body, 'csrf'), code: sim.scenario.account.verificationCode },
    });
    expect(passkey.url).toContain('/passkey');
    expect(passkey.body).toContain('Skip for now');
    const dashboard = await browser.fetch(`${sim.accountOrigin}/passkey/skip`, {
      method: 'POST',
      form: { csrf: hiddenValue(passkey.body, 'csrf'), continue: hiddenValue(passkey.body, 'continue') },
    });
    expect(dashboard.url).toBe(`${sim.accountOrigin}/dashboard`);
    // No my.uscis.gov session yet: only loading the applicant page carries it over.
    expect(browser.cookies('127.0.0.1').has(SESSION_COOKIE)).toBe(false);
    const applicant = await browser.fetch(sim.applicantUrl);
    expect(applicant.url).toBe(sim.applicantUrl);
    expect(browser.cookies('127.0.0.1').has(SESSION_COOKIE)).toBe(true);
  });

  it('lands straight on the applicant page when configured to', async () => {
    const sim = await frozenSimulator({ passkeyPrompt: false, landing: 'applicant' });
    const browser = new SimBrowser();
    const page = await openSignIn(browser, sim.signInUrl);
    const codePage = await browser.fetch(`${sim.accountOrigin}/sign-in`, {
      method: 'POST',
      form: signInForm(page.body, sim.scenario.account.email, sim.scenario.account.password),
    });
    const landed = await browser.fetch(codePage.url, {
      method: 'POST',
      form: { csrf: hiddenValue(codePage.body, 'csrf'), code: sim.scenario.account.verificationCode },
    });
    expect(landed.url).toBe(sim.applicantUrl);
    expect(browser.cookies('127.0.0.1').has(SESSION_COOKIE)).toBe(true);
  });

  it('rejects a wrong code and sends the user back after five wrong codes', async () => {
    const sim = await frozenSimulator();
    const browser = new SimBrowser();
    const page = await openSignIn(browser, sim.signInUrl);
    let codePage = await browser.fetch(`${sim.accountOrigin}/sign-in`, {
      method: 'POST',
      form: signInForm(page.body, sim.scenario.account.email, sim.scenario.account.password),
    });
    for (let i = 1; i <= 4; i += 1) {
      codePage = await browser.fetch(`${sim.accountOrigin}/auth`, {
        method: 'POST',
        form: { csrf: hiddenValue(codePage.body, 'csrf'), code: '000000' },
      });
      expect(codePage.status).toBe(401);
      expect(codePage.body).toContain('verification code is incorrect');
    }
    const fifth = await browser.fetch(`${sim.accountOrigin}/auth`, {
      method: 'POST',
      form: { csrf: hiddenValue(codePage.body, 'csrf'), code: '000000' },
    });
    expect(fifth.url).toContain('/sign-in');
    expect(browser.cookies('localhost').has('myaccount_session')).toBe(false);
  });

  it('locks the account for 20 minutes after five wrong passwords, even for the right password', async () => {
    const sim = await frozenSimulator();
    const browser = new SimBrowser();
    const { email, password } = sim.scenario.account;
    let page = await openSignIn(browser, sim.signInUrl);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      page = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(page.body, email, 'wrong-password') });
      expect(page.status).toBe(401);
      expect(page.body).toContain(`${5 - attempt} attempt`);
    }
    const locked = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(page.body, email, 'wrong-password') });
    expect(locked.status).toBe(423);
    expect(locked.body).toContain('locked for 20 more minutes');

    const fresh = await openSignIn(browser, sim.signInUrl);
    const stillLocked = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(fresh.body, email, password) });
    expect(stillLocked.status).toBe(423);

    sim.advance(19 * MINUTE);
    const lockedLater = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(fresh.body, email, password) });
    expect(lockedLater.status).toBe(423);
    expect(lockedLater.body).toContain('1 more minute');

    sim.advance(2 * MINUTE);
    const unlocked = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(fresh.body, email, password) });
    expect(unlocked.url).toBe(`${sim.accountOrigin}/auth`);
  });

  it('refuses credentials that were not typed, a missing terms box and a forged form', async () => {
    const sim = await frozenSimulator();
    const browser = new SimBrowser();
    const { email, password } = sim.scenario.account;
    const page = await openSignIn(browser, sim.signInUrl);

    const pasted = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(page.body, email, password, { interaction: '' }) });
    expect(pasted.status).toBe(400);
    expect(pasted.body).toContain('Please type your email and password');

    const noTerms = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(page.body, email, password, { terms: '' }) });
    expect(noTerms.status).toBe(400);
    expect(noTerms.body).toContain('Terms of Use');

    const forged = await browser.fetch(`${sim.accountOrigin}/sign-in`, { method: 'POST', form: signInForm(page.body, email, password, { csrf: 'forged' }) });
    expect(forged.status).toBe(403);
    expect(browser.cookies('localhost').has('myaccount_pending')).toBe(false);
  });

  it('only redirects an OIDC sign-in back to its own callback', async () => {
    const sim = await frozenSimulator();
    const browser = new SimBrowser();
    const evil = await browser.fetch(`${sim.accountOrigin}/oidc/authorize?redirect_uri=${encodeURIComponent('http://evil.example/cb')}&state=x`);
    expect(evil.status).toBe(400);
    // A continue parameter that is not the OIDC step is ignored after sign-in.
    const page = await browser.fetch(`${sim.accountOrigin}/sign-in?continue=${encodeURIComponent('http://evil.example/')}`);
    expect(hiddenValue(page.body, 'continue')).toBe('');
  });

  it('keeps the sign-in page connection open (never "network idle")', async () => {
    const sim = await frozenSimulator();
    const controller = new AbortController();
    const response = await fetch(`${sim.accountOrigin.replace('localhost', '127.0.0.1')}/sign-in/live`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('connected');
    // Still open: a further read does not end within 200 ms.
    const pending = await Promise.race([reader.read().then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('open'), 200))]);
    expect(pending).toBe('open');
    controller.abort();
  });
});
