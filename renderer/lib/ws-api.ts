// The dashboard's API over the preview's loopback WebSocket (`/api`, see scripts/preview.ts), for a plain
// browser. DOM only. Like the preload, every call resolves to an IpcResult and none ever rejects.

import { API_CHANNELS } from '../../shared/ipc/channels';
import type { DacaWatchApi, DashboardState, InvokeChannel, IpcResult } from '../../shared/ipc/contract';
import { isLoopbackHttpPage } from '../../shared/security/navigation';

export interface WsApiOptions {
  /** `ws://127.0.0.1:PORT/api?token=…` */
  url: string;
  /** Opens a socket: the browser's WebSocket (tests pass another). */
  openSocket: (url: string) => WebSocket;
  /**
   * Opens a page in a new tab: the simulator's sign-in page the preview answers a sign-in with (there is no
   * sign-in window in a browser). Absent: nothing opens (Node clients in tests).
   */
  openTab?: (url: string) => void;
}

/** The API, and `close()` to stop reconnecting (a page's socket otherwise ends with the page). */
export type WsApi = DacaWatchApi & { close(): void };

const OPEN = 1;
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 8_000;

interface PendingCall {
  channel: InvokeChannel;
  /** The request as sent; calls made while the socket is not open go out when it opens. */
  message: string;
  settle: (result: IpcResult<unknown>) => void;
}

export function connectWsApi({ url, openSocket, openTab }: WsApiOptions): WsApi {
  const listeners = new Set<(state: DashboardState) => void>();
  const pending = new Map<number, PendingCall>();
  let lastId = 0;
  let retryMs = FIRST_RETRY_MS;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let opened = false;
  let socket = connect();

  function connect(): WebSocket {
    const next = openSocket(url);
    next.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      for (const waiting of pending.values()) next.send(waiting.message);
      // Pushes sent while the socket was down are lost: a reconnected page reads the state once.
      if (opened) {
        void call('state:get', undefined).then((result) => {
          if (result.ok) tell(result.value as DashboardState);
        });
      }
      opened = true;
    };
    next.onmessage = (event) => receive(event.data);
    next.onclose = () => {
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.settle({ ok: false, failure: { code: 'failed', message: `${waiting.channel}: the connection to the preview closed` } });
      }
      if (closed) return;
      retry = setTimeout(() => (socket = connect()), retryMs);
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    };
    return next;
  }

  function receive(data: unknown): void {
    let message: { id?: unknown; result?: IpcResult<unknown>; event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return;
    }
    if (message.event === 'state:changed') return tell(message.payload as DashboardState);
    const waiting = typeof message.id === 'number' ? pending.get(message.id) : undefined;
    if (!waiting || !message.result) return;
    pending.delete(message.id as number);
    waiting.settle(message.result);
  }

  function tell(state: DashboardState): void {
    for (const listener of listeners) listener(state);
  }

  function call(channel: InvokeChannel, request: unknown): Promise<IpcResult<unknown>> {
    return new Promise((settle) => {
      lastId += 1;
      const message = JSON.stringify({ id: lastId, channel, payload: request });
      pending.set(lastId, { channel, message, settle });
      if (socket.readyState === OPEN) socket.send(message);
    });
  }

  const methods = Object.fromEntries(
    Object.entries(API_CHANNELS).map(([method, channel]) => [method, (request: unknown) => call(channel, request)]),
  ) as Omit<DacaWatchApi, 'onStateChanged'>;
  const askSignIn = methods.signIn;
  // Opened here, while the click that asked is still the page's user activation (a popup blocker lets it through).
  methods.signIn = async () => {
    const result = await askSignIn(undefined);
    if (result.ok && result.value.page !== undefined && isLoopbackHttpPage(result.value.page)) openTab?.(result.value.page);
    return result;
  };

  return {
    ...methods,
    onStateChanged(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      socket.close();
    },
  };
}
