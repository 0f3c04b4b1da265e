// A real browser engine (Debian's Chromium via playwright-core) signs in to the simulator by typing,
// passes the WAF challenge by running its script, and then reads the JSON endpoints.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { endpointPath } from '../../shared/myuscis/endpoints';
import { SESSION_COOKIE } from '../../simulator/server';
import { launchChromium } from '../../scripts/chromium';
import { frozenSimulator } from '../helpers/sim-fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in to the simulator in Chromium', () => {
  it('signs in with the demo credentials shown on the page and then reads every case endpoint', async () => {
    const sim = await frozenSimulator({ waf: true });
    sim.advanceToPhase('silent-approval');
    const context = await browser.newContext();
    const page = await context.newPage();

    await page.goto(sim.applicantUrl, { waitUntil: 'domcontentloaded' });
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const demo = await page.locator('#demo-credentials').innerText();
    const email = /email\s+(\S+@\S+),/.exec(demo)?.[1];
    const password = /password\s+(\S+),/.exec(demo)?.[1];
    expect(email).toBe(sim.scenario.account.email);

    // Real key events: the form refuses values that were not typed.
    await page.locator('#email').pressSequentially(email!);
    await page.locator('#password').pressSequentially(password!);
    await page.locator('#terms').check();
    await page.locator('#sign-in').click();
    await page.waitForURL(/\/auth$/);
    const code = await page.locator('#demo-code').innerText();
    await page.locator('#code').pressSequentially(code);
    await page.locator('#remember').check();
    await page.locator('#submit-code').click();
    await page.waitForURL(/\/passkey/);
    await page.locator('#skip-passkey').click();
    // Back through /oidc to the page that started the sign-in.
    await page.waitForURL(sim.applicantUrl);
    await expect.poll(() => page.locator('#cases [data-receipt]').count()).toBe(2);

    // localhost and 127.0.0.1 are separate hosts with separate cookies.
    const dataCookies = await context.cookies(sim.dataOrigin);
    const accountCookies = await context.cookies(sim.accountOrigin);
    expect(dataCookies.map((c) => c.name)).toContain(SESSION_COOKIE);
    expect(dataCookies.map((c) => c.name)).toContain('aws-waf-token');
    expect(accountCookies.map((c) => c.name)).not.toContain(SESSION_COOKIE);
    // The session cookie is a session cookie: not kept across a browser restart.
    expect(dataCookies.find((c) => c.name === SESSION_COOKIE)?.expires).toBe(-1);

    for (const path of [endpointPath.caseStatus(sim.receipts.i765), endpointPath.documents(sim.receipts.i821d), endpointPath.caseDetail(sim.receipts.i821d)]) {
      const response = await page.goto(`${sim.dataOrigin}${path}`);
      expect(response?.status(), path).toBe(200);
      const json = JSON.parse(await response!.text()) as { data: unknown };
      expect(json.data, path).toBeTruthy();
    }
    const documents = JSON.parse(await (await page.goto(`${sim.dataOrigin}${endpointPath.documents(sim.receipts.i821d)}`))!.text()) as {
      data: Array<{ type: string; sourceType: string }>;
    };
    expect(documents.data.some((d) => d.type === 'I-821D Approval Notice' && d.sourceType === 'USCIS Generated')).toBe(true);
    const requests = sim.requestLog().filter((e) => e.endpoint !== null);
    expect(requests.every((e) => e.sessionCookie && e.sessionLive)).toBe(true);
    expect(sim.requestLog().some((e) => e.outcome === 'challenge')).toBe(true);
    await context.close();
  });

  it('is refused when the values are pasted in by script instead of typed', async () => {
    const sim = await frozenSimulator();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(sim.signInUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('#email').fill(sim.scenario.account.email);
    await page.evaluate((password) => {
      (document.getElementById('password') as HTMLInputElement).value = password;
    }, sim.scenario.account.password);
    await page.locator('#terms').check();
    await page.locator('#sign-in').click();
    await expect.poll(() => page.locator('#error').innerText()).toContain('Please type your email and password');
    await context.close();
  });
});
