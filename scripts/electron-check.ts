// Whether Electron can start here (installed, its one-time download done or doable, a display), and what to
// tell a person when it cannot, in English or Spanish. Decides and words only: it starts no app window itself.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../shared/localized';

export type ElectronProblem =
  | { reason: 'not-installed' }
  | { reason: 'download-failed'; detail: string }
  | { reason: 'no-binary'; path: string }
  | { reason: 'no-display' }
  | { reason: 'cannot-start'; detail: string };

export type ElectronCheck = { ok: true; binary: string } | ({ ok: false } & ElectronProblem);

export interface ElectronCheckPorts {
  /** The installed electron package's folder, or null when it is not installed. */
  packageDir: string | null;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Runs the package's own installer (its one-time download); `detail` says why it failed. */
  install(packageDir: string): { ok: boolean; detail: string };
  /** Said before a download starts, which takes a while. */
  onDownload?(): void;
}

/**
 * Where the electron package keeps its program under dist/ (or ELECTRON_OVERRIDE_DIST_PATH), as its install.js
 * names it in getPlatformPath (node_modules/electron/install.js): null where Electron has no build.
 */
export function electronProgramPath(platform: NodeJS.Platform): string | null {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return 'electron';
  return null;
}

/**
 * The path of the Electron program the way the electron package's index.js finds it (path.txt under dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH), without its side effect: index.js downloads on require and throws a stack trace
 * on failure. Here a failed download is a reason, not an exception.
 */
function binaryPath(packageDir: string, env: ElectronCheckPorts['env'], platform: NodeJS.Platform): string | null {
  const pathFile = join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : electronProgramPath(platform);
  if (named === null) return null;
  return env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, named) : existsSync(pathFile) ? join(packageDir, 'dist', named) : null;
}

/**
 * Whether a window needs a display server named in the environment: on Linux and the BSDs X11 or Wayland (Electron
 * would exit with "Missing X server or $DISPLAY"); macOS and Windows always have their own.
 */
export function needsDisplayServer(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin' && platform !== 'win32';
}

export function checkElectron(ports: ElectronCheckPorts): ElectronCheck {
  const { packageDir, env, platform } = ports;
  if (needsDisplayServer(platform) && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'no-display' };
  if (packageDir === null) return { ok: false, reason: 'not-installed' };
  const found = binaryPath(packageDir, env, platform);
  if (found !== null && existsSync(found)) return { ok: true, binary: found };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { ok: false, reason: 'no-binary', path: found ?? env.ELECTRON_OVERRIDE_DIST_PATH };
  ports.onDownload?.();
  const installed = ports.install(packageDir);
  if (!installed.ok) return { ok: false, reason: 'download-failed', detail: installed.detail };
  const downloaded = binaryPath(packageDir, env, platform);
  return downloaded !== null && existsSync(downloaded) ? { ok: true, binary: downloaded } : { ok: false, reason: 'no-binary', path: join(packageDir, 'dist') };
}

/** The one line of an installer's output that says what went wrong (never a stack trace). */
export function failureLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  const line = lines.find((l) => l !== '' && !l.startsWith('at ') && /error|fail|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/i.test(l)) ?? lines.find((l) => l !== '' && !l.startsWith('at ')) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const WHAT_HAPPENED: { [R in ElectronProblem['reason']]: (problem: Extract<ElectronProblem, { reason: R }>) => Record<Language, string> } = {
  'not-installed': () => ({
    en: 'Electron is not installed (run `npm ci` first).',
    es: 'Electron no está instalado (ejecute `npm ci` primero).',
  }),
  'download-failed': ({ detail }) => ({
    en: `Electron's one-time download did not work${detail ? ` (${detail})` : ''}.`,
    es: `La descarga única de Electron no funcionó${detail ? ` (${detail})` : ''}.`,
  }),
  'no-binary': ({ path }) => ({
    en: `Electron's program is not where it should be (${path}).`,
    es: `El programa de Electron no está donde debería (${path}).`,
  }),
  'no-display': () => ({
    en: 'There is no screen to open a window on here (neither DISPLAY nor WAYLAND_DISPLAY is set).',
    es: 'Aquí no hay una pantalla donde abrir una ventana (no están definidas ni DISPLAY ni WAYLAND_DISPLAY).',
  }),
  'cannot-start': ({ detail }) => ({
    en: `Electron did not start (${detail}).`,
    es: `Electron no arrancó (${detail}).`,
  }),
};

/** What a person reads when the desktop app cannot start: what happened, why Electron, and the two demos that work here. */
export function electronUnavailableMessage(problem: ElectronProblem, lang: Language): string {
  const happened = (WHAT_HAPPENED[problem.reason] as (p: ElectronProblem) => Record<Language, string>)(problem)[lang];
  const lines =
    lang === 'es'
      ? [
          `DACA Watch no pudo abrir la aplicación de escritorio. ${happened}`,
          '',
          'La aplicación funciona sobre Electron, que descarga su programa una sola vez (unos 100 MB) la primera vez',
          'que se inicia, en una computadora con pantalla y conexión a internet normal. Allí, `npm run demo` la abre.',
          '',
          'Mientras tanto, puede ver la misma demostración aquí de dos maneras:',
          '  El panel en su navegador:       npm run preview',
          '  La demostración en la terminal: npm run --silent headless -- --demo --lang es',
        ]
      : [
          `DACA Watch could not open the desktop app. ${happened}`,
          '',
          'The app runs on Electron, which downloads its program once (about 100 MB) the first time it starts, on a',
          'computer with a screen and a normal internet connection. There, `npm run demo` opens it.',
          '',
          'Meanwhile, you can see the same demo here in two ways:',
          '  The dashboard in your browser:  npm run preview',
          '  The demo in this terminal:      npm run --silent headless -- --demo',
        ];
  return `${lines.join('\n')}\n`;
}
