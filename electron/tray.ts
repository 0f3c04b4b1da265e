// Turns the tray model (data from shared/tray) into Electron's Tray and Menu: icon per state (template
// images on macOS), tooltip, a context menu; plus the app menu that keeps Open and Quit reachable without
// a tray, and what closing the dashboard does per platform. It decides nothing about what to show.

import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { Language } from '../shared/localized';
import { commandLabel, fitTooltip, WINDOWS_TOOLTIP_MAX, type TrayCommand, type TrayIcon, type TrayMenuItem } from '../shared/tray/tray-model';

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

/**
 * The tray's last resort: a 16 px black disc (PNG), drawn when no image file of the tray could be read. Black with
 * transparency is what a macOS template image is; on Windows and Linux it is plain but never invisible.
 */
export const BUILT_IN_TRAY_IMAGE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAMUlEQVR42mNgoBH4jwNTpJkoQ/4TiSnSjNWQ/2TiUQOoaQDF0UiVhESVpEyVzEQSAADQgJtl5l/1yAAAAABJRU5ErkJggg==';

export interface TrayOptions {
  iconDir: string;
  platform: NodeJS.Platform;
  onCommand: (command: TrayCommand) => void;
  /** Where a missing tray image is reported (default console.warn); each path is reported once. */
  log?: (message: string) => void;
}

export function createTray(options: TrayOptions) {
  const log = options.log ?? ((message: string) => console.warn(message));
  const reported = new Set<string>();
  // nativeImage.createFromPath "returns an empty image if the path does not exist, cannot be read, or is not a valid
  // image" (docs/api/native-image.md), and a Tray with an empty image shows no icon at all, without an error. So an
  // empty image falls back (the state's icon -> the everyday icon -> the built-in disc) and the log says which file.
  const fromFile = (icon: TrayIcon): Electron.NativeImage | null => {
    const path = trayImagePath(options.iconDir, icon, options.platform);
    const img = nativeImage.createFromPath(path);
    if (!img.isEmpty()) return img;
    if (!reported.has(path)) {
      reported.add(path);
      log(`Tray icon ${path} is missing or not an image; the tray shows ${icon === 'watching' ? 'a built-in icon' : 'the everyday icon'} instead.`);
    }
    return null;
  };
  const image = (icon: TrayIcon) => {
    const img = fromFile(icon) ?? (icon === 'watching' ? null : fromFile('watching')) ?? nativeImage.createFromDataURL(BUILT_IN_TRAY_IMAGE);
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
      // Windows keeps 127 characters of a tooltip: whole lines, most important first (see fitTooltip).
      tray.setToolTip(options.platform === 'win32' ? fitTooltip(view.tooltip, WINDOWS_TOOLTIP_MAX) : view.tooltip);
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
