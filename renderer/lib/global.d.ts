// The preload's API on `window` for renderer code: there in the app, absent in a plain browser (the preview).
// Types only; lib/api.ts is the one place that reads it.

import type { DacaWatchApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by electron/preload.cts. */
    dacaWatch?: DacaWatchApi;
  }
}

export {};
