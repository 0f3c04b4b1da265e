// Whether Electron's sandbox can start on this Linux machine when `npm start` / `npm run demo` runs Electron from
// node_modules, and what to tell a person when it cannot, in English or Spanish. Reads only; it changes nothing.
//
// On Ubuntu 23.10 and later (and wherever unprivileged user namespaces are switched off) Chromium cannot build its
// namespace sandbox and falls back to the setuid helper `chrome-sandbox` next to the Electron binary. In
// node_modules that helper belongs to the user, not to root, so Electron aborts at start with "The SUID sandbox
// helper binary was found, but is not configured correctly" (electron/electron#41066, electron/electron#42510).
// This check sees that state before Electron starts and names the two fixes that keep the sandbox: make the helper
// setuid root, or give this Electron binary an AppArmor profile that allows user namespaces (what the deb installs
// for the packaged app). It never suggests --no-sandbox.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import type { Language } from '../shared/localized';

/** The kernel settings that decide whether an unprivileged program may create a user namespace. */
export const USER_NAMESPACE_SETTINGS = {
  /** Ubuntu 23.10+: 1 = only programs whose AppArmor profile says `userns` may create one. */
  apparmorRestrict: '/proc/sys/kernel/apparmor_restrict_unprivileged_userns',
  /** Debian's older switch: 0 = no unprivileged user namespaces at all. */
  unprivilegedClone: '/proc/sys/kernel/unprivileged_userns_clone',
  /** Any Linux: 0 = no user namespaces at all. */
  maxUserNamespaces: '/proc/sys/user/max_user_namespaces',
} as const;

/** Where AppArmor profiles live; one naming the Electron binary lifts the Ubuntu restriction for it. */
export const APPARMOR_PROFILES_DIR = '/etc/apparmor.d';

/** The exit code of `npm start` / `npm run demo` when the sandbox cannot start (sysexits.h EX_CONFIG). */
export const SANDBOX_EXIT_CODE = 78;

/** The part of the file system the check reads, injected so tests can drive it with any machine's state. */
export interface SandboxFileView {
  /** A file's text, or null when it does not exist or cannot be read. */
  readText(path: string): string | null;
  /** A file's owner and mode bits, or null when it does not exist. */
  stat(path: string): { uid: number; mode: number } | null;
  /** The file names in a folder, or [] when it cannot be read. */
  list(dir: string): string[];
}

/** The real file system, for the launcher. */
export const nodeSandboxFiles: SandboxFileView = {
  readText: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  stat: (path) => {
    try {
      const { uid, mode } = statSync(path);
      return { uid, mode };
    } catch {
      return null;
    }
  },
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

type Restriction = keyof typeof USER_NAMESPACE_SETTINGS;

export type SandboxVerdict =
  | { ok: true; because: 'not-linux' | 'namespaces-allowed' | 'helper-setuid-root' | 'apparmor-profile' }
  | {
      ok: false;
      /** The Electron binary that would abort, and its setuid helper beside it. */
      binary: string;
      helper: string;
      /** False when the helper is not there at all (an incomplete download). */
      helperPresent: boolean;
      /** Which settings restrict user namespaces; only `apparmorRestrict` can be lifted by an AppArmor profile. */
      restrictedBy: Restriction[];
    };

/**
 * Chromium's own test of the helper (sandbox/linux/suid/client/setuid_sandbox_host.cc): owned by root, with the
 * setuid bit, executable by others. `chmod 4755` after `chown root:root` gives exactly that.
 */
function helperIsSetuidRoot(status: { uid: number; mode: number } | null): boolean {
  return status !== null && status.uid === 0 && (status.mode & 0o4000) !== 0 && (status.mode & 0o001) !== 0;
}

/** The settings that restrict user namespaces here; a missing file (another kernel, not Linux) restricts nothing. */
function restrictions(files: SandboxFileView): Restriction[] {
  const value = (path: string) => files.readText(path)?.trim() ?? null;
  const found: Restriction[] = [];
  if (value(USER_NAMESPACE_SETTINGS.apparmorRestrict) === '1') found.push('apparmorRestrict');
  if (value(USER_NAMESPACE_SETTINGS.unprivilegedClone) === '0') found.push('unprivilegedClone');
  if (value(USER_NAMESPACE_SETTINGS.maxUserNamespaces) === '0') found.push('maxUserNamespaces');
  return found;
}

/** Whether a profile in /etc/apparmor.d names this binary (the README's and the message's profile does). */
function hasAppArmorProfileFor(binary: string, files: SandboxFileView): boolean {
  return files.list(APPARMOR_PROFILES_DIR).some((name) => files.readText(posix.join(APPARMOR_PROFILES_DIR, name))?.includes(binary) === true);
}

/** Whether Electron's sandbox can start for `binary` on this machine, decided from the injected file view alone. */
export function checkSandbox(binary: string, platform: NodeJS.Platform, files: SandboxFileView): SandboxVerdict {
  // macOS and Windows have their own sandboxes and no setuid helper.
  if (platform !== 'linux') return { ok: true, because: 'not-linux' };
  const restrictedBy = restrictions(files);
  if (restrictedBy.length === 0) return { ok: true, because: 'namespaces-allowed' };
  // Linux paths, whatever system runs the check (its tests run on macOS and Windows too).
  const helper = posix.join(posix.dirname(binary), 'chrome-sandbox');
  const status = files.stat(helper);
  if (helperIsSetuidRoot(status)) return { ok: true, because: 'helper-setuid-root' };
  // An AppArmor profile lifts only Ubuntu's restriction, not a kernel with user namespaces switched off.
  if (restrictedBy.every((r) => r === 'apparmorRestrict') && hasAppArmorProfileFor(binary, files)) return { ok: true, because: 'apparmor-profile' };
  return { ok: false, binary, helper, helperPresent: status !== null, restrictedBy };
}

/** The profile name the message proposes for the development Electron binary. */
export const DEV_PROFILE_NAME = 'daca-watch-dev';

/** What a person reads when Electron's sandbox cannot start here: why, and the commands that fix it (never --no-sandbox). */
export function sandboxFixMessage(problem: Extract<SandboxVerdict, { ok: false }>, lang: Language): string {
  const { binary, helper, helperPresent, restrictedBy } = problem;
  const setuid = `sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}'`;
  const profilePath = `${APPARMOR_PROFILES_DIR}/${DEV_PROFILE_NAME}`;
  const profile = [
    `printf '%s\\n' 'abi <abi/4.0>,' 'include <tunables/global>' 'profile ${DEV_PROFILE_NAME} "${binary}" flags=(unconfined) {' '  userns,' '}' | sudo tee ${profilePath}`,
    `sudo apparmor_parser -r ${profilePath}`,
  ];
  const profileHelps = restrictedBy.every((r) => r === 'apparmorRestrict');
  const en: string[] = [
    "DACA Watch could not open the desktop app: Electron's sandbox cannot start on this computer, and Electron would stop.",
    restrictedBy.includes('apparmorRestrict')
      ? 'This version of Linux (Ubuntu 23.10 or later, for example) lets only approved programs use the sandbox it needs.'
      : 'User namespaces, which the sandbox needs, are switched off on this computer.',
    helperPresent
      ? `Electron's other way in, its helper ${helper}, must then belong to root with mode 4755, and it does not.`
      : `Electron's other way in, its helper ${helper}, is missing: run \`npm ci\` again first.`,
    '',
    'Fix it once with one of these (they ask for your password), then run the same command again:',
    '',
    `  1. Make the helper belong to root (again after each \`npm ci\`):`,
    `     ${setuid}`,
    ...(profileHelps
      ? ['', '  2. Or let this Electron use the sandbox with an AppArmor profile (the installed app gets one from its deb):', ...profile.map((line) => `     ${line}`)]
      : []),
    '',
    'Please do not start Electron with --no-sandbox: that switches off the protection between the app and the',
    'web pages it opens, your myUSCIS account among them.',
  ];
  const es: string[] = [
    'DACA Watch no pudo abrir la aplicación de escritorio: el aislamiento (sandbox) de Electron no puede arrancar en esta computadora, y Electron se detendría.',
    restrictedBy.includes('apparmorRestrict')
      ? 'Esta versión de Linux (Ubuntu 23.10 o posterior, por ejemplo) solo permite a programas aprobados usar el aislamiento que necesita.'
      : 'Los espacios de nombres de usuario (user namespaces), que el aislamiento necesita, están desactivados en esta computadora.',
    helperPresent
      ? `La otra vía de Electron, su ayudante ${helper}, debe entonces pertenecer a root con permisos 4755, y no es así.`
      : `La otra vía de Electron, su ayudante ${helper}, falta: ejecute \`npm ci\` de nuevo primero.`,
    '',
    'Corríjalo una sola vez con una de estas opciones (piden su contraseña) y luego ejecute el mismo comando otra vez:',
    '',
    `  1. Haga que el ayudante pertenezca a root (de nuevo después de cada \`npm ci\`):`,
    `     ${setuid}`,
    ...(profileHelps
      ? ['', '  2. O permita que este Electron use el aislamiento con un perfil de AppArmor (la aplicación instalada recibe uno con su paquete deb):', ...profile.map((line) => `     ${line}`)]
      : []),
    '',
    'Por favor, no inicie Electron con --no-sandbox: eso desactiva la protección entre la aplicación y las',
    'páginas web que abre, entre ellas su cuenta de myUSCIS.',
  ];
  return `${(lang === 'es' ? es : en).join('\n')}\n`;
}
