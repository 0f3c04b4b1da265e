// The renderer's WebSocket client over a scripted socket: the preload's methods exactly, calls queued until
// the socket opens, failed (never rejected) when it drops, reconnection with backoff; and getApi's choice.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { getApi, previewApiUrl } from '../../renderer/lib/api';
import { connectWsApi, type WsApi } from '../../renderer/lib/ws-api';
import { INVOKE, type DacaWatchApi, type DashboardState } from '../../shared/ipc/contract';
import { exampleDashboardState } from '../helpers/example-dashboard-state';

/** A socket the test opens, answers and drops by hand. */
class ScriptedSocket {
  readyState = 0;
  readonly sent: Array<{ id: number; channel: string; payload?: unknown }> = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly url: string) {}

  send(text: string): void {
    this.sent.push(JSON.parse(text) as ScriptedSocket['sent'][number]);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }
  reply(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

let sockets: ScriptedSocket[] = [];
let api: WsApi;

function connect(openTab?: (url: string) => void): WsApi {
  api = connectWsApi({
    url: 'ws://127.0.0.1:5000/api?token=t',
    ...(openTab ? { openTab } : {}),
    openSocket: (url) => {
      const socket = new ScriptedSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  return api;
}

afterEach(() => {
  api?.close();
  sockets = [];
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('connectWsApi', () => {
  it("has exactly the preload's methods, one per contract channel, and onStateChanged", () => {
    const methods = Object.keys(connect()).filter((key) => key !== 'close');
    expect(methods.sort()).toEqual([...Object.values(INVOKE).map((c) => c.method), 'onStateChanged'].sort());
  });

  it('sends calls made before the socket opens once it opens, and settles each by its id', async () => {
    connect();
    const state = api.getState();
    const cases = api.setCases({ receipts: ['IOE0933012457'] });
    const [socket] = sockets;
    expect(socket!.sent).toEqual([]);
    socket!.open();
    expect(socket!.sent).toEqual([
      { id: 1, channel: 'state:get' },
      { id: 2, channel: 'cases:set', payload: { receipts: ['IOE0933012457'] } },
    ]);
    socket!.reply({ id: 2, result: { ok: true, value: { ok: true, errors: [] } } });
    socket!.reply({ id: 1, result: { ok: false, failure: { code: 'failed', message: 'state:get could not be done' } } });
    expect(await cases).toEqual({ ok: true, value: { ok: true, errors: [] } });
    expect(await state).toEqual({ ok: false, failure: { code: 'failed', message: 'state:get could not be done' } });
  });

  it("opens the sign-in page the preview answers with in a new tab, only a loopback http one, and passes the answer on", async () => {
    const opened: string[] = [];
    connect((url) => opened.push(url));
    sockets[0]!.open();
    const answers = [
      { started: false, page: 'http://127.0.0.1:41002/account/applicant' },
      { started: false, page: 'https://evil.example/phish' },
      { started: false, page: 'javascript:alert(1)' },
      { started: true },
    ];
    for (const [index, value] of answers.entries()) {
      const signIn = api.signIn();
      sockets[0]!.reply({ id: index + 1, result: { ok: true, value } });
      expect(await signIn).toEqual({ ok: true, value });
    }
    expect(sockets[0]!.sent.map((sent) => sent.channel)).toEqual(['session:sign-in', 'session:sign-in', 'session:sign-in', 'session:sign-in']);
    expect(opened).toEqual(['http://127.0.0.1:41002/account/applicant']);
  });

  it('delivers pushed states until unsubscribed', () => {
    connect();
    sockets[0]!.open();
    const seen: DashboardState[] = [];
    const unsubscribe = api.onStateChanged((state) => seen.push(state));
    const state = exampleDashboardState();
    sockets[0]!.reply({ event: 'state:changed', payload: state });
    unsubscribe();
    sockets[0]!.reply({ event: 'state:changed', payload: state });
    expect(seen).toEqual([state]);
  });

  it('fails pending calls when the socket drops, reconnects with backoff, and reads the state again', async () => {
    vi.useFakeTimers();
    connect();
    sockets[0]!.open();
    const pending = api.checkNow();
    sockets[0]!.drop();
    expect(await pending).toEqual({ ok: false, failure: { code: 'failed', message: 'check:now: the connection to the preview closed' } });

    vi.advanceTimersByTime(249);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop();
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    const seen: DashboardState[] = [];
    api.onStateChanged((state) => seen.push(state));
    sockets[2]!.open();
    expect(sockets[2]!.sent).toEqual([{ id: 2, channel: 'state:get' }]);
    const state = exampleDashboardState();
    sockets[2]!.reply({ id: 2, result: { ok: true, value: state } });
    await vi.waitFor(() => expect(seen).toEqual([state]));
  });

  it('stops reconnecting once closed', () => {
    vi.useFakeTimers();
    connect().close();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('getApi and the preview address', () => {
  it("returns the preload's window.dacaWatch when there is one", () => {
    const preload = { getState: vi.fn() } as unknown as DacaWatchApi;
    vi.stubGlobal('window', { dacaWatch: preload });
    expect(getApi()).toBe(preload);
  });

  it("takes the token from the page address, keeps it for reloads, and uses the page's host", () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
    expect(previewApiUrl({ href: 'http://127.0.0.1:5000/?token=abc' }, storage)).toBe('ws://127.0.0.1:5000/api?token=abc');
    expect(previewApiUrl({ href: 'http://127.0.0.1:5000/' }, storage)).toBe('ws://127.0.0.1:5000/api?token=abc');
    expect(previewApiUrl({ href: 'https://127.0.0.1:5000/index.html' }, { getItem: () => null, setItem: () => {} })).toBe('wss://127.0.0.1:5000/api');
  });
});
