// The first frame main puts into the page, in Debian's Chromium: the verdict banner is on screen before the page's
// script has run (held back here until the test lets it through), in the browser's language; the script then
// hydrates that markup (the same elements, no second banner, no warning) and the rest of the page follows; a newer
// state wins; a failed read of the state falls back to the page's own message; with scripts off the banner stays.

import type { Browser, BrowserContext, ConsoleMessage, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, verdictOf, watchedCases } from '../../renderer/lib/pair-view.svelte';
import { MESSAGES } from '../../renderer/lib/i18n';
import type { DashboardState } from '../../shared/ipc/contract';
import { cardDeliveredState, firstRunState, silentApprovalState } from '../helpers/dashboard-state-samples';
import { fakePreload, recordedCalls, serveDashboardInChromium, type ServedDashboard } from '../../scripts/served-dashboard';

const SOON = { timeout: 10_000 };
const TIME_ZONE = 'America/New_York';
const BANNER = '[data-testid="pair-verdict"]';

let dashboard: ServedDashboard;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ dashboard, browser } = await serveDashboardInChromium());
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((context) => context.close()));
  await Promise.allSettled([browser?.close(), dashboard?.close()]);
});

const verdictFor = (state: DashboardState) => verdictOf(watchedCases(state), localDay(Date.parse(state.now)), state.settings.permitExpiry ?? null);

interface Opened {
  page: Page;
  /** Warnings and errors the page logged (a hydration mismatch is a warning), and its page errors. */
  problems: string[];
  /** Lets the page's script through (it is held until then). */
  release(): void;
}

/**
 * Opens the dashboard with main's first frame drawn for `drawn`, the preload answering `answered`, and the page's
 * script held back until `release()`.
 */
async function open(drawn: DashboardState, answered: DashboardState, options: { locale?: string; preload?: string } = {}): Promise<Opened> {
  dashboard.firstPaint(drawn);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: options.locale ?? 'en-US', timezoneId: TIME_ZONE });
  contexts.push(context);
  await context.addInitScript({ content: fakePreload(answered) });
  if (options.preload) await context.addInitScript({ content: options.preload });
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route('**/assets/*.js', async (route: Route) => {
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    // (Chromium asks a page served over http for /favicon.ico; the fixture has none.)
    if (['warning', 'error'].includes(message.type()) && !message.location().url.endsWith('/favicon.ico')) problems.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto(dashboard.url, { waitUntil: 'commit' });
  return { page, problems, release };
}

/** Marks the banner element in the page, so the test can tell it from one drawn again. */
const markBanner = (page: Page) => page.evaluate((selector) => ((document.querySelector(selector) as HTMLElement & { firstFrame?: boolean }).firstFrame = true), BANNER);
const bannerIsMarked = (page: Page) => page.evaluate((selector) => (document.querySelector(selector) as (HTMLElement & { firstFrame?: boolean }) | null)?.firstFrame === true, BANNER);

describe('main’s first frame in the page', () => {
  it('shows the banner in the browser’s language before the script runs; the script hydrates the same elements and the rest follows', async () => {
    const state = silentApprovalState();
    const verdict = verdictFor(state);
    const { page, problems, release } = await open(state, state, { locale: 'es-MX' });
    const banner = page.locator(BANNER);
    await banner.waitFor({ state: 'visible', ...SOON });
    // Nothing of the page's script has run: it has not asked for the state, and the case cards are not there.
    expect(await page.evaluate(() => (window as unknown as { fixtureCalls: unknown[] }).fixtureCalls.length)).toBe(0);
    expect(await banner.locator('h3').textContent()).toBe(verdict.headline.es);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('[data-testid="approval-answers"]').isVisible()).toBe(true);
    expect(await page.locator('article.case').count()).toBe(0);
    await markBanner(page);

    release();
    await page.locator('#timeline [data-point]').first().waitFor(SOON);
    await expect.poll(() => page.locator('article.case').count(), SOON).toBe(2);
    expect(await bannerIsMarked(page)).toBe(true);
    expect(await page.locator(BANNER).count()).toBe(1);
    expect((await recordedCalls(page)).filter((call) => call.method === 'getState')).toHaveLength(1);
    expect(problems).toEqual([]);

    // Hydrated, not a picture: the header's language button works and the banner follows it.
    await page.getByRole('button', { name: MESSAGES.es.otherLanguage }).click();
    await expect.poll(() => banner.locator('h3').textContent(), SOON).toBe(verdict.headline.en);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it.each([
    ['a silent approval', 'the card delivered', silentApprovalState, cardDeliveredState],
    ['the first run’s welcome', 'the card delivered', firstRunState, cardDeliveredState],
  ])('gives way to a newer state the page reads (drawn: %s; read: %s): one banner, the newer verdict', async (_drawn, _read, drawnState, readState) => {
    const [before, after] = [drawnState(), readState()];
    const { page, problems, release } = await open(before, after);
    await page.locator('main#main').waitFor({ state: 'attached', ...SOON });
    const drawnKind = before.cases.length === 0 ? null : verdictFor(before).kind;
    expect(drawnKind).not.toBe(verdictFor(after).kind);
    expect(await page.locator(BANNER).getAttribute('data-kind', { timeout: 1_000 }).catch(() => null)).toBe(drawnKind);
    release();
    await expect.poll(() => page.getAttribute(BANNER, 'data-kind'), SOON).toBe(verdictFor(after).kind);
    await page.locator('#timeline [data-point]').first().waitFor(SOON);
    expect(await page.locator(BANNER).count()).toBe(1);
    expect(await page.locator(`${BANNER} h3`).textContent()).toBe(verdictFor(after).headline.en);
    expect(await page.getByText(MESSAGES.en.welcome).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('when the page cannot read the state, drops the frame and says so with a retry (no stale banner left)', async () => {
    const failing = `window.dacaWatch.getState = () => Promise.resolve({ ok: false, failure: { code: 'failed', message: '' } });`;
    const { page, release } = await open(silentApprovalState(), silentApprovalState(), { preload: failing });
    await page.locator(BANNER).waitFor({ state: 'visible', ...SOON });
    release();
    await page.getByText(MESSAGES.en.loadFailed).waitFor(SOON);
    expect(await page.getByRole('button', { name: MESSAGES.en.retry }).isVisible()).toBe(true);
    expect(await page.locator(BANNER).count()).toBe(0);
  });

  it('is readable with scripts off: the banner, its time and the status line are in the page itself', async () => {
    const state = silentApprovalState();
    dashboard.firstPaint(state);
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', timezoneId: TIME_ZONE });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(dashboard.url);
    expect(await page.locator(`${BANNER} h3`).textContent()).toBe(verdictFor(state).headline.en);
    expect(await page.locator(`${BANNER} .as-of`).textContent()).toMatch(/^As of .*2026/);
    expect(await page.locator('.status-bar [role="status"]').isVisible()).toBe(true);
  });
});
