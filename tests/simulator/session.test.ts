// The simulated my.uscis.gov session over real HTTP: idle timeout, absolute lifetime, keep-alive,
// the 401 for a cold API request, the four ways of saying "signed out", sign-out, and the request log.

import { describe, expect, it } from 'vitest';
import { endpointPath } from '../../shared/myuscis/endpoints';
import { SESSION_COOKIE } from '../../simulator/server';
import { SimBrowser, signInThroughPages } from '../helpers/sim-browser';
import { frozenSimulator } from '../helpers/sim-fixture';

const MINUTE = 60_000;

function withCookie(cookieHeader: string): SimBrowser {
  const browser = new SimBrowser();
  const [name, value] = cookieHeader.split('=') as [string, string];
  browser.cookies('127.0.0.1').set(name, value);
  return browser;
}

describe('session lifetime on the data host', () => {
  it('ends a session idle for longer than the idle timeout, and a request within it keeps it alive', async () => {
    const sim = await frozenSimulator({ idleTimeoutMs: 15 * MINUTE, signedOutStyle: '401' });
    sim.advanceToPhase('filed');
    const browser = new SimBrowser();
    await signInThroughPages(browser, sim);
    const probe = `${sim.dataOrigin}${endpointPath.casesProbe()}`;

    // A keep-alive every 14 minutes for two hours: still signed in.
    for (let i = 0; i < 9; i += 1) {
      sim.advance(14 * MINUTE);
      const alive = await browser.fetch(probe, { referer: sim.applicantUrl });
      expect(alive.status, `keep-alive ${i}`).toBe(200);
    }
    sim.advance(15 * MINUTE + 1000);
    const expired = await browser.fetch(probe, { referer: sim.applicantUrl });
    expect(expired.status).toBe(401);
    // Expiry is final: coming back sooner does not revive it.
    const still = await browser.fetch(probe, { referer: sim.applicantUrl });
    expect(still.status).toBe(401);
  });

  it('ends a busy session at its absolute lifetime', async () => {
    const sim = await frozenSimulator({ idleTimeoutMs: 30 * MINUTE, sessionLifetimeMs: 2 * 60 * MINUTE, signedOutStyle: '401' });
    const browser = withCookie(sim.createSession());
    const probe = `${sim.dataOrigin}${endpointPath.casesProbe()}`;
    for (let elapsed = 0; elapsed < 120; elapsed += 20) {
      expect((await browser.fetch(probe)).status, `at ${elapsed} minutes`).toBe(200);
      sim.advance(20 * MINUTE);
    }
    sim.advance(MINUTE);
    expect((await browser.fetch(probe)).status).toBe(401);
  });

  it('answers 401 to a cold API request (no earlier page, no Referer) even with a live session', async () => {
    const sim = await frozenSimulator();
    sim.advanceToPhase('filed');
    const browser = withCookie(sim.createSession({ warm: false }));
    const status = `${sim.dataOrigin}${endpointPath.caseStatus(sim.receipts.i765)}`;

    const cold = await browser.fetch(status);
    expect(cold.status).toBe(401);
    // With a Referer, as a page would send, the same session is fine.
    const withReferer = await browser.fetch(status, { referer: sim.applicantUrl });
    expect(withReferer.status).toBe(200);
    expect(withReferer.json<{ data: { receiptNumber: string } }>().data.receiptNumber).toBe(sim.receipts.i765);
    // Still cold without a Referer until a my.uscis.gov page is loaded...
    expect((await browser.fetch(status)).status).toBe(401);
    const page = await browser.fetch(sim.applicantUrl);
    expect(page.status).toBe(200);
    // ...after which requests without a Referer are answered.
    expect((await browser.fetch(status)).status).toBe(200);
    expect(sim.requestLog().filter((e) => e.outcome === 'cold-401')).toHaveLength(2);
  });

  it('sends API calls without a session to sign-in in each of the four reported ways, in turn', async () => {
    const sim = await frozenSimulator();
    const browser = new SimBrowser();
    const url = `${sim.dataOrigin}${endpointPath.documents(sim.receipts.i821d)}`;
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await browser.fetch(url, { follow: false }));

    expect(answers[0]!.status).toBe(401);
    expect(answers[1]!.status).toBe(302);
    expect(answers[1]!.headers.location).toBe(`${sim.dataOrigin}/oidc/login`);
    expect(answers[2]!.status).toBe(200);
    expect(answers[2]!.headers['content-type']).toContain('text/html');
    expect(answers[2]!.body).toContain('Sign In');
    expect(answers[3]!.status).toBe(200);
    expect(answers[3]!.json<{ data: unknown; error: { code: string } }>()).toMatchObject({ data: null, error: { code: expect.any(String) } });
    expect(sim.requestLog().map((e) => e.outcome)).toEqual([
      'signed-out:401',
      'signed-out:redirect',
      'signed-out:html',
      'signed-out:data-null-error',
    ]);
  });

  it('follows a signed-out redirect through /oidc to the sign-in page', async () => {
    const sim = await frozenSimulator({ signedOutStyle: 'redirect' });
    const browser = new SimBrowser();
    const landed = await browser.fetch(`${sim.dataOrigin}${endpointPath.caseDetail(sim.receipts.i821d)}`);
    expect(landed.url.startsWith(`${sim.accountOrigin}/sign-in`)).toBe(true);
    expect(landed.chain.some((u) => u.includes('/oidc/'))).toBe(true);
  });

  it('signs out on /account/logout and on a server-side expiry', async () => {
    const sim = await frozenSimulator({ signedOutStyle: '401' });
    sim.advanceToPhase('filed');
    const browser = new SimBrowser();
    await signInThroughPages(browser, sim);
    const session = browser.cookies('127.0.0.1').get(SESSION_COOKIE)!;
    await browser.fetch(`${sim.dataOrigin}/account/logout`);
    // The old cookie no longer works even if a client kept a copy of it.
    const copy = withCookie(`${SESSION_COOKIE}=${session}`);
    expect((await copy.fetch(`${sim.dataOrigin}${endpointPath.casesProbe()}`, { referer: sim.applicantUrl })).status).toBe(401);
    expect(browser.cookies('localhost').has('myaccount_session')).toBe(false);

    const other = withCookie(sim.createSession());
    expect((await other.fetch(`${sim.dataOrigin}${endpointPath.casesProbe()}`)).status).toBe(200);
    sim.expireSessions();
    expect((await other.fetch(`${sim.dataOrigin}${endpointPath.casesProbe()}`)).status).toBe(401);
  });

  it('logs every request with its simulated time and whether a session cookie came along', async () => {
    const sim = await frozenSimulator({ signedOutStyle: '401' });
    const anonymous = new SimBrowser();
    await anonymous.fetch(`${sim.dataOrigin}${endpointPath.casesProbe()}`);
    sim.advance(5 * MINUTE);
    const signedIn = withCookie(sim.createSession());
    await signedIn.fetch(`${sim.dataOrigin}${endpointPath.casesProbe()}`, { referer: sim.applicantUrl });
    sim.advance(20 * MINUTE);
    await signedIn.fetch(`${sim.dataOrigin}${endpointPath.casesProbe()}`);

    const log = sim.requestLog();
    expect(log.map((e) => [e.endpoint, e.status, e.sessionCookie, e.sessionLive, e.referer])).toEqual([
      ['cases-probe', 401, false, false, false],
      ['cases-probe', 200, true, true, true],
      ['cases-probe', 401, true, false, false],
    ]);
    expect(Date.parse(log[1]!.at) - Date.parse(log[0]!.at)).toBe(5 * MINUTE);
    expect(Date.parse(log[2]!.at) - Date.parse(log[1]!.at)).toBe(20 * MINUTE);
    expect(log.every((e) => e.host === 'data' && e.seq > 0)).toBe(true);
    sim.clearRequestLog();
    expect(sim.requestLog()).toEqual([]);
  });
});

describe('the WAF-like challenge', () => {
  it('is off by default and, switched on, answers API calls without a fresh token with a challenge page', async () => {
    const sim = await frozenSimulator();
    const browser = withCookie(sim.createSession());
    const probe = `${sim.dataOrigin}${endpointPath.casesProbe()}`;
    expect((await browser.fetch(probe, { solveChallenges: false })).status).toBe(200);

    sim.setWaf(true);
    const challenged = await browser.fetch(probe, { solveChallenges: false });
    expect(challenged.status).toBe(202);
    expect(challenged.headers['x-amzn-waf-action']).toBe('challenge');
    expect(challenged.headers['content-type']).toContain('text/html');
    expect(challenged.body).toContain('<script>');
    expect(() => JSON.parse(challenged.body)).toThrow();
    // A forged token does not pass.
    browser.cookies('127.0.0.1').set('aws-waf-token', 'made-up.123');
    expect((await browser.fetch(probe, { solveChallenges: false })).status).toBe(202);
  });

  it('lets a client that runs the page script through, until the token expires', async () => {
    const sim = await frozenSimulator({ waf: true, wafTokenTtlMs: 5 * MINUTE });
    const browser = withCookie(sim.createSession());
    const probe = `${sim.dataOrigin}${endpointPath.casesProbe()}`;
    const challenged = await browser.fetch(probe, { solveChallenges: false });
    browser.solveChallenge('127.0.0.1', challenged.body);
    expect(browser.cookies('127.0.0.1').get('aws-waf-token')).toMatch(/^[\w-]+\.[0-9a-z]+$/);

    sim.advance(4 * MINUTE);
    const passed = await browser.fetch(probe, { solveChallenges: false });
    expect(passed.status).toBe(200);
    expect(passed.json()).toEqual({ data: [] });

    sim.advance(2 * MINUTE);
    expect((await browser.fetch(probe, { solveChallenges: false })).status).toBe(202);
    // Loading a page (the browser runs the script and reloads) gives a fresh token.
    const page = await browser.fetch(sim.applicantUrl);
    expect(page.status).toBe(200);
    expect((await browser.fetch(probe, { solveChallenges: false })).status).toBe(200);
    expect(sim.requestLog().filter((e) => e.outcome === 'challenge').length).toBe(3);
  });

  it('challenges the whole sign-in hop on the data host, and a script-running client still signs in', async () => {
    const sim = await frozenSimulator({ waf: true });
    sim.advanceToPhase('filed');
    const browser = new SimBrowser();
    const page = await signInThroughPages(browser, sim);
    expect(page.url).toBe(sim.applicantUrl);
    expect(page.body).toContain(sim.receipts.i765);
    sim.setWaf(false);
  });
});
