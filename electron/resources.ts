// Where the shell's own files (notification icon, tray images) are: resources/ in a packaged app (put there
// by electron-builder's extraResources), build/ in development. Plain Node (no `electron` import); it reads nothing.

import { join } from 'node:path';

/** The files the shell loads at run time, by name inside the resources folder. electron-builder.yml ships each. */
export const RESOURCE = {
  /** A real file on disk: the notification server or helper reads it itself (not from inside app.asar). */
  notificationIcon: 'icon.png',
  /** Folder of the tray images, one per state (and macOS template images). */
  trayImages: 'tray',
} as const;

export interface ResourcePlace {
  isPackaged: boolean;
  /** process.resourcesPath (packaged apps). */
  resourcesPath: string;
  /** The folder of the main bundle (dist/main in development). */
  mainDir: string;
}

/** The resources folder: process.resourcesPath when packaged, the repository's build/ in development. */
export function resourcesDir(place: ResourcePlace): string {
  return place.isPackaged ? place.resourcesPath : join(place.mainDir, '..', '..', 'build');
}

export function resourcePath(place: ResourcePlace, name: (typeof RESOURCE)[keyof typeof RESOURCE]): string {
  return join(resourcesDir(place), name);
}
