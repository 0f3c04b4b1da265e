// Windows toasts show only for the AppUserModelID a Start-menu shortcut carries: the id the app gives Windows must be
// the one electron-builder's NSIS installer writes on its shortcuts. Read from the installed electron-builder (26),
// not assumed; no installer is built or run here, and nothing here ran on Windows.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../electron/app-id';
import { windowsAppUserModelId } from '../../electron/desktop-notifier';

const ROOT = join(import.meta.dirname, '..', '..');
const builderLib = dirname(createRequire(join(ROOT, 'package.json')).resolve('app-builder-lib/package.json'));

describe('the Windows app id', () => {
  it('is electron-builder.yml’s appId (top level and win, which electron-builder prefers)', () => {
    const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { appId: string; win: { appId?: string } };
    expect(config.appId).toBe(APP_ID);
    expect(config.win.appId ?? config.appId).toBe(APP_ID);
  });

  it('is what the NSIS installer puts on its shortcuts: APP_ID is appInfo.id, and installer.nsh sets each shortcut’s AUMI to it', () => {
    const target = readFileSync(join(builderLib, 'out', 'targets', 'nsis', 'NsisTarget.js'), 'utf8');
    expect(target).toMatch(/APP_ID: appInfo\.id,/);
    const installer = readFileSync(join(builderLib, 'templates', 'nsis', 'include', 'installer.nsh'), 'utf8');
    expect(installer).toContain('WinShell::SetLnkAUMI "$newStartMenuLink" "${APP_ID}"');
    expect(installer).toContain('WinShell::SetLnkAUMI "$newDesktopLink" "${APP_ID}"');
    // appInfo.id: the platform's appId first, then the top-level one.
    const appInfo = readFileSync(join(builderLib, 'out', 'appInfo.js'), 'utf8');
    expect(appInfo).toMatch(/for \(const options of \[this\.platformSpecificOptions, this\.info\.config\]\)/);
  });

  it('is the id a packaged app gives Windows (app.setAppUserModelId and node-notifier’s appID); electron.exe’s own in development', () => {
    expect(windowsAppUserModelId(APP_ID, true, 'C:\\Program Files\\DACA Watch\\DACA Watch.exe')).toBe('org.dacawatch.desktop');
    expect(windowsAppUserModelId(APP_ID, false, 'C:\\dev\\electron.exe')).toBe('C:\\dev\\electron.exe');
  });
});
