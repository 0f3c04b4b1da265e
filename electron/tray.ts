// Turns the tray model (data from shared/tray) into Electron's Tray and Menu: icon per state (template
// images on macOS), tooltip, and always a context menu. It decides nothing about what to show.

import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { TrayCommand, TrayIcon, TrayMenuItem } from '../shared/tray/tray-model';

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
  // Some Linux desktops report no clicks at all: the context menu is the way in.
  tray.on('click', () => options.onCommand('open-dashboard'));
  return {
    render(view: TrayView): void {
      tray.setImage(image(view.icon));
      tray.setToolTip(view.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(view.menu, options.onCommand)));
    },
    destroy: () => tray.destroy(),
  };
}
