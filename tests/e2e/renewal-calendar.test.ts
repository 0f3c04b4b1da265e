// Issue 14 in Debian's Chromium, on the built dashboard over a stand-in preload: the filing window before filing, the
// day-105 inquiry prompt and its USCIS link, the new card's estimate and printed dates, the employer sheet's export and
// the sheet itself in English and Spanish; axe-core (serious and critical) at 360 and 1280 px, no CSP violation.

import { describe, expect, it } from 'vitest';
import { employerSheet } from '../../app/employer-sheet';
import type { DashboardState } from '../../shared/ipc/contract';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { seriousAxeViolations } from '../helpers/axe';
import { cardDeliveredState, firstRunState, I765, I821D } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { recordedCalls } from '../../scripts/served-dashboard';
import { servedDashboardSuite } from '../helpers/dashboard-suite';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/New_York';

const suite = servedDashboardSuite({ timezoneId: TIME_ZONE });
/** A new page in a browser set to `locale`, on the dashboard answering with `state`. */
const open = suite.open;

/** The pair pending since 2026-05-29, both under review, read at `now`: day 105 is 2026-09-11. */
function pendingState(now: string, settings: Record<string, unknown> = {}): DashboardState {
  const snapshot = (form: string) =>
    CaseSnapshotSchema.parse({
      detail: { at: now, formType: form, submissionDate: '2026-05-29', events: [], notices: [] },
      status: { at: now, code: 'FTA0', title: 'Case Is Being Actively Reviewed By USCIS', history: [] },
      documents: { at: now, items: [] },
    });
  return exampleDashboardState({ lastCheckAt: now, snapshots: { [I821D]: snapshot('I-821D'), [I765]: snapshot('I-765') }, history: [], settings: SettingsSchema.parse({ permitExpiry: '2026-10-15', ...settings }), now });
}

describe('before filing (no receipts, only the card’s expiry)', { timeout: 60_000 }, () => {
  it('shows the recommended window and the days left, and the expiry typed on the first run is saved', async () => {
    const page = await open(firstRunState({ settings: SettingsSchema.parse({ permitExpiry: '2026-12-30' }) }));
    const filing = page.getByTestId('filing-window');
    await filing.waitFor(SOON);
    expect(await filing.getAttribute('data-phase')).toBe('open');
    const text = await filing.innerText();
    expect(text).toContain('Expires Dec 30, 2026 · 140 days left');
    expect(text).toContain('USCIS recommends filing between Aug 2, 2026 and Sep 1, 2026');
    await page.getByLabel('Expiry date on your current work permit card').fill('2027-02-01');
    await page.getByLabel('Expiry date on your current work permit card').dispatchEvent('change');
    await expect.poll(async () => (await recordedCalls(page)).filter((c) => c.method === 'updateSettings').map((c) => c.request), SOON).toContainEqual({ permitExpiry: '2027-02-01' });
    await expect.poll(() => filing.innerText(), SOON).toContain('The window opens in 23 days');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('in Spanish, at 360 px', async () => {
    const page = await open(firstRunState({ settings: SettingsSchema.parse({ permitExpiry: '2026-12-30' }) }), { locale: 'es-MX', width: 360 });
    const filing = page.getByTestId('filing-window');
    await filing.waitFor(SOON);
    expect(await filing.innerText()).toContain('USCIS recomienda presentarla entre el 2 ago 2026 y el 1 sept 2026');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('day 105', { timeout: 60_000 }, () => {
  it('prompts the inquiry with what to have ready, and opens USCIS’s page through main', async () => {
    const page = await open(pendingState('2026-09-11T15:20:00.000Z', { maskReceipts: true }));
    const prompt = page.getByTestId('inquiry-prompt');
    await prompt.waitFor(SOON);
    const text = await prompt.innerText();
    expect(text).toContain('You can ask USCIS about your renewal');
    expect(text).toContain('pending 105 days');
    expect(text).toContain('Your receipt numbers: IOE•••••2457, IOE•••••2458.');
    expect(text).toContain('Your current (c)(33) work permit expires on October 15, 2026.');
    expect(text).not.toContain('Past USCIS’s 120-day goal');
    await prompt.getByRole('button', { name: 'Open USCIS’s case inquiry page' }).click();
    await expect.poll(async () => (await recordedCalls(page)).filter((c) => c.method === 'openExternal').map((c) => c.request), SOON).toEqual([{ url: 'https://www.uscis.gov/contactcenter' }]);
    // The stand-in main did not open it: the page says where to go instead.
    await expect.poll(() => prompt.getByRole('status').innerText(), SOON).toContain('www.uscis.gov/contactcenter');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('not before day 105; at day 120, the calm note, in Spanish at 360 px', async () => {
    const early = await open(pendingState('2026-09-10T15:20:00.000Z'));
    await early.getByTestId('pair-verdict').waitFor(SOON);
    expect(await early.getByTestId('inquiry-prompt').count()).toBe(0);
    const page = await open(pendingState('2026-09-26T15:20:00.000Z'), { locale: 'es-MX', width: 360 });
    const note = page.getByTestId('goal-note');
    await note.waitFor(SOON);
    expect(await note.innerText()).toContain('Su renovación lleva 120 días pendiente');
    expect(await page.getByTestId('inquiry-prompt').innerText()).toContain('Ya puede preguntar a USCIS por su renovación');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the reminders switch', { timeout: 60_000 }, () => {
  it('is on by default, next to the permit’s expiry, in the user’s words; switching it off is saved and said', async () => {
    const page = await open(pendingState('2026-09-11T15:20:00.000Z'), { locale: 'es-MX' });
    const settings = page.locator('#settings');
    await settings.waitFor(SOON);
    const reminders = settings.getByRole('checkbox', { name: /^Recordarme las fechas de mi renovación/ });
    expect(await reminders.isChecked()).toBe(true);
    await reminders.uncheck();
    await expect.poll(async () => (await recordedCalls(page)).filter((c) => c.method === 'updateSettings').map((c) => c.request), SOON).toEqual([{ renewalReminders: false }]);
    expect(await reminders.isChecked()).toBe(false);
    await expect.poll(() => reminders.locator('xpath=ancestor::fieldset').getByText('✓ Guardado').count(), SOON).toBe(1);
    // The calendar itself still shows what is due: only the desktop notifications stop.
    expect(await page.getByTestId('inquiry-prompt').count()).toBe(1);
  });
});

describe('the new card', { timeout: 60_000 }, () => {
  it('is an estimate from the approval until the printed dates are entered; then the next window follows', async () => {
    const delivered = cardDeliveredState();
    // The status's own date is the delivery's (the fixture's shared date is older than the approval).
    const i765 = delivered.snapshots[I765]!;
    const state = { ...delivered, snapshots: { ...delivered.snapshots, [I765]: { ...i765, status: { ...i765.status!, date: '2026-08-10T14:00:00.000Z' } } } };
    const page = await open(state);
    const card = page.getByTestId('new-card-dates');
    await card.waitFor(SOON);
    // USCIS's approval code on the I-765 is dated 2026-08-02.
    expect(await card.innerText()).toContain('Estimate: valid from Aug 2, 2026 to about Aug 1, 2028');
    expect(await page.getByTestId('filing-window').count()).toBe(0);
    // Each date is saved once complete, like every setting (tests/e2e/date-entry.test.ts types them key by key).
    await card.getByLabel('Valid from (on the card)').fill('2026-08-03');
    await expect.poll(async () => (await recordedCalls(page)).filter((c) => c.method === 'updateSettings').map((c) => c.request), SOON).toEqual([{ newCardValidFrom: '2026-08-03' }]);
    await card.getByLabel('Card expires (on the card)').fill('2028-08-02');
    await expect.poll(async () => (await recordedCalls(page)).filter((c) => c.method === 'updateSettings').map((c) => c.request), SOON).toEqual([{ newCardValidFrom: '2026-08-03' }, { newCardExpiry: '2028-08-02' }]);
    await expect.poll(() => card.innerText(), SOON).toContain('Valid from Aug 3, 2026 to Aug 2, 2028 (as you entered them).');
    const filing = page.getByTestId('filing-window');
    expect(await filing.innerText()).toContain('USCIS recommends filing between Mar 5, 2028 and Apr 4, 2028');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the sheet for the employer', { timeout: 60_000 }, () => {
  it('is asked for in the chosen language, with the receipts only when chosen', async () => {
    const page = await open(pendingState('2026-09-11T15:20:00.000Z'));
    const section = page.getByTestId('employer-sheet');
    await section.waitFor(SOON);
    await section.getByRole('button', { name: 'Save the sheet for my employer' }).click();
    await section.getByLabel('Language of the sheet').selectOption('es');
    await section.getByLabel('Show my receipt numbers on it').check();
    await section.getByRole('button', { name: 'Save the sheet for my employer' }).click();
    await expect.poll(async () => (await recordedCalls(page)).filter((c) => c.method === 'exportData').map((c) => c.request), SOON).toEqual([
      { format: 'employer', language: 'en', showReceipts: false },
      { format: 'employer', language: 'es', showReceipts: true },
    ]);
  });

  it.each([
    ['en', 'DACA renewal: information for the employer', 'This sheet is information, not legal advice.', 'Filed with USCIS on May 29, 2026'],
    ['es', 'Renovación de DACA: información para el empleador', 'Esta hoja es información, no asesoría legal.', 'Presentada ante USCIS el 29 de mayo de 2026'],
  ] as const)('prints in %s: the facts, the notice, official links only, axe clean', async (language, title, notice, filed) => {
    const state = pendingState('2026-09-11T15:20:00.000Z');
    const html = employerSheet({
      state: { ...state, cases: state.cases.map((c) => ({ ...c, addedAt: '2026-05-30T12:00:00.000Z' })) },
      now: Date.parse('2026-09-11T15:20:00.000Z'),
      language,
      timeZone: TIME_ZONE,
      showReceipts: false,
    });
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
    suite.contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await page.title()).toBe(title);
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(notice);
    expect(text).toContain(filed);
    expect(text).not.toMatch(/IOE\d{10}/);
    const links = await page.locator('a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) expect(new URL(link).hostname).toBe('www.uscis.gov');
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
