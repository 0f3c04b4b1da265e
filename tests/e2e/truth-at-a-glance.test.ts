// Issue 12 in Debian's Chromium, on the built dashboard over a stand-in preload fed with fixed states: the language
// a browser opens in, one voice, freshness, the silent approval's answers, badges, What's new, key days, receipts.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../shared/ipc/contract';
import { FINDING_TYPES } from '../../shared/monitor/findings';
import { SettingsSchema } from '../../shared/monitor/state';
import { ACCOUNT_CASES, cardDeliveredState, firstRunState, I765, I821D, LAST_CHECK, silentApprovalState } from '../helpers/dashboard-state-samples';
import { fakePreload, openDashboardPage, pushState, recordedCalls, serveDashboardInChromium, type ServedDashboard } from '../../scripts/served-dashboard';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/New_York';

let dashboard: ServedDashboard;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Two pages kept open and fed new states (a page takes seconds to open on a busy machine): en-US and es-MX. */
let en: Page;
let es: Page;
/** CSP violations and page errors, from every page. */
const violations: string[] = [];

beforeAll(async () => {
  ({ dashboard, browser } = await serveDashboardInChromium());
  [en, es] = await Promise.all([open(firstRunState()), open(firstRunState(), { locale: 'es-MX' })]);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((context) => context.close()));
  await Promise.allSettled([browser?.close(), dashboard?.close()]);
});

/** Shows `state` on a kept page, as main would push it, with the calls recorded so far forgotten. */
async function show(page: Page, state: DashboardState): Promise<Page> {
  await page.evaluate(() => ((window as unknown as { fixtureCalls: unknown[] }).fixtureCalls.length = 0));
  await pushState(page, state);
  return page;
}

/** A new page in a browser set to `locale`, on the dashboard answering with `state`. */
function open(state: DashboardState, options: { locale?: string; opens?: boolean; width?: number } = {}): Promise<Page> {
  return openDashboardPage(browser, dashboard, state, { ...options, timezoneId: TIME_ZONE, contexts, problems: violations });
}

/** How the page formats an instant (medium date, short time, the browser's zone). */
function shown(instant: string, locale: 'en-US' | 'es-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(Date.parse(instant));
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const main = (page: Page) => page.getByRole('main');

describe('5. language: the first run follows the browser; a choice is remembered', () => {
  it('an es-MX browser opens in Spanish, an en-US one in English', async () => {
    expect(await lang(es)).toBe('es');
    expect(await main(es).getByRole('heading', { level: 2 }).first().innerText()).toBe('Le damos la bienvenida a DACA Watch');
    expect(await lang(en)).toBe('en');
  });

  it('a language the user chose wins over the browser’s, and choosing one remembers it', async () => {
    await show(es, firstRunState({ settings: SettingsSchema.parse({ language: 'en', languageChosen: true }) }));
    await expect.poll(() => lang(es), SOON).toBe('en');
    await show(es, firstRunState());
    await expect.poll(() => lang(es), SOON).toBe('es');
    const page = await open(firstRunState(), { locale: 'es-MX' });
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await expect.poll(() => lang(page), SOON).toBe('en');
    expect((await recordedCalls(page)).filter((call) => call.method === 'updateSettings').map((call) => call.request)).toEqual([{ language: 'en', languageChosen: true }]);
  });
});

describe('10. first run and feedback', () => {
  it('says "Not signed in yet" without a warning, then that the sign-in window is open after the click', async () => {
    for (const [page, neutral, signIn, open_] of [
      [en, 'Not signed in yet', 'Sign in to myUSCIS', 'A USCIS sign-in window is open'],
      [es, 'Todavía no ha iniciado sesión', 'Iniciar sesión en myUSCIS', 'Hay una ventana de inicio de sesión de USCIS abierta'],
    ] as const) {
      await show(page, firstRunState());
      const status = page.getByRole('banner').getByRole('status');
      expect(await status.innerText()).toContain(neutral);
      expect(await status.locator('.attention').count()).toBe(0);
      await main(page).getByRole('button', { name: signIn }).click();
      await expect.poll(() => main(page).getByRole('status').first().innerText(), SOON).toContain(open_);
      expect(await status.innerText()).toContain(open_);
      expect((await recordedCalls(page)).map((call) => call.method)).toContain('signIn');
    }
  });

  it('says "Saved" next to a setting once it changed, and what Check now can do during a back-off', async () => {
    const page = await show(en, silentApprovalState());
    const settings = page.locator('#settings');
    await settings.waitFor(SOON);
    await settings.getByLabel(/Hide most of each receipt number/).check();
    await expect.poll(() => settings.getByText('✓ Saved').count(), SOON).toBe(1);

    const until = '2026-08-12T15:45:00.000Z';
    await pushState(page, silentApprovalState({ activity: 'backing-off', backoff: { until, reason: 'server-error' }, nextCheckAt: null }));
    const banner = page.getByRole('banner');
    await expect.poll(() => banner.getByRole('status').innerText(), SOON).toContain(`Check now is available again at ${shown(until, 'en-US')}.`);
    expect(await banner.getByRole('button', { name: 'Check now' }).isDisabled()).toBe(true);
  });
});

describe('9. receipts: the account’s cases offered first; look-alikes and other forms pointed out', () => {
  it('offers the cases found on the account with their forms, the DACA pair selected, one action to watch it', async () => {
    for (const [page, title, button, locale] of [
      [en, 'Cases found in your myUSCIS account', 'Watch these two cases', 'en-US'],
      [es, 'Casos encontrados en su cuenta de myUSCIS', 'Seguir estos dos casos', 'es-MX'],
    ] as const) {
      await show(page, firstRunState({ session: { state: 'signed-in', since: LAST_CHECK }, activity: 'no-cases', accountCases: ACCOUNT_CASES }));
      const offered = page.getByTestId('account-cases');
      expect(await offered.getByRole('heading', { name: title }).count()).toBe(1);
      // Offered before the fields for typing.
      const [listTop, fieldTop] = await Promise.all([offered.boundingBox(), main(page).getByRole('textbox').first().boundingBox()]);
      expect(listTop!.y).toBeLessThan(fieldTop!.y);
      const boxes = offered.getByRole('checkbox');
      expect(await boxes.count()).toBe(4);
      expect(await Promise.all([0, 1, 2, 3].map((index) => boxes.nth(index).isChecked()))).toEqual([true, true, false, false]);
      expect(await offered.innerText()).toContain(locale === 'en-US' ? 'Form I-131' : 'Formulario I-131');
      await offered.getByRole('button', { name: button }).click();
      const calls = await recordedCalls(page);
      expect(calls.filter((call) => call.method === 'setCases').map((call) => call.request)).toEqual([{ receipts: [I821D, I765] }]);
    }
  });

  it('points out a look-alike character with the fix, and a receipt of another form type', async () => {
    const page = await show(en, firstRunState({ accountCases: ACCOUNT_CASES }));
    const first = main(page).getByLabel('First receipt number');
    await first.fill('1OE0933012457');
    await main(page).getByLabel('Second receipt number').fill('IOE0900000001');
    expect(await main(page).innerText()).toContain('This receipt is for Form I-131, which is not part of a DACA renewal');
    await main(page).getByRole('button', { name: 'Save and start watching' }).click();
    await expect.poll(() => main(page).innerText(), SOON).toContain('Did you mean IOE0933012457?');
    await main(page).getByRole('button', { name: 'Use IOE0933012457' }).click();
    expect(await first.inputValue()).toBe('IOE0933012457');
  });
});

describe('the silent approval', () => {
  let page: Page;
  beforeAll(async () => {
    page = await show(en, silentApprovalState());
    await page.locator('#timeline [data-point]').first().waitFor(SOON);
  });
  const permitCard = () => page.getByRole('article', { name: 'Work permit (Form I-765)' });

  it('1. one voice: the stage first, the title marked as not updated yet, what follows the stage', async () => {
    const card = permitCard();
    const terms = await card.locator('dt').allInnerTexts();
    expect(terms.indexOf('Stage')).toBeLessThan(terms.indexOf('USCIS’s status text (not updated yet)'));
    expect(terms).not.toContain('Status');
    const text = await card.innerText();
    expect(text).toContain('Case Is Being Actively Reviewed By USCIS');
    expect(text).toMatch(/What usually happens next: USCIS’s status text usually changes to “approved”/);
    expect(text).not.toContain('a Request for Evidence');
  });

  it('2. every verdict and card says what it is as of', async () => {
    expect(await page.getByTestId('pair-verdict').innerText()).toContain(`As of ${shown(LAST_CHECK, 'en-US')}`);
    expect(await permitCard().innerText()).toContain(`Read from myUSCIS: ${shown(LAST_CHECK, 'en-US')}`);
  });

  it('3. the banner answers which form, on what, what is pending, what next, and opens myUSCIS through main', async () => {
    const answers = page.getByTestId('approval-answers');
    expect(await answers.locator('dt').allInnerTexts()).toEqual(['Which form appears approved', 'What shows it', 'What is still pending', 'What to expect next']);
    const text = await answers.innerText();
    expect(text).toContain('Form I-821D');
    expect(text).toContain('I-765 C33 Standalone Approval');
    expect(text).toMatch(/new work permit card has not been produced yet/);
    expect(text).toContain('DACA Watch keeps checking and tells you once for each step.');
    await page.getByRole('button', { name: 'Open my case on myUSCIS' }).click();
    await expect.poll(() => page.getByTestId('pair-verdict').getByRole('status').innerText(), SOON).toContain('It could not open here: go to my.uscis.gov');
    expect((await recordedCalls(page)).filter((call) => call.method === 'openExternal').map((call) => call.request)).toEqual([{ url: 'https://my.uscis.gov/account/applicant' }]);
  });

  it('4. badges: the upload is "Your upload", the inference "DACA Watch’s reading"; a legend says what each means', async () => {
    const labels = await page.locator('[data-point]').evaluateAll((points) => points.map((point) => point.getAttribute('aria-label') ?? ''));
    expect(labels.some((label) => label.includes('Other, Your upload'))).toBe(true);
    expect(labels.some((label) => label.includes('DACA request approved (shown by the work permit), DACA Watch’s reading'))).toBe(true);
    expect(labels.join(' ')).not.toMatch(/Other, From USCIS/);
    // The upload's dot, focused: its detail carries the badge.
    const upload = page.locator('[data-point]').filter({ hasNot: page.locator('.tone-good') }).first();
    await upload.focus();
    await page.keyboard.press('Home');
    expect(await page.locator('#timeline-detail .badge').allInnerTexts()).toContain('Your upload');
    const legend = page.locator('#timeline details.legend-badges');
    await legend.locator('summary').click();
    expect(await legend.locator('.badge').allInnerTexts()).toEqual(['From USCIS', 'Your upload', 'DACA Watch’s reading', 'Community reading', 'Disputed', 'Unknown']);
  });

  it('6. What’s new: one entry per change, the evidence folded away, no engineering line', async () => {
    const entries = page.locator('#news ol.news > li');
    expect(await entries.count()).toBe(2);
    expect(await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-type')))).toEqual(['silent-approval', 'i821d-approved-inferred']);
    const first = entries.first();
    expect(await first.innerText()).not.toMatch(/Rests on/);
    const folded = first.locator('details');
    expect(await folded.locator('summary').innerText()).toBe('How DACA Watch knows');
    await folded.locator('summary').click();
    expect(await folded.innerText()).toContain('Also found: New document in your account');
  });

  it('8. the timeline names the key days on the drawing and lists them, dated, beneath it', async () => {
    const drawn = await page.locator('#timeline svg [data-milestone]').allTextContents();
    expect(drawn).toEqual(expect.arrayContaining(['Received', 'Review', 'Approval']));
    const list = page.getByTestId('milestones');
    const items = await list.locator('li').allInnerTexts();
    expect(items[0]).toMatch(/^May 29, 2026\s+I-821D: Received/);
    expect(items.some((item) => /Aug 12, 2026\s+I-765: Approval/.test(item))).toBe(true);
  });

  it('all of it in Spanish', async () => {
    const spanish = await show(es, silentApprovalState());
    await spanish.locator('#timeline [data-point]').first().waitFor(SOON);
    const card = spanish.getByRole('article', { name: 'Permiso de trabajo (Formulario I-765)' });
    expect(await card.locator('dt').allInnerTexts()).toContain('Texto del estatus de USCIS (todavía sin actualizar)');
    expect(await card.innerText()).toContain(`Leído en myUSCIS: ${shown(LAST_CHECK, 'es-US')}`);
    expect(await spanish.getByTestId('approval-answers').locator('dt').allInnerTexts()).toEqual(['Qué solicitud parece aprobada', 'Qué lo muestra', 'Qué falta todavía', 'Qué esperar ahora']);
    expect(await spanish.getByRole('button', { name: 'Abrir mi caso en myUSCIS' }).count()).toBe(1);
    const labels = await spanish.locator('[data-point]').evaluateAll((points) => points.map((point) => point.getAttribute('aria-label') ?? ''));
    expect(labels.some((label) => label.includes('Other, Lo subió usted'))).toBe(true);
    expect(labels.some((label) => label.includes('Interpretación de DACA Watch'))).toBe(true);
    expect(await spanish.locator('#news ol.news > li').count()).toBe(2);
    expect(await spanish.getByTestId('milestones').locator('li').first().innerText()).toMatch(/I-821D: Recibido/);
  });
});

describe('2. not watching: why, since when, the one action', () => {
  it('a session ending turns the page to "not watching" with the time, first, with Sign in', async () => {
    const page = await show(en, silentApprovalState());
    await page.getByTestId('pair-verdict').waitFor(SOON);
    expect(await page.getByTestId('not-watching').count()).toBe(0);
    const ended = '2026-08-12T15:10:00.000Z';
    await pushState(page, silentApprovalState({ activity: 'signed-out', session: { state: 'signed-out', since: ended }, nextCheckAt: null }));
    const panel = page.getByTestId('not-watching');
    await panel.waitFor(SOON);
    const text = await panel.innerText();
    expect(text).toContain('DACA Watch is not checking your cases right now');
    expect(text).toContain(`myUSCIS ended the session on ${shown(ended, 'en-US')}`);
    expect(text).toContain(`as of the last check, ${shown(LAST_CHECK, 'en-US')}`);
    // First in the renewal, before the verdict.
    const order = await page.locator('#renewal').evaluate((section) => [...section.querySelectorAll('[data-testid]')].map((element) => element.getAttribute('data-testid')));
    expect(order.slice(0, 2)).toEqual(['not-watching', 'pair-verdict']);
    // The verdict no longer promises news it cannot bring.
    const verdict = await page.getByTestId('pair-verdict').innerText();
    expect(verdict).toContain('While not checking, DACA Watch cannot tell you anything new.');
    expect(verdict).not.toContain('DACA Watch keeps checking');
    await panel.getByRole('button', { name: 'Sign in to myUSCIS' }).click();
    await expect.poll(() => panel.innerText(), SOON).toContain('A USCIS sign-in window is open');
  });

  it('paused: until when, and Resume; in Spanish too', async () => {
    const until = '2026-08-12T16:20:00.000Z';
    const page = await show(es, silentApprovalState({ activity: 'paused', pausedUntil: until, nextCheckAt: null }));
    const panel = page.getByTestId('not-watching');
    await panel.waitFor(SOON);
    expect(await panel.innerText()).toContain(`Usted pausó las revisiones hasta el ${shown(until, 'es-US')}.`);
    await panel.getByRole('button', { name: 'Reanudar' }).click();
    expect((await recordedCalls(page)).filter((call) => call.method === 'pause').map((call) => call.request)).toEqual([{ until: null }]);
  });
});

describe('one failing case never stops the other', () => {
  it('the failing case\'s card says USCIS did not answer for it, that the other is still checked, and the next try; in Spanish too', async () => {
    const retryAt = '2026-08-12T16:05:00.000Z';
    const failing = (state: DashboardState): DashboardState => ({
      ...state,
      cases: state.cases.map((c) => (c.receipt === I821D ? { ...c, failing: { failures: 4, retryAt } } : c)),
    });
    const page = await show(en, failing(silentApprovalState()));
    const card = page.getByRole('article', { name: 'DACA request (Form I-821D)' });
    await expect.poll(() => card.innerText(), SOON).toContain('USCIS did not answer for this case the last 4 times.');
    expect(await card.innerText()).toContain(`the other case is still checked. Next try: ${shown(retryAt, 'en-US')}.`);
    expect(await page.getByRole('article', { name: 'Work permit (Form I-765)' }).innerText()).not.toContain('did not answer');
    // Still watching: the page does not say it stopped.
    expect(await page.getByTestId('not-watching').count()).toBe(0);
    await show(es, failing(silentApprovalState()));
    await expect.poll(() => es.locator('article.case').first().innerText(), SOON).toContain('USCIS no respondió por este caso las últimas 4 veces.');
  });
});

describe('7. after delivery', () => {
  it('the old permit’s countdown gives way to the new card', async () => {
    const page = await show(en, cardDeliveredState());
    const card = page.getByRole('article', { name: 'Work permit (Form I-765)' });
    await expect.poll(() => card.innerText(), SOON).toContain('Your new work permit card was delivered');
    expect(await card.innerText()).not.toMatch(/Expired|days left|later than USCIS recommends/);
    await show(es, cardDeliveredState());
    await expect.poll(() => es.getByTestId('new-card').innerText(), SOON).toContain('Se entregó su nueva tarjeta');
  });
});

describe('11. settings: presets first, the rest under Advanced, in the user’s words', () => {
  it('offers three presets with the recommended one chosen, and the per-finding switches under Advanced', async () => {
    const page = await show(en, silentApprovalState());
    const settings = page.locator('#settings');
    await settings.waitFor(SOON);
    const presets = settings.getByRole('radio', { name: /Recommended|More often|Less often/ });
    expect(await presets.count()).toBe(3);
    expect(await settings.getByRole('radio', { name: /^Recommended/ }).isChecked()).toBe(true);
    const advanced = settings.locator('details.advanced');
    expect(await advanced.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await advanced.locator('input[type="checkbox"]').count()).toBe(FINDING_TYPES.length);
    expect(await advanced.innerText()).not.toMatch(/New event code|Record touched/);
    await settings.getByRole('radio', { name: /^More often/ }).check();
    const change = (await recordedCalls(page)).filter((call) => call.method === 'updateSettings').at(-1);
    expect(change?.request).toEqual({ workHoursIntervalMinutes: 12, offHoursIntervalMinutes: 60 });
    await expect.poll(() => settings.getByText('✓ Saved').count(), SOON).toBe(1);
  });
});

describe('13. the verdict banner paints first', () => {
  it('the first frame with the banner and its text has no case card, calendar, timeline or What’s new; they follow', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: TIME_ZONE });
    contexts.push(context);
    await context.addInitScript({ content: fakePreload(silentApprovalState()) });
    // From the page's first frame: what is in the document at the first frame that has the banner with its text.
    await context.addInitScript(() => {
      const look = () => {
        const banner = document.querySelector('[data-testid="pair-verdict"]');
        if (banner === null || banner.textContent?.trim() === '') return void requestAnimationFrame(look);
        (window as unknown as { bannerFrame: Record<string, boolean> }).bannerFrame = {
          cards: document.querySelector('article.case') !== null,
          calendar: document.querySelector('[data-testid="renewal-calendar"]') !== null,
          timeline: document.querySelector('[data-point]') !== null,
          news: document.querySelector('#news') !== null,
        };
      };
      requestAnimationFrame(look);
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
    await page.goto(dashboard.url);
    await page.locator('#timeline [data-point]').first().waitFor(SOON);
    expect(await page.evaluate(() => (window as unknown as { bannerFrame: unknown }).bannerFrame)).toEqual({ cards: false, calendar: false, timeline: false, news: false });
    await expect.poll(() => page.locator('article.case').count(), SOON).toBe(2);
    await page.locator('#news').waitFor(SOON);
    await page.locator('#settings').waitFor(SOON);
  });
});

describe('the page itself', () => {
  it('logged no Content-Security-Policy violation and no page error on any of it', () => {
    expect(violations).toEqual([]);
  });
});
