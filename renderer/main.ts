// Starts the dashboard: one Dashboard on the API this page has (preload or preview socket), in the language the
// system prefers until the settings say otherwise. When main already drew the first frame into the page (the
// header, the status line and the verdict banner: see first-paint.ts), the state is read first and that markup is
// hydrated, not drawn again; otherwise the app mounts and loads. Nothing else: no data and no wording here.
/// <reference types="vite/client" />

import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { getApi } from './lib/api';
import { Dashboard } from './lib/dashboard.svelte';
import { languageOfLocale } from '../shared/localized';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('renderer: #app element missing from index.html');
const systemLanguage = languageOfLocale(navigator.language);
const api = getApi();

async function start(app: HTMLElement): Promise<void> {
  if (app.firstElementChild !== null) {
    const answer = await api.getState().catch(() => null);
    if (answer?.ok) {
      // A state newer than the one main drew is fine: hydration keeps the markup's shape and sets what changed.
      hydrate(App, { target: app, props: { dash: new Dashboard(api, systemLanguage, answer.value) } });
      return;
    }
    // No state to hydrate with: drop main's frame and start as without it (the app shows the failure and a retry).
    app.replaceChildren();
  }
  mount(App, { target: app, props: { dash: new Dashboard(api, systemLanguage) } });
}

void start(target);
