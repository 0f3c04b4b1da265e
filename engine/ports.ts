// The engine's ports: the few things it needs from the outside (HTTP, time, a store, a notifier),
// as small interfaces. Node adapters and the Electron shell implement them; tests pass real ones.

import type { SaveProblem } from '../shared/monitor/save-problem';
import type { AppState, StateReading } from '../shared/monitor/state';

export interface HttpRequest {
  /** Absolute URL; the engine only ever sends GET. */
  url: string;
  /** Headers a browser page would send (Accept, Referer); the port adds the session's cookies itself. */
  headers: Record<string, string>;
  /** Abort after this long. */
  timeoutMs: number;
  /** Abort a body larger than this (bytes). */
  maxBytes: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. Redirects are not followed: a 3xx comes back with its `location`. */
  headers: Record<string, string>;
  body: string;
}

export type HttpFailureKind = 'network' | 'timeout' | 'too-large';

/** What an HttpPort rejects with when no response could be read. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

/** One HTTP GET in the signed-in session. Rejects only with HttpFailure. */
export type HttpPort = (request: HttpRequest) => Promise<HttpResponse>;

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Where the state lives between runs (engine/store/ on disk). Synchronous: a save is done when write returns. */
export interface StatePort {
  /** The stored state, salvaged as far as possible; problems say what was lost or moved aside. */
  read(): StateReading;
  /**
   * Saves the state when it changed; false when it could not reach the disk (the file keeps what it had, and
   * the next write tries again). Throws only for a state that is not valid, a mistake in the caller.
   */
  write(state: AppState): boolean;
  /** Why the last save failed, since when; null once a save succeeds. */
  saveProblem(): SaveProblem | null;
  /** Removes every trace of the state. */
  erase(): void;
}

export interface DesktopNotification {
  /** The finding's key (or 'session-expired:...'), so a click can open the dashboard at it. */
  key: string;
  title: string;
  body: string;
  priority: 'high' | 'normal' | 'low';
}

export interface NotifierPort {
  /**
   * Resolves once the system has shown the notification; rejects when it did not (refused, no notifications on this
   * system, no answer in time), so a notification nobody saw is never counted as shown. The rejection's message says
   * why without the title or body.
   */
  notify(notification: DesktopNotification): Promise<void>;
}
