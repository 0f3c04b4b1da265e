// The main process's composition root: plugs Electron (session, windows, tray, power, notifications,
// store) into the engine and the app controller. Wiring only: every decision lives in a tested module.

import { app, dialog, net, powerMonitor } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppController } from '../app/app-controller';
import { dashboardStateOf } from '../app/dashboard-state';
import { FIRST_PAINT_DIR, FIRST_PAINT_FILE, loadFirstPaint, withFirstPaint } from '../app/first-paint';
import { HeldEvents } from '../app/held-events';
import { createIpcHandlers, pushingStateAfterChanges } from '../app/ipc-handlers';
import { ShellNotices, shellPlatformOf } from '../app/shell-notices';
import { connectInBackground } from '../app/start-up';
import { MyUscisClient } from '../engine/client';
import { openStateStore } from '../engine/store/file-state-store';
import { releaseOnExit, storeInUseMessage, tryLockStore } from '../engine/store/store-lock';
import { Monitor, type MonitorEvent } from '../engine/monitor';
import { PublishedTimesReader } from '../engine/processing-times';
import { EGOV_ORIGIN } from '../engine/processing-times-port';
import type { NotifierPort } from '../engine/ports';
import { ReminderWatch } from '../engine/reminders';
import { languageOfLocale } from '../shared/localized';
import type { ReceiptNumber } from '../shared/receipt';
import { myUscisOrigins, type MyUscisMode } from '../shared/security/navigation';
import type { TrayCommand } from '../shared/tray/tray-model';
import { startSimulator } from '../simulator/server';
import { APP_ID } from './app-id';
import { APP_ORIGIN, registerAppScheme, serveDashboard } from './app-protocol';
import { createDashboardWindow } from './dashboard-window';
import { createDesktopNotifier, windowsAppUserModelId } from './desktop-notifier';
import { registerIpcHandlers } from './ipc';
import { setStartAtLogin as setLoginItem, startedAtLogin } from './login-item';
import { myUscisTransport } from './myuscis-transport';
import { publishedTimesTransport } from './published-times-transport';
import { createNotificationFallback } from './notification-fallback';
import { RESOURCE, resourcePath } from './resources';
import { saveWithDialog } from './save-file';
import { openSafeExternalUrl, stripElectronUserAgent } from './secure-window';
import { createSignIn } from './sign-in-window';
import { createAppMenu, createTray } from './tray';

export { APP_ID };
/** The demo tells the renewal an hour a second: the silent approval arrives within minutes. */
const DEMO_SPEED = 3600;
const here = dirname(fileURLToPath(import.meta.url));
/** Second launches: each opens the dashboard, once start() has composed the app (held until then). */
const secondLaunches = new HeldEvents<void>();

/** The demo's own userData folder, next to the real one. */
export function demoUserDataPath(userData: string): string {
  return `${userData}-demo`;
}
/** resources/ when packaged, build/ in development (electron-builder.yml ships each file there). */
const resourcePlace = { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, mainDir: here };

/**
 * The Electron smoke test (tests/smoke) learns that a notification went out from one stdout line per
 * notification, in the demo only: its priority, never a title, a body, a key or a receipt.
 */
function reportingToSmokeTest(notifier: NotifierPort): NotifierPort {
  return {
    async notify(notification) {
      await notifier.notify(notification);
      process.stdout.write(`[smoke] notification shown (${notification.priority})\n`);
    },
  };
}

async function start(): Promise<void> {
  await app.whenReady();
  // The system's language, spoken until the user picks one (dashboard, notifications, tray, menu, records):
  // app.getLocale() is the application locale Chromium also gives the page as navigator.language (Electron docs,
  // docs/api/app.md "app.getLocale()"; called after ready, as they require).
  const systemLanguage = languageOfLocale(app.getLocale());
  // One writer per store (engine/store/store-lock.ts): the single-instance lock keeps out a second app, this keeps out a
  // headless runner or a preview on the same folder. Taken before the store is read; if another process holds it,
  // the start-up's error path below tells the user (a dialog) and the app quits without writing.
  const storeDir = join(app.getPath('userData'), demo ? 'demo' : 'state');
  const storeLock = tryLockStore(storeDir);
  if (!storeLock.ok) throw new Error(storeInUseMessage(storeDir, storeLock.holder)[systemLanguage]);
  releaseOnExit(storeLock.lock);
  app.on('will-quit', () => storeLock.lock.release());
  const renderFirstPaint = await loadFirstPaint(join(here, '..', FIRST_PAINT_DIR, FIRST_PAINT_FILE), (message) => console.warn(message));
  // Windows shows toasts for an app id that a Start-menu shortcut carries: the installer's in a
  // packaged app, electron.exe's own under `npm start` (Electron's notification docs).
  const appUserModelId = windowsAppUserModelId(APP_ID, app.isPackaged, process.execPath);
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
  // The demo's simulator is a local server on 127.0.0.1 (no network); it starts in milliseconds.
  const sim = demo ? await startSimulator({ scenario: 'daca-renewal', clock: { speed: DEMO_SPEED }, accessClock: 'real' }) : null;
  const mode: MyUscisMode = sim ? { kind: 'demo', accountOrigin: sim.accountOrigin, dataOrigin: sim.dataOrigin } : { kind: 'real' };
  const { dataOrigin } = myUscisOrigins(mode);
  const clock = sim ? { now: () => sim.clock.now() } : { now: Date.now };
  const client = new MyUscisClient({ http: myUscisTransport(mode), origin: dataOrigin, clock });
  const probe = async () => (await client.fetchEndpoint('probe')).outcome.kind === 'ok';
  const store = openStateStore({ dir: storeDir });

  // What the monitor says while the rest is built (its notes on a damaged store) and the tray's and the app menu's
  // commands wait, in order, until everything their handlers touch exists (released at the end).
  const monitorEvents = new HeldEvents<MonitorEvent>();
  const commands = new HeldEvents<TrayCommand>();
  const shellChanges = new HeldEvents<void>();
  const dashboard = createDashboardWindow({ preload: join(here, '..', 'preload', 'preload.cjs'), platform: process.platform });
  app.on('before-quit', () => dashboard.allowClose());
  const iconPath = resourcePath(resourcePlace, RESOURCE.notificationIcon);
  const showNotification = createNotificationFallback({ iconPath, onClick: () => dashboard.open() });
  // A notification the system did not show (Notification `failed`, no support, no answer) rejects notify(): the engine
  // reports it as not shown, and the notices tell the dashboard (once, with how to turn notifications on) and the tray.
  const shellNotices = new ShellNotices(shellPlatformOf(process.platform), clock, () => shellChanges.deliver());
  const notifier = shellNotices.watch(
    createDesktopNotifier({ appId: appUserModelId, appName: 'DACA Watch', iconPath, onClick: () => dashboard.open(), fallback: showNotification }),
  );
  const monitor = new Monitor({
    client,
    origin: dataOrigin,
    clock,
    store,
    notifier: demo && process.env.DACA_WATCH_SMOKE === '1' ? reportingToSmokeTest(notifier) : notifier,
    systemLanguage,
    // `--demo`: the simulator's story runs on a fast clock, so its runner relaxes the per-case floor (never for USCIS).
    ...(sim ? { relaxedFloorMs: 0 } : {}),
    onEvent: (event) => monitorEvents.deliver(event),
  });
  if (sim && monitor.snapshot.cases.length === 0) monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);

  // The dashboard's first frame (header, status line, verdict banner) goes into the page as main serves it, so the
  // banner paints before the page's script has loaded; the script hydrates it (renderer/main.ts), in the same
  // language (a mismatch would only be repaired by hydration). If the built renderer cannot load, the page is served as built.
  serveDashboard(join(here, '..', 'renderer'), (indexHtml) =>
    withFirstPaint(indexHtml, renderFirstPaint, () => dashboardStateOf(monitor, demo, shellNotices.state()), systemLanguage, (message) => console.warn(message)),
  );
  // Open and Quit without a tray: the app menu, in the user's language (redrawn when it changes).
  const renderAppMenu = createAppMenu(process.platform, (command) => commands.deliver(command));
  const pushState = () => {
    dashboard.send(dashboardStateOf(monitor, demo, shellNotices.state()));
    renderAppMenu(monitor.language);
  };
  const signIn = createSignIn({
    mode,
    probe,
    onSignedIn: () => {
      monitor.signedIn();
      pushState();
    },
  });
  // Read back after each change (app.getLoginItemSettings; the autostart file on Linux): Settings says when the
  // system did not register it (an unsigned macOS app's login item may silently not).
  const setStartAtLogin = (enabled: boolean) =>
    shellNotices.loginItemChecked(
      setLoginItem(enabled, {
        platform: process.platform,
        setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
        getLoginItemSettings: (options) => app.getLoginItemSettings(options),
        executable: process.env.APPIMAGE ?? process.execPath,
        // In development the program is Electron itself, which needs the app's folder.
        ...(app.isPackaged ? {} : { appPath: app.getAppPath() }),
      }),
    );
  const tray = createTray({ iconDir: resourcePath(resourcePlace, RESOURCE.trayImages), platform: process.platform, onCommand: (command) => commands.deliver(command) });
  const controller = new AppController({
    monitor,
    clock,
    renderTray: tray.render,
    openDashboard: () => dashboard.open(),
    startSignIn: () => void signIn.open(),
    clearSession: () => signIn.signOut(),
    setStartAtLogin,
    quit: () => app.quit(),
    notificationsFailing: () => shellNotices.notificationsFailing(),
  });
  // The renewal calendar's reminders: at start, every few minutes and after each change, with or without receipts
  // (no request to USCIS); the tray's day count is redrawn with them.
  const reminders = new ReminderWatch(monitor, { onChecked: () => controller.refresh() });
  // USCIS's published processing times: egov.uscis.gov (the demo: its simulator's egov host), read on a schedule of
  // their own (at most daily, kept in the state) through a partition of their own, so no myUSCIS cookie goes there
  // and a blocked or slow egov never holds a check back. A read reaches the dashboard and the tray like a check.
  const timesOrigin = sim ? sim.timesOrigin : EGOV_ORIGIN;
  const publishedTimes = new PublishedTimesReader({
    port: publishedTimesTransport(timesOrigin),
    origin: timesOrigin,
    monitor,
    // The demo's host is on loopback: its story needs no spacing between requests (USCIS's egov keeps the default).
    ...(sim ? { spacingMs: 50 } : {}),
    onEvent: (event) => {
      if (event.outcome !== 'read') return;
      pushState();
      controller.refresh();
    },
  });

  registerIpcHandlers(
    pushingStateAfterChanges(createIpcHandlers({
      monitor,
      clock,
      demo,
      signIn,
      setStartAtLogin,
      shellState: () => shellNotices.state(),
      openExternal: openSafeExternalUrl,
      saveFile: saveWithDialog,
    }), () => {
      pushState();
      controller.refresh();
      // A new expiry or new card dates may make a reminder due now.
      void reminders.check();
    }),
    { appOrigin: APP_ORIGIN },
  );
  powerMonitor.on('resume', () => void reminders.check());
  for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen'] as const) powerMonitor.on(event as 'suspend', () => controller.onPower(event));
  setInterval(() => {
    const online = net.isOnline();
    if (online !== (monitor.activity() !== 'offline')) controller.onOnline(online);
  }, 15_000);
  app.on('before-quit', () => {
    reminders.stop();
    publishedTimes.stop();
    monitor.stop();
    void sim?.close();
  });
  // macOS: a click on the Dock icon (or opening the app again from Finder) shows the dashboard.
  app.on('activate', () => dashboard.open());

  // Composed: what arrived meanwhile is handled now, in order, and from here on as it comes.
  monitorEvents.release((event) => {
    if (event.kind === 'session' && event.state === 'signed-out') signIn.sessionExpired();
    controller.onMonitorEvent(event);
    pushState();
  });
  commands.release((command) => void controller.command(command));
  shellChanges.release(() => {
    pushState();
    controller.refresh();
  });
  reminders.start();
  // Beside the monitor, at its pace (the demo's fast clock); it needs no sign-in.
  publishedTimes.start(sim ? DEMO_SPEED : 1);
  renderAppMenu(monitor.language);
  // The tray exists; the dashboard opens now (unless started at login, or a second launch came meanwhile),
  // before any request to myUSCIS.
  secondLaunches.release(() => dashboard.open());
  const hidden = startedAtLogin(process.argv, process.platform, () => app.getLoginItemSettings().wasOpenedAtLogin === true);
  if (!hidden) dashboard.open();
  controller.refresh();
  // The network in the background: the tray says "Connecting to myUSCIS" until the kept session is checked.
  void connectInBackground({
    probe,
    monitor,
    setConnecting: (connecting) => controller.setConnecting(connecting),
    openDashboard: () => dashboard.open(),
    hidden,
    speed: sim ? DEMO_SPEED : 1,
  }).finally(pushState);
}

const demo = process.argv.includes('--demo');
// The demo keeps its own profile (store, cookies) and its own single-instance lock, so `npm run demo`
// runs beside the real app. Electron keys the lock on the userData folder as it is when the lock is
// requested (Chromium's process singleton; electron/electron#29068, #18728), so this comes first.
if (demo) app.setPath('userData', demoUserDataPath(app.getPath('userData')));
registerAppScheme();
app.enableSandbox();
// Every request (probe, checks, hidden refresh window) looks like plain Chrome, as the sign-in window does.
app.userAgentFallback = stripElectronUserAgent(app.userAgentFallback);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch brings this one forward instead of starting another.
  app.on('second-instance', () => secondLaunches.deliver());
  // Closing every window keeps the app in the tray.
  app.on('window-all-closed', () => undefined);
  start().catch((error: unknown) => {
    dialog.showErrorBox('DACA Watch could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}
