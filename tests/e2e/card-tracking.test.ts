// Issue 24, item 4, in Debian's Chromium on the built dashboard over a stand-in preload: the work permit's case card
// follows the new card from "mailed" to in hand. Mailed with a tracking number: the number (in groups of four) and a
// button that asks main to open USPS's tracking page for exactly that number; late and returned: what to do, with
// USCIS's pages as buttons; English and Spanish; axe clean at 1280 and 360 px.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DashboardState } from '../../shared/ipc/contract';
import { CARD_PAGES, formatTrackingNumber, uspsTrackingUrl } from '../../shared/knowledge/card-tracking';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { seriousAxeViolations } from '../helpers/axe';
import { I765, I821D } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { recordedCalls } from '../../scripts/served-dashboard';
import { servedDashboardSuite } from '../helpers/dashboard-suite';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/Chicago';
const NUMBER = '9205590164917312345678';
const MAILED_ON = '2026-12-01';

const suite = servedDashboardSuite({ opens: true, timezoneId: TIME_ZONE });
const open = suite.open;

/** The pair approved, the I-765's card at `code` with USCIS's `title` and status text, read at `now`. */
function cardState(now: string, code: string, title: string, text: string): DashboardState {
  const snapshot = (form: 'I-821D' | 'I-765', events: Array<[string, string]>, status: { code: string; title: string; text?: string; date: string }) =>
    CaseSnapshotSchema.parse({
      detail: {
        at: now,
        formType: form,
        submissionDate: '2026-07-20',
        events: events.map(([eventCode, eventTimestamp], index) => ({ eventId: `${eventCode}-${index}`, eventCode, eventTimestamp, createdAtTimestamp: eventTimestamp })),
        notices: [],
      },
      status: { at: now, ...status, office: 'NEBRASKA SERVICE CENTER', history: [] },
      documents: { at: now, items: [] },
    });
  const approved = '2026-11-25T14:00:00.000Z';
  return exampleDashboardState({
    lastCheckAt: now,
    snapshots: {
      [I821D]: snapshot('I-821D', [['IAF', '2026-07-20T13:00:00.000Z'], ['DA', approved]], { code: 'DA', title: 'Case Was Approved', date: approved }),
      [I765]: snapshot('I-765', [['IAF', '2026-07-20T13:00:00.000Z'], ['DA', approved], ['LDA', '2026-11-27T14:00:00.000Z'], ['LEA', `${MAILED_ON}T07:15:00.000Z`]], { code, title, text, date: `${MAILED_ON}T07:15:00.000Z` }),
    },
    history: [],
    settings: SettingsSchema.parse({ permitExpiry: '2027-01-15' }),
    now,
  });
}

const MAILED_TEXT = `On December 1, 2026, we mailed your new card for Receipt Number ${I765} to the address you gave us. The tracking number assigned is ${NUMBER}.`;
const mailed = (now: string) => cardState(now, 'LEA', 'Card Was Mailed To Me', MAILED_TEXT);

/** The addresses the page asked main to open in the browser, in order. */
async function opened(page: Page): Promise<unknown[]> {
  return (await recordedCalls(page)).filter((call) => call.method === 'openExternal').map((call) => call.request);
}

async function cardSection(page: Page) {
  const section = page.getByTestId('card-tracking');
  await section.waitFor(SOON);
  return section;
}

describe('the new card in the mail, on the work permit’s card', { timeout: 60_000 }, () => {
  it.each([
    { locale: 'en-US', heading: 'Your new card in the mail', label: 'USPS tracking number', button: 'Track it on USPS’s site \\(number', headline: 'USCIS mailed your new card on December 1, 2026, 3 days ago' },
    { locale: 'es-MX', heading: 'Su nueva tarjeta en el correo', label: 'Número de rastreo de USPS', button: 'Rastrearla en el sitio de USPS \\(número', headline: 'USCIS envió su nueva tarjeta por correo el 1 de diciembre de 2026, hace 3 días' },
  ])('$locale: the stage, the number in groups of four, and a button that opens USPS’s page for exactly that number', async ({ locale, heading, label, button, headline }) => {
    const page = await open(mailed('2026-12-04T16:00:00.000Z'), { locale });
    const section = await cardSection(page);
    expect(await section.getAttribute('data-step')).toBe('mailed');
    await expect.poll(() => section.getByRole('heading', { level: 4 }).textContent()).toBe(heading);
    expect(await section.getByTestId('card-headline').textContent()).toContain(headline);
    expect(await section.locator('dt').textContent()).toBe(label);
    expect(await section.getByTestId('tracking-number').textContent()).toBe(formatTrackingNumber(NUMBER));
    // The number is shown on the I-765's card only.
    expect(await page.getByTestId('card-tracking').count()).toBe(1);
    const track = section.getByRole('button', { name: new RegExp(`^${button} ${formatTrackingNumber(NUMBER)}`) });
    await track.click();
    await expect.poll(() => opened(page)).toEqual([{ url: uspsTrackingUrl(NUMBER) }]);
    expect(await section.getByTestId('card-advice').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('hidden like a receipt when receipts are hidden for screenshots; the button still opens the whole number', async () => {
    const state = mailed('2026-12-04T16:00:00.000Z');
    const page = await open({ ...state, settings: SettingsSchema.parse({ ...state.settings, maskReceipts: true }) });
    const section = await cardSection(page);
    expect(await section.getByTestId('tracking-number').textContent()).toBe(formatTrackingNumber(NUMBER, true));
    expect(await page.locator('body').textContent()).not.toContain(formatTrackingNumber(NUMBER));
    await section.getByTestId('track-on-usps').click();
    await expect.poll(() => opened(page)).toEqual([{ url: uspsTrackingUrl(NUMBER) }]);
  });

  it('late (12 days without a delivery), at 360 px in Spanish: what to do, with USCIS’s two pages as buttons', async () => {
    const page = await open(mailed('2026-12-13T16:00:00.000Z'), { locale: 'es-MX', width: 360 });
    const section = await cardSection(page);
    expect(await section.getAttribute('data-late')).toBe('true');
    const advice = await section.getByTestId('card-advice').textContent();
    expect(advice).toContain('número de rastreo en el sitio de USPS');
    expect(advice).toContain('31 de diciembre de 2026');
    expect(advice).toContain('consejo de DACA Watch, no una regla de USCIS');
    await section.getByRole('button', { name: 'Cambio de dirección de USCIS (se abre en su navegador)' }).click();
    await expect.poll(() => opened(page)).toEqual([{ url: CARD_PAGES.addressChange }]);
    // Nothing runs off the narrow screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('returned to USCIS, at 360 px in English: contact USCIS and check the address; no tracking button without a number', async () => {
    const page = await open(cardState('2026-12-09T16:00:00.000Z', 'LFA', 'Card Was Returned To USCIS', 'The Post Office returned your new card to us because it could not be delivered.'), { width: 360 });
    const section = await cardSection(page);
    expect(await section.getAttribute('data-step')).toBe('returned');
    expect(await section.getByTestId('card-headline').textContent()).toContain('returned it to USCIS');
    expect(await section.getByTestId('card-advice').textContent()).toMatch(/USCIS Contact Center.*mailing address USCIS has for you/s);
    expect(await section.getByTestId('tracking-number').count()).toBe(0);
    await section.getByRole('button', { name: 'USCIS Contact Center (opens in your browser)' }).click();
    await expect.poll(() => opened(page)).toEqual([{ url: CARD_PAGES.contactCenter }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
