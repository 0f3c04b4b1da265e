// The start-up's network part, run after the tray and the dashboard exist: checks the session kept from
// the last run (capped in time), then starts watching. Plain TypeScript (no `electron` import); no UI of its own.

/** The longest the start-up session check may take before the app carries on as signed out. */
export const CONNECT_TIMEOUT_MS = 20_000;

export interface StartUpPorts {
  /** Whether the kept session is live (one probe request). */
  probe: () => Promise<boolean>;
  monitor: {
    readonly snapshot: { session: { state: string }; cases: readonly unknown[] };
    signedIn(): void;
    signedOut(): Promise<void>;
    start(speed?: number): void;
  };
  /** Shows "Connecting to myUSCIS" in the tray while true. */
  setConnecting: (connecting: boolean) => void;
  openDashboard: () => void;
  /** Started at login: stay in the tray unless something needs the user. */
  hidden: boolean;
  speed: number;
  timeoutMs?: number;
}

/** A promise that gives `fallback` when `work` takes longer than `ms` (or fails). */
function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** Never rejects: a failure here must not take the app down. Resolves with whether the session was live. */
export async function connectInBackground(ports: StartUpPorts): Promise<boolean> {
  ports.setConnecting(true);
  const live = await within(ports.probe(), ports.timeoutMs ?? CONNECT_TIMEOUT_MS, false);
  try {
    // A session kept from the last run may still be live; if it ended meanwhile, the user hears it once.
    if (live) ports.monitor.signedIn();
    else if (ports.monitor.snapshot.session.state === 'signed-in') await ports.monitor.signedOut();
  } finally {
    ports.setConnecting(false);
  }
  if (ports.hidden && (!live || ports.monitor.snapshot.cases.length === 0)) ports.openDashboard();
  ports.monitor.start(ports.speed);
  return live;
}
