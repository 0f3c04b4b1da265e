// Tests for the main side of the IPC contract through the Electron double: only the dashboard frame is
// answered, payloads and responses are parsed, failures carry no internals, state goes out checked.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, sendState, type IpcHandlers } from '../../electron/ipc';
import { INVOKE, type InvokeChannel } from '../../shared/ipc/contract';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import type { ElectronDouble } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const DASHBOARD = 'app://dashboard/index.html';

function handlers(changes: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'state:get': async () => exampleDashboardState(),
    'cases:set': async ({ receipts }) => ({ ok: receipts.length > 0, errors: [] }),
    'session:sign-in': async () => ({ started: true }),
    'session:sign-out': async () => ({ ok: true }),
    'check:now': async () => ({ ok: true }),
    'schedule:pause': async ({ until }) => ({ pausedUntil: until === null ? null : '2026-06-02T16:00:00.000Z' }),
    'settings:update': async (change) => ({ ...exampleDashboardState().settings, ...change }),
    'findings:mark-seen': async () => ({ ok: true }),
    'data:export': async () => ({ path: '/home/user/DACA Watch export.json' }),
    'data:erase': async () => ({ ok: true }),
    'external:open': async () => ({ opened: true }),
    ...changes,
  };
}

let unregister: () => void = () => {};
const reported: Array<{ channel: InvokeChannel; error: unknown }> = [];
function register(changes: Partial<IpcHandlers> = {}): void {
  unregister = registerIpcHandlers(handlers(changes), { appOrigin: 'app://dashboard', reportError: (channel, error) => reported.push({ channel, error }) });
}
beforeEach(() => void (reported.length = 0));
afterEach(() => unregister());

describe('registerIpcHandlers', () => {
  it('handles every channel of the contract, and unregisters them all', () => {
    register();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(INVOKE).sort());
    unregister();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('answers the dashboard frame with a parsed request', async () => {
    const setCases = vi.fn(async ({ receipts }: { receipts: string[] }) => ({ ok: true, errors: receipts.map((input) => ({ input, code: 'missing-prefix' as const, message: { en: 'e', es: 's' } })) }));
    register({ 'cases:set': setCases });
    expect(await electron.ipcMain.invokeFrom(DASHBOARD, 'cases:set', { receipts: ['0912345678'] })).toEqual({
      ok: true,
      value: { ok: true, errors: [{ input: '0912345678', code: 'missing-prefix', message: { en: 'e', es: 's' } }] },
    });
    expect(setCases).toHaveBeenCalledWith({ receipts: ['0912345678'] });
    expect(await electron.ipcMain.invokeFrom('app://dashboard/', 'state:get', undefined)).toEqual({ ok: true, value: exampleDashboardState() });
  });

  it.each([
    ['the myUSCIS sign-in page', 'https://my.uscis.gov/account/applicant'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike app:// host', 'app://dashboard.evil/index.html'],
    ['app:// on a port', 'app://dashboard:8080/index.html'],
    ['a file', 'file:///tmp/index.html'],
    ['the simulator', 'http://127.0.0.1:41002/account/applicant'],
    ['a frame without a URL', ''],
  ])('refuses %s, without calling the handler', async (_what, frameUrl) => {
    const checkNow = vi.fn(async () => ({ ok: true }));
    register({ 'check:now': checkNow });
    expect(await electron.ipcMain.invokeFrom(frameUrl, 'check:now', undefined)).toEqual({
      ok: false,
      failure: { code: 'not-the-dashboard', message: 'check:now answers only the dashboard' },
    });
    expect(checkNow).not.toHaveBeenCalled();
  });

  it('refuses a request whose sender frame is gone', async () => {
    const eraseEverything = vi.fn(async () => ({ ok: true }));
    register({ 'data:erase': eraseEverything });
    const handler = electron.ipcMain.handlers.get('data:erase')!;
    expect(await handler({ senderFrame: null, sender: { id: 1 } }, { confirm: true })).toMatchObject({ ok: false, failure: { code: 'not-the-dashboard' } });
    expect(eraseEverything).not.toHaveBeenCalled();
  });

  it.each([
    ['data:erase', { confirm: false }],
    ['data:erase', undefined],
    ['cases:set', { receipts: ['1', '2', '3', '4', '5'] }],
    ['cases:set', { receipts: 'IOE0912345678' }],
    ['schedule:pause', { until: 'forever' }],
    ['settings:update', { workHoursIntervalMinutes: 1 }],
    ['external:open', 'https://www.uscis.gov/'],
    ['check:now', { please: true }],
  ] as const)('refuses a malformed %s payload (%j) with a typed result, without calling the handler', async (channel, payload) => {
    const handler = vi.fn(async () => {
      throw new Error('must not be called');
    });
    register({ [channel]: handler } as Partial<IpcHandlers>);
    const answer = await electron.ipcMain.invokeFrom(DASHBOARD, channel, payload);
    expect(answer).toMatchObject({ ok: false, failure: { code: 'invalid-request' } });
    expect((answer as { failure: { message: string } }).failure.message).toMatch(new RegExp(`^${channel}: `));
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers `failed` without internals when a handler throws, and reports the error to main', async () => {
    const secret = new Error('EACCES: permission denied, open /home/user/.config/DACA Watch/state.json');
    register({ 'data:export': async () => Promise.reject(secret) });
    const answer = await electron.ipcMain.invokeFrom(DASHBOARD, 'data:export', { format: 'json' });
    expect(answer).toEqual({ ok: false, failure: { code: 'failed', message: 'data:export could not be done' } });
    expect(JSON.stringify(answer)).not.toContain('/home/user');
    expect(reported).toEqual([{ channel: 'data:export', error: secret }]);
  });

  it('does not send a response that breaks the contract', async () => {
    register({ 'schedule:pause': async () => ({ pausedUntil: 'in an hour' }) });
    expect(await electron.ipcMain.invokeFrom(DASHBOARD, 'schedule:pause', { until: 'hour' })).toMatchObject({ ok: false, failure: { code: 'failed' } });
    expect(reported.map((r) => r.channel)).toEqual(['schedule:pause']);
  });

  it('sends only what the contract names: extra fields of a response are dropped', async () => {
    register({ 'state:get': async () => ({ ...exampleDashboardState(), ledger: [{ key: 'k', notifiedAt: '2026-06-01T00:00:00.000Z' }] }) });
    const answer = (await electron.ipcMain.invokeFrom(DASHBOARD, 'state:get', undefined)) as { ok: true; value: object };
    expect(answer.ok).toBe(true);
    expect(answer.value).not.toHaveProperty('ledger');
  });
});

describe('sendState', () => {
  it('sends the dashboard state on state:changed', () => {
    const webContents = new electron.BrowserWindow({ show: false }).webContents;
    sendState(webContents as never, exampleDashboardState({ activity: 'checking' }));
    expect(webContents.sent).toEqual([{ channel: 'state:changed', args: [exampleDashboardState({ activity: 'checking' })] }]);
  });

  it('throws, sending nothing, when the state breaks the contract', () => {
    const webContents = new electron.BrowserWindow({ show: false }).webContents;
    expect(() => sendState(webContents as never, { ...exampleDashboardState(), activity: 'dozing' } as never)).toThrow(/activity/);
    expect(webContents.sent).toEqual([]);
  });

  it('sends nothing to a closed window', () => {
    const webContents = new electron.BrowserWindow({ show: false }).webContents;
    webContents.isDestroyed = () => true;
    sendState(webContents as never, exampleDashboardState());
    expect(webContents.sent).toEqual([]);
  });
});
