// The real Linux path, no fakes: Xvfb, a private D-Bus session bus, dunst and dbus-monitor; a finding must
// reach org.freedesktop.Notifications.Notify, or the fallback when no server answers. Leaves nothing running.

import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createDesktopNotifier } from '../../electron/desktop-notifier';
import type { DesktopNotification } from '../../engine/ports';
import { dbusSkipReason } from '../helpers/platform';

const run = promisify(execFile);

/** Each program the test runs, and the Debian package that has it. */
const PROGRAMS = { Xvfb: 'xvfb', 'dbus-daemon': 'dbus', 'dbus-send': 'dbus', 'dbus-monitor': 'dbus', dunst: 'dunst', 'notify-send': 'libnotify-bin' } as const;
const PACKAGES = [...new Set(Object.values(PROGRAMS))].join(' ');

/** How long any one step may take before the test fails instead of waiting on. */
const STEP_MS = 5_000;

const FINDING: DesktopNotification = {
  key: 'IOE0933012458:silent-approval',
  title: 'Approval document for your I-765',
  body: 'USCIS added “I-765 C33 Standalone Approval” to your documents. The status has not changed yet, but this usually means the case was approved.',
  priority: 'high',
};

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A child in its own process group, with its output collected, killed as a group at the end. */
interface Started {
  name: string;
  child: ChildProcess;
  output: () => string;
}

function start(name: string, program: string, args: string[], env: NodeJS.ProcessEnv, extraFds = 0): Started {
  const child = spawn(program, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe', ...Array<'pipe'>(extraFds).fill('pipe')] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
  return { name, child, output: () => output };
}

/** Resolves with what `test` returns once it returns something; fails after STEP_MS, saying what it waited for. */
async function waitFor<T>(what: string, test: () => T | undefined | Promise<T | undefined>, started: Started[]): Promise<T> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const exited = started.find((s) => s.child.exitCode !== null || s.child.signalCode !== null);
    if (exited) throw new Error(`${exited.name} exited while waiting for ${what}:\n${exited.output()}`);
    const result = await test();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Waited ${STEP_MS} ms for ${what}. Output so far:\n${started.map((s) => `[${s.name}] ${s.output()}`).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stop(started: Started[]): Promise<void> {
  const running = started.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
  const exits = running.map((s) => new Promise((resolve) => s.child.once('exit', resolve)));
  const signalGroups = (signal: NodeJS.Signals) => {
    for (const s of running) {
      try {
        process.kill(-s.child.pid!, signal);
      } catch {
        // Already gone.
      }
    }
  };
  signalGroups('SIGTERM');
  const timedOut = await Promise.race([Promise.all(exits).then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 2_000))]);
  if (timedOut) signalGroups('SIGKILL');
}

/** The arguments of each Notify call dbus-monitor printed, with their D-Bus types. */
function notifyCalls(monitorOutput: string): { strings: string[]; urgency: number | undefined; expireTimeout: number | undefined; lines: string[] }[] {
  const messages = monitorOutput.split(/\n(?=\S)/);
  return messages
    .filter((m) => m.startsWith('method call') && m.includes('interface=org.freedesktop.Notifications; member=Notify'))
    .map((m) => {
      const lines = m.split('\n');
      const urgency = /"urgency"\s*\n\s*variant\s+byte (\d+)/.exec(m)?.[1];
      const expireTimeout = /\n\s*int32 (-?\d+)\s*$/.exec(m)?.[1];
      return {
        strings: [...m.matchAll(/^\s*string "(.*)"$/gm)].map((match) => match[1]!),
        urgency: urgency === undefined ? undefined : Number(urgency),
        expireTimeout: expireTimeout === undefined ? undefined : Number(expireTimeout),
        lines,
      };
    });
}

/** Fails, naming the Debian packages, when a program is missing. */
function requirePrograms(): void {
  const missing = Object.keys(PROGRAMS).filter((program) => !onPath(program));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(', ')}. Install them with: apt-get install -y ${PACKAGES} (or set DACA_SKIP_DBUS=1 to skip this test).`);
  }
}

/** A temporary HOME with a private bus config (no service files: nothing is auto-started) and a dunstrc. */
function makeHome(): { home: string; baseEnv: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'daca-watch-dbus-'));
  const runtimeDir = join(home, 'run');
  mkdirSync(runtimeDir, { mode: 0o700 });
  writeFileSync(
    join(home, 'bus.conf'),
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${home}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  writeFileSync(join(home, 'dunstrc'), '[global]\n    font = Monospace 8\n');
  return { home, baseEnv: { PATH: process.env.PATH, HOME: home, XDG_RUNTIME_DIR: runtimeDir, XDG_CONFIG_HOME: join(home, 'config'), LANG: 'C.UTF-8' } };
}

async function startBus(home: string, baseEnv: NodeJS.ProcessEnv, started: Started[]): Promise<string> {
  const bus = start('dbus-daemon', 'dbus-daemon', [`--config-file=${join(home, 'bus.conf')}`, '--nofork', '--print-address=1'], baseEnv);
  started.push(bus);
  return waitFor('dbus-daemon to print its address', () => /^(unix:\S+)\n/.exec(bus.output())?.[1], started);
}

/** Runs `body` with a temp HOME, then stops what it started and restores the environment, even on failure. */
async function inSandbox(body: (home: string, baseEnv: NodeJS.ProcessEnv, started: Started[]) => Promise<void>): Promise<void> {
  requirePrograms();
  const { home, baseEnv } = makeHome();
  const started: Started[] = [];
  const savedEnv = { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS, DISPLAY: process.env.DISPLAY };
  try {
    await body(home, baseEnv, started);
  } finally {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await stop(started);
    rmSync(home, { recursive: true, force: true });
  }
}

/** Notifies the way the shell does; node-notifier runs notify-send with this process's environment. */
async function notifyOn(env: { DBUS_SESSION_BUS_ADDRESS: string; DISPLAY?: string }, n: DesktopNotification) {
  process.env.DBUS_SESSION_BUS_ADDRESS = env.DBUS_SESSION_BUS_ADDRESS;
  if (env.DISPLAY) process.env.DISPLAY = env.DISPLAY;
  const fallback = vi.fn(async (_n: DesktopNotification) => {});
  const logged: string[] = [];
  await createDesktopNotifier({ fallback, appId: 'org.dacawatch.desktop', appName: 'DACA Watch', log: (message) => logged.push(message) }).notify(n);
  return { fallback, logged };
}

/** Linux only (process groups, D-Bus, notify-send), and not where DACA_SKIP_DBUS=1 says to skip it. */
const skipReason = dbusSkipReason(process.platform, process.env);

describe.skipIf(skipReason !== null)(`a desktop notification on Linux (Xvfb, D-Bus, dunst)${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('reaches the notification server as a Notify call with the app name, title, body and urgency', () =>
    inSandbox(async (home, baseEnv, started) => {
      // Xvfb picks a free display itself and writes its number to fd 3 once it accepts clients.
      const xvfb = start('Xvfb', 'Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1024x768x24'], baseEnv, 1);
      started.push(xvfb);
      let displayNumber = '';
      (xvfb.child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (text: string) => (displayNumber += text));
      const display = await waitFor('Xvfb to report its display', () => (/^\d+\n/.test(displayNumber) ? `:${displayNumber.trim()}` : undefined), started);
      const address = await startBus(home, baseEnv, started);
      const env = { ...baseEnv, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address };

      started.push(start('dunst', 'dunst', ['-config', join(home, 'dunstrc')], env));
      await waitFor(
        'dunst to own org.freedesktop.Notifications',
        async () => {
          const { stdout } = await run('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'], { env });
          return /boolean true/.test(stdout) ? true : undefined;
        },
        started,
      );

      const monitor = start('dbus-monitor', 'dbus-monitor', ['--session', "interface='org.freedesktop.Notifications',member='Notify'"], env);
      started.push(monitor);
      // dbus-monitor loses its unique name when the bus turns it into a monitor: from then on it sees every call.
      await waitFor('dbus-monitor to become a monitor', () => (monitor.output().includes('member=NameLost') ? true : undefined), started);

      const { fallback, logged } = await notifyOn(env, FINDING);

      const [call] = await waitFor('dbus-monitor to print the Notify call', () => (notifyCalls(monitor.output()).length > 0 ? notifyCalls(monitor.output()) : undefined), started);
      console.info(`dbus-monitor saw:\n${call!.lines.join('\n')}`);
      // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)
      expect(call!.strings.slice(0, 4)).toEqual(['DACA Watch', '', FINDING.title, FINDING.body]);
      expect(call!.urgency).toBe(2);
      expect(call!.expireTimeout).toBe(0);
      expect(fallback).not.toHaveBeenCalled();
      expect(logged).toEqual([]);
    }));

  it('falls back to Electron once when no notification server answers (notify-send fails)', () =>
    inSandbox(async (home, baseEnv, started) => {
      const address = await startBus(home, baseEnv, started);
      const { fallback, logged } = await notifyOn({ DBUS_SESSION_BUS_ADDRESS: address }, FINDING);
      expect(fallback).toHaveBeenCalledExactlyOnceWith(FINDING);
      expect(logged).toEqual(['Native notification failed in node-notifier (code 1); showing it with Electron instead.']);
    }));
});
