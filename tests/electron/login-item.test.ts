// Start at login on each platform: login items on macOS and Windows, a real autostart file on Linux.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartFilePath, setStartAtLogin } from '../../electron/login-item';
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

  it.each(['darwin', 'win32'] as const)('uses login items on %s', (platform) => {
    const calls: unknown[] = [];
    setStartAtLogin(true, { platform, setLoginItemSettings: (s) => calls.push(s), executable: 'x' });
    setStartAtLogin(false, { platform, setLoginItemSettings: (s) => calls.push(s), executable: 'x' });
    expect(calls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('quotes the command as the Desktop Entry spec asks', () => {
    expect(autostartEntry('/a/b"c$d')).toContain('Exec="/a/b\\"c\\$d" --hidden');
  });
});
