// The tray adapter and the app menu through the Electron double: a left click opens the dashboard on
// every OS (macOS pops the menu on a right click instead of the left), Open and Quit without a tray,
// and what closing the dashboard does where a tray icon may be missing.

import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, createTray, dashboardCloseAction, setAppMenu } from '../../electron/tray';
import type { TrayCommand, TrayMenuItem } from '../../shared/tray/tray-model';
import type { ElectronDouble } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const MENU: TrayMenuItem[] = [
  { kind: 'item', command: 'open-dashboard', label: 'Open dashboard', enabled: true },
  { kind: 'item', command: 'quit', label: 'Quit DACA Watch', enabled: true },
];

function trayOn(platform: NodeJS.Platform) {
  const commands: TrayCommand[] = [];
  const tray = createTray({ iconDir: '/icons', platform, onCommand: (command) => void commands.push(command) });
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
