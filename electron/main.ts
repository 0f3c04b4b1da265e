// The main process's composition root: plugs Electron (session, windows, tray, power, notifications,
// store) into the engine and the app controller. Wiring only: every decision lives in a tested module.

import { app, BrowserWindow, dialog, net, Notification, powerMonitor, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MyUscisClient } from '../engine/client';
import { openStateStore } from '../engine/store/file-state-store';
import type { NotifierPort } from '../engine/ports';
import { Monitor } from '../engine/monitor';
import { ReminderWatch } from '../engine/reminders';
import type { DashboardState } from '../shared/ipc/contract';
import { languageOfLocale, type Language } from '../shared/localized';
import type { ReceiptNumber } from '../shared/receipt';
import { allowListOf, myUscisOrigins, type MyUscisMode } from '../shared/security/navigation';
import { startSimulator } from '../simulator/server';
import { AppController } from './app-controller';
import { APP_ORIGIN, DASHBOARD_URL, registerAppScheme, serveDashboard } from './app-protocol';
import { dashboardStateOf } from './dashboard-state';
import { FIRST_PAINT_DIR, FIRST_PAINT_FILE, loadFirstPaint, withFirstPaint } from './first-paint';
import { createDesktopNotifier, windowsAppUserModelId } from './desktop-notifier';
import { registerIpcHandlers, sendState } from './ipc';
import { createIpcHandlers, pushingStateAfterChanges } from './ipc-handlers';
import { createSecureWindow, openSafeExternalUrl, stripElectronUserAgent } from './secure-window';
import { createSessionHttpPort, type RequestInSession } from './session-http-port';
import { connectInBackground } from './start-up';
import { createWafRefresh } from './waf-refresh';
import { createSignIn, signInPartition } from './sign-in-window';
import { setStartAtLogin as setLoginItem, startedAtLogin } from './login-item';
import { RESOURCE, resourcePath } from './resources';
import { createTray, dashboardCloseAction, setAppMenu } from './tray';

export const APP_ID = 'org.dacawatch.desktop';
/** The demo tells the renewal an hour a second: the silent approval arrives within minutes. */
const DEMO_SPEED = 3600;
const here = dirname(fileURLToPath(import.meta.url));
/** What a second launch does: until the app has composed its windows, it remembers to open the dashboard. */
let showDashboard: () => void = () => void (dashboardWanted = true);
let dashboardWanted = false;

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
  // The dashboard's first frame (header, status line, verdict banner) goes into the page as main serves it, so the
  // banner paints before the page's script has loaded; the script hydrates it (renderer/main.ts), in the same
  // language (a mismatch would only be repaired by hydration). Until the monitor exists, or if the built renderer
  // cannot load, the page is served as built.
  const renderFirstPaint = await loadFirstPaint(join(here, '..', FIRST_PAINT_DIR, FIRST_PAINT_FILE), (message) => console.warn(message));
  let firstPaintState: () => DashboardState | null = () => null;
  serveDashboard(join(here, '..', 'renderer'), (indexHtml) =>
    withFirstPaint(indexHtml, renderFirstPaint, firstPaintState, systemLanguage, (message) => console.warn(message)),
  );
  // Windows shows toasts for an app id that a Start-menu shortcut carries: the installer's in a
  // packaged app, electron.exe's own under `npm start` (Electron's notification docs).
  const appUserModelId = windowsAppUserModelId(APP_ID, app.isPackaged, process.execPath);
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
  // The demo's simulator is a local server on 127.0.0.1 (no network); it starts in milliseconds.
  const sim = demo ? await startSimulator({ scenario: 'daca-renewal', clock: { speed: DEMO_SPEED }, accessClock: 'real' }) : null;
  const mode: MyUscisMode = sim ? { kind: 'demo', accountOrigin: sim.accountOrigin, dataOrigin: sim.dataOrigin } : { kind: 'real' };
  const { dataOrigin } = myUscisOrigins(mode);
  const partition = session.fromPartition(signInPartition(mode));
  const refreshWafToken = createWafRefresh({ mode });
  // The one transport: net.request in the sign-in partition with its cookies (see session-http-port.ts).
  const requestInSession: RequestInSession = (url) => net.request({ url, session: partition, useSessionCookies: true, credentials: 'include', redirect: 'manual' });
  const clock = sim ? { now: () => sim.clock.now() } : { now: Date.now };
  const client = new MyUscisClient({ http: createSessionHttpPort({ request: requestInSession, refreshChallenge: async () => void (await refreshWafToken()) }), origin: dataOrigin, clock });

  const store = openStateStore({ dir: join(app.getPath('userData'), demo ? 'demo' : 'state') });

  let dashboard: BrowserWindow | null = null;
  const shownNotifications = new Set<Notification>();
  /** Set once the app menu exists (below). */
  let renderAppMenu: () => void = () => undefined;
  const pushState = () => {
    if (dashboard && !dashboard.isDestroyed()) sendState(dashboard.webContents, dashboardStateOf(monitor, demo));
    renderAppMenu();
  };
  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  const openDashboard = () => {
    if (dashboard && !dashboard.isDestroyed()) {
      if (dashboard.isMinimized()) dashboard.restore();
      dashboard.show();
      dashboard.focus();
      return;
    }
    dashboard = createSecureWindow({
      allow: allowListOf([APP_ORIGIN]),
      preload: join(here, '..', 'preload', 'preload.cjs'),
      openLinksInBrowser: true,
      width: 1100,
      height: 800,
      minWidth: 360,
      show: false,
      title: 'DACA Watch',
    });
    dashboard.once('ready-to-show', () => dashboard?.show());
    // Where a tray icon may be missing (Linux), closing keeps the window, minimized (see tray.ts).
    dashboard.on('close', (event) => {
      if (quitting || dashboardCloseAction(process.platform) !== 'minimize') return;
      event.preventDefault();
      dashboard?.minimize();
    });
    dashboard.on('closed', () => (dashboard = null));
    void dashboard.loadURL(DASHBOARD_URL);
  };

  showDashboard = openDashboard;
  // A second launch that came while the app was starting.
  if (dashboardWanted) openDashboard();
  const iconPath = resourcePath(resourcePlace, RESOURCE.notificationIcon);
  const notifier = createDesktopNotifier({
    appId: appUserModelId,
    appName: 'DACA Watch',
    iconPath,
    onClick: () => openDashboard(),
    fallback: async (n) => {
      const note = new Notification({ title: n.title, body: n.body, icon: iconPath, urgency: n.priority === 'high' ? 'critical' : 'normal' });
      note.on('click', () => openDashboard());
      note.on('close', () => shownNotifications.delete(note));
      shownNotifications.add(note);
      note.show();
    },
  });

  let controller: AppController | null = null;
  const monitor = new Monitor({
    client,
    origin: dataOrigin,
    clock,
    store,
    notifier: demo && process.env.DACA_WATCH_SMOKE === '1' ? reportingToSmokeTest(notifier) : notifier,
    systemLanguage,
    onEvent: (event) => {
      if (event.kind === 'session' && event.state === 'signed-out') signIn.sessionExpired();
      controller?.onMonitorEvent(event);
      pushState();
    },
  });
  if (sim && monitor.snapshot.cases.length === 0) monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);
  firstPaintState = () => dashboardStateOf(monitor, demo);

  const signIn = createSignIn({
    mode,
    probe: async () => (await client.fetchEndpoint('probe')).outcome.kind === 'ok',
    onSignedIn: () => {
      monitor.signedIn();
      pushState();
    },
  });
  const setStartAtLogin = (enabled: boolean) =>
    setLoginItem(enabled, {
      platform: process.platform,
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
      executable: process.env.APPIMAGE ?? process.execPath,
      // In development the program is Electron itself, which needs the app's folder.
      ...(app.isPackaged ? {} : { appPath: app.getAppPath() }),
    });
  const tray = createTray({ iconDir: resourcePath(resourcePlace, RESOURCE.trayImages), platform: process.platform, onCommand: (command) => void controller?.command(command) });
  controller = new AppController({
    monitor,
    clock,
    renderTray: tray.render,
    openDashboard,
    startSignIn: () => void signIn.open(),
    clearSession: () => signIn.signOut(),
    setStartAtLogin,
    quit: () => app.quit(),
  });

  // The renewal calendar's reminders: at start, every few minutes and after each change, with or without receipts
  // (no request to USCIS); the tray's day count is redrawn with them.
  const reminders = new ReminderWatch(monitor, { onChecked: () => controller?.refresh() });
  reminders.start();
  powerMonitor.on('resume', () => void reminders.check());

  for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen'] as const) powerMonitor.on(event as 'suspend', () => controller?.onPower(event));
  setInterval(() => {
    const online = net.isOnline();
    if (online !== (monitor.activity() !== 'offline')) controller?.onOnline(online);
  }, 15_000);

  registerIpcHandlers(
    pushingStateAfterChanges(createIpcHandlers({
      monitor,
      clock,
      demo,
      signIn,
      setStartAtLogin,
      openExternal: openSafeExternalUrl,
      saveFile: async (suggestedName, contents) => {
        const choice = await dialog.showSaveDialog({ defaultPath: join(app.getPath('documents'), suggestedName) });
        if (choice.canceled || !choice.filePath) return null;
        await writeFile(choice.filePath, contents, { mode: 0o600 });
        return choice.filePath;
      },
    }), () => {
      pushState();
      controller?.refresh();
      // A new expiry or new card dates may make a reminder due now.
      void reminders.check();
    }),
    { appOrigin: APP_ORIGIN },
  );

  app.on('before-quit', () => {
    reminders.stop();
    monitor.stop();
    void sim?.close();
  });
  // macOS: a click on the Dock icon (or opening the app again from Finder) shows the dashboard.
  app.on('activate', () => openDashboard());
  // Open and Quit without a tray: the app menu, in the user's language (redrawn when it changes).
  let menuLanguage: Language | null = null;
  renderAppMenu = () => {
    const language = monitor.language;
    if (language === menuLanguage) return;
    menuLanguage = language;
    setAppMenu(language, process.platform, (command) => void controller?.command(command));
  };
  renderAppMenu();

  // The tray exists; the dashboard opens now (unless started at login), before any request to myUSCIS.
  const hidden = startedAtLogin(process.argv, process.platform, () => app.getLoginItemSettings().wasOpenedAtLogin === true);
  if (!hidden) openDashboard();
  controller.refresh();
  // The network in the background: the tray says "Connecting to myUSCIS" until the kept session is checked.
  void connectInBackground({
    probe: async () => (await client.fetchEndpoint('probe')).outcome.kind === 'ok',
    monitor,
    setConnecting: (connecting) => controller?.setConnecting(connecting),
    openDashboard,
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
  app.on('second-instance', () => showDashboard());
  // Closing every window keeps the app in the tray.
  app.on('window-all-closed', () => undefined);
  start().catch((error: unknown) => {
    dialog.showErrorBox('DACA Watch could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}
