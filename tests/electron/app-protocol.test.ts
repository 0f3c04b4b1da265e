// Tests for app://dashboard through the Electron double, over a real temporary folder: the scheme's
// privileges, files served with their MIME type and the CSP, and every way out of the folder refused.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DASHBOARD_CSP, DASHBOARD_URL, registerAppScheme, resolveAppPath, serveDashboard } from '../../electron/app-protocol';
import type { ElectronDouble } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

// As main.ts does it: the scheme's privileges at load time, before `ready`; the handler only after it
// (docs/api/protocol.md). The double throws on a call out of its time, so these are recorded before the app is ready.
registerAppScheme();
const handlerBeforeReady = captureError(() => serveDashboard('/nowhere'));

function captureError(run: () => void): Error | null {
  try {
    run();
    return null;
  } catch (error) {
    return error as Error;
  }
}

let base: string;
let root: string;
beforeAll(async () => {
  await electron.app.whenReady();
  base = mkdtempSync(join(tmpdir(), 'daca-watch-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/index-abc.js"></script>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const dashboard = 1;');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'main { color: black }');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2');
  writeFileSync(join(base, 'secret.json'), '{"cookie":"do not serve"}');
  serveDashboard(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function get(url: string, method = 'GET'): Promise<Response> {
  const handler = electron.protocol.handlers.get('app');
  if (!handler) throw new Error('app:// is not handled');
  return handler(new Request(url, { method })) as Promise<Response>;
}

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme and nothing more', () => {
    expect(electron.protocol.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('works only in its time: privileges before ready, the handler after (the double throws out of its time)', () => {
    expect(handlerBeforeReady?.message).toMatch(/after the app is ready/);
    expect(electron.app.isReady()).toBe(true);
    expect(() => registerAppScheme()).toThrow(/before app is ready/);
    expect(electron.protocol.schemes).toHaveLength(1);
    expect(electron.protocol.handlers.has('app')).toBe(true);
  });
});

describe('serveDashboard', () => {
  it.each([
    [DASHBOARD_URL, 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://dashboard/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://dashboard/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export const dashboard'],
    ['app://dashboard/assets/index-abc.css?v=1#x', 'text/css; charset=utf-8', 'main {'],
    ['app://dashboard/assets/logo.svg', 'image/svg+xml', '<svg'],
    ['app://dashboard/assets/font.woff2', 'font/woff2', 'wOF2'],
  ])('serves %s as %s with the CSP', async (url, contentType, start) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toMatch(new RegExp(`^${start.replace(/[{.]/g, '\\$&')}`));
  });

  it.each([
    'app://dashboard/../secret.json',
    'app://dashboard/%2e%2e/secret.json',
    'app://dashboard/%2E%2E/%2e%2e/secret.json',
    'app://dashboard/..%2fsecret.json',
    'app://dashboard/assets/..%2f..%2fsecret.json',
    'app://dashboard/..%5csecret.json',
    'app://dashboard//etc/passwd',
    'app://dashboard/%2Fetc%2Fpasswd',
    'app://dashboard/assets',
    'app://dashboard/assets/',
    'app://dashboard/missing.js',
    'app://dashboard/%E0%A4%A',
    'app://evil/index.html',
    'app://dashboard.evil/index.html',
  ])('answers %s with 404, the CSP and nothing of the file', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('answers only GET', async () => {
    expect((await get(DASHBOARD_URL, 'POST')).status).toBe(404);
  });
});

describe('resolveAppPath', () => {
  it('maps the dashboard’s paths into the folder, / to index.html', () => {
    expect(resolveAppPath('/app/renderer', 'app://dashboard/')).toBe(join('/app/renderer', 'index.html'));
    expect(resolveAppPath('/app/renderer', 'app://dashboard')).toBe(join('/app/renderer', 'index.html'));
    expect(resolveAppPath('/app/renderer', 'app://dashboard/assets/index-abc.js?x=1')).toBe(join('/app/renderer', 'assets', 'index-abc.js'));
    expect(resolveAppPath('/app/renderer', 'app://dashboard/assets/my%20logo.svg')).toBe(join('/app/renderer', 'assets', 'my logo.svg'));
  });

  it.each([
    'app://dashboard/..%2f..%2fetc%2fpasswd',
    'app://dashboard/..%5c..%5cwindows%5cwin.ini',
    'app://dashboard/..\\..\\windows\\win.ini',
    'app://dashboard/C:%5cWindows%5cwin.ini',
    'app://dashboard/C:/Windows/win.ini',
    'app://dashboard//etc/passwd',
    'app://dashboard/%2Fetc%2Fpasswd',
    'app://dashboard/a%00.js',
    'app://dashboard/%E0%A4%A',
    'app://other/index.html',
    'https://dashboard/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath('/app/renderer', url)).toBeNull();
  });

  it('keeps dot segments the URL parser already resolved inside the folder', () => {
    for (const url of ['app://dashboard/../../etc/passwd', 'app://dashboard/%2e%2e/%2e%2e/etc/passwd', 'app://dashboard/assets/./../index.html']) {
      const file = resolveAppPath('/app/renderer', url);
      expect(file, url).not.toBeNull();
      expect(file!.startsWith(join('/app/renderer') + sep), url).toBe(true);
    }
  });
});

describe('the CSP', () => {
  it('allows scripts and styles only from the app itself, and nothing inline', () => {
    const directives = Object.fromEntries(DASHBOARD_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
    expect(DASHBOARD_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('serveDashboard with the first frame', () => {
  it('rewrites index.html on every load of the page (/ and /index.html) and never another file', async () => {
    const seen: string[] = [];
    let load = 0;
    serveDashboard(root, (html) => {
      seen.push(html);
      load += 1;
      return html.replace('<script', `<p>frame ${load}</p><script`);
    });
    try {
      expect(await (await get(DASHBOARD_URL)).text()).toContain('<p>frame 1</p><script');
      const again = await get('app://dashboard/');
      expect(again.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(again.headers.get('cache-control')).toBe('no-store');
      expect((await get('app://dashboard/assets/index-abc.js')).headers.get('cache-control')).toBeNull();
      expect(again.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
      expect(await again.text()).toContain('<p>frame 2</p><script');
      expect(await (await get('app://dashboard/assets/index-abc.js')).text()).toBe('export const dashboard = 1;');
      expect((await get('app://dashboard/index.html', 'POST')).status).toBe(404);
      expect(seen).toEqual(['<!doctype html><script type="module" src="./assets/index-abc.js"></script>', '<!doctype html><script type="module" src="./assets/index-abc.js"></script>']);
    } finally {
      serveDashboard(root);
    }
  });

  it('serves the page as built when rewriting it throws', async () => {
    serveDashboard(root, () => {
      throw new Error('no locale yet');
    });
    try {
      const response = await get(DASHBOARD_URL);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('<!doctype html><script type="module" src="./assets/index-abc.js"></script>');
    } finally {
      serveDashboard(root);
    }
  });
});
