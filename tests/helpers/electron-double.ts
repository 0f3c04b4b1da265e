// The one shared Electron test double: the parts of the `electron` module the shell uses, as small
// recording fakes with helpers to drive them (navigate, invoke IPC, fire power events). Electron
// cannot run on these machines; everything the shell calls beyond this module runs for real.
// Use: vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));

import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';

type Handler = (...args: any[]) => any;

export class FakeWebContents extends EventEmitter {
  url = '';
  userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) daca-watch/0.1.0 Chrome/140.0.0.0 Electron/45.0.0 Safari/537.36';
  windowOpenHandler: Handler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly mainFrame = { url: '', origin: '' };

  constructor(readonly session: FakeSession) {
    super();
  }

  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  setUserAgent(userAgent: string): void {
    this.userAgent = userAgent;
  }
  getUserAgent(): string {
    return this.userAgent;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return false;
  }

  /** Test helper: a navigation or redirect the page attempts; true when no handler prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) }, url);
    if (!prevented) this.arrive(url);
    return !prevented;
  }

  /** Test helper: the page has loaded `url` (did-navigate). */
  arrive(url: string): void {
    this.url = url;
    this.mainFrame.url = url;
    this.mainFrame.origin = safeOrigin(url);
    this.emit('did-navigate', {}, url);
    this.emit('did-finish-load');
  }

  /** Test helper: the page calls window.open(url); returns what the handler decided. */
  attemptWindowOpen(url: string): unknown {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }) ?? { action: 'allow' };
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  visible: boolean;
  destroyed = false;
  focused = false;
  loaded: string[] = [];

  constructor(readonly options: Record<string, any> = {}) {
    super();
    const partition = options.webPreferences?.partition as string | undefined;
    this.webContents = new FakeWebContents(options.webPreferences?.session ?? (partition ? sessions.fromPartition(partition) : sessions.defaultSession));
    this.visible = options.show !== false;
    FakeBrowserWindow.all.push(this);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.arrive(url);
  }
  async loadFile(path: string): Promise<void> {
    await this.loadURL(`file://${path}`);
  }
  show(): void {
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setMenu(): void {}
  setMenuBarVisibility(): void {}
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  userAgent = '';
  readonly cleared: string[] = [];
  readonly protocolHandlers = new Map<string, Handler>();
  /** What session.fetch does; tests replace it (for example with a real fetch to a local server). */
  fetch: (url: string, init?: Record<string, unknown>) => Promise<Response> = async () => {
    throw new Error('FakeSession.fetch: no fetch configured for this test');
  };
  readonly protocol = {
    handle: (scheme: string, handler: Handler) => void this.protocolHandlers.set(scheme, handler),
    unhandle: (scheme: string) => void this.protocolHandlers.delete(scheme),
    isProtocolHandled: (scheme: string) => this.protocolHandlers.has(scheme),
  };
  readonly webRequest = {
    headersHandler: null as Handler | null,
    onHeadersReceived: (handler: Handler) => void (this.webRequest.headersHandler = handler),
  };

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: Handler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null): void {
    this.permissionCheckHandler = handler;
  }
  setUserAgent(userAgent: string): void {
    this.userAgent = userAgent;
  }
  getUserAgent(): string {
    return this.userAgent || 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) daca-watch/0.1.0 Chrome/140.0.0.0 Electron/45.0.0 Safari/537.36';
  }
  async clearStorageData(): Promise<void> {
    this.cleared.push('storage');
  }
  async clearCache(): Promise<void> {
    this.cleared.push('cache');
  }

  /** Test helper: what the permission handlers answer for a permission request and check. */
  askPermission(permission: string): { request: boolean | undefined; check: boolean | undefined } {
    let request: boolean | undefined;
    this.permissionRequestHandler?.({}, permission, (granted: boolean) => (request = granted), {});
    const check = this.permissionCheckHandler?.({}, permission, 'https://my.uscis.gov', {}) as boolean | undefined;
    return { request, check };
  }
}

const sessions = {
  byPartition: new Map<string, FakeSession>(),
  defaultSession: new FakeSession(''),
  fromPartition(partition: string): FakeSession {
    let found = sessions.byPartition.get(partition);
    if (!found) sessions.byPartition.set(partition, (found = new FakeSession(partition)));
    return found;
  },
};

export class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  contextMenu: { items: unknown[] } | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.all.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: { items: unknown[] } | null): void {
    this.contextMenu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends EventEmitter {
  static all: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeNotification.all.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  quitCalls = 0;
  loginItem = { openAtLogin: false };
  appUserModelId: string | null = null;
  isPackaged = false;
  private ready = Promise.resolve();
  whenReady(): Promise<void> {
    return this.ready;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  quit(): void {
    this.quitCalls += 1;
    this.emit('before-quit', { preventDefault() {} });
  }
  exit(): void {
    this.quitCalls += 1;
  }
  getPath(name: string): string {
    return `${tmpdir()}/daca-watch-double/${name}`;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return 'DACA Watch';
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { ...settings };
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { ...this.loginItem };
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  readonly dock = { hide() {}, show() {} };
}

/** ipcMain with a test helper that invokes a handler as a given frame would. */
class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what the renderer at `frameUrl` would get from ipcRenderer.invoke(channel, ...args). */
  async invokeFrom(frameUrl: string, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const senderFrame = { url: frameUrl, origin: safeOrigin(frameUrl) };
    return handler({ senderFrame, sender: { id: 1 } }, ...args);
  }
}

/** A fresh double of the electron module (fresh fakes, empty records). */
export function electronModule() {
  FakeBrowserWindow.all = [];
  FakeTray.all = [];
  FakeNotification.all = [];
  sessions.byPartition.clear();
  sessions.defaultSession = new FakeSession('');
  const ipcMain = new FakeIpcMain();
  const rendererListeners = new EventEmitter();
  const exposed = new Map<string, unknown>();
  const opened: string[] = [];
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, Handler>();
  const module = {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    session: sessions,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ items: template }),
      setApplicationMenu: () => {},
    },
    nativeImage: {
      createFromPath: (path: string) => ({ path, template: false, isEmpty: () => false, setTemplateImage(flag: boolean) { this.template = flag; } }),
      createEmpty: () => ({ path: '', isEmpty: () => true }),
    },
    ipcMain,
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => ipcMain.invokeFrom('app://dashboard/index.html', channel, ...args),
      on: (channel: string, listener: Handler) => void rendererListeners.on(channel, listener),
      removeListener: (channel: string, listener: Handler) => void rendererListeners.removeListener(channel, listener),
      /** Test helper: main sends an event to the renderer. */
      emitFromMain: (channel: string, ...args: unknown[]) => rendererListeners.emit(channel, {}, ...args),
      listenerCount: (channel: string) => rendererListeners.listenerCount(channel),
    },
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void exposed.set(name, api), exposed },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => void schemes.push(...list),
      handle: (scheme: string, handler: Handler) => void protocolHandlers.set(scheme, handler),
      schemes,
      handlers: protocolHandlers,
    },
    powerMonitor: new EventEmitter(),
    shell: { openExternal: async (url: string) => void opened.push(url), opened },
    net: {
      online: true,
      isOnline() {
        return module.net.online;
      },
      fetch: async (): Promise<Response> => {
        throw new Error('net.fetch: no fetch configured for this test');
      },
    },
  };
  return module;
}

export type ElectronDouble = ReturnType<typeof electronModule>;

/** What every window of the app must be created with (tests compare against this, not against the source). */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;
