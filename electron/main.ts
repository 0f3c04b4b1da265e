// The main process's composition root: plugs Electron (session, windows, tray, power, notifications,
// store) into the engine and the app controller. Wiring only: every decision lives in a tested module.

import { app, BrowserWindow, dialog, net, Notification, powerMonitor, session } from 'electron';
import ElectronStore from 'electron-store';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MyUscisClient } from '../engine/client';
import { openStateStore, type StoredObject } from '../engine/file-state-store';
import { Monitor } from '../engine/monitor';
import type { ReceiptNumber } from '../shared/receipt';
import { allowListOf, myUscisOrigins, type MyUscisMode } from '../shared/security/navigation';
import { startSimulator } from '../simulator/server';
import { AppController } from './app-controller';
import { APP_ORIGIN, DASHBOARD_URL, registerAppScheme, serveDashboard } from './app-protocol';
import { dashboardStateOf } from './dashboard-state';
import { createDesktopNotifier } from './desktop-notifier';
import { registerIpcHandlers, sendState } from './ipc';
import { createIpcHandlers, pushingStateAfterChanges } from './ipc-handlers';
import { createSecureWindow, openSafeExternalUrl, stripElectronUserAgent } from './secure-window';
import { createSessionHttpPort, type RequestInSession } from './session-http-port';
import { connectInBackground } from './start-up';
import { createWafRefresh } from './waf-refresh';
import { createSignIn, signInPartition } from './sign-in-window';
import { setStartAtLogin as setLoginItem } from './login-item';
import { createTray } from './tray';

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
const resources = app.isPackaged ? process.resourcesPath : join(here, '..', '..', 'build');

async function start(): Promise<void> {
  await app.whenReady();
  serveDashboard(join(here, '..', 'renderer'));
  app.setAppUserModelId(APP_ID);
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

  const store = openStateStore({
    dir: join(app.getPath('userData'), demo ? 'demo' : 'state'),
    openFile: ({ configName, ...rest }) => new ElectronStore<StoredObject>({ ...rest, name: configName }),
  });

  let dashboard: BrowserWindow | null = null;
  const shownNotifications = new Set<Notification>();
  const pushState = () => {
    if (dashboard && !dashboard.isDestroyed()) sendState(dashboard.webContents, dashboardStateOf(monitor, demo));
  };
  const openDashboard = () => {
    if (dashboard && !dashboard.isDestroyed()) {
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
    dashboard.on('closed', () => (dashboard = null));
    void dashboard.loadURL(DASHBOARD_URL);
  };

  showDashboard = openDashboard;
  // A second launch that came while the app was starting.
  if (dashboardWanted) openDashboard();
  const notifier = createDesktopNotifier({
    appId: APP_ID,
    appName: 'DACA Watch',
    iconPath: join(resources, 'icon.png'),
    onClick: () => openDashboard(),
    fallback: async (n) => {
      const note = new Notification({ title: n.title, body: n.body, urgency: n.priority === 'high' ? 'critical' : 'normal' });
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
    notifier,
    onEvent: (event) => {
      if (event.kind === 'session' && event.state === 'signed-out') signIn.sessionExpired();
      controller?.onMonitorEvent(event);
      pushState();
    },
  });
  if (sim && monitor.snapshot.cases.length === 0) monitor.setCases([sim.receipts.i821d, sim.receipts.i765] as ReceiptNumber[]);

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
    });
  const tray = createTray({ iconDir: join(resources, 'tray'), platform: process.platform, onCommand: (command) => void controller?.command(command) });
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
    }),
    { appOrigin: APP_ORIGIN },
  );

  app.on('before-quit', () => {
    monitor.stop();
    void sim?.close();
  });

  // The tray exists; the dashboard opens now (unless started at login), before any request to myUSCIS.
  const hidden = process.argv.includes('--hidden');
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
