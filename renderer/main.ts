// Mounts the dashboard: one Dashboard on the API this page has (preload or preview socket), in the language the
// system prefers until the settings say otherwise. Nothing else: no data and no wording here.
/// <reference types="vite/client" />

import { mount } from 'svelte';
import App from './App.svelte';
import { getApi } from './lib/api';
import { Dashboard } from './lib/dashboard.svelte';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('renderer: #app element missing from index.html');
const systemLanguage = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
mount(App, { target, props: { dash: new Dashboard(getApi(), systemLanguage) } });
