// Tests for the sandboxed preload, run as Electron's sandbox would run it (CommonJS, a require that knows
// only 'electron'): it exposes one named function per contract channel and a working onStateChanged.

import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE, type DacaWatchApi } from '../../shared/ipc/contract';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import type { ElectronDouble } from '../helpers/electron-double';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

const PRELOAD = join(import.meta.dirname, '../../electron/preload.cts');

/** The require of a sandboxed preload, as far as this app may use it: 'electron' and nothing else. */
function sandboxRequire(name: string): unknown {
  if (name === 'electron') return electron;
  throw new Error(`a sandboxed preload cannot require '${name}'`);
}

/** Bundles the preload to CommonJS as `npm run build` does and runs it in a fresh context (no Node globals) with that require. */
function runPreloadInSandbox(): void {
  const [bundle] = buildSync({ entryPoints: [PRELOAD], bundle: true, format: 'cjs', platform: 'node', external: ['electron'], write: false }).outputFiles;
  const outputText = bundle!.text;
  const module = { exports: {} };
  runInNewContext(outputText, { require: sandboxRequire, module, exports: module.exports });
}

let api: DacaWatchApi;
beforeAll(() => {
  runPreloadInSandbox();
  api = electron.contextBridge.exposed.get('dacaWatch') as DacaWatchApi;
});

describe('the preload', () => {
  it('exposes window.dacaWatch and nothing else', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['dacaWatch']);
  });

  it('exposes exactly one named function per contract channel, plus onStateChanged', () => {
    const methods = Object.values(INVOKE).map((spec) => spec.method);
    expect(Object.keys(api).sort()).toEqual([...methods, 'onStateChanged'].sort());
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
  });

  it('never exposes ipcRenderer or its functions', () => {
    const values = Object.values(api) as unknown[];
    expect(values).not.toContain(electron.ipcRenderer);
    for (const fn of Object.values(electron.ipcRenderer)) expect(values).not.toContain(fn);
  });

  it('sends each method on its own channel, with the request only', async () => {
    const received: Array<{ channel: string; args: unknown[] }> = [];
    for (const channel of Object.keys(INVOKE)) electron.ipcMain.handle(channel, (_event: unknown, ...args: unknown[]) => received.push({ channel, args }));
    try {
      for (const [channel, spec] of Object.entries(INVOKE)) {
        const method = api[spec.method] as (request: unknown, ...extra: unknown[]) => Promise<unknown>;
        await method({ marker: channel }, 'state:get', 'extra');
      }
    } finally {
      for (const channel of Object.keys(INVOKE)) electron.ipcMain.removeHandler(channel);
    }
    expect(received).toEqual(Object.keys(INVOKE).map((channel) => ({ channel, args: [{ marker: channel }] })));
  });

  it('gives onStateChanged listeners the state only, and unsubscribes them', () => {
    const listener = vi.fn();
    const unsubscribe = api.onStateChanged(listener);
    expect(electron.ipcRenderer.listenerCount('state:changed')).toBe(1);

    electron.ipcRenderer.emitFromMain('state:changed', exampleDashboardState());
    expect(listener.mock.calls).toEqual([[exampleDashboardState()]]);

    unsubscribe();
    expect(electron.ipcRenderer.listenerCount('state:changed')).toBe(0);
    electron.ipcRenderer.emitFromMain('state:changed', exampleDashboardState({ activity: 'checking' }));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('unsubscribes one listener without touching another', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.onStateChanged(first);
    const unsubscribeSecond = api.onStateChanged(second);
    unsubscribeFirst();
    electron.ipcRenderer.emitFromMain('state:changed', exampleDashboardState());
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    unsubscribeSecond();
  });
});

describe('the sandbox this test runs the preload in', () => {
  it('refuses any module but electron, so the preload cannot lean on shared code at run time', () => {
    expect(() => runInNewContext("require('zod')", { require: sandboxRequire })).toThrow(/cannot require 'zod'/);
    expect(() => runInNewContext("require('../shared/ipc/contract')", { require: sandboxRequire })).toThrow(/cannot require/);
  });
});
