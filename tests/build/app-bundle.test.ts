// `npm run build` for real: the dashboard, its first frame's renderer, the ESM main bundle and the CommonJS preload come out, load
// nothing from the network, and keep Electron and node-notifier outside the bundle. Electron is not run.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAINT_DIR, FIRST_PAINT_FILE, loadFirstPaint } from '../../app/first-paint';
import { silentApprovalState } from '../helpers/dashboard-state-samples';

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'daca-watch-build-'));
  execFileSync(process.execPath, ['scripts/build.mjs', out], { stdio: 'pipe', timeout: 120_000 });
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the app bundles', () => {
  it('the main bundle is ESM, parses, imports only electron and Node built-ins, and requires node-notifier (which works from inside app.asar)', () => {
    const main = join(out, 'main', 'main.mjs');
    execFileSync(process.execPath, ['--check', main]);
    const source = readFileSync(main, 'utf8');
    const imported = new Set([...source.matchAll(/\bfrom\s*["']([^"'./][^"']*)["']/g)].map((m) => m[1]!));
    expect([...imported].filter((name) => !name.startsWith('node:')).sort()).toEqual(['electron']);
    expect(source).toMatch(/createRequire\)?\(import\.meta\.url\)\)?\(["']node-notifier["']\)|\(["']node-notifier["']\)/);
  });

  it('the preload is CommonJS that requires only electron and exposes named functions', () => {
    const preload = readFileSync(join(out, 'preload', 'preload.cjs'), 'utf8');
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('the first frame’s renderer for main is self-contained (no package to ship) and renders a state', async () => {
    const file = join(out, FIRST_PAINT_DIR, FIRST_PAINT_FILE);
    const source = readFileSync(file, 'utf8');
    const imported = [...source.matchAll(/^import\b[^'"]*["']([^"']+)["'];?$/gm)].map((m) => m[1]!);
    expect(imported.filter((name) => !name.startsWith('node:'))).toEqual([]);
    // It loads from a temporary folder, with no node_modules anywhere above it.
    expect(existsSync(join(tmpdir(), 'node_modules')) || existsSync('/node_modules')).toBe(false);
    const render = await loadFirstPaint(file);
    expect(render).not.toBeNull();
    expect(render!(silentApprovalState(), 'es')).toMatchObject({ lang: 'es', markup: expect.stringContaining('data-kind="silently-approved"') });
    // Never served to the page: it is not in the dashboard's folder.
    expect(readdirSync(join(out, 'renderer'), { recursive: true }).map(String).filter((name) => name.endsWith('.mjs'))).toEqual([]);
  });

  it('the dashboard loads nothing from the network and carries a strict CSP', () => {
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    const assets = readdirSync(join(out, 'renderer', 'assets'));
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
    for (const text of [html, ...assets.map((name) => readFileSync(join(out, 'renderer', 'assets', name), 'utf8'))]) {
      expect(text).not.toMatch(/<(script|link)[^>]+(src|href)=["']https?:/i);
      expect(text).not.toMatch(/fonts\.googleapis|googletagmanager|google-analytics|sentry\.io|segment\.(io|com)/i);
    }
  });
});
