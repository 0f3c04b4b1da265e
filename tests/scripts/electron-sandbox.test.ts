// The launcher's sandbox check on fake machines: the kernel settings and Electron's setuid helper as Ubuntu 24.04,
// Debian with user namespaces off, an older kernel, macOS and Windows show them, and what a person reads in each language.

import { describe, expect, it } from 'vitest';
import { APPARMOR_PROFILES_DIR, checkSandbox, sandboxFixMessage, USER_NAMESPACE_SETTINGS, type SandboxFileView } from '../../scripts/electron-sandbox';

const BINARY = '/home/ana/daca-watch/node_modules/electron/dist/electron';
const HELPER = '/home/ana/daca-watch/node_modules/electron/dist/chrome-sandbox';
const USER_HELPER = { uid: 1000, mode: 0o100755 };
const ROOT_SETUID_HELPER = { uid: 0, mode: 0o104755 };

/** A machine: file texts, the helper's owner and mode (absent when undefined). */
function machine(files: Record<string, string>, helper?: { uid: number; mode: number }): SandboxFileView {
  return {
    readText: (path) => files[path] ?? null,
    stat: (path) => (path === HELPER && helper ? helper : null),
    list: (dir) =>
      Object.keys(files)
        .filter((path) => path.startsWith(`${dir}/`))
        .map((path) => path.slice(dir.length + 1)),
  };
}

const UBUNTU_24_04 = { [USER_NAMESPACE_SETTINGS.apparmorRestrict]: '1\n', [USER_NAMESPACE_SETTINGS.maxUserNamespaces]: '63289\n' };
const PROFILE = `abi <abi/4.0>,\ninclude <tunables/global>\nprofile daca-watch-dev "${BINARY}" flags=(unconfined) {\n  userns,\n}\n`;

describe('checkSandbox', () => {
  it('restricted namespaces and a helper owned by the user: Electron would abort, so the launcher stops first', () => {
    expect(checkSandbox(BINARY, 'linux', machine(UBUNTU_24_04, USER_HELPER))).toEqual({ ok: false, binary: BINARY, helper: HELPER, helperPresent: true, restrictedBy: ['apparmorRestrict'] });
    // Root-owned but not setuid (the deb's post-install sets 0755 where namespaces work) is not enough either.
    expect(checkSandbox(BINARY, 'linux', machine(UBUNTU_24_04, { uid: 0, mode: 0o100755 }))).toMatchObject({ ok: false });
    expect(checkSandbox(BINARY, 'linux', machine(UBUNTU_24_04))).toMatchObject({ ok: false, helperPresent: false });
  });

  it('restricted namespaces and a setuid-root helper (chown root:root, chmod 4755): go', () => {
    expect(checkSandbox(BINARY, 'linux', machine(UBUNTU_24_04, ROOT_SETUID_HELPER))).toEqual({ ok: true, because: 'helper-setuid-root' });
  });

  it('restricted by AppArmor, with a profile for this binary in /etc/apparmor.d: go; a profile for another binary does not count', () => {
    expect(checkSandbox(BINARY, 'linux', machine({ ...UBUNTU_24_04, [`${APPARMOR_PROFILES_DIR}/daca-watch-dev`]: PROFILE }, USER_HELPER))).toEqual({ ok: true, because: 'apparmor-profile' });
    expect(checkSandbox(BINARY, 'linux', machine({ ...UBUNTU_24_04, [`${APPARMOR_PROFILES_DIR}/other`]: PROFILE.replace(BINARY, '/opt/Other/other') }, USER_HELPER))).toMatchObject({ ok: false });
  });

  it('user namespaces switched off in the kernel: only the setuid helper helps, an AppArmor profile does not', () => {
    const debian = { [USER_NAMESPACE_SETTINGS.unprivilegedClone]: '0\n', [`${APPARMOR_PROFILES_DIR}/daca-watch-dev`]: PROFILE };
    expect(checkSandbox(BINARY, 'linux', machine(debian, USER_HELPER))).toMatchObject({ ok: false, restrictedBy: ['unprivilegedClone'] });
    expect(checkSandbox(BINARY, 'linux', machine({ [USER_NAMESPACE_SETTINGS.maxUserNamespaces]: '0' }, USER_HELPER))).toMatchObject({ ok: false, restrictedBy: ['maxUserNamespaces'] });
    expect(checkSandbox(BINARY, 'linux', machine(debian, ROOT_SETUID_HELPER))).toEqual({ ok: true, because: 'helper-setuid-root' });
  });

  it('unrestricted namespaces: go, whoever owns the helper', () => {
    const open = { [USER_NAMESPACE_SETTINGS.apparmorRestrict]: '0\n', [USER_NAMESPACE_SETTINGS.unprivilegedClone]: '1\n', [USER_NAMESPACE_SETTINGS.maxUserNamespaces]: '63289\n' };
    expect(checkSandbox(BINARY, 'linux', machine(open, USER_HELPER))).toEqual({ ok: true, because: 'namespaces-allowed' });
  });

  it('the settings files missing (an older kernel, no AppArmor): go', () => {
    expect(checkSandbox(BINARY, 'linux', machine({}))).toEqual({ ok: true, because: 'namespaces-allowed' });
  });

  it.each(['darwin', 'win32'] as const)('%s: go without reading anything (no setuid helper there)', (platform) => {
    const untouchable: SandboxFileView = {
      readText: () => {
        throw new Error('must not read');
      },
      stat: () => {
        throw new Error('must not stat');
      },
      list: () => {
        throw new Error('must not list');
      },
    };
    expect(checkSandbox('C:\\daca-watch\\node_modules\\electron\\dist\\electron.exe', platform, untouchable)).toEqual({ ok: true, because: 'not-linux' });
  });
});

describe('sandboxFixMessage', () => {
  const problem = { ok: false as const, binary: BINARY, helper: HELPER, helperPresent: true, restrictedBy: ['apparmorRestrict' as const] };

  it('names both fixes with the real paths, in English, and never proposes --no-sandbox', () => {
    const text = sandboxFixMessage(problem, 'en');
    expect(text).toContain("Electron's sandbox cannot start on this computer");
    expect(text).toContain(`sudo chown root:root '${HELPER}' && sudo chmod 4755 '${HELPER}'`);
    expect(text).toContain(`'profile daca-watch-dev "${BINARY}" flags=(unconfined) {' '  userns,' '}' | sudo tee /etc/apparmor.d/daca-watch-dev`);
    expect(text).toContain('sudo apparmor_parser -r /etc/apparmor.d/daca-watch-dev');
    expect(text.split('\n').filter((line) => line.includes('--no-sandbox'))).toEqual(['Please do not start Electron with --no-sandbox: that switches off the protection between the app and the']);
    expect(text).not.toMatch(/[áéíóúñ¿]/);
  });

  it('says the same in Spanish, commands unchanged', () => {
    const text = sandboxFixMessage(problem, 'es');
    expect(text).toContain('el aislamiento (sandbox) de Electron no puede arrancar en esta computadora');
    expect(text).toContain(`sudo chown root:root '${HELPER}' && sudo chmod 4755 '${HELPER}'`);
    expect(text).toContain('sudo apparmor_parser -r /etc/apparmor.d/daca-watch-dev');
    expect(text).toContain('Por favor, no inicie Electron con --no-sandbox');
    expect(text).not.toMatch(/\b(could|the sandbox|Fix it)\b/);
  });

  it('leaves the AppArmor profile out where user namespaces are off in the kernel, and asks for `npm ci` when the helper is missing', () => {
    const off = sandboxFixMessage({ ...problem, restrictedBy: ['unprivilegedClone'] }, 'en');
    expect(off).toContain('User namespaces, which the sandbox needs, are switched off');
    expect(off).not.toContain('apparmor_parser');
    expect(off).toContain('sudo chmod 4755');
    expect(sandboxFixMessage({ ...problem, helperPresent: false }, 'es')).toContain('falta: ejecute `npm ci` de nuevo primero');
  });
});
