// Issue 23, item 1, in Debian's Chromium on the built dashboard over a stand-in preload: "can I work today" is the
// first thing on the page. An expired permit with the renewal pending shows in the first viewport at 1280x800 and
// 390x844 in English and Spanish, with no "nothing is needed" anywhere; expiring soon counts the days; no expiry
// entered offers the one step (focus the expiry input); renewed gives the new card's dates. Axe at 360 and 1280 px.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMediumDay } from '../../shared/format-date';
import type { DashboardState } from '../../shared/ipc/contract';
import { addDays, daysBetween } from '../../shared/knowledge/calendar-days';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { seriousAxeViolations } from '../helpers/axe';
import { firstRunState, I765, I821D, silentApprovalState } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { servedDashboardSuite } from '../helpers/dashboard-suite';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/New_York';
/** Mid-morning in New York: the civil day is TODAY. */
const NOW = '2026-09-12T15:20:00.000Z';
const TODAY = '2026-09-12';
const FILED = '2026-05-29';

const suite = servedDashboardSuite({ timezoneId: TIME_ZONE });
const open = suite.open;

/** The pair pending since FILED, both under review (the receipt emailed, then review), read at NOW. */
function pendingState(permitExpiry: string | null): DashboardState {
  const snapshot = (form: string) =>
    CaseSnapshotSchema.parse({
      detail: {
        at: NOW,
        formType: form,
        submissionDate: FILED,
        events: [
          { eventId: 'IAF-0', eventCode: 'IAF', eventTimestamp: `${FILED}T13:00:00.000Z`, createdAtTimestamp: `${FILED}T13:00:00.000Z` },
          { eventId: 'FTA0-1', eventCode: 'FTA0', eventTimestamp: '2026-07-20T14:00:00.000Z', createdAtTimestamp: '2026-07-20T14:00:00.000Z' },
        ],
        notices: [],
      },
      status: { at: NOW, code: 'FTA0', title: 'Case Is Being Actively Reviewed By USCIS', history: [] },
      documents: { at: NOW, items: [] },
    });
  return exampleDashboardState({
    lastCheckAt: NOW,
    snapshots: { [I821D]: snapshot('I-821D'), [I765]: snapshot('I-765') },
    history: [],
    settings: SettingsSchema.parse({ permitExpiry }),
    now: NOW,
  });
}

/** Every text on the page once the last part (settings) is drawn, closed details included. */
async function wholeText(page: Page): Promise<string> {
  await page.locator('#settings').waitFor(SOON);
  return page.evaluate(() => document.body.textContent ?? '');
}

const NOTHING_NEEDED = /nothing is needed|need to do anything|nothing due|no tiene que hacer nada|nada pendiente/i;

describe('expired, renewal pending (the issue’s case: expired 36 days ago, pending 106 days)', { timeout: 60_000 }, () => {
  const expiry = addDays(TODAY, -36);
  const sizes = [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ];
  const languages = [
    { locale: 'en-US', lang: 'en', headline: `You cannot work right now: your work permit expired on ${formatCivilDay(expiry, 'en')}`, question: 'Can you work today?' },
    { locale: 'es-MX', lang: 'es', headline: `Ahora no puede trabajar: su permiso de trabajo venció el ${formatCivilDay(expiry, 'es')}`, question: '¿Puede trabajar hoy?' },
  ] as const;

  for (const size of sizes) {
    for (const language of languages) {
      it(`is first, in the first viewport at ${size.width}x${size.height} in ${language.lang}, and nothing says "nothing is needed"`, async () => {
        const page = await open(pendingState(expiry), { locale: language.locale, ...size });
        const banner = page.getByRole('region', { name: language.question });
        await banner.waitFor(SOON);
        expect(await banner.getAttribute('data-kind')).toBe('expired-pending');
        expect(await banner.locator('.work-headline').innerText()).toBe(language.headline);
        const box = await banner.boundingBox();
        expect(box, 'the banner has a box').not.toBeNull();
        expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
        // Above the pair's verdict.
        const verdict = await page.getByTestId('pair-verdict').boundingBox();
        expect(box!.y).toBeLessThan(verdict!.y);
        const text = await banner.innerText();
        expect(text).toContain(language.lang === 'en' ? 'Tell your employer: your card expired on' : 'Informe a su empleador: su tarjeta venció el');
        expect(text).toContain(language.lang === 'en' ? 'You can ask USCIS about your case now' : 'Ya puede preguntar a USCIS por su caso');
        expect(text).toContain('(c)(33)');
        expect(await wholeText(page)).not.toMatch(NOTHING_NEEDED);
        if (size.width === 1280 && language.lang === 'en') expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  }

  it('passes axe at 360 px in Spanish, and the past expiry reads in the past tense on the cards', async () => {
    const page = await open(pendingState(expiry), { locale: 'es-MX', width: 360 });
    await page.getByTestId('work-answer').waitFor(SOON);
    const text = await wholeText(page);
    // The I-765 card and the day-105 checklist: "venció el", never "vence el", for the past day (medium and long forms).
    for (const shown of [formatMediumDay(expiry, 'es'), formatCivilDay(expiry, 'es')]) {
      expect(text).toContain(`enció el ${shown}`);
      expect(text).not.toContain(`ence el ${shown}`);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('expiring soon', { timeout: 60_000 }, () => {
  it('counts the days left from the fixture’s dates, in both languages', async () => {
    const expiry = '2026-10-15';
    const days = daysBetween(TODAY, expiry);
    const en = await open(pendingState(expiry), { width: 390, height: 844 });
    const banner = en.getByTestId('work-answer');
    await banner.waitFor(SOON);
    expect(await banner.getAttribute('data-kind')).toBe('expiring-soon');
    expect(await banner.locator('.work-headline').innerText()).toBe(`You can work until ${formatCivilDay(expiry, 'en')}: your work permit expires in ${days} days`);
    const box = await banner.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    expect(await wholeText(en)).not.toMatch(NOTHING_NEEDED);
    const es = await open(pendingState(expiry), { locale: 'es-MX' });
    await es.getByTestId('work-answer').waitFor(SOON);
    expect(await es.getByTestId('work-answer').locator('.work-headline').innerText()).toContain(`vence en ${days} días`);
  });
});

describe('no expiry entered', { timeout: 60_000 }, () => {
  it('offers the one step: the button moves focus to the expiry input in Settings', async () => {
    const page = await open(pendingState(null));
    const banner = page.getByTestId('work-answer');
    await banner.waitFor(SOON);
    expect(await banner.getAttribute('data-kind')).toBe('unknown');
    await page.locator('#settings').waitFor(SOON);
    await banner.getByRole('button', { name: 'Enter the expiry date' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), SOON).toBe('permit-expiry');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('in Spanish, the same step', async () => {
    const page = await open(pendingState(null), { locale: 'es-MX', width: 360 });
    await page.locator('#settings').waitFor(SOON);
    await page.getByRole('button', { name: 'Escribir la fecha de vencimiento' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), SOON).toBe('permit-expiry');
  });
});

describe('renewed', { timeout: 60_000 }, () => {
  it('gives the new card’s dates: estimated from the approval, then as entered', async () => {
    // The I-765's approval document on Aug 12, 2026; the old card valid until Aug 15.
    const estimated = await open(silentApprovalState());
    const banner = estimated.getByTestId('work-answer');
    await banner.waitFor(SOON);
    expect(await banner.getAttribute('data-kind')).toBe('renewed');
    const text = await banner.innerText();
    expect(text).toContain(`New card: valid from ${formatCivilDay('2026-08-12', 'en')} to about ${formatCivilDay(addDays('2028-08-12', -1), 'en')} (estimated`);
    expect(text).toContain(`you can keep working with your current card, valid until ${formatCivilDay('2026-08-15', 'en')}`);

    const entered = await open(silentApprovalState({ settings: SettingsSchema.parse({ permitExpiry: '2026-08-01', newCardValidFrom: '2026-08-12', newCardExpiry: '2028-08-11' }) }), { locale: 'es-MX', width: 390, height: 844 });
    const es = entered.getByTestId('work-answer');
    await es.waitFor(SOON);
    const words = await es.innerText();
    expect(words).toContain(`Nueva tarjeta: válida desde el ${formatCivilDay('2026-08-12', 'es')} hasta el ${formatCivilDay('2028-08-11', 'es')} (según las fechas que usted escribió)`);
    expect(words).toContain('el aviso de aprobación por sí solo no basta');
    expect(await wholeText(entered)).not.toMatch(NOTHING_NEEDED);
  });
});

describe('the first run', { timeout: 60_000 }, () => {
  it('shows the answer first once an expiry is known (not filed: file now), and not before', async () => {
    // The samples' first run is on Aug 12, 2026 (NOW in dashboard-state-samples).
    const expiry = '2026-10-01';
    const days = daysBetween('2026-08-12', expiry);
    const page = await open(firstRunState({ settings: SettingsSchema.parse({ permitExpiry: expiry }) }), { width: 390, height: 844 });
    const banner = page.getByTestId('work-answer');
    await banner.waitFor(SOON);
    expect(await banner.getAttribute('data-kind')).toBe('expiring-soon');
    expect(await banner.locator('.work-headline').innerText()).toContain(`expires in ${days} days`);
    expect(await banner.innerText()).toContain('File your DACA renewal (Forms I-821D and I-765) now.');
    const box = await banner.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    const welcome = await page.getByRole('heading', { name: 'Welcome to DACA Watch' }).boundingBox();
    expect(box!.y).toBeLessThan(welcome!.y);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const none = await open(firstRunState());
    await none.getByRole('heading', { name: 'Welcome to DACA Watch' }).waitFor(SOON);
    expect(await none.getByTestId('work-answer').count()).toBe(0);
  });
});
