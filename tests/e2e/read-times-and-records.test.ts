// Issue 23, items 2 and 3, in Debian's Chromium. Freshness on the built dashboard over a stand-in preload: after a check
// that changed nothing, a case card's "read from myUSCIS" time is the last check's and its "last change seen" stays
// older, in English and Spanish. The records: the lawyer's record and the employer's sheet opened as pages and read
// as their readers would (the facts with their dates, and whom they address), in both languages.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { employerSheet } from '../../app/employer-sheet';
import { printableRecord } from '../../app/printable-record';
import type { DashboardState } from '../../shared/ipc/contract';
import { addDays, daysBetween } from '../../shared/knowledge/calendar-days';
import { DECISION_GOAL_DAYS, INQUIRY_AFTER_DAYS } from '../../shared/knowledge/daca-timing';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import type { Language } from '../../shared/localized';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { seriousAxeViolations } from '../helpers/axe';
import { I765, I821D } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { RECORD_I765, RECORD_I821D, recordState, SECOND_PERSON } from '../helpers/record-samples';
import { pushState } from '../../scripts/served-dashboard';
import { servedDashboardSuite } from '../helpers/dashboard-suite';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/New_York';

const suite = servedDashboardSuite({ timezoneId: TIME_ZONE });

/** How the dashboard formats an instant (medium date, short time, the browser's zone). */
function shown(instant: string, locale: 'en-US' | 'es-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(Date.parse(instant));
}

/** What USCIS last changed: read on December 9; nothing new since. */
const CHANGED = '2026-12-09T14:05:00.000Z';

/** The pair under review, its content unchanged since CHANGED, each case last read well at `readAt[receipt]`. */
function quietState(lastCheckAt: string, readAt: Record<string, string>): DashboardState {
  const snapshot = (form: string) =>
    CaseSnapshotSchema.parse({
      detail: { at: CHANGED, formType: form, submissionDate: '2026-08-20', events: [], notices: [] },
      status: { at: CHANGED, code: 'FTA0', title: 'Case Is Being Actively Reviewed By USCIS', history: [] },
      documents: { at: CHANGED, items: [] },
    });
  const base = exampleDashboardState();
  return exampleDashboardState({
    lastCheckAt,
    nextCheckAt: null,
    cases: base.cases.map((c) => ({ ...c, readAt: readAt[c.receipt] ?? null })),
    snapshots: { [I821D]: snapshot('I-821D'), [I765]: snapshot('I-765') },
    history: [],
    settings: SettingsSchema.parse({ permitExpiry: '2027-06-30' }),
    now: lastCheckAt,
  });
}

describe('freshness: read from myUSCIS, apart from the last change', { timeout: 60_000 }, () => {
  it.each([
    ['en-US', 'en-US', 'Work permit (Form I-765)', 'Read from myUSCIS', 'Last change seen', 'Last check'],
    ['es-MX', 'es-US', 'Permiso de trabajo (Formulario I-765)', 'Leído en myUSCIS', 'Último cambio visto', 'Última revisión'],
  ] as const)('in %s: after a check that changed nothing the card was read at that check and changed days earlier', async (locale, format, cardName, read, changed, lastCheck) => {
    const first = '2026-12-12T15:00:00.000Z';
    const page = await suite.open(quietState(first, { [I821D]: '2026-12-12T14:40:00.000Z', [I765]: first }), { locale });
    const card = page.getByRole('article', { name: cardName });
    await card.waitFor(SOON);
    // The status bar shows the check times beside its live region (they are not announced after every check).
    const statusLine = page.getByRole('banner').getByTestId('status-times');
    expect(await card.getByTestId('case-read-at').innerText()).toBe(`${read}: ${shown(first, format)}`);
    expect(await card.getByTestId('case-changed-at').innerText()).toBe(`${changed}: ${shown(CHANGED, format)}`);
    expect(await statusLine.innerText()).toContain(`${lastCheck}: ${shown(first, format)}`);

    // Another check of the I-765 that found nothing new: same snapshot, a later read.
    const second = '2026-12-12T15:24:00.000Z';
    await pushState(page, quietState(second, { [I821D]: '2026-12-12T14:40:00.000Z', [I765]: second }));
    await expect.poll(() => card.getByTestId('case-read-at').innerText(), SOON).toBe(`${read}: ${shown(second, format)}`);
    expect(await statusLine.innerText()).toContain(`${lastCheck}: ${shown(second, format)}`);
    expect(await card.getByTestId('case-changed-at').innerText()).toBe(`${changed}: ${shown(CHANGED, format)}`);
    // The other case keeps its own read time.
    const other = page.locator('article.case').filter({ hasNot: page.getByRole('heading', { name: cardName }) }).first();
    expect(await other.getByTestId('case-read-at').innerText()).toBe(`${read}: ${shown('2026-12-12T14:40:00.000Z', format)}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

/** A record's HTML opened as its own page (no network, no script), at `width`; what it asked for is in `requests`. */
async function openRecord(html: string, width: number): Promise<{ page: Page; requests: string[] }> {
  const context = await suite.browser.newContext({ viewport: { width, height: 900 } });
  suite.contexts.push(context);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => suite.problems.push(`page error: ${error.message}`));
  await page.setContent(html);
  return { page, requests };
}

const readText = async (page: Page) => (await page.locator('body').innerText()).replace(/\s+/g, ' ');

describe('the records, read as their readers would', { timeout: 60_000 }, () => {
  // The walk: the work permit expired 36 days ago, the renewal pending 106 days.
  const TODAY = '2026-12-07';
  const NOW = Date.parse(`${TODAY}T17:00:00.000Z`);
  const EXPIRY = addDays(TODAY, -36);
  const FILED = addDays(TODAY, -106);
  const state = recordState({ filed: FILED, permitExpiry: EXPIRY, changedAt: '2026-12-04T14:00:00.000Z', readAt: '2026-12-07T16:50:00.000Z' });
  const days = daysBetween(FILED, TODAY);

  it.each([
    ['en', 360],
    ['es', 1280],
  ] as const)('the lawyer’s record in %s at %i px: about the applicant, the permit expired in the past tense, the key days, both cases, USCIS’s words first', async (lang: Language, width) => {
    const { page, requests } = await openRecord(printableRecord({ state, now: NOW, language: lang, timeZone: TIME_ZONE }), width);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    const text = await readText(page);
    const expected = {
      en: [
        `The applicant’s work permit (EAD, category C33) expired on ${formatCivilDay(EXPIRY, 'en')}.`,
        `Pending with USCIS since ${formatCivilDay(FILED, 'en')}: ${days} days.`,
        `${formatCivilDay(addDays(FILED, INQUIRY_AFTER_DAYS), 'en')} (reached)`,
        `${formatCivilDay(addDays(FILED, DECISION_GOAL_DAYS), 'en')} (in ${DECISION_GOAL_DAYS - days} days)`,
      ],
      es: [
        `El permiso de trabajo (EAD, categoría C33) de la persona solicitante venció el ${formatCivilDay(EXPIRY, 'es')}.`,
        `Pendiente ante USCIS desde el ${formatCivilDay(FILED, 'es')}: ${days} días.`,
        `${formatCivilDay(addDays(FILED, INQUIRY_AFTER_DAYS), 'es')} (ya llegó)`,
        `${formatCivilDay(addDays(FILED, DECISION_GOAL_DAYS), 'es')} (dentro de ${DECISION_GOAL_DAYS - days} días)`,
      ],
    }[lang];
    for (const fact of expected) expect(text).toContain(fact);
    // Both cases, each with its receipt and days pending, in the cases' table.
    const overview = page.locator('table').first();
    const rows = await overview.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(RECORD_I821D);
    expect(rows[1]).toContain(RECORD_I765);
    for (const row of rows) expect(row.trim().endsWith(String(days))).toBe(true);
    // Each status history: the title as USCIS printed it comes before DACA Watch's reading.
    const history = page.locator('h3').filter({ hasText: lang === 'en' ? 'Status history' : 'Historial del estatus' }).first().locator('xpath=following-sibling::table[1]');
    const headers = await history.locator('th').allInnerTexts();
    expect(headers.findIndex((header) => /USCIS/.test(header))).toBeLessThan(headers.findIndex((header) => /DACA Watch/.test(header)));
    expect(text).not.toMatch(SECOND_PERSON[lang]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it.each([
    ['en', 1280],
    ['es', 360],
  ] as const)('the employer’s sheet in %s at %i px: about the employee, the facts with their dates, the rules with USCIS’s pages', async (lang: Language, width) => {
    const { page, requests } = await openRecord(employerSheet({ state, now: NOW, language: lang, timeZone: TIME_ZONE, showReceipts: false }), width);
    const text = await readText(page);
    const permit = await page.locator('[data-role="permit"]').innerText();
    if (lang === 'en') {
      expect(permit).toContain(`The employee’s work permit (EAD, category C33) expired on ${formatCivilDay(EXPIRY, 'en')}.`);
      expect(permit).toContain(`from ${formatCivilDay(addDays(EXPIRY, 1), 'en')}, the employee is not authorized to work on this card`);
      expect(text).toContain(`Filed with USCIS on ${formatCivilDay(FILED, 'en')}`);
      expect(text).not.toContain('expires on');
    } else {
      expect(permit).toContain(`El permiso de trabajo (EAD, categoría C33) de la persona empleada venció el ${formatCivilDay(EXPIRY, 'es')}.`);
      expect(text).toContain(`Presentada ante USCIS el ${formatCivilDay(FILED, 'es')}`);
      expect(text).not.toContain('vence el');
    }
    expect(await page.locator('[data-role="no-extension"] a').getAttribute('href')).toBe('https://www.uscis.gov/eadautoextend');
    expect(await page.locator('[data-role="i-9"] a').getAttribute('href')).toBe('https://www.uscis.gov/i-9-central');
    expect(text).not.toMatch(/IOE\d{10}/);
    expect(text).not.toMatch(SECOND_PERSON[lang]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
