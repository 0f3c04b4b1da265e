// The engine's NotifierPort on the desktop: node-notifier (notify-send on Linux, SnoreToast on Windows)
// with Electron's Notification as the fallback, and Electron's Notification only on macOS. Plain Node
// (no `electron` import); it never logs a title or body.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type NodeNotifier from 'node-notifier';
import type { DesktopNotification, NotifierPort } from '../engine/ports';

/**
 * node-notifier, loaded with require and only when first needed. It is CommonJS, kept outside the
 * bundle, and in a packaged app it lives inside app.asar: Electron's asar support covers require()
 * (Electron's "ASAR Archives" docs), while ESM imports from inside an archive have had gaps
 * (electron/electron#40211, #45896), and a failure to load it then only means the Electron fallback.
 */
function loadNodeNotifier(): typeof NodeNotifier {
  return createRequire(import.meta.url)('node-notifier') as typeof NodeNotifier;
}

/** What this adapter hands to node-notifier; each platform's notifier reads the fields it knows. */
export interface NativeNotificationOptions {
  title: string;
  message: string;
  icon?: string;
  /** macOS and Windows: keep the helper running so it reports a click through the callback. */
  wait?: boolean;
  /** Windows: the AppUserModelID (without it SnoreToast shows its own name and icon). */
  appID?: string;
  /** Linux: `notify-send --app-name`. */
  'app-name'?: string;
  /** Linux: `notify-send --urgency`. */
  urgency?: 'normal' | 'critical';
  /** Linux: seconds before the server may expire it; 0 means it stays until dismissed. */
  timeout?: number;
}

/**
 * node-notifier's callback. `err` is an Error or the helper's stderr text; `response` is 'activate'
 * when the user clicked. Either may quote the command line, so neither is ever logged.
 */
export type NativeNotificationCallback = (err: Error | string | null, response?: string) => void;

/** The part of a node-notifier notifier this adapter uses (its default export satisfies it). */
export interface NodeNotifierLike {
  notify(options: NativeNotificationOptions, callback: NativeNotificationCallback): unknown;
}

export interface DesktopNotifierOptions {
  /** Defaults to node-notifier's notifier for `platform`, run from outside app.asar. */
  notifier?: NodeNotifierLike;
  /**
   * Shows the notification another way (the shell passes Electron's Notification, electron/notification-fallback.ts),
   * resolving once it is shown and rejecting when it was not (`failed`, no support, no answer): notify() then rejects
   * too, so the engine never counts as shown a notification that neither way could show.
   */
  fallback: (notification: DesktopNotification) => Promise<void>;
  /** Windows AppUserModelID, the same as electron-builder's appId and app.setAppUserModelId. */
  appId: string;
  appName: string;
  /** A real file on disk (not inside app.asar): the notification server or helper reads it itself. */
  iconPath?: string;
  /** Called with the notification's key when the user clicks it (macOS and Windows only). */
  onClick?: (key: string) => void;
  platform?: NodeJS.Platform;
  log?: (message: string) => void;
}

/** The longest notify() waits for node-notifier before it stops blocking the engine. */
export const NOTIFY_TIMEOUT_MS = 5_000;

/** Where node-notifier's helper waits for the user and reports a click; notify-send exits at once. */
const REPORTS_CLICKS: ReadonlySet<NodeJS.Platform> = new Set(['win32']);

/**
 * The AppUserModelID for Windows toasts: the installer's shortcut carries APP_ID; under `npm start`
 * there is no such shortcut, and Electron's notification docs say to use process.execPath in
 * development, whose own shortcut (electron.exe) Windows knows.
 */
export function windowsAppUserModelId(appId: string, isPackaged: boolean, execPath: string): string {
  return isPackaged ? appId : execPath;
}

/**
 * `.../resources/app.asar/node_modules/...` -> `.../resources/app.asar.unpacked/node_modules/...`.
 * The OS cannot execute a file inside an asar archive; electron-builder's `asarUnpack` puts
 * node-notifier's vendor folder next to it, in `app.asar.unpacked`. Other paths come back unchanged.
 */
export function unpackedVendorPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

/** node-notifier's own helper binary for a platform (unpacked), or undefined where it uses a system one. */
export function vendorBinaryPath(platform: NodeJS.Platform, arch: NodeJS.Architecture = process.arch): string | undefined {
  const packageFolder = dirname(createRequire(import.meta.url).resolve('node-notifier'));
  const vendor = join(packageFolder, 'vendor');
  if (platform === 'win32') return unpackedVendorPath(join(vendor, 'snoreToast', `snoretoast-${arch === 'x64' ? 'x64' : 'x86'}.exe`));
  if (platform === 'darwin') return unpackedVendorPath(join(vendor, 'mac.noindex', 'terminal-notifier.app', 'Contents', 'MacOS', 'terminal-notifier'));
  return undefined;
}

/**
 * node-notifier's notifier for a platform. Its own default export resolves the helper next to its
 * module, which in a packaged app is inside app.asar; `customPath` (honoured by WindowsToaster and
 * NotificationCenter) points it at the unpacked copy instead. notify-send is a system binary.
 */
function platformNotifier(platform: NodeJS.Platform): NodeNotifierLike {
  const nodeNotifier = loadNodeNotifier();
  const binary = vendorBinaryPath(platform);
  if (binary === undefined) return new nodeNotifier.NotifySend({ withFallback: false });
  const helper =
    platform === 'win32'
      ? new nodeNotifier.WindowsToaster({ withFallback: false, customPath: binary })
      : new nodeNotifier.NotificationCenter({ withFallback: false, customPath: binary });
  return {
    notify(options, callback) {
      // WindowsToaster reports a helper that failed to start (ENOENT) as success, so look first.
      if (!existsSync(binary)) throw Object.assign(new Error('node-notifier helper missing'), { code: 'ENOENT' });
      return helper.notify(options, callback);
    },
  };
}

/**
 * Linux urgency: 'high' (a decision, a Request for Evidence, "sign in again") is critical and stays
 * until dismissed, because a person away from the desk must still find it (dunst and GNOME keep
 * critical ones on screen). Everything else is normal and expires after 10 s, like node-notifier's
 * default; 'low' is not sent as low, which GNOME would not show as a banner at all.
 */
function linuxUrgency(priority: DesktopNotification['priority']): Pick<NativeNotificationOptions, 'urgency' | 'timeout'> {
  return priority === 'high' ? { urgency: 'critical', timeout: 0 } : { urgency: 'normal', timeout: 10 };
}

/** A failure described without its message, which may quote the title and body. */
function failureCode(failure: unknown): string {
  if (typeof failure === 'object' && failure !== null) {
    const { code, signal } = failure as { code?: unknown; signal?: unknown };
    if (typeof signal === 'string' && signal !== '') return `signal ${signal}`;
    if (typeof code === 'string' || typeof code === 'number') return `code ${code}`;
    if (failure instanceof Error) return failure.name;
  }
  return typeof failure === 'string' ? 'error output' : 'unknown error';
}

export function createDesktopNotifier(options: DesktopNotifierOptions): NotifierPort {
  const platform = options.platform ?? process.platform;
  // macOS: Electron's own Notification. node-notifier's bundled terminal-notifier 1.7.2 is x86_64 only
  // (Rosetta on Apple silicon), shows as "terminal-notifier" rather than DACA Watch, and loses clicks
  // once its 5 s wait ends; Electron's Notification is the app's own, with its name, icon and click event.
  // An unsigned build's UNNotification request is refused (`failed`): the fallback rejects, and so does notify().
  if (platform === 'darwin') return { notify: (n) => options.fallback(n) };
  let loaded: NodeNotifierLike | undefined = options.notifier;
  const notifierNow = (): NodeNotifierLike => (loaded ??= platformNotifier(platform));
  const log = options.log ?? ((message: string) => console.warn(message));
  const waitsForClick = REPORTS_CLICKS.has(platform);

  const nativeOptions = (n: DesktopNotification): NativeNotificationOptions => {
    const common = { title: n.title, message: n.body, ...(options.iconPath ? { icon: options.iconPath } : {}) };
    if (platform === 'win32') return { ...common, appID: options.appId, wait: true };
    return { ...common, 'app-name': options.appName, ...linuxUrgency(n.priority) };
  };

  return {
    notify(n) {
      return new Promise<void>((resolve, reject) => {
        let fallbackRun: Promise<void> | undefined;
        const fallBackOnce = (reason: string): Promise<void> => {
          if (!fallbackRun) {
            log(`Native notification ${reason}; showing it with Electron instead.`);
            fallbackRun = options.fallback(n);
          }
          return fallbackRun;
        };

        // notify() settles once; what node-notifier reports later (a click, a late error) still counts.
        let settled = false;
        const settle = (outcome: Promise<void>) => {
          if (settled) {
            outcome.catch((error: unknown) => log(`The fallback notification failed too (${failureCode(error)}).`));
            return;
          }
          settled = true;
          clearTimeout(timer);
          outcome.then(resolve, reject);
        };

        // Where the helper waits for a click, silence means "on screen, not clicked yet"; elsewhere it
        // means notify-send hangs (no notification server answering), so the fallback shows it.
        const timer = setTimeout(
          () => settle(waitsForClick ? Promise.resolve() : fallBackOnce(`got no answer from node-notifier within ${NOTIFY_TIMEOUT_MS} ms`)),
          NOTIFY_TIMEOUT_MS,
        );

        try {
          notifierNow().notify(nativeOptions(n), (err, response) => {
            if (err) return settle(fallBackOnce(`failed in node-notifier (${failureCode(err)})`));
            if (response === 'activate') options.onClick?.(n.key);
            settle(Promise.resolve());
          });
        } catch (error) {
          settle(fallBackOnce(`failed in node-notifier (${failureCode(error)})`));
        }
      });
    },
  };
}
