// The engine's HttpPort inside Electron: GETs in the signed-in partition, with a timeout, a size cap
// and redirects reported instead of followed, over session.fetch or net.request (chosen by a start-up
// self-check), and one WAF-token refresh then retry. It never reads, logs or copies cookies itself.

import { HttpFailure, type HttpPort, type HttpRequest, type HttpResponse } from '../engine/ports';

/** The part of Electron's Session this port uses (a real Session satisfies it). */
export interface SessionLike {
  fetch(input: string, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
}

/** The part of an Electron ClientRequest this port uses. */
export interface ClientRequestLike {
  setHeader(name: string, value: string): void;
  on(event: 'response', listener: (response: IncomingMessageLike) => void): this;
  on(event: 'redirect', listener: (statusCode: number, method: string, redirectUrl: string) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  abort(): void;
  end(): void;
}
export interface IncomingMessageLike {
  statusCode: number;
  headers: Record<string, string | string[]>;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

/** net.request bound to the partition: `(url) => net.request({ url, session, useSessionCookies: true, credentials: 'include', redirect: 'manual' })`. */
export type RequestInSession = (url: string) => ClientRequestLike;

export type Transport = { kind: 'session-fetch'; session: SessionLike } | { kind: 'net-request'; request: RequestInSession };

/** Electron's net/session fetch rejects a manual redirect with this message (electron/electron#43715). */
const REDIRECT_CANCELLED = /redirect was cancelled/i;

function isChallenge(response: HttpResponse): boolean {
  return response.status === 202 || /challenge|captcha/i.test(response.headers['x-amzn-waf-action'] ?? '');
}

function lowerCaseHeaders(entries: Iterable<[string, string | string[]]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, declared: string | null): Promise<string> {
  if (declared !== null && Number(declared) > maxBytes) throw new HttpFailure('too-large', `body of ${declared} bytes is over the ${maxBytes}-byte limit`);
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HttpFailure('too-large', `body over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function viaSessionFetch(session: SessionLike, request: HttpRequest): Promise<HttpResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await session.fetch(request.url, { method: 'GET', headers: request.headers, redirect: 'manual', credentials: 'include', signal: controller.signal });
    const headers = lowerCaseHeaders(response.headers.entries());
    return { status: response.status, headers, body: await readCapped(response.body, request.maxBytes, response.headers.get('content-length')) };
  } catch (error) {
    if (error instanceof HttpFailure) throw error;
    if (controller.signal.aborted) throw new HttpFailure('timeout', `no answer within ${request.timeoutMs} ms`);
    const message = error instanceof Error ? error.message : String(error);
    // The redirect's target is not reported on this path; the client needs only to know it was one.
    if (REDIRECT_CANCELLED.test(message)) return { status: 302, headers: { location: '' }, body: '' };
    throw new HttpFailure('network', message.split('\n')[0] ?? 'network error');
  } finally {
    clearTimeout(timer);
  }
}

function viaNetRequest(requestInSession: RequestInSession, request: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = requestInSession(request.url);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      outgoing.abort();
      settle(() => reject(new HttpFailure('timeout', `no answer within ${request.timeoutMs} ms`)));
    }, request.timeoutMs);
    for (const [name, value] of Object.entries(request.headers)) outgoing.setHeader(name, value);
    outgoing.on('redirect', (statusCode, _method, redirectUrl) => {
      outgoing.abort();
      settle(() => resolve({ status: statusCode, headers: { location: redirectUrl }, body: '' }));
    });
    outgoing.on('error', (error) => settle(() => reject(new HttpFailure('network', error.message.split('\n')[0] ?? 'network error'))));
    outgoing.on('response', (incoming) => {
      const headers = lowerCaseHeaders(Object.entries(incoming.headers));
      if (Number(headers['content-length'] ?? 0) > request.maxBytes) {
        outgoing.abort();
        return settle(() => reject(new HttpFailure('too-large', `body over the ${request.maxBytes}-byte limit`)));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk) => {
        size += chunk.length;
        if (size > request.maxBytes) {
          outgoing.abort();
          settle(() => reject(new HttpFailure('too-large', `body over the ${request.maxBytes}-byte limit`)));
        } else chunks.push(chunk);
      });
      incoming.on('error', (error) => settle(() => reject(new HttpFailure('network', error.message))));
      incoming.on('end', () => settle(() => resolve({ status: incoming.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') })));
    });
    outgoing.end();
  });
}

export interface SessionHttpPortOptions {
  transport: Transport;
  /**
   * Loads a my.uscis.gov page in a hidden window of the same partition, so the WAF's script sets a
   * fresh token; the request is then tried once more.
   */
  refreshChallenge?: () => Promise<void>;
}

export function createSessionHttpPort(options: SessionHttpPortOptions): HttpPort {
  const once = (request: HttpRequest) =>
    options.transport.kind === 'session-fetch' ? viaSessionFetch(options.transport.session, request) : viaNetRequest(options.transport.request, request);
  return async (request) => {
    const first = await once(request);
    if (!isChallenge(first) || !options.refreshChallenge) return first;
    await options.refreshChallenge();
    return once(request);
  };
}

/**
 * The start-up self-check behind the transport choice: Electron has an open report that
 * session.fetch may send the default session's cookies instead of the partition's
 * (electron/electron#44456). `sendsPartitionCookies` makes one request with session.fetch and says
 * whether the partition's cookie went out with it (the shell watches the partition's
 * webRequest.onBeforeSendHeaders for a marker cookie it set).
 */
export async function chooseTransport(session: SessionLike, request: RequestInSession, sendsPartitionCookies: () => Promise<boolean>): Promise<Transport> {
  try {
    if (await sendsPartitionCookies()) return { kind: 'session-fetch', session };
  } catch {
    // A failed self-check is no proof that session.fetch works: use the request path.
  }
  return { kind: 'net-request', request };
}
