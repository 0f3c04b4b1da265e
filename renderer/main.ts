// Mounts the dashboard into the page. Nothing else: state and data arrive through the preload API.

import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('renderer: #app element missing from index.html');
const lang = navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
mount(App, { target, props: { lang } });
