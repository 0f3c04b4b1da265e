// The dashboard's first frame rendered to HTML outside the page (by main, before the window's script has loaded):
// the header, the status line and the verdict banner, exactly as App renders them before the rest follows. The
// page's script then hydrates this markup instead of drawing it again. Built for Node by vite (`ssr`), never
// shipped to the page; it makes no call (its API answers nothing) and touches no DOM.

import { render } from 'svelte/server';
import type { DacaWatchApi, DashboardState } from '../shared/ipc/contract';
import type { Language } from '../shared/localized';
import App from './App.svelte';
import { Dashboard } from './lib/dashboard.svelte';

/** Never called while rendering: a first frame only reads the state it is given. */
const NO_API = new Proxy({} as DacaWatchApi, {
  get: () => () => {
    throw new Error('first paint: the dashboard API is not available outside the page');
  },
});

/**
 * The markup App draws first for `state`, and its language: the one the page would pick (the settings', else the
 * system's).
 */
export function renderFirstPaint(state: DashboardState, systemLanguage: Language): { markup: string; lang: Language } {
  const dash = new Dashboard(NO_API, systemLanguage, state);
  return { markup: render(App, { props: { dash } }).body, lang: dash.lang };
}
