// The dashboard's first frame as main renders it into the page (app/first-paint.ts over renderer/first-paint.ts
// built for Node by vite, as `npm run build` builds it): what is in it and what is not, the user's language, hostile
// text from USCIS kept as text, and the page served unchanged whenever anything is missing or fails.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFirstPaint, withFirstPaint, type RenderFirstPaint } from '../../app/first-paint';
import { localDay, verdictOf, watchedCases } from '../../renderer/lib/pair-view.svelte';
import { buildFirstPaint } from '../../scripts/dashboard-build';
import type { DashboardState } from '../../shared/ipc/contract';
import { languageOfLocale } from '../../shared/localized';
import { ACCOUNT_CASES, cardDeliveredState, firstRunState, I821D, silentApprovalState } from '../helpers/dashboard-state-samples';
import { exampleDashboardState } from '../helpers/example-dashboard-state';

const PAGE = '<!doctype html><html lang="en"><body><div id="app"></div><script type="module" src="./assets/index-abc.js"></script></body></html>';

let folder: string;
let render: RenderFirstPaint;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'daca-watch-first-paint-'));
  const loaded = await loadFirstPaint(await buildFirstPaint(join(folder, 'first-paint')));
  if (loaded === null) throw new Error('the first paint did not build');
  render = loaded;
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const verdictFor = (state: DashboardState) => verdictOf(watchedCases(state), localDay(Date.parse(state.now)), state.settings.permitExpiry ?? null);
/** The first frame's markup as the page gets it, inside its app element. */
const servedFor = (state: DashboardState, language: 'en' | 'es' = 'en') => withFirstPaint(PAGE, render, () => state, language);

describe('the first frame main puts into the page', () => {
  it('holds the header, the status line and the verdict banner with its words, inside the app element, and nothing else of the page', () => {
    const state = silentApprovalState();
    const page = servedFor(state);
    const verdict = verdictFor(state);
    expect(verdict.kind).toBe('silently-approved');
    const app = page.slice(page.indexOf('<div id="app">'), page.indexOf('<script'));
    expect(app).toContain(`data-kind="${verdict.kind}"`);
    expect(app).toContain(verdict.headline.en);
    expect(app).toContain('data-testid="approval-answers"');
    expect(app).toContain('class="status-bar"');
    // The rest follows in the page, after its script: no calendar, no case card, no timeline, no What's new.
    for (const later of ['renewal-calendar', 'class="case', 'data-point', 'id="news"', 'id="settings"']) expect(app).not.toContain(later);
    // The page around it is untouched: its script is still the one file it loads.
    expect(page.replace(app, '<div id="app"></div>')).toBe(PAGE);
  });

  it('speaks the system language until the user picks one, then the one picked', () => {
    const state = silentApprovalState();
    const { headline } = verdictFor(state);
    expect(servedFor(state, 'es')).toContain(headline.es);
    expect(servedFor(state, 'es')).toContain('<html lang="es">');
    expect(servedFor(state, 'es')).not.toContain(headline.en);
    const chosen = { ...state, settings: { ...state.settings, language: 'en' as const, languageChosen: true } };
    expect(servedFor(chosen, 'es')).toContain(headline.en);
    expect(servedFor(chosen, 'es')).toContain('<html lang="en">');
  });

  it.each([
    ['a silent approval', () => silentApprovalState()],
    ['the card delivered', () => cardDeliveredState()],
    ['the first run with the account’s cases', () => firstRunState({ accountCases: ACCOUNT_CASES })],
    ['a back-off', () => exampleDashboardState({ activity: 'backing-off', backoff: { until: '2026-08-12T16:00:00.000Z', reason: 'rate-limited' } })],
    ['signed out', () => exampleDashboardState({ session: { state: 'signed-out', since: '2026-08-12T15:00:00.000Z' } })],
  ] as const)('has no inline style or script for the page’s CSP to refuse (%s, both languages)', (_name, stateOf) => {
    for (const language of ['en', 'es'] as const) {
      const { markup } = render(stateOf(), language);
      expect(markup.length).toBeGreaterThan(1_000);
      expect(markup).not.toMatch(/\sstyle=|<style|<script|\son[a-z]+=/i);
    }
  });

  it('is the first run’s welcome when no case is watched yet', () => {
    const page = servedFor(firstRunState());
    expect(page).toContain('Welcome to DACA Watch');
    expect(page).not.toContain('data-testid="pair-verdict"');
  });

  it('leaves no markup from what USCIS sent: hostile titles, offices, codes and document types come out inert', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script></div>';
    const base = silentApprovalState();
    const snapshot = base.snapshots[I821D]!;
    const at = snapshot.detail!.events[0]!.eventTimestamp;
    const state: DashboardState = {
      ...base,
      session: { state: 'signed-out', since: base.lastCheckAt },
      snapshots: {
        ...base.snapshots,
        [I821D]: {
          ...snapshot,
          status: { ...snapshot.status!, title: hostile, office: hostile, code: hostile },
          detail: { ...snapshot.detail!, events: [...snapshot.detail!.events, { eventId: 'x', eventCode: hostile, eventTimestamp: at, createdAtTimestamp: at }] },
          documents: { ...snapshot.documents!, items: snapshot.documents!.items.map((item) => ({ ...item, type: hostile })) },
        },
      },
    };
    const page = servedFor(state);
    expect(page).toContain('data-testid="not-watching"');
    expect(page).not.toMatch(/<img|<script>alert/);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<\/div>/g)?.length).toBe(page.match(/<div[\s>]/g)?.length);
  });

  it('puts the markup in as it is (replacement patterns in it stay literal) and gives the page the frame’s language', () => {
    const markup = '<p>$& $` $\' $$ $1</p>';
    const served = withFirstPaint(PAGE, () => ({ markup, lang: 'es' }), () => exampleDashboardState(), 'en');
    expect(served).toBe(PAGE.replace('<html lang="en">', '<html lang="es">').replace('<div id="app"></div>', () => `<div id="app">${markup}</div>`));
    expect(served).toContain('<div id="app"><p>$& $` $\' $$ $1</p></div>');
  });
});

describe('the page is served as built when the first frame cannot be had', () => {
  it('no state yet, no renderer, or no app element in the page', () => {
    const state = exampleDashboardState();
    expect(withFirstPaint(PAGE, render, () => null, 'en')).toBe(PAGE);
    expect(withFirstPaint(PAGE, null, () => state, 'en')).toBe(PAGE);
    const other = PAGE.replace('<div id="app"></div>', '<div id="root"></div>');
    expect(withFirstPaint(other, render, () => state, 'en')).toBe(other);
  });

  it('reading the state or rendering fails: reported without any user data', () => {
    const reports: string[] = [];
    const failing: RenderFirstPaint = () => {
      throw new TypeError(`cannot read ${I821D}`);
    };
    expect(withFirstPaint(PAGE, failing, () => exampleDashboardState(), 'en', (m) => reports.push(m))).toBe(PAGE);
    expect(
      withFirstPaint(PAGE, render, () => {
        throw new Error(`store for ${I821D} unreadable`);
      }, 'en', (m) => reports.push(m)),
    ).toBe(PAGE);
    expect(reports).toEqual([
      'first paint: rendering failed (TypeError); the dashboard paints after its script',
      'first paint: rendering failed (Error); the dashboard paints after its script',
    ]);
  });

  it('the built renderer is missing or exports no renderer: null, with the reason', async () => {
    const reports: string[] = [];
    expect(await loadFirstPaint(join(folder, 'nowhere', 'first-paint.mjs'), (m) => reports.push(m))).toBeNull();
    const empty = join(folder, 'empty.mjs');
    writeFileSync(empty, 'export const somethingElse = 1;\n');
    expect(await loadFirstPaint(empty, (m) => reports.push(m))).toBeNull();
    expect(reports[0]).toMatch(/^first paint: could not load the built renderer \(.+\); the dashboard paints after its script$/);
    expect(reports[1]).toBe('first paint: the built renderer exports no renderFirstPaint; the dashboard paints after its script');
  });
});

describe('languageOfLocale', () => {
  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es-419,es;q=0.9,en;q=0.8', 'es'],
    ['ES-us', 'es'],
    ['es_MX.UTF-8', 'es'],
    ['et-EE', 'en'],
    ['est', 'en'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ] as const)('%j is %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
