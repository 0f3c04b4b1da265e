// The one shared Electron test double: the parts of the `electron` module the shell uses, as small
// recording fakes with helpers to drive them (navigate, invoke IPC, fire power events). Electron
// cannot run on these machines; everything the shell calls beyond this module runs for real.
// Use: vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
// Where Electron can fail the double fails the same way: loadURL rejects with ERR_ABORTED when a page
// replaces itself, did-finish-load comes after did-navigate (page scripts run in between), cookies change
// with events, net.request's Cookie header is invisible to webRequest, and hidden windows' timers are throttled.
// Also (Electron 45's API, as its typings node_modules/electron/electron.d.ts carry docs/api/*.md): a Notification
// can end in `failed` instead of `show` (a switch, FakeNotification.outcome); privileged schemes register only
// before `ready` and protocol handlers only after it (both throw otherwise); nativeImage.createFromPath gives an
// empty image for a path that does not exist; a login item may not register (FakeApp.loginItemRegisters).

import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
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
    // Test helper: a bridge to a renderer (the boot test) listens to this.
    this.emit('sent', channel, ...args);
  }
  isDestroyed(): boolean {
    return false;
  }

  /** Test helper: a navigation or redirect the page attempts; true when no handler prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, isMainFrame: event !== 'will-frame-navigate', preventDefault: () => (prevented = true) }, url);
    if (!prevented && event !== 'will-frame-navigate') void this.arrive(url).catch(() => undefined);
    return !prevented;
  }

  /** The window this page is in (set by FakeBrowserWindow). */
  owner: FakeBrowserWindow | null = null;

  /**
   * Test helper: the page has loaded `url`. As in Chromium, did-navigate comes first (the response has
   * committed), then the page's scripts run, then did-finish-load on a later turn. A page script may
   * replace the page (`page.replaceSelf`), which makes the pending loadURL reject with ERR_ABORTED.
   */
  arrive(url: string): Promise<void> {
    this.url = url;
    this.mainFrame.url = url;
    this.mainFrame.origin = safeOrigin(url);
    this.emit('did-navigate', {}, url, 200, 'OK');
    const generation = ++this.loads;
    return new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const script = pageScripts.find((entry) => entry.matches(url))?.script;
        const replaced: { by: string | null } = { by: null };
        script?.({ url, contents: this, replaceSelf: (next) => void (replaced.by = next) });
        setImmediate(() => {
          const replacedBy = replaced.by;
          if (replacedBy !== null) {
            // The loadURL docs and electron/electron#27574, #18109: a load that another navigation replaces
            // rejects with ERR_ABORTED (-3); the new page goes on loading.
            reject(Object.assign(new Error(`ERR_ABORTED (-3) loading '${url}'`), { code: 'ERR_ABORTED', errno: -3, url }));
            void this.arrive(replacedBy).catch(() => undefined);
            return;
          }
          if (generation !== this.loads) return reject(Object.assign(new Error(`ERR_ABORTED (-3) loading '${url}'`), { code: 'ERR_ABORTED', errno: -3, url }));
          this.emit('did-finish-load');
          // The first paint of a window created with show: false (BrowserWindow docs, 'ready-to-show').
          if (this.owner && !this.owner.readyToShow) {
            this.owner.readyToShow = true;
            this.owner.emit('ready-to-show');
          }
          resolve();
        });
      });
    });
  }
  private loads = 0;

  /**
   * Test helper: a timer the page's own script sets. Chromium throttles timers of hidden pages (down
   * to one wake-up a minute after a while) unless webPreferences.backgroundThrottling is false; the
   * double takes the harsh case at once: a hidden, throttled page's timer waits at least a minute.
   */
  pageTimer(ms: number, callback: () => void): void {
    const window = this.owner;
    const throttled = window !== null && !window.visible && window.options.webPreferences?.backgroundThrottling !== false;
    setTimeout(callback, throttled ? Math.max(ms, 60_000) : ms);
  }

  /** Test helper: the page calls window.open(url); returns what the handler decided. */
  attemptWindowOpen(url: string): unknown {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }) ?? { action: 'allow' };
  }
}

/** What a page does when it loads: set cookies, set timers, replace itself (a WAF challenge reloads). */
export interface PageContext {
  url: string;
  contents: FakeWebContents;
  replaceSelf(url: string): void;
}
export type PageScript = (page: PageContext) => void;
const pageScripts: Array<{ matches: (url: string) => boolean; script: PageScript }> = [];

/** Test helper: forgets every page script (electronModule() does it too). */
export function resetPageScripts(): void {
  pageScripts.length = 0;
}

/** Test helper: `script` runs in every page whose URL starts with `prefix` (cleared by electronModule()). */
export function onPage(prefix: string, script: PageScript): void {
  pageScripts.push({ matches: (url) => url.startsWith(prefix), script });
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
  readyToShow = false;
  loaded: string[] = [];

  constructor(readonly options: Record<string, any> = {}) {
    super();
    const partition = options.webPreferences?.partition as string | undefined;
    this.webContents = new FakeWebContents(options.webPreferences?.session ?? (partition ? sessions.fromPartition(partition) : sessions.defaultSession));
    this.webContents.owner = this;
    this.visible = options.show !== false;
    FakeBrowserWindow.all.push(this);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    // A page load is a request the session's webRequest sees, with the session's cookies.
    this.webContents.session.webRequest.beforeSend(url, this.webContents.session.cookies.header(url));
    return this.webContents.arrive(url);
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
  minimized = false;
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
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
  isFocused(): boolean {
    return this.focused;
  }
}

export interface FakeCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
}

/** A session's cookie jar: host-only cookies keyed by host name, with Electron's 'changed' event. */
export class FakeCookies extends EventEmitter {
  readonly jar: FakeCookie[] = [];
  async get(filter: { url?: string; name?: string } = {}): Promise<FakeCookie[]> {
    const host = filter.url ? new URL(filter.url).hostname : null;
    return this.jar.filter((c) => (host === null || c.domain === host) && (filter.name === undefined || c.name === filter.name)).map((c) => ({ ...c }));
  }
  async set(details: { url: string; name: string; value: string }): Promise<void> {
    this.put(new URL(details.url).hostname, details.name, details.value);
  }
  async remove(url: string, name: string): Promise<void> {
    const host = new URL(url).hostname;
    const index = this.jar.findIndex((c) => c.domain === host && c.name === name);
    if (index < 0) return;
    const [gone] = this.jar.splice(index, 1);
    this.emit('changed', {}, gone, 'explicit', true);
  }
  /** Test helper (also used by pages and net.request): sets a cookie as a response or a script would. */
  put(host: string, name: string, value: string): void {
    const index = this.jar.findIndex((c) => c.domain === host && c.name === name);
    const cookie = { name, value, domain: host, path: '/' };
    if (index >= 0) {
      const [old] = this.jar.splice(index, 1, cookie);
      this.emit('changed', {}, old, 'overwrite', true);
    } else this.jar.push(cookie);
    this.emit('changed', {}, { ...cookie }, 'explicit', false);
  }
  /** The Cookie header a request to `url` carries. */
  header(url: string): string {
    const host = safeHost(url);
    return this.jar.filter((c) => c.domain === host).map((c) => `${c.name}=${c.value}`).join('; ');
  }
  /** Applies a response's Set-Cookie lines. */
  store(url: string, setCookie: string | string[] | undefined): void {
    const host = safeHost(url);
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) void this.remove(`http://${host}/`, name);
      else this.put(host, name, value);
    }
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
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
  readonly cookies = new FakeCookies();
  readonly webRequest = {
    headersHandler: null as Handler | null,
    beforeSendHandler: null as Handler | null,
    onHeadersReceived: (handler: Handler) => void (this.webRequest.headersHandler = handler),
    onBeforeSendHeaders: (...args: unknown[]) => void (this.webRequest.beforeSendHandler = (args.at(-1) as Handler | null) ?? null),
    /**
     * Test helper: a request the page makes. Only page loads come here: requests made with net.request or
     * session.fetch have request id 0 and their Cookie header is added below webRequest, so a hook never
     * sees it (Electron's ProxyingURLLoaderFactory; electron/electron#44456).
     */
    beforeSend: (url: string, cookie: string) => {
      this.webRequest.beforeSendHandler?.({ id: 1, url, requestHeaders: cookie ? { Cookie: cookie } : {} }, () => undefined);
    },
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
  poppedUp: unknown[] = [];
  popUpContextMenu(menu?: unknown): void {
    this.poppedUp.push(menu ?? this.contextMenu);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/**
 * What the system does with a notification's show(): Electron emits `show` once it is on screen, or `failed`
 * (event, error string) when the native notification could not be created and shown (docs/api/notification.md:
 * an unsigned macOS app, whose UNNotification request is refused, gets `failed`; Windows emits it too). 'silent'
 * emits neither (a notification server that never answers).
 */
export type FakeNotificationOutcome = { kind: 'show' } | { kind: 'failed'; error: string } | { kind: 'silent' };

export class FakeNotification extends EventEmitter {
  static all: FakeNotification[] = [];
  /** Test switch: what the next show() leads to (electronModule() sets it back to 'show'). */
  static outcome: FakeNotificationOutcome = { kind: 'show' };
  /** Test switch: Notification.isSupported(). */
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  failed: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeNotification.all.push(this);
  }
  /** The answer comes later, as the native one does (after the OS has taken or refused the request). */
  show(): void {
    const outcome = FakeNotification.outcome;
    setImmediate(() => {
      if (outcome.kind === 'show') {
        this.shown = true;
        this.emit('show', {});
      } else if (outcome.kind === 'failed') {
        this.failed = outcome.error;
        this.emit('failed', {}, outcome.error);
      }
    });
  }
  close(): void {
    this.emit('close', {});
  }
}

class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  quitCalls = 0;
  loginItem: Record<string, unknown> = { openAtLogin: false };
  /** What getLoginItemSettings reports about this start (macOS). */
  openedAtLogin = false;
  applicationMenu: unknown = null;
  appUserModelId: string | null = null;
  isPackaged = false;
  /** True once `ready` has fired: whenReady() resolves on a later turn, after which isReady() is true. */
  readyNow = false;
  private ready: Promise<void> | null = null;
  whenReady(): Promise<void> {
    return (this.ready ??= Promise.resolve().then(() => {
      this.readyNow = true;
      this.emit('ready');
    }));
  }
  isReady(): boolean {
    return this.readyNow;
  }
  /**
   * Test switch: false makes setLoginItemSettings change nothing, as when macOS does not register an unsigned app's
   * login item (getLoginItemSettings().status then says 'not-registered' or 'requires-approval').
   */
  loginItemRegisters = true;
  /** Test switch: what getLoginItemSettings().status says on macOS when the item did not register. */
  loginItemStatus: 'not-registered' | 'requires-approval' | 'not-found' = 'not-registered';
  requestSingleInstanceLock(): boolean {
    this.lockRequested = true;
    this.lockedUserData = this.getPath('userData');
    return this.singleInstanceLock;
  }
  quit(): void {
    this.quitCalls += 1;
    this.emit('before-quit', { preventDefault() {} });
  }
  exit(): void {
    this.quitCalls += 1;
  }
  /** Test helper: where getPath's folders are (a test sets a temporary folder). */
  pathRoot = `${tmpdir()}/daca-watch-double`;
  readonly paths = new Map<string, string>();
  getPath(name: string): string {
    return this.paths.get(name) ?? `${this.pathRoot}/${name}`;
  }
  setPath(name: string, path: string): void {
    if (this.lockRequested && name === 'userData') this.userDataChangedAfterLock = true;
    this.paths.set(name, path);
  }
  /** Electron keys the single-instance lock on the userData folder at the time of the request. */
  lockRequested = false;
  userDataChangedAfterLock = false;
  lockedUserData: string | null = null;
  getVersion(): string {
    return '0.1.0';
  }
  /** Test helper: the application locale (Chromium's, which the page also reads as navigator.language). */
  locale = 'en-US';
  getLocale(): string {
    return this.locale;
  }
  getName(): string {
    return 'DACA Watch';
  }
  readonly loginItemCalls: Array<Record<string, unknown>> = [];
  setLoginItemSettings(settings: Record<string, unknown>): void {
    this.loginItemCalls.push({ ...settings });
    if (this.loginItemRegisters) this.loginItem = { ...settings };
  }
  /** Electron 45's LoginItemSettings: openAtLogin, wasOpenedAtLogin and status (macOS), executableWillLaunchAtLogin (Windows). */
  getLoginItemSettings(_options?: { path?: string; args?: string[] }): { openAtLogin: boolean; wasOpenedAtLogin: boolean; status: string; executableWillLaunchAtLogin: boolean; [key: string]: unknown } {
    const openAtLogin = this.loginItem.openAtLogin === true;
    return {
      ...this.loginItem,
      openAtLogin,
      wasOpenedAtLogin: this.openedAtLogin,
      status: openAtLogin ? 'enabled' : this.loginItemRegisters ? 'not-registered' : this.loginItemStatus,
      executableWillLaunchAtLogin: openAtLogin,
    };
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  readonly dock = { hide() {}, show() {} };
  sandboxed = false;
  enableSandbox(): void {
    this.sandboxed = true;
  }
  userAgentFallback = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) daca-watch/0.1.0 Chrome/140.0.0.0 Electron/45.0.0 Safari/537.36';
  getAppPath(): string {
    return process.cwd();
  }
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

export interface FakeNetRequestOptions {
  url: string;
  session?: FakeSession;
  useSessionCookies?: boolean;
  redirect?: 'follow' | 'error' | 'manual';
}

/**
 * net.request over real HTTP to a loopback server (anything else throws: tests never reach the internet).
 * The session's cookies go along only with useSessionCookies (Electron's default leaves them out), and
 * Set-Cookie lands in the session's jar; with redirect 'manual' a 3xx is a 'redirect' event and nothing more.
 */
function netRequest(options: FakeNetRequestOptions) {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') throw new Error(`net.request double: ${target.origin} is not a loopback server`);
  const emitter = new EventEmitter() as EventEmitter & { setHeader(name: string, value: string): void; abort(): void; end(): void };
  const jar = options.session?.cookies;
  const headers: Record<string, string> = {};
  const cookie = options.useSessionCookies && jar ? jar.header(options.url) : '';
  if (cookie) headers.cookie = cookie;
  let aborted = false;
  let outgoing: ReturnType<typeof httpRequest> | null = null;
  emitter.setHeader = (name, value) => void (headers[name.toLowerCase()] = value);
  emitter.abort = () => {
    aborted = true;
    outgoing?.destroy();
    emitter.emit('abort');
  };
  emitter.end = () => {
    outgoing = httpRequest({ host: target.hostname, port: Number(target.port), path: `${target.pathname}${target.search}`, headers }, (incoming) => {
      if (aborted) return void incoming.destroy();
      if (options.useSessionCookies) jar?.store(options.url, incoming.headers['set-cookie']);
      const status = incoming.statusCode ?? 0;
      if (status >= 300 && status < 400 && options.redirect === 'manual') {
        incoming.resume();
        emitter.emit('redirect', status, 'GET', new URL(String(incoming.headers.location), options.url).href, incoming.headers);
        return;
      }
      emitter.emit('response', Object.assign(incoming, { statusCode: status, headers: incoming.headers as Record<string, string | string[]> }));
    });
    outgoing.on('error', (error) => !aborted && emitter.emit('error', error));
    outgoing.end();
  };
  return emitter;
}

export interface FakeNativeImage {
  path: string;
  template: boolean;
  isEmpty(): boolean;
  setTemplateImage(flag: boolean): void;
}

function fakeImage(path: string, empty: boolean): FakeNativeImage {
  return { path, template: false, isEmpty: () => empty, setTemplateImage(flag: boolean) { this.template = flag; } };
}

/** A fresh double of the electron module (fresh fakes, empty records). */
export function electronModule() {
  FakeBrowserWindow.all = [];
  FakeTray.all = [];
  FakeNotification.all = [];
  FakeNotification.outcome = { kind: 'show' };
  FakeNotification.supported = true;
  pageScripts.length = 0;
  sessions.byPartition.clear();
  sessions.defaultSession = new FakeSession('');
  const ipcMain = new FakeIpcMain();
  const rendererListeners = new EventEmitter();
  const exposed = new Map<string, unknown>();
  const opened: string[] = [];
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, Handler>();
  const app = new FakeApp();
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: sessions,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ items: template }),
      setApplicationMenu: (menu: unknown) => void (module.app.applicationMenu = menu),
    },
    // nativeImage.createFromPath "returns an empty image if the path does not exist, cannot be read, or is not a
    // valid image" (docs/api/native-image.md): the double takes the first case; a Tray given an empty image shows
    // nothing at all, which is why the tray adapter checks isEmpty().
    nativeImage: {
      createFromPath: (path: string) => fakeImage(path, !existsSync(path)),
      createFromDataURL: (dataUrl: string) => fakeImage(dataUrl, !dataUrl.startsWith('data:image/')),
      createEmpty: () => fakeImage('', true),
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
    // docs/api/protocol.md: registerSchemesAsPrivileged "can only be used before the ready event of the app module
    // gets emitted and can be called only once"; "all methods unless specified can only be used after the ready
    // event". The double throws on a call out of its time, so a wrong order fails the test at once; that real
    // Electron throws too (rather than only ignoring the call) is from its source as remembered, not re-read here.
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => {
        if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        schemes.push(...list);
      },
      handle: (scheme: string, handler: Handler) => {
        if (!app.isReady()) throw new Error('protocol.handle can only be used after the app is ready');
        protocolHandlers.set(scheme, handler);
      },
      schemes,
      handlers: protocolHandlers,
    },
    powerMonitor: new EventEmitter(),
    dialog: {
      errors: [] as Array<{ title: string; content: string }>,
      showErrorBox(title: string, content: string): void {
        module.dialog.errors.push({ title, content });
      },
      showSaveDialog: async () => ({ canceled: true, filePath: undefined }),
    },
    shell: { openExternal: async (url: string) => void opened.push(url), opened },
    net: {
      online: true,
      isOnline() {
        return module.net.online;
      },
      fetch: async (): Promise<Response> => {
        throw new Error('net.fetch: no fetch configured for this test');
      },
      request: netRequest,
    },
  };
  // A default import (`import electron from 'electron'`) gets the same object.
  return Object.assign(module, { default: module });
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
