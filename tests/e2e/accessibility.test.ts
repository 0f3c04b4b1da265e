// The dashboard's accessibility in Debian's Chromium: axe-core on the first run and on the pair (under review and
// after the silent approval) in English and Spanish at 360 and 1280 px, no sideways scrolling, every control in
// the Tab order, and no Content-Security-Policy violation anywhere.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe';
import { launchChromium } from '../../scripts/chromium';
import { signInOnSimulatorPages, simControl, startPreview, type PreviewProcess } from '../../scripts/preview-process';

const WIDTHS = [360, 1280] as const;
type Language = 'en' | 'es';

/** For what follows a round trip to the preview: quick, but not within expect.poll's default second on a busy machine. */
const SOON = { timeout: 5_000 };

let preview: PreviewProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every CSP violation the page reported (its event) or Chromium logged (its console error). */
const violations: string[] = [];

beforeAll(async () => {
  // Both started at once; whichever started is stopped in afterAll even when the other failed.
  const [started, launched] = await Promise.allSettled([startPreview(['--no-sign-in']), launchChromium()]);
  if (started.status === 'fulfilled') preview = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  // Runs in every document before its own scripts, whatever its CSP (it comes from the browser, not the page).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/securitypolicyviolation|Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(preview.info.url);
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), preview?.stop()]);
});

/** axe-core in the page, with every <details> open so their contents are checked too; serious and critical only. */
function seriousViolations(): Promise<string[]> {
  return seriousAxeViolations(page, { openDetails: true });
}

interface TabWalk {
  /** The controls reached, described, in the order reached. */
  reached: string[];
  /** Visible, enabled controls the walk never reached. */
  missed: string[];
  /** Controls that had the focus while hidden under the sticky header. */
  underHeader: string[];
}

/**
 * Presses Tab (or Shift+Tab) until the focus comes round to where it started, through the browser's own UI at the
 * end, and says which of the page's visible, enabled controls it reached, missed, or focused under the header.
 */
async function walkTab(key: 'Tab' | 'Shift+Tab'): Promise<TabWalk> {
  const count = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    const groups = new Set<string>();
    const tabbable = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled || !element.checkVisibility()) return false;
      if (!(element instanceof HTMLInputElement) || element.type !== 'radio') return true;
      // A radio group is one Tab stop: its checked radio.
      if (!element.checked || groups.has(element.name)) return false;
      groups.add(element.name);
      return true;
    });
    (window as unknown as { tabbable: HTMLElement[] }).tabbable = tabbable;
    return tabbable.length;
  });
  const visited = new Set<number>();
  const walk: TabWalk = { reached: [], missed: [], underHeader: [] };
  let first: number | undefined;
  // Date and time fields take a Tab per part (hours, minutes…), so the walk ends when the first stop comes round.
  for (let presses = 0; presses < count * 4 + 20; presses += 1) {
    await page.keyboard.press(key);
    const { index, name, hidden } = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      const index = (window as unknown as { tabbable: HTMLElement[] }).tabbable.indexOf(active!);
      if (!active || index < 0) return { index, name: '', hidden: false };
      const label = active.getAttribute('aria-label') ?? (active as HTMLInputElement).labels?.[0]?.textContent ?? active.textContent ?? '';
      const name = `${active.tagName.toLowerCase()} "${label.trim().slice(0, 40) || active.id}"`;
      const header = document.querySelector('header')!;
      const stuck = getComputedStyle(header).position === 'sticky' && !header.contains(active) && !active.classList.contains('skip');
      return { index, name, hidden: stuck && active.getBoundingClientRect().top < header.getBoundingClientRect().bottom };
    });
    if (index < 0) continue;
    if (index === first && visited.size > 1) break;
    first ??= index;
    if (!visited.has(index)) walk.reached.push(name);
    if (hidden) walk.underHeader.push(name);
    visited.add(index);
  }
  walk.missed = await page.evaluate(
    (seen) =>
      (window as unknown as { tabbable: HTMLElement[] }).tabbable
        // The page is live (the engine pushes new states): a control redrawn during the walk left the page.
        .filter((element, index) => !seen.includes(index) && element.isConnected)
        .map((element) => {
          const label = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
          return `${element.tagName.toLowerCase()}#${element.id} "${label.trim().slice(0, 40)}"`;
        }),
    [...visited],
  );
  return walk;
}

async function setLanguage(language: Language): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page.getByRole('banner').getByRole('button', { name: language === 'es' ? 'Español' : 'English' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), SOON).toBe(language);
}

/** Every width and language of the screen on show: axe, sideways scrolling and the Tab order. */
async function checkScreen(screen: string, keyControls: Record<Language, RegExp[]>): Promise<void> {
  for (const language of ['en', 'es'] as const) {
    await setLanguage(language);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const where = `${screen}, ${language}, ${width} px`;

      expect(await seriousViolations(), `axe on ${where}`).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `page width on ${where}`).toBeLessThanOrEqual(width);

      // Forwards, then backwards where the header is sticky: Shift+Tab scrolls each control to the top edge.
      for (const key of width === 360 ? (['Tab'] as const) : (['Tab', 'Shift+Tab'] as const)) {
        const { reached, missed, underHeader } = await walkTab(key);
        expect(missed, `controls ${key} never reached on ${where}; reached: ${reached.join(' | ')}`).toEqual([]);
        expect(underHeader, `controls focused under the sticky header with ${key} on ${where}`).toEqual([]);
        for (const control of keyControls[language]) {
          expect(reached.some((name) => control.test(name)), `${control} in the Tab order on ${where}: ${reached.join(' | ')}`).toBe(true);
        }
      }
    }
  }
  await setLanguage('en');
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the dashboard’s accessibility', () => {
  it('first run: no serious axe violations, no sideways scrolling, every control reachable by Tab', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to DACA Watch' }).count(), SOON).toBe(1);
    await checkScreen('the first run', {
      en: [/^a "Skip to content"/, /^button "Español"/, /^button "Sign in to myUSCIS"/, /^input "First receipt number"/, /^input "Second receipt number"/, /^button "Save and start watching"/],
      es: [/^a "Saltar al contenido"/, /^button "English"/, /^button "Iniciar sesión en myUSCIS"/, /^input "Primer número de recibo"/, /^button "Guardar y empezar el seguimiento"/],
    });
  });

  it('the pair under review, then after the silent approval: the same, in both languages and widths', async () => {
    await signInOnSimulatorPages(context, preview.info);
    await expect.poll(() => page.getByText('You are signed in.').count(), { timeout: 10_000 }).toBe(1);
    const { i821d, i765 } = preview.info.simulator!.receipts;
    await page.getByLabel('First receipt number').fill(i821d);
    await page.getByLabel('Second receipt number').fill(i765);
    await page.getByRole('button', { name: 'Save and start watching' }).click();
    const verdict = page.getByTestId('pair-verdict');
    await expect.poll(() => verdict.getAttribute('data-kind'), { timeout: 15_000 }).toBe('under-review');
    await expect.poll(() => page.locator('.case dd').allInnerTexts(), { timeout: 15_000 }).toContain('Case Is Being Actively Reviewed By USCIS');

    const pairControls: Record<Language, RegExp[]> = {
      en: [/^a "Skip to content"/, /^button "Español"/, /^button "Check now"/, /^a "Your renewal"/, /^a "Settings"/, /^button ".*entr(y|ies)/, /^summary "What this rests on"/, /^button "Erase everything…"/],
      es: [/^a "Saltar al contenido"/, /^button "English"/, /^button "Revisar ahora"/, /^a "Su renovación"/, /^a "Configuración"/, /^button "Borrar todo…"/],
    };
    await checkScreen('the pair under review', pairControls);

    await simControl(preview.info, 'advance', { phase: 'silent-approval' });
    await page.getByRole('banner').getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => verdict.getAttribute('data-kind'), { timeout: 15_000 }).toBe('silently-approved');
    const afterApproval = (controls: RegExp[]) => controls.filter((control) => !String(control).includes('What this rests on'));
    await checkScreen('the pair after the silent approval', {
      en: [...afterApproval(pairControls.en), /^button "Mark as seen"/, /^button "Open my case on myUSCIS"/, /^summary "How DACA Watch knows"/, /^summary "Advanced"/],
      es: [...pairControls.es, /^button "Marcar como visto"/, /^button "Abrir mi caso en myUSCIS"/, /^summary "Opciones avanzadas"/],
    });
    // Eight axe runs and Tab walks: about 13 s on a quiet machine, nearer 30 on a loaded one.
  }, 90_000);

  it('takes each section link to its section, the heading in view below the sticky header', async () => {
    const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
    for (const name of await links.allInnerTexts()) {
      await links.filter({ hasText: name }).press('Enter');
      const heading = page.getByRole('main').getByRole('heading', { level: 2, name, exact: true });
      await expect.poll(() => heading.evaluate((element) => element === document.activeElement || element.closest('section:target') !== null), SOON).toBe(true);
      const [top, headerBottom] = await heading.evaluate((element) => [element.getBoundingClientRect().top, document.querySelector('header')!.getBoundingClientRect().bottom]);
      expect(top, `"${name}" heading below the header`).toBeGreaterThanOrEqual(headerBottom!);
    }
  });

  it('logged no Content-Security-Policy violation on any of it', () => {
    expect(violations).toEqual([]);
  });
});
