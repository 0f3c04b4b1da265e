// Turns the tray model (data from shared/tray) into Electron's Tray and Menu: icon per state (template
// images on macOS), tooltip, a context menu; plus the app menu that keeps Open and Quit reachable without
// a tray, and what closing the dashboard does per platform. It decides nothing about what to show.

import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { Language } from '../shared/localized';
import { commandLabel, type TrayCommand, type TrayIcon, type TrayMenuItem } from '../shared/tray/tray-model';

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

/** The image file for a tray state: macOS wants a black template image, the others colour. */
export function trayImagePath(iconDir: string, icon: TrayIcon, platform: NodeJS.Platform): string {
  return join(iconDir, platform === 'darwin' ? `${icon}Template.png` : `${icon}.png`);
}

export function menuTemplate(items: TrayMenuItem[], onCommand: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'checkbox':
        return { type: 'checkbox', label: item.label, checked: item.checked, click: () => onCommand(item.command) };
      case 'item':
        return { label: item.label, enabled: item.enabled, click: () => onCommand(item.command) };
    }
  });
}

export function createTray(options: { iconDir: string; platform: NodeJS.Platform; onCommand: (command: TrayCommand) => void }) {
  const image = (icon: TrayIcon) => {
    const img = nativeImage.createFromPath(trayImagePath(options.iconDir, icon, options.platform));
    if (options.platform === 'darwin') img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(image('watching'));
  const mac = options.platform === 'darwin';
  let menu: Electron.Menu | null = null;
  // A left click opens the dashboard. On macOS a context menu set with setContextMenu would open on
  // the left click instead (Tray docs, "Platform Considerations"), so there the menu pops up on a
  // right click. Some Linux desktops report no clicks at all: the context menu is the way in there.
  tray.on('click', () => options.onCommand('open-dashboard'));
  if (mac) tray.on('right-click', () => menu && tray.popUpContextMenu(menu));
  return {
    render(view: TrayView): void {
      tray.setImage(image(view.icon));
      tray.setToolTip(view.tooltip);
      menu = Menu.buildFromTemplate(menuTemplate(view.menu, options.onCommand));
      if (!mac) tray.setContextMenu(menu);
    },
    destroy: () => tray.destroy(),
  };
}

/**
 * The app menu: Open dashboard and Quit whether or not a tray icon shows (GNOME has no tray without the
 * AppIndicator extension: electron/electron#10427), and the Edit menu so copy and paste work in the
 * sign-in window on macOS (a menu without it takes the shortcuts away).
 */
export function appMenuTemplate(language: Language, platform: NodeJS.Platform, onCommand: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  const open: MenuItemConstructorOptions = { label: commandLabel(language, 'open-dashboard'), accelerator: 'CmdOrCtrl+D', click: () => onCommand('open-dashboard') };
  const quit: MenuItemConstructorOptions = { label: commandLabel(language, 'quit'), accelerator: 'CmdOrCtrl+Q', click: () => onCommand('quit') };
  const first: MenuItemConstructorOptions = { label: platform === 'darwin' ? 'DACA Watch' : language === 'es' ? 'Archivo' : 'File', submenu: [open, { type: 'separator' }, quit] };
  return [first, { role: 'editMenu' }, ...(platform === 'darwin' ? [{ role: 'windowMenu' } as const] : [])];
}

export function setAppMenu(language: Language, platform: NodeJS.Platform, onCommand: (command: TrayCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(language, platform, onCommand)));
}

/** The app menu in the user's language: `render` builds it again only when the language has changed. */
export function createAppMenu(platform: NodeJS.Platform, onCommand: (command: TrayCommand) => void): (language: Language) => void {
  let shownIn: Language | null = null;
  return (language) => {
    if (language === shownIn) return;
    shownIn = language;
    setAppMenu(language, platform, onCommand);
  };
}

/**
 * What closing the dashboard does. macOS: the window goes; the Dock icon stays and `activate` brings
 * it back. Windows: the window goes; the notification-area icon always shows. Linux: the window is
 * minimized, not closed, because Electron cannot tell whether a tray icon is on screen (no
 * StatusNotifierItem host on plain GNOME: Tray docs, electron/electron#10427), and a closed window with
 * no icon would leave an invisible process. Quit (menu, Ctrl+Q, tray) ends the app on every platform.
 */
export function dashboardCloseAction(platform: NodeJS.Platform): 'close' | 'minimize' {
  return platform === 'linux' ? 'minimize' : 'close';
}
