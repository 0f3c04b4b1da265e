// Start at login on each platform: login items on macOS and Windows, a real autostart file on Linux, each
// starting the app hidden; in development the program is Electron with the app's folder.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartFilePath, setStartAtLogin, startedAtLogin } from '../../electron/login-item';
import { tempFolder } from '../helpers/engine-harness';

describe('start at login', () => {
  it('writes and removes an XDG autostart entry on Linux', () => {
    const configHome = tempFolder();
    const calls: unknown[] = [];
    const ports = { platform: 'linux' as const, setLoginItemSettings: (s: unknown) => calls.push(s), executable: '/opt/DACA Watch/daca-watch', configHome };
    setStartAtLogin(true, ports);
    const file = autostartFilePath(configHome);
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/DACA Watch/daca-watch" --hidden');
    expect(readFileSync(file, 'utf8').startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    setStartAtLogin(false, ports);
    expect(existsSync(file)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('uses a hidden login item on macOS', () => {
    const calls: unknown[] = [];
    setStartAtLogin(true, { platform: 'darwin', setLoginItemSettings: (s) => calls.push(s), executable: 'x' });
    setStartAtLogin(false, { platform: 'darwin', setLoginItemSettings: (s) => calls.push(s), executable: 'x' });
    expect(calls).toEqual([{ openAtLogin: true, openAsHidden: true }, { openAtLogin: false, openAsHidden: true }]);
  });

  it('starts the installed app hidden on Windows, and Electron with the app folder in development', () => {
    const calls: unknown[] = [];
    const set = (s: unknown) => void calls.push(s);
    setStartAtLogin(true, { platform: 'win32', setLoginItemSettings: set, executable: 'C:\\Apps\\DACA Watch.exe' });
    setStartAtLogin(true, { platform: 'win32', setLoginItemSettings: set, executable: 'C:\\dev\\electron.exe', appPath: 'C:\\dev\\daca-watch' });
    expect(calls).toEqual([
      { openAtLogin: true, path: 'C:\\Apps\\DACA Watch.exe', args: ['--hidden'] },
      { openAtLogin: true, path: 'C:\\dev\\electron.exe', args: ['C:\\dev\\daca-watch', '--hidden'] },
    ]);
  });

  it('starts Electron with the app folder from the Linux autostart entry in development', () => {
    expect(autostartEntry('/dev/electron', '/home/me/daca watch')).toContain('Exec="/dev/electron" "/home/me/daca watch" --hidden');
  });

  it('knows a start at login: the flag on every OS, macOS’s own report there only', () => {
    expect(startedAtLogin(['electron', '.', '--hidden'], 'win32', () => false)).toBe(true);
    expect(startedAtLogin(['DACA Watch'], 'darwin', () => true)).toBe(true);
    expect(startedAtLogin(['daca-watch'], 'linux', () => true)).toBe(false);
    expect(startedAtLogin(['DACA Watch'], 'darwin', () => false)).toBe(false);
  });

  it('quotes the command as the Desktop Entry spec asks', () => {
    expect(autostartEntry('/a/b"c$d')).toContain('Exec="/a/b\\"c\\$d" --hidden');
  });
});
