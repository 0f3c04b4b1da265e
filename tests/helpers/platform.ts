// What the tests that depend on the operating system need to know about it, as pure functions of the platform, so
// tests/scripts/os-portability.test.ts can show what each does on Linux, macOS and Windows from any one of them.
// Test support only.

/**
 * Whether `child.kill('SIGTERM')` lets the child's SIGTERM handler run (so it can clean up and exit 0). Windows has no
 * POSIX signals: Node ends the process at once (TerminateProcess; nodejs.org/api/child_process.html, subprocess.kill),
 * no handler runs, and the child reports `signalCode` 'SIGTERM' with a null exit code.
 */
export function sigtermRunsHandlers(platform: NodeJS.Platform): boolean {
  return platform !== 'win32';
}

/** How a child stopped with SIGTERM reports its end: exit code 0 after its handler ran, or the forced kill on Windows. */
export function expectedSigtermEnd(platform: NodeJS.Platform): { code: number | null; signal: NodeJS.Signals | null } {
  return sigtermRunsHandlers(platform) ? { code: 0, signal: null } : { code: null, signal: 'SIGTERM' };
}

/**
 * Why the launcher test that runs a stand-in Electron cannot run here, or null when it can. The stand-in is a
 * `#!/bin/sh` script, which Linux and macOS run from any file name; Windows runs `electron.exe` only as a real
 * program, and a compiled stand-in is more than this test is worth.
 */
export function standInElectronSkipReason(platform: NodeJS.Platform): string | null {
  return platform === 'win32' ? 'Windows runs electron.exe only as a compiled program; a shell-script stand-in cannot be one' : null;
}

/** Why the D-Bus notification test does not run here, or null when it runs (Linux, unless DACA_SKIP_DBUS=1). */
export function dbusSkipReason(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string | null {
  if (platform !== 'linux') return 'D-Bus notifications (notify-send, dunst, Xvfb) are Linux’s; macOS and Windows notify otherwise';
  if (env.DACA_SKIP_DBUS === '1') return 'DACA_SKIP_DBUS=1';
  return null;
}

export { defaultChromiumPath } from '../../scripts/chromium';
