// The dashboard's sandboxed preload: exposes `window.dacaWatch`, one named function per contract channel
// plus onStateChanged. It may require only 'electron' and must never expose ipcRenderer or its events.

import electron = require('electron');
import channels = require('../shared/ipc/channels');
import type { DacaWatchApi, DashboardState } from '../shared/ipc/contract';

const { contextBridge, ipcRenderer } = electron;

// A sandboxed preload can require only 'electron': the channel map is bundled in by `npm run build`.
const { API_CHANNELS, STATE_CHANGED_EVENT: STATE_CHANGED } = channels;

const methods = Object.fromEntries(
  Object.entries(API_CHANNELS).map(([method, channel]) => [method, (request: unknown) => ipcRenderer.invoke(channel, request)]),
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
