// What main does for each dashboard request: the IPC contract's channels, answered by the engine and
// the shell's ports. Plain TypeScript (no `electron` import); electron/ipc.ts checks the frame and the payloads.

import type { Monitor } from '../engine/monitor';
import type { Clock } from '../engine/ports';
import type { ShellState } from '../shared/ipc/contract';
import { displayValue } from '../shared/display-text';
import { parseReceiptList } from '../shared/receipt';
import { isSafeExternalUrl } from '../shared/security/navigation';
import { tomorrowMorning } from './app-controller';
import { dashboardStateOf } from './dashboard-state';
import { employerSheet } from './employer-sheet';
import { printableRecord } from './printable-record';
import type { IpcHandlers } from './ipc-answer';

export interface IpcHandlerPorts {
  monitor: Monitor;
  clock: Clock;
  demo: boolean;
  /**
   * `open`: true when a new sign-in window opened. The browser preview has no window: it answers with the page to
   * open instead (its simulator's sign-in), which the dashboard opens in a new tab.
   */
  signIn: { open(): boolean | { page: string }; signOut(): Promise<void> };
  setStartAtLogin: (enabled: boolean) => void;
  /** What the desktop shell could not do (app/shell-notices.ts), sent with the state; absent in the preview. */
  shellState?: () => ShellState;
  openExternal: (url: string) => Promise<boolean>;
  /** Asks where to save (a save dialog) and writes the file; null when the user cancelled. */
  saveFile: (suggestedName: string, contents: string) => Promise<string | null>;
}

const HOUR = 3_600_000;

/** The same handlers, each followed by `afterChange()` (except the read-only `state:get`): the dashboard sees its change at once. */
export function pushingStateAfterChanges(handlers: IpcHandlers, afterChange: () => void): IpcHandlers {
  const wrapped = { ...handlers } as Record<keyof IpcHandlers, (request: never) => Promise<unknown>>;
  for (const channel of Object.keys(handlers) as Array<keyof IpcHandlers>) {
    if (channel === 'state:get') continue;
    const handler = handlers[channel] as (request: never) => Promise<unknown>;
    wrapped[channel] = async (request) => {
      const result = await handler(request);
      afterChange();
      return result;
    };
  }
  return wrapped as IpcHandlers;
}

export function createIpcHandlers(ports: IpcHandlerPorts): IpcHandlers {
  const { monitor, clock } = ports;
  return {
    'state:get': async () => dashboardStateOf(monitor, ports.demo, ports.shellState?.()),
    'cases:set': async ({ receipts }) => {
      const { receipts: accepted, problems: errors } = parseReceiptList(receipts);
      // Nothing changes unless every number is valid and given once: the user fixes the one the message names.
      if (errors.length === 0) monitor.setCases(accepted);
      return { ok: errors.length === 0, errors };
    },
    'session:sign-in': async () => {
      const opened = ports.signIn.open();
      return typeof opened === 'boolean' ? { started: opened } : { started: false, page: opened.page };
    },
    'session:sign-out': async () => {
      await ports.signIn.signOut();
      await monitor.signedOut({ byUser: true });
      return { ok: true };
    },
    'check:now': async () => {
      monitor.checkNow();
      return { ok: true };
    },
    'schedule:pause': async ({ until }) => {
      const now = clock.now();
      monitor.pause(until === null ? null : until === 'hour' ? now + HOUR : tomorrowMorning(now));
      return { pausedUntil: monitor.snapshot.schedule.pausedUntil };
    },
    'settings:update': async (change) => {
      const before = monitor.snapshot.settings.startAtLogin;
      const settings = monitor.updateSettings(change);
      if (settings.startAtLogin !== before) ports.setStartAtLogin(settings.startAtLogin);
      return settings;
    },
    'findings:mark-seen': async ({ upTo }) => {
      monitor.markSeen(upTo);
      return { ok: true };
    },
    'data:export': async ({ format, language, showReceipts }) => {
      const now = new Date(clock.now()).toISOString();
      const day = now.slice(0, 10);
      if (format === 'json') {
        const { cases, snapshots, history } = monitor.snapshot;
        // Server text leaves the app without markup, control or bidirectional-override characters.
        return { path: await ports.saveFile(`daca-watch-${day}.json`, JSON.stringify(displayValue({ exportedAt: now, cases, snapshots, history }), null, 2)) };
      }
      // Server text leaves the app without markup, control or bidirectional-override characters.
      const { cases, snapshots, history, settings, processingTimes } = displayValue(monitor.snapshot);
      if (format === 'employer') {
        const lang = language ?? monitor.language;
        const sheet = employerSheet({
          state: { cases, snapshots, history, settings },
          now: clock.now(),
          language: lang,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          showReceipts: showReceipts === true,
        });
        return { path: await ports.saveFile(`daca-renewal-for-employer-${lang}-${day}.html`, sheet) };
      }
      const record = printableRecord({
        // The published times go to the lawyer's record only; the employer's sheet gets none (employer-sheet.ts).
        state: { cases, snapshots, history, settings, processingTimes },
        now: clock.now(),
        // The dashboard's language, else the one DACA Watch speaks (the user's pick, else the system's).
        language: language ?? monitor.language,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      return { path: await ports.saveFile(`daca-watch-${day}.html`, record) };
    },
    'data:erase': async () => {
      await ports.signIn.signOut();
      monitor.eraseEverything();
      return { ok: true };
    },
    // Only the hosts the app needs (shared/security/navigation.ts), whatever shell opens it.
    'external:open': async ({ url }) => ({ opened: isSafeExternalUrl(url) ? await ports.openExternal(url) : false }),
  };
}
