// Wires the monitor engine for plain Node: the Node HTTP port (with a Cookie header), the client, and
// the conf-backed state store. Used by the headless runner, the benchmark and the tests; not by Electron.

import { MyUscisClient } from './client';
import type { SaveFileSystem } from './store/atomic-file';
import { openStateStore, type StateStore } from './store/file-state-store';
import { Monitor, type MonitorOptions } from './monitor';
import { createNodeHttpPort } from './node-http-port';
import type { Clock, NotifierPort } from './ports';
import { PublishedTimesReader, type PublishedTimesOptions } from './processing-times';

export interface NodeMonitorOptions {
  origin: string;
  /** A Cookie header standing for a live session (simulators and tests only). */
  cookie?: string;
  clock: Clock;
  storeDir: string;
  /** The file-system calls the store's saves make (tests: a disk that fills up). */
  storeFileSystem?: SaveFileSystem;
  notifier?: NotifierPort;
  random?: MonitorOptions['random'];
  timeZone?: string;
  systemLanguage?: MonitorOptions['systemLanguage'];
  onEvent?: MonitorOptions['onEvent'];
  /** A demo runner's relaxed per-case floor (see MonitorOptions): never guessed from the origin. */
  relaxedFloorMs?: number;
  /**
   * egov.uscis.gov's origin for USCIS's published processing times (a simulator's in tests); without it nothing is
   * read there. Its port is a plain one with no Cookie header: the session never goes there.
   */
  timesOrigin?: string;
  /** The times reader's pacing and events (tests shorten the spacing). */
  times?: Pick<PublishedTimesOptions, 'spacingMs' | 'timeoutMs' | 'onEvent' | 'random'>;
}

export function createNodeMonitor(options: NodeMonitorOptions): { monitor: Monitor; store: StateStore; times: PublishedTimesReader | null } {
  const { origin, cookie, clock } = options;
  const store = openStateStore({ dir: options.storeDir, now: clock.now, ...(options.storeFileSystem ? { fileSystem: options.storeFileSystem } : {}) });
  const monitor = new Monitor({
    client: new MyUscisClient({ http: createNodeHttpPort(cookie === undefined ? {} : { cookie }), origin, clock }),
    origin,
    clock,
    store,
    notifier: options.notifier ?? { notify: async () => {} },
    ...(options.random ? { random: options.random } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.systemLanguage ? { systemLanguage: options.systemLanguage } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.relaxedFloorMs === undefined ? {} : { relaxedFloorMs: options.relaxedFloorMs }),
  });
  const times =
    options.timesOrigin === undefined
      ? null
      : new PublishedTimesReader({ port: { get: createNodeHttpPort() }, origin: options.timesOrigin, monitor, ...(options.random ? { random: options.random } : {}), ...options.times });
  return { monitor, store, times };
}
