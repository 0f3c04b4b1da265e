// Issue 23, items 4 and 5a, in Debian's Chromium on the built dashboard over a stand-in preload: a date typed key by
// key into a date input (Chromium reports '0002-…', '0020-…', '0202-…' on the way) is saved only once complete and
// real, never with a year below 1000, and a year far from the usual range (2036 for an expiry) is asked about once
// and saved only after "Yes"; no page error for any keystroke; the language radio shows the language the page
// speaks. English and Spanish; axe (serious and critical) with the question showing, at 1280 and 360 px.

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../shared/ipc/contract';
import { SETTINGS_DATE_YEARS, isSettingsDate } from '../../shared/monitor/settings-dates';
import { SettingsSchema } from '../../shared/monitor/state';
import { seriousAxeViolations } from '../helpers/axe';
import { cardDeliveredState, firstRunState } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { tabTo } from '../../scripts/preview-process';
import { openDashboardPage, recordedCalls, serveDashboardInChromium, type ServedDashboard } from '../../scripts/served-dashboard';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/Chicago';
const DATE_FIELDS = ['permitExpiry', 'newCardValidFrom', 'newCardExpiry'] as const;

let dashboard: ServedDashboard;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  ({ dashboard, browser } = await serveDashboardInChromium());
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((context) => context.close()));
  await Promise.allSettled([browser?.close(), dashboard?.close()]);
});

// Page errors and CSP violations, test by test.
afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

function open(state: DashboardState, options: { locale?: string; width?: number } = {}): Promise<Page> {
  return openDashboardPage(browser, dashboard, state, { ...options, timezoneId: TIME_ZONE, contexts, problems });
}

/** The dates every updateSettings call carried, in order (one entry per date field a call set). */
async function savedDates(page: Page): Promise<Array<string | null>> {
  return (await recordedCalls(page))
    .filter((call) => call.method === 'updateSettings')
    .flatMap((call) => DATE_FIELDS.filter((field) => field in (call.request as object)).map((field) => (call.request as Record<string, string | null>)[field]!));
}

/** No call carried an incomplete date, an impossible one or a year below 1000. */
function expectOnlyRealDates(dates: Array<string | null>): void {
  for (const date of dates) {
    if (date === null) continue;
    expect(isSettingsDate(date), date).toBe(true);
    expect(Number(date.slice(0, 4))).toBeGreaterThanOrEqual(SETTINGS_DATE_YEARS.min);
  }
}

/**
 * Types `keys` into a date input from its first part, one key at a time, as a person does. Debian's headless
 * Chromium lays the input out mm/dd/yyyy whatever the page's locale (checked: es-MX too), and a field typed into
 * before keeps the focus on the part last typed, hence the arrows back to the month first.
 */
async function typeDate(field: Locator, keys: string): Promise<void> {
  await field.focus();
  for (let part = 0; part < 3; part += 1) await field.press('ArrowLeft');
  await field.pressSequentially(keys);
}

/** Counts how often the year question is put into the page from now on. */
async function countQuestions(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counted = window as unknown as { questionsShown: number };
    counted.questionsShown = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement && (node.matches('[data-testid="date-question"]') || node.querySelector('[data-testid="date-question"]'))) counted.questionsShown += 1;
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { questionsShown: number }).questionsShown);
}

/** The pair's silent approval on Aug 12, 2026, the current permit expiring Oct 15, 2026. */
function settingsState(settings: Record<string, unknown> = {}): DashboardState {
  return exampleDashboardState({ settings: SettingsSchema.parse({ permitExpiry: '2026-10-15', ...settings }) });
}

describe('the permit expiry in Settings, typed key by key', { timeout: 40_000 }, () => {
  it('saves 2027-04-20 once, at the end; asks once about 2036 and saves it only after "Yes"', async () => {
    const page = await open(settingsState());
    const field = page.locator('#permit-expiry');
    const note = page.locator('#permit-expiry-note');
    await field.scrollIntoViewIfNeeded();
    // mm/dd/yyyy: the year comes last, key by key (0002, 0020, 0202, 2027 in the field's value).
    await typeDate(field, '04202027');
    await expect.poll(() => savedDates(page), SOON).toEqual(['2027-04-20']);
    await expect.poll(() => page.locator('#settings').getByText('Saved').count(), SOON).toBeGreaterThan(0);

    const questionsShown = await countQuestions(page);
    await typeDate(field, '05012036');
    await expect.poll(() => note.innerText(), SOON).toContain('Is 2036 right?');
    expect(await note.innerText()).toMatch(/usually fall between Aug 12, 2024 and Aug 12, 2029/);
    // Left alone, it is still not saved.
    await page.waitForTimeout(1_200);
    expect(await savedDates(page)).toEqual(['2027-04-20']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // "Yes" is the next stop after the date in the Tab order: the keyboard answers.
    const yes = page.getByRole('button', { name: 'Yes, save it' });
    expect(await tabTo(page, yes, 3)).toBeLessThanOrEqual(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => savedDates(page), SOON).toEqual(['2027-04-20', '2036-05-01']);
    await expect.poll(() => page.getByTestId('date-question').count(), SOON).toBe(0);
    // The focus goes back to the date, not to the page.
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    // Another day of 2036 is not asked about again.
    await typeDate(field, '06012036');
    await expect.poll(() => savedDates(page), SOON).toEqual(['2027-04-20', '2036-05-01', '2036-06-01']);
    expect(await questionsShown()).toBe(1);
  });

  it('"Change" saves nothing and says so; a year before 2012 or after 2100 is refused with the reason', async () => {
    const page = await open(settingsState());
    const field = page.locator('#permit-expiry');
    const note = page.locator('#permit-expiry-note');
    await field.scrollIntoViewIfNeeded();
    await typeDate(field, '05012036');
    await page.getByRole('button', { name: 'Change the date' }).click();
    expect(await note.innerText()).toBe('Not saved: correct the date.');
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    await typeDate(field, '05011999');
    await expect.poll(() => note.innerText(), SOON).toContain('outside the years a DACA work permit can have (2012 to 2100)');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await savedDates(page)).toEqual([]);
  });

  it('survives any keystrokes (digits, Backspace, Delete, arrows) with no page error and no half-typed date saved', async () => {
    const page = await open(settingsState());
    const field = page.locator('#permit-expiry');
    await field.scrollIntoViewIfNeeded();
    await field.focus();
    const keys = ['0', '2', 'ArrowRight', '3', '0', 'ArrowRight', '0', '0', '0', '2', 'Backspace', 'Backspace', '9', 'ArrowUp', 'ArrowDown', 'Delete', '1', 'ArrowLeft', 'ArrowLeft', 'Backspace', '7', '2', '0', '3', '3', '3', '3', '3'];
    for (const key of keys) await page.keyboard.press(key);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(1_000);
    expectOnlyRealDates(await savedDates(page));
    // The page still counts days: no "Expired 666434 days ago".
    expect(await page.locator('body').innerText()).not.toMatch(/\d{6} days/);
  });
});

describe('a stand-in that stores a half-typed year anyway (main never does: its schema refuses it)', { timeout: 30_000 }, () => {
  it.each(['0002-04-20', '0202-04-20'])('%s: no page error, and no day count from it', async (day) => {
    const state = settingsState();
    const page = await open({ ...state, settings: { ...state.settings, permitExpiry: day } });
    await page.locator('#settings').waitFor(SOON);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\d{5,} (days|días)/);
    // The page counts nothing from it: the expiry reads as not entered.
    expect(await page.locator('#permit-expiry').inputValue()).toBe('');
  });
});

describe('the first run in Spanish, at 360 px', { timeout: 40_000 }, () => {
  it('saves 2027-04-20 typed key by key, and 2036 only after "Sí"', async () => {
    const page = await open(firstRunState(), { locale: 'es-MX', width: 360 });
    const field = page.getByLabel('Fecha de vencimiento de su tarjeta de permiso de trabajo actual');
    await field.scrollIntoViewIfNeeded();
    await typeDate(field, '04202027');
    await expect.poll(() => savedDates(page), SOON).toEqual(['2027-04-20']);

    const questionsShown = await countQuestions(page);
    await typeDate(field, '05012036');
    const note = page.locator('#first-permit-expiry-note');
    await expect.poll(() => note.innerText(), SOON).toContain('¿Es correcto 2036?');
    expect(await note.innerText()).toContain('un permiso de trabajo de DACA dura dos años');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await savedDates(page)).toEqual(['2027-04-20']);
    await page.getByRole('button', { name: 'Sí, guardarla' }).click();
    await expect.poll(() => savedDates(page), SOON).toEqual(['2027-04-20', '2036-05-01']);
    expect(await questionsShown()).toBe(1);
  });
});

describe("the new card's dates after the approval", { timeout: 40_000 }, () => {
  it('saves a two-year card typed key by key and asks about an expiry ten years on', async () => {
    const page = await open(cardDeliveredState({ settings: SettingsSchema.parse({}) }));
    const expiry = page.locator('#new-card-expiry');
    await expiry.scrollIntoViewIfNeeded();
    await typeDate(expiry, '08012028');
    await expect.poll(() => savedDates(page), SOON).toEqual(['2028-08-01']);
    await typeDate(page.locator('#new-card-from'), '08022026');
    await expect.poll(() => savedDates(page), SOON).toEqual(['2028-08-01', '2026-08-02']);
    await typeDate(expiry, '08012036');
    await expect.poll(() => page.locator('#new-card-expiry-note').innerText(), SOON).toContain('Is 2036 right?');
    expectOnlyRealDates(await savedDates(page));
    expect(await savedDates(page)).not.toContain('2036-08-01');
  });
});

describe('the language setting shows the language the page speaks', { timeout: 30_000 }, () => {
  it.each([
    ['es-MX', {}, 'Español', 'Idioma', /Español es el idioma de su computadora/],
    ['en-US', {}, 'English', 'Language', /English is your computer’s language/],
    ['es-MX', { language: 'en', languageChosen: true }, 'English', 'Language', null],
    ['en-US', { language: 'es', languageChosen: true }, 'Español', 'Idioma', null],
  ] as const)('a %s system with %j stored: %s checked', async (locale, stored, checked, legend, note) => {
    const page = await open(settingsState(stored), { locale });
    const group = page.getByRole('group', { name: legend, exact: true });
    await group.scrollIntoViewIfNeeded();
    expect(await group.getByRole('radio', { name: checked }).isChecked()).toBe(true);
    expect(await group.getByRole('radio', { checked: true }).count()).toBe(1);
    const follows = page.getByTestId('language-follows-system');
    if (note === null) expect(await follows.count()).toBe(0);
    else expect(await follows.innerText()).toMatch(note);
  });
});
