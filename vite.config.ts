import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Builds the dashboard (renderer/) into dist/renderer. No remote assets: everything is bundled. One script, no
// modulepreload polyfill: the page preloads no modules, and Chromium (Electron's and the preview's) has modulepreload.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2023', modulePreload: { polyfill: false } },
});
