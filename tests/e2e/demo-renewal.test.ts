// The demo renewal end to end, as a user does it with the keyboard: the preview (engine headless on the built-in
// simulator) in Debian's Chromium, from the first run to the silent approval, Spanish, a session expiry and back.

import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { signInOnThisTab, simControl, startPreview, tabTo, type PreviewProcess } from '../../scripts/preview-process';

/** For what follows a round trip to the preview: quick, but not within expect.poll's default second on a busy machine. */
const SOON = { timeout: 5_000 };

let preview: PreviewProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Both started at once; whichever started is stopped in afterAll even when the other failed.
  const [started, launched] = await Promise.allSettled([startPreview(['--no-sign-in']), launchChromium()]);
  if (started.status === 'fulfilled') preview = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), preview?.stop()]);
});

const status = () => page.getByRole('banner').getByRole('status');
const verdict = () => page.getByTestId('pair-verdict');
const main = () => page.getByRole('main');

/** Tab to a control, then press a key on it (Enter or Space), as a keyboard user does. */
async function press(target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Presses a sign-in button: the simulator's sign-in page opens in a new tab, the page says so; signs in there. */
async function signInThroughTheButton(button: Locator): Promise<void> {
  const opened = context.waitForEvent('page', SOON);
  await press(button);
  const tab = await opened;
  try {
    await expect.poll(() => status().innerText(), SOON).toContain('The simulator’s sign-in page opened in a new tab');
    await tab.waitForURL((url) => url.href.startsWith(preview.info.simulator!.signInUrl), SOON);
    await signInOnThisTab(tab, preview.info);
  } finally {
    await tab.close();
  }
}

describe('the demo renewal in the preview, by keyboard', () => {
  it('opens on the first run: what DACA Watch does and never does, not signed in yet (no warning), no cases', async () => {
    await page.goto(preview.info.url);
    await expect.poll(() => main().getByRole('heading', { level: 2 }).first().textContent(), SOON).toBe('Welcome to DACA Watch');
    await expect(main().getByRole('heading', { name: 'What it does' }).isVisible()).resolves.toBe(true);
    await expect(main().getByRole('heading', { name: 'What it never does' }).isVisible()).resolves.toBe(true);
    expect(await main().innerText()).toContain('It never sees your password or verification code');
    expect(await status().innerText()).toContain('Not signed in yet');
    expect(await status().locator('.attention').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
  });

  it('signs in on the simulator pages by typing; the first run then says so', async () => {
    // The preview has no sign-in window: the button opens the simulator's sign-in page in a new tab, and says so.
    await signInThroughTheButton(main().getByRole('button', { name: 'Sign in to myUSCIS' }));
    await expect.poll(() => main().getByText('You are signed in.').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => status().innerText(), SOON).toContain('Signed in to myUSCIS');
  });

  it('shows the parser’s message for a bad receipt inline, then accepts the pair typed with spaces and lower case', async () => {
    const first = main().getByLabel('First receipt number');
    const second = main().getByLabel('Second receipt number');
    await tabTo(page, first);
    await page.keyboard.type('EAC1234567890');
    await page.keyboard.press('Tab');
    await page.keyboard.type(preview.info.simulator!.receipts.i765);
    await page.keyboard.press('Enter');

    await expect.poll(() => first.getAttribute('aria-invalid'), SOON).toBe('true');
    const problemId = await first.getAttribute('aria-describedby');
    expect(problemId).toBeTruthy();
    expect(await page.locator(`[id="${problemId}"]`).innerText()).toMatch(/EAC/);
    // The focus goes back to the field to fix; the cases are not saved.
    expect(await first.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await main().getByRole('heading', { name: 'Welcome to DACA Watch' }).count()).toBe(1);

    const receipt = preview.info.simulator!.receipts.i821d;
    const spaced = `${receipt.slice(0, 3)} ${receipt.slice(3, 7)} ${receipt.slice(7)}`.toLowerCase();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(spaced);
    expect(await first.getAttribute('aria-invalid')).toBe('false');
    expect(await second.inputValue()).toBe(preview.info.simulator!.receipts.i765);
    await page.keyboard.press('Enter');

    await expect.poll(() => main().getByRole('heading', { name: 'Your renewal', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allInnerTexts()).toEqual([
      'Your renewal',
      'Timeline',
      'What’s new',
      'Documents',
      'Settings',
    ]);
  });

  it('shows the pair: both case cards, read from myUSCIS, under review at story day 70', async () => {
    for (const name of ['DACA request (Form I-821D)', 'Work permit (Form I-765)']) {
      await expect.poll(() => page.getByRole('article', { name }).count(), { timeout: 10_000 }).toBe(1);
    }
    const card = page.getByRole('article', { name: 'DACA request (Form I-821D)' });
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('Case Is Being Actively Reviewed By USCIS');
    expect(await card.innerText()).toContain(preview.info.simulator!.receipts.i821d);
    await expect.poll(() => verdict().getAttribute('data-kind'), SOON).toBe('under-review');
    expect(await page.locator('[data-point]').count()).toBeGreaterThan(0);
  });

  it('finds the silent approval after "Check now": the verdict changes and the timeline gains its point', async () => {
    const goodPoints = page.locator('[data-point].tone-good');
    expect(await goodPoints.count()).toBe(0);
    await simControl(preview.info, 'advance', { phase: 'silent-approval' });
    const checkNow = page.getByRole('banner').getByRole('button', { name: 'Check now' });
    await expect.poll(() => checkNow.isEnabled(), { timeout: 10_000 }).toBe(true);
    await press(checkNow);

    await expect.poll(() => verdict().getAttribute('data-kind'), { timeout: 15_000 }).toBe('silently-approved');
    await expect.poll(() => goodPoints.count(), SOON).toBeGreaterThan(0);
    expect(await goodPoints.last().getAttribute('aria-label')).toMatch(/Approval/);
    // What's new follows the verdict in the same state, drawn a frame later: waited for, not read at once.
    await expect.poll(() => page.locator('#news').innerText(), SOON).toContain('Approval before the status changed');
    // The banner answers the silent approval's questions.
    expect(await page.getByTestId('approval-answers').innerText()).toMatch(/Which form appears approved\n.*Form I-(821D|765)/);
  });

  it('moves between timeline dots with the arrow keys, Home and End; the detail follows the focus', async () => {
    const points = page.locator('[data-point]');
    const count = await points.count();
    expect(count).toBeGreaterThan(2);
    // Roving tabindex: one dot in the Tab order, the newest.
    const inTabOrder = page.locator('[data-point][tabindex="0"]');
    expect(await inTabOrder.count()).toBe(1);
    const focusedPoint = () => page.evaluate(() => document.activeElement?.getAttribute('data-point') ?? null);
    const newestId = async () => (await points.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-point')))).at(-1);
    // The demo goes on while the test walks: a check may add a dot (and re-merge near ones) mid-walk, so the walk to
    // the Tab stop is taken again until it lands on the newest dot with nothing new in between.
    await expect
      .poll(async () => {
        await tabTo(page, inTabOrder);
        return (await focusedPoint()) === (await newestId());
      }, { timeout: 20_000 })
      .toBe(true);
    const ids = await points.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-point')));

    await page.keyboard.press('Home');
    expect(await focusedPoint()).toBe(ids[0]);
    const firstDetail = await page.locator('#timeline-detail').innerText();
    await page.keyboard.press('ArrowRight');
    expect(await focusedPoint()).toBe(ids[1]);
    expect(await page.locator('#timeline-detail').innerText()).not.toBe(firstDetail);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedPoint()).toBe(ids[0]);
    await page.keyboard.press('End');
    expect(await focusedPoint()).toBe(ids.at(-1));
    expect(await page.locator('[data-point][tabindex="0"]').getAttribute('data-point')).toBe(ids.at(-1));
    const focused = page.locator(`[data-point="${ids.at(-1)}"]`);
    expect(await focused.getAttribute('aria-describedby')).toBe('timeline-detail');
    expect(await page.locator('#timeline-detail').innerText()).toMatch(/Approval/);
  });

  it('empties what’s new with "Mark as seen"', async () => {
    const news = page.locator('#news');
    expect(await news.locator('li').count()).toBeGreaterThan(0);
    await press(news.getByRole('button', { name: 'Mark as seen' }), 'Space');
    await expect.poll(() => news.innerText(), SOON).toContain('Nothing new since you last looked.');
    expect(await news.locator('li').count()).toBe(0);
    expect(await news.getByRole('button', { name: 'Mark as seen' }).count()).toBe(0);
  });

  it('switches to Spanish with the header toggle, and back', async () => {
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Español' });
    await press(toggle);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), SOON).toBe('es');
    // The work answer ("can you work today?") comes first, then the sections.
    await expect.poll(() => main().getByRole('heading', { level: 2 }).allInnerTexts(), SOON).toEqual([
      '¿Puede trabajar hoy?',
      'Su renovación',
      'Cronología',
      'Novedades',
      'Documentos',
      'Configuración',
    ]);
    expect(await page.getByRole('navigation', { name: 'Secciones' }).count()).toBe(1);
    expect(await status().innerText()).toContain('Sesión iniciada en myUSCIS');
    expect(await page.getByRole('article', { name: 'Solicitud de DACA (Formulario I-821D)' }).count()).toBe(1);
    // The verdict's kind does not depend on the language.
    expect(await verdict().getAttribute('data-kind')).toBe('silently-approved');

    // The toggle keeps the focus (the same button, now saying "English"), so Enter again switches back.
    const back = page.getByRole('banner').getByRole('button', { name: 'English' });
    expect(await back.evaluate((element) => element === document.activeElement && element.getAttribute('lang') === 'en')).toBe(true);

    // The printable record, in Spanish with masking on: main writes it (the preview's save port), the page says where.
    const settings = page.locator('#settings');
    const mask = settings.getByLabel(/Ocultar la mayor parte de cada número de recibo/);
    await mask.check();
    await expect.poll(() => settings.getByText('✓ Guardado').count(), SOON).toBe(1);
    await settings.getByRole('button', { name: 'Exportar una copia para imprimir' }).click();
    const saved = settings.getByRole('status').filter({ hasText: 'Guardado en' });
    await expect.poll(() => saved.count(), SOON).toBe(1);
    const path = (await saved.innerText()).replace(/^Guardado en /, '').trim();
    const record = readFileSync(path, 'utf8');
    expect(record).toContain('<html lang="es">');
    expect(record).toContain('Registro de la renovación de DACA');
    expect(record).toContain('Aprobación antes del cambio de estatus');
    for (const receipt of Object.values(preview.info.simulator!.receipts)) {
      expect(record).not.toContain(receipt);
      expect(record).toContain(`IOE•••••${receipt.slice(-4)}`);
    }
    await mask.uncheck();
    await back.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), SOON).toBe('en');
    await expect.poll(() => main().getByRole('heading', { name: 'Your renewal', exact: true }).count(), SOON).toBe(1);
  });

  it('turns the page to "not watching" with the time when myUSCIS ends the session, and recovers after signing in again', async () => {
    await simControl(preview.info, 'expire-sessions');
    const banner = page.getByRole('banner');
    // "Check now" finds the session over, unless a scheduled check (at 60x, one every 24 s or so) has just done
    // so and the button has gone; the status below is what counts.
    await banner.getByRole('button', { name: 'Check now' }).press('Enter', { timeout: 2_000 }).catch(() => undefined);
    await expect.poll(() => status().innerText(), { timeout: 10_000 }).toContain('Signed out of myUSCIS');
    // The page says so first, with why and since when (a time, in the page's own format), and the one action.
    const stopped = page.getByTestId('not-watching');
    expect(await stopped.getAttribute('data-reason')).toBe('signed-out');
    expect(await stopped.innerText()).toMatch(/myUSCIS ended the session on \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/);
    expect(await stopped.getByRole('button', { name: 'Sign in to myUSCIS' }).count()).toBe(1);
    const signIn = banner.getByRole('button', { name: 'Sign in to myUSCIS' });
    expect(await signIn.count()).toBe(1);
    expect(await banner.getByRole('button', { name: 'Check now' }).count()).toBe(0);

    await signInThroughTheButton(signIn);
    await expect.poll(() => status().innerText(), { timeout: 10_000 }).toContain('Signed in to myUSCIS');
    expect(await banner.getByRole('button', { name: 'Check now' }).count()).toBe(1);
    expect(await page.getByTestId('not-watching').count()).toBe(0);
    // The pair and its story are kept across the new session.
    expect(await verdict().getAttribute('data-kind')).toBe('silently-approved');
  });
});
