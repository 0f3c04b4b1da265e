// Issue 23's smaller items that only a browser shows, in Debian's Chromium on the built dashboard over a stand-in
// preload: the first run's sign-in button on a phone's first screen (390x844, both languages); the focus after "Mark
// as seen"; the status bar's live region, which says changes of state and not the check times; date-only values as days.

import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../renderer/lib/i18n';
import { cardDeliveredState, firstRunState, I765, silentApprovalState } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { pushState, recordedCalls } from '../../scripts/served-dashboard';
import { servedDashboardSuite } from '../helpers/dashboard-suite';

const SOON = { timeout: 5_000 };
const TIME_ZONE = 'America/New_York';
const PHONE = { width: 390, height: 844 };

const suite = servedDashboardSuite({ timezoneId: TIME_ZONE });
const open = suite.open;

describe('the first run on a phone (390x844)', () => {
  it.each([
    ['en-US', MESSAGES.en],
    ['es-MX', MESSAGES.es],
  ] as const)('%s: the sign-in button is whole on the first screen, before what DACA Watch does and never does', async (locale, t) => {
    const page = await open(firstRunState(), { locale, width: PHONE.width });
    await page.setViewportSize(PHONE);
    const button = page.getByRole('main').getByRole('button', { name: t.signIn, exact: true });
    await button.waitFor(SOON);
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    // Nothing sideways either: the page fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // What it does and never does is still there, below the button.
    const never = await page.getByRole('heading', { name: t.doesNotTitle }).boundingBox();
    expect(never!.y).toBeGreaterThan(box!.y);
  });
});

describe('the receipt form', () => {
  it.each([
    ['en-US', MESSAGES.en],
    ['es-MX', MESSAGES.es],
  ] as const)('%s: refuses the same receipt typed twice (other case and spacing), says why at the second field and saves nothing', async (locale, t) => {
    const page = await open(firstRunState(), { locale });
    const [first, second] = [page.getByLabel(t.receiptLabels[0]!), page.getByLabel(t.receiptLabels[1]!)];
    await first.fill('IOE0933012457');
    await second.fill('ioe 093 301 2457');
    await second.press('Enter');
    await expect.poll(() => second.getAttribute('aria-invalid'), SOON).toBe('true');
    const problem = page.locator(`[id="${await second.getAttribute('aria-describedby')}"]`);
    expect(await problem.innerText()).toBe(t.sameReceipt);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect((await recordedCalls(page)).filter((call) => call.method === 'setCases')).toEqual([]);
  });
});

describe('"Mark as seen" by keyboard', () => {
  it.each([
    ['en-US', MESSAGES.en],
    ['es-MX', MESSAGES.es],
  ] as const)('%s: the focus goes to the heading of what’s new (not the page body), which now says nothing is new', async (locale, t) => {
    const page = await open(silentApprovalState(), { locale });
    const news = page.locator('#news');
    const button = news.getByRole('button', { name: t.markSeen });
    await button.waitFor(SOON);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => news.getByRole('button', { name: t.markSeen }).count(), SOON).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('news-title');
    expect(await news.innerText()).toContain(t.nothingNew);
    // The next Tab goes on from there, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.getElementById('news-title')!.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  });
});

describe('the status bar’s live region', () => {
  it('does not change when only the last and next check times change; a change of state is in it', async () => {
    const page = await open(silentApprovalState());
    const banner = page.getByRole('banner');
    const live = banner.locator('[aria-live="polite"]');
    expect(await live.count()).toBe(1);
    const before = await live.innerText();
    expect(before).toContain(MESSAGES.en.signedIn);

    await pushState(page, silentApprovalState({ lastCheckAt: '2026-08-12T15:19:00.000Z', nextCheckAt: '2026-08-12T16:02:00.000Z' }));
    const next = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(Date.parse('2026-08-12T16:02:00.000Z'));
    // The times are still shown, next to the live region.
    await expect.poll(() => banner.innerText(), SOON).toContain(MESSAGES.en.nextCheck(next));
    expect(await live.innerText()).toBe(before);
    expect(await live.innerText()).not.toMatch(/Last check|Next check/);
    // A routine check coming and going is shown, not announced.
    await pushState(page, silentApprovalState({ activity: 'checking', lastCheckAt: '2026-08-12T15:19:00.000Z', nextCheckAt: '2026-08-12T16:02:00.000Z' }));
    await expect.poll(() => banner.innerText(), SOON).toContain(MESSAGES.en.checking);
    expect(await live.innerText()).toBe(before);

    await pushState(page, silentApprovalState({ session: { state: 'signed-out', since: '2026-08-12T15:19:00.000Z' } }));
    await expect.poll(() => live.innerText(), SOON).not.toBe(before);
  });
});

describe('a date USCIS gave without a time, in New York', () => {
  it.each([
    ['en-US', 'May 29, 2026'],
    ['es-MX', '29 may 2026'],
  ] as const)('%s: a document dated at midnight UTC is shown on its day, with no time and not the evening before', async (locale, day) => {
    const state = silentApprovalState();
    const permit = state.snapshots[I765]!;
    const dated = { ...state, snapshots: { ...state.snapshots, [I765]: { ...permit, documents: { ...permit.documents!, items: [{ type: 'I-765 Receipt', sourceType: 'USCIS Generated', createDate: '2026-05-29T00:00:00.000+0000' }] } } } };
    const page = await open(dated, { locale });
    const documents = page.locator('#documents');
    await documents.waitFor(SOON);
    await expect.poll(() => documents.innerText(), SOON).toContain(day);
    const text = await documents.innerText();
    expect(text).not.toMatch(/May 28|28 may|12:00|8:00|UTC/);
  });

  it('the DACA request’s card says nothing of a pending work permit decision once the card was delivered', async () => {
    const page = await open(cardDeliveredState());
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: MESSAGES.en.forms['I-821D'] }) });
    await card.waitFor(SOON);
    const text = await card.innerText();
    expect(text).not.toMatch(/work permit decision usually follows/);
    expect(text).toContain('its new card was delivered');
  });
});

describe('the timeline’s Tab stop after a check finds something new', { timeout: 60_000 }, () => {
  it('moves to the new newest dot when a dot was chosen earlier but the focus is elsewhere', async () => {
    const page = await open(exampleDashboardState());
    const dots = page.locator('[data-point]');
    await dots.first().waitFor({ timeout: 5_000 });
    // A dot chosen earlier (focused, then the focus moved on).
    await dots.first().focus();
    await page.getByRole('banner').getByRole('button').first().focus();
    expect(await page.locator('[data-point][tabindex="0"]').getAttribute('data-point')).toBe(await dots.first().getAttribute('data-point'));
    // The check that finds the silent approval: its dot is the newest, and the Tab stop goes to it.
    await pushState(page, silentApprovalState());
    await expect.poll(async () => (await page.locator('[data-point].tone-good').count()) > 0, { timeout: 5_000 }).toBe(true);
    const newest = await page.locator('[data-point]').evaluateAll((buttons) => buttons.at(-1)?.getAttribute('data-point') ?? null);
    expect(await page.locator('[data-point][tabindex="0"]').getAttribute('data-point')).toBe(newest);
  });
});
