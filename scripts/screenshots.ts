// `npm run screenshots`: the dashboard's main screens in English and Spanish, taken from the browser preview in
// Debian's Chromium into docs/screenshots/. Development only: it starts its own previews and changes nothing else.

import { mkdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { simControl, startPreview, type PreviewProcess } from './preview-process';

const OUT_DIR = join(import.meta.dirname, '..', 'docs', 'screenshots');
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 360, height: 780 };
const SIZE_LIMIT = 300 * 1024;
type Language = 'en' | 'es';

const taken: string[] = [];

/**
 * A page on the preview. `storyTime` fixes the page's clock to the simulator's: the story runs ahead of the wall
 * clock, and the dashboard's "today" (its own clock) must be the story's day for the pictures to add up.
 */
async function newPage(browser: Browser, preview: PreviewProcess, viewport: { width: number; height: number }, storyTime?: string): Promise<Page> {
  // Light scheme, one time zone and no motion: the same screens on every machine that runs this.
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'America/New_York', colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  if (storyTime) await page.clock.setFixedTime(new Date(storyTime));
  await page.goto(preview.info.url);
  await page.getByRole('banner').getByRole('status').waitFor();
  return page;
}

async function setLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page.getByRole('banner').getByRole('button', { name: language === 'es' ? 'Español' : 'English' }).click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, language);
}

/**
 * The whole page, or the part from `from`'s top (the page's top when absent) to `to`'s bottom. Always rendered as
 * one full-height page, so the header that sticks to the top of the window stays at the top and covers nothing.
 */
async function shoot(page: Page, name: string, region?: { to: string; from?: string }): Promise<void> {
  const path = join(OUT_DIR, `${name}.png`);
  await page.evaluate(() => document.fonts.ready);
  let clip: { x: number; y: number; width: number; height: number } | undefined;
  if (region) {
    const edge = (selector: string, side: 'top' | 'bottom') =>
      page.locator(selector).evaluate((element, which) => element.getBoundingClientRect()[which] + window.scrollY, side);
    const top = region.from ? Math.max(0, (await edge(region.from, 'top')) - 16) : 0;
    const bottom = (await edge(region.to, 'bottom')) + 16;
    clip = { x: 0, y: top, width: page.viewportSize()!.width, height: bottom - top };
  }
  await page.screenshot({ path, fullPage: true, ...(clip ? { clip } : {}) });
  const size = statSync(path).size;
  taken.push(`${relative(process.cwd(), path)}  ${(size / 1024).toFixed(0)} KB${size > SIZE_LIMIT ? '  (over 300 KB!)' : ''}`);
}

/** Both languages of one screen. */
async function shootBoth(page: Page, name: string, prepare: (language: Language) => Promise<{ to: string; from?: string } | undefined>): Promise<void> {
  for (const language of ['en', 'es'] as const) {
    await setLanguage(page, language);
    await shoot(page, `${name}-${language}`, await prepare(language));
  }
  await setLanguage(page, 'en');
}

mkdirSync(OUT_DIR, { recursive: true });
const browser = await launchChromium();
const previews: PreviewProcess[] = [];
try {
  // The first run: a new store, signed out.
  const firstRun = await startPreview(['--no-sign-in']);
  previews.push(firstRun);
  const welcome = await newPage(browser, firstRun, WIDE);
  await welcome.getByRole('heading', { name: 'Welcome to DACA Watch' }).waitFor();
  await shootBoth(welcome, 'first-run', async () => undefined);
  await firstRun.stop();

  // The demo pair, signed in, at the silent approval: the approval documents are there, the titles still say review.
  const demo = await startPreview([]);
  previews.push(demo);
  const { now } = (await simControl(demo.info, 'advance', { phase: 'silent-approval' })) as { now: string };
  const isApproved = () => document.querySelector('[data-testid="pair-verdict"]')?.getAttribute('data-kind') === 'silently-approved';
  const page = await newPage(browser, demo, WIDE, now);
  // click() waits for the button to be enabled (it is not while the first check runs).
  await page.getByRole('banner').getByRole('button', { name: 'Check now' }).click();
  await page.waitForFunction(isApproved);
  // The silent approval's answers (which form, what shows it, what is pending, what next) are open on the banner.
  await page.getByTestId('approval-answers').waitFor();

  await shootBoth(page, 'pair-silent-approval', async () => ({ to: '#renewal' }));
  await shootBoth(page, 'timeline-detail', async () => {
    // The silent approval's dot, focused as from the keyboard: its detail opens below the drawing.
    await page.locator('[data-point].tone-good').first().focus();
    return { from: '#timeline', to: '#timeline' };
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shootBoth(page, 'settings', async () => {
    await page.locator('#settings details.advanced').evaluate((details) => ((details as HTMLDetailsElement).open = false));
    return { from: '#settings', to: '#settings' };
  });

  const narrow = await newPage(browser, demo, NARROW, now);
  await narrow.waitForFunction(isApproved);
  await shoot(narrow, 'pair-silent-approval-360-en', { to: '#renewal' });

  // myUSCIS ends the session: the page says first that DACA Watch is not watching, why, since when, and what to do.
  await simControl(demo.info, 'expire-sessions');
  await page.getByRole('banner').getByRole('button', { name: 'Check now' }).click({ timeout: 5_000 }).catch(() => undefined);
  await page.getByTestId('not-watching').waitFor({ timeout: 20_000 });
  await shootBoth(page, 'not-watching', async () => ({ to: '.verdict' }));
} finally {
  await browser.close();
  await Promise.all(previews.map((preview) => preview.stop()));
}
process.stdout.write(`${taken.join('\n')}\n`);
