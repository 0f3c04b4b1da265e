// Issue 24, item 5, in Debian's Chromium on the built dashboard over a stand-in preload: the renewal calendar shows
// USCIS's published times for the pending renewal (the window, not a prediction; the inquiry line; the gap risk; the
// steps only when a gap is likely), computed by app/dashboard-state.ts from a stored state whose processingTimes hold
// egov answers in the published shape; the banner points to it when the gap is likely. Both languages; axe at 360 and
// 1280 px; the banner's line in the first viewport at 390x844.

import { describe, expect, it } from 'vitest';
import { forecastViewOf } from '../../app/dashboard-state';
import { decisionWindow } from '../../shared/knowledge/processing-forecast';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import { storedFigures } from '../../shared/knowledge/stored-figures';
import { seriousAxeViolations } from '../helpers/axe';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { PT_FILED, PT_TODAY, publishedTimesState } from '../helpers/published-times-state';
import { servedDashboardSuite } from '../helpers/dashboard-suite';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/New_York';
const NOW = `${PT_TODAY}T15:20:00.000Z`;

const suite = servedDashboardSuite({ timezoneId: TIME_ZONE });
const open = suite.open;

/** The dashboard state main would send for the stored state: its cases, snapshots, settings and forecast view. */
function dashboardOf(options: Parameters<typeof publishedTimesState>[0]) {
  const stored = publishedTimesState(options);
  const state = exampleDashboardState({
    lastCheckAt: NOW,
    snapshots: stored.snapshots,
    history: [],
    settings: stored.settings,
    forecast: forecastViewOf(stored, PT_TODAY, TIME_ZONE),
    now: NOW,
  });
  return { state, window: decisionWindow(PT_FILED, storedFigures(stored)['I-821D'].figure!) };
}

describe('USCIS’s published times in the renewal calendar', { timeout: 60_000 }, () => {
  it('gap likely, in English at 1280: the window with its date, not a prediction, the steps, the banner’s line; axe clean', async () => {
    const { state, window: range } = dashboardOf({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: [7, 10] });
    const page = await open(state, { width: 1280 });
    const section = page.getByTestId('published-times');
    await section.waitFor(SOON);
    expect(await section.getAttribute('data-gap-risk')).toBe('likely');
    const first = section.getByTestId('published-case').first();
    const text = await first.innerText();
    expect(text).toContain(`between ${formatCivilDay(range.from, 'en')} and ${formatCivilDay(range.to, 'en')}`);
    expect(text).toContain(formatCivilDay('2026-11-20', 'en'));
    expect(text).toMatch(/not a prediction/i);
    expect(await first.getByTestId('published-inquiry').innerText()).not.toBe('');
    expect(await first.getByTestId('published-steps').locator('li').count()).toBeGreaterThan(0);
    const gap = page.getByTestId('work-gap');
    expect(await gap.innerText()).toContain('after your work permit expires');
    expect(await gap.locator('a').getAttribute('href')).toBe('#published-times');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('gap likely, in Spanish at 390x844: the banner’s line right under its headline in the first viewport; at 360 axe clean', async () => {
    const { state, window: range } = dashboardOf({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: [7, 10] });
    const page = await open(state, { locale: 'es-MX', width: 390, height: 844 });
    const banner = page.getByTestId('work-answer');
    await banner.waitFor(SOON);
    expect(await banner.getByTestId('work-gap').innerText()).toContain('vea lo que hace la gente');
    // The line sits right under the headline, both in the first viewport (the banner's longer detail may run below).
    const headline = await banner.locator('.work-headline').boundingBox();
    const line = await banner.getByTestId('work-gap').boundingBox();
    expect(line!.y).toBeGreaterThan(headline!.y);
    expect(line!.y + line!.height).toBeLessThanOrEqual(844);
    const section = page.getByTestId('published-times');
    const text = await section.innerText();
    expect(text).toContain('Tiempos de trámite publicados por USCIS');
    expect(text).toContain(`entre el ${formatCivilDay(range.from, 'es')} y el ${formatCivilDay(range.to, 'es')}`);
    expect(text).toContain('Lo que hace la gente');
    const narrow = await open(state, { locale: 'es-MX', width: 360 });
    await narrow.getByTestId('published-times').waitFor(SOON);
    await narrow.locator('#settings').waitFor(SOON);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(narrow)).toEqual([]);
  });

  for (const language of [{ locale: 'en-US', lang: 'en' }, { locale: 'es-MX', lang: 'es' }] as const) {
    it(`gap none with the widest range and a 204 for the I-765, in ${language.lang}: no steps, no banner line, said plainly`, async () => {
      const { state } = dashboardOf({ permitExpiry: '2027-03-01', i821d: [4, 6], i765: null, office: false });
      const page = await open(state, { locale: language.locale, width: 1280 });
      const section = page.getByTestId('published-times');
      await section.waitFor(SOON);
      expect(await section.getByTestId('published-steps').count()).toBe(0);
      expect(await page.getByTestId('work-gap').count()).toBe(0);
      expect(await section.getByTestId('published-widest').innerText()).toContain(language.lang === 'en' ? 'longest time USCIS publishes' : 'el tiempo más largo');
      expect(await section.getByTestId('published-none').innerText()).toContain(language.lang === 'en' ? 'no processing time for Form I-765' : 'ningún tiempo de trámite para el formulario I-765');
      if (language.lang === 'es') expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
});
