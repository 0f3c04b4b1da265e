// The dashboard's sandboxed preload: exposes `window.dacaWatch`, one named function per contract channel
// plus onStateChanged. It may require only 'electron' and must never expose ipcRenderer or its events.

import electron = require('electron');
import type { ApiMethod, ChannelOf, DacaWatchApi, DashboardState, EventChannel } from '../shared/ipc/contract';

const { contextBridge, ipcRenderer } = electron;

/** The contract's channels, inlined (a sandboxed preload cannot load shared code); the types keep them in step. */
const CHANNELS: { readonly [M in ApiMethod]: ChannelOf<M> } = {
  getState: 'state:get',
  setCases: 'cases:set',
  signIn: 'session:sign-in',
  signOut: 'session:sign-out',
  checkNow: 'check:now',
  pause: 'schedule:pause',
  updateSettings: 'settings:update',
  markSeen: 'findings:mark-seen',
  exportData: 'data:export',
  eraseEverything: 'data:erase',
  openExternal: 'external:open',
};
const STATE_CHANGED: EventChannel = 'state:changed';

const methods = Object.fromEntries(
  Object.entries(CHANNELS).map(([method, channel]) => [method, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as Omit<DacaWatchApi, 'onStateChanged'>;

const api: DacaWatchApi = {
  ...methods,
  onStateChanged(listener) {
    // The listener gets the state only: the IPC event would hand the page ipcRenderer itself.
    const relay = (_event: unknown, state: DashboardState) => listener(state);
    ipcRenderer.on(STATE_CHANGED, relay);
    return () => void ipcRenderer.removeListener(STATE_CHANGED, relay);
  },
};

contextBridge.exposeInMainWorld('dacaWatch', api);
