// The tray adapter and the app menu through the Electron double: a left click opens the dashboard on
// every OS (macOS pops the menu on a right click instead of the left), Open and Quit without a tray,
// and what closing the dashboard does where a tray icon may be missing.

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, BUILT_IN_TRAY_IMAGE, createTray, dashboardCloseAction, setAppMenu } from '../../electron/tray';
import { fitTooltip, WINDOWS_TOOLTIP_MAX, type TrayCommand, type TrayMenuItem } from '../../shared/tray/tray-model';
import type { ElectronDouble, FakeNativeImage } from '../helpers/electron-double';
import { tempFolder } from '../helpers/engine-harness';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const MENU: TrayMenuItem[] = [
  { kind: 'item', command: 'open-dashboard', label: 'Open dashboard', enabled: true },
  { kind: 'item', command: 'quit', label: 'Quit DACA Watch', enabled: true },
];

const ICON_DIR = join(import.meta.dirname, '..', '..', 'build', 'tray');

function trayOn(platform: NodeJS.Platform) {
  const commands: TrayCommand[] = [];
  const tray = createTray({ iconDir: ICON_DIR, platform, onCommand: (command) => void commands.push(command) });
  tray.render({ icon: 'watching', tooltip: 'DACA Watch', menu: MENU });
  return { commands, fake: electron.Tray.all.at(-1)! };
}

describe('the tray', () => {
  it('on macOS: a left click opens the dashboard (no context menu set, which would take the left click); a right click pops the menu', () => {
    const { commands, fake } = trayOn('darwin');
    expect(fake.contextMenu).toBeNull();
    fake.emit('click');
    expect(commands).toEqual(['open-dashboard']);
    fake.emit('right-click');
    expect(fake.poppedUp).toHaveLength(1);
    expect((fake.poppedUp[0] as { items: unknown[] }).items).toHaveLength(2);
  });

  it.each(['win32', 'linux'] as const)('on %s: the context menu is set (the only way in where clicks are not reported) and a click opens the dashboard', (platform) => {
    const { commands, fake } = trayOn(platform);
    expect(fake.contextMenu?.items).toHaveLength(2);
    fake.emit('click');
    expect(commands).toEqual(['open-dashboard']);
  });
});

describe('the tray image', () => {
  it('is the state’s file (a template image on macOS)', () => {
    const { fake } = trayOn('darwin');
    expect(fake.image).toMatchObject({ path: join(ICON_DIR, 'watchingTemplate.png'), template: true });
  });

  it('falls back to the everyday icon when a state’s file is missing, and says which file (once)', () => {
    const iconDir = tempFolder();
    copyFileSync(join(ICON_DIR, 'watching.png'), join(iconDir, 'watching.png'));
    const logged: string[] = [];
    const tray = createTray({ iconDir, platform: 'win32', onCommand: () => undefined, log: (m) => logged.push(m) });
    tray.render({ icon: 'news', tooltip: 'DACA Watch', menu: MENU });
    tray.render({ icon: 'news', tooltip: 'DACA Watch', menu: MENU });
    expect((electron.Tray.all.at(-1)!.image as FakeNativeImage).path).toBe(join(iconDir, 'watching.png'));
    expect(logged).toEqual([`Tray icon ${join(iconDir, 'news.png')} is missing or not an image; the tray shows the everyday icon instead.`]);
  });

  it('never shows an empty icon: with no readable file it draws the built-in one and says why', () => {
    const iconDir = tempFolder();
    writeFileSync(join(iconDir, 'unrelated.txt'), 'no images here');
    const logged: string[] = [];
    const tray = createTray({ iconDir, platform: 'darwin', onCommand: () => undefined, log: (m) => logged.push(m) });
    const fake = electron.Tray.all.at(-1)!;
    const image = fake.image as FakeNativeImage;
    expect(image.isEmpty()).toBe(false);
    expect(image).toMatchObject({ path: BUILT_IN_TRAY_IMAGE, template: true });
    expect(logged).toEqual([`Tray icon ${join(iconDir, 'watchingTemplate.png')} is missing or not an image; the tray shows a built-in icon instead.`]);
    tray.render({ icon: 'attention', tooltip: 'DACA Watch', menu: MENU });
    expect((fake.image as FakeNativeImage).path).toBe(BUILT_IN_TRAY_IMAGE);
    expect(logged).toHaveLength(2);
  });
});

describe('the app menu', () => {
  const clickable = (template: ReturnType<typeof appMenuTemplate>) =>
    template.flatMap((entry) => (Array.isArray(entry.submenu) ? entry.submenu : [])).filter((item) => item.label) as Array<{ label: string; accelerator?: string; click: () => void }>;

  it('keeps Open dashboard and Quit reachable without a tray, with shortcuts, in English and Spanish', () => {
    const commands: TrayCommand[] = [];
    const english = clickable(appMenuTemplate('en', 'linux', (command) => void commands.push(command)));
    expect(english.map((item) => [item.label, item.accelerator])).toEqual([
      ['Open dashboard', 'CmdOrCtrl+D'],
      ['Quit DACA Watch', 'CmdOrCtrl+Q'],
    ]);
    for (const item of english) item.click();
    expect(commands).toEqual(['open-dashboard', 'quit']);
    expect(clickable(appMenuTemplate('es', 'win32', () => undefined)).map((item) => item.label)).toEqual(['Abrir el panel', 'Salir de DACA Watch']);
  });

  it('has the Edit menu (copy and paste in the sign-in window on macOS) and is installed as the application menu', () => {
    expect(appMenuTemplate('en', 'darwin', () => undefined).map((entry) => entry.role ?? entry.label)).toEqual(['DACA Watch', 'editMenu', 'windowMenu']);
    setAppMenu('en', 'linux', () => undefined);
    expect((electron.app.applicationMenu as { items: unknown[] }).items).toHaveLength(2);
  });
});

describe('closing the dashboard', () => {
  it('keeps the window (minimized) on Linux, where no tray icon may show; closes it where the Dock or the notification area brings it back', () => {
    expect(dashboardCloseAction('linux')).toBe('minimize');
    expect(dashboardCloseAction('darwin')).toBe('close');
    expect(dashboardCloseAction('win32')).toBe('close');
  });
});

describe('the tooltip on Windows (127 characters kept)', () => {
  const work = 'Su permiso de trabajo venció el 1 de noviembre de 2026: no puede trabajar hasta la aprobación y la nueva tarjeta';
  const long = `${work}\nDACA Watch — Vigilando · Pendiente 106 días: puede preguntar a USCIS · 2 novedades`;

  it('keeps whole lines, most important first, where Electron would cut mid-word', () => {
    const tray = createTray({ iconDir: ICON_DIR, platform: 'win32', onCommand: () => undefined });
    tray.render({ icon: 'watching', tooltip: long, menu: MENU });
    const shown = electron.Tray.all.at(-1)!.tooltip;
    expect(long.length).toBeGreaterThan(WINDOWS_TOOLTIP_MAX);
    expect(shown).toBe(work);
    expect(shown.length).toBeLessThanOrEqual(WINDOWS_TOOLTIP_MAX);
  });

  it('cuts a first line too long alone at a word, with an ellipsis; other systems get the whole text', () => {
    const alone = `${work} ${work}`;
    const fitted = fitTooltip(alone, WINDOWS_TOOLTIP_MAX);
    expect(fitted.length).toBeLessThanOrEqual(WINDOWS_TOOLTIP_MAX);
    expect(fitted.endsWith('…')).toBe(true);
    expect(alone.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(alone.charAt(fitted.length - 1)).toBe(' ');
    const tray = createTray({ iconDir: ICON_DIR, platform: 'linux', onCommand: () => undefined });
    tray.render({ icon: 'watching', tooltip: long, menu: MENU });
    expect(electron.Tray.all.at(-1)!.tooltip).toBe(long);
  });
});
