// Issue 23, items 2 and 3, in Debian's Chromium. Freshness on the built dashboard over a stand-in preload: after a check
// that changed nothing, a case card's "read from myUSCIS" time is the last check's and its "last change seen" stays
// older, in English and Spanish. The records: the lawyer's record and the employer's sheet opened as pages and read
// as their readers would (the facts with their dates, and whom they address), in both languages.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../shared/ipc/contract';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { seriousAxeViolations } from '../helpers/axe';
import { I765, I821D } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { openDashboardPage, pushState, serveDashboardInChromium, type ServedDashboard } from '../../scripts/served-dashboard';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/New_York';

let dashboard: ServedDashboard;
let browser: Browser;
const contexts: BrowserContext[] = [];
const violations: string[] = [];

beforeAll(async () => {
  ({ dashboard, browser } = await serveDashboardInChromium());
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(contexts.map((context) => context.close()));
  await Promise.allSettled([browser?.close(), dashboard?.close()]);
  expect(violations).toEqual([]);
});

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
    const page = await openDashboardPage(browser, dashboard, quietState(first, { [I821D]: '2026-12-12T14:40:00.000Z', [I765]: first }), { locale, timezoneId: TIME_ZONE, contexts, problems: violations });
    const card = page.getByRole('article', { name: cardName });
    await card.waitFor(SOON);
    const statusLine = page.getByRole('banner').getByRole('status');
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
