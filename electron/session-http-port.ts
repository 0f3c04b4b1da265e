// The engine's HttpPort inside Electron: GETs over net.request in the signed-in partition (its cookies),
// with a timeout, a size cap, redirects reported instead of followed, and one WAF-token refresh then retry.
// It never reads, logs or copies cookies itself.

import { HttpFailure, type HttpPort, type HttpRequest, type HttpResponse } from '../engine/ports';

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

/**
 * The one transport. net.request with `session` and `useSessionCookies: true` sends the partition's
 * cookies (Electron's net docs: "useSessionCookies ... send cookies with this request from the provided
 * session"). session.fetch was dropped: it has an open report of sending the default session's cookies
 * (electron/electron#44456), and the start-up self-check that chose between them could never pass,
 * because a net request's Cookie header is added below webRequest (request id 0) and never shows there.
 */
function isChallenge(response: HttpResponse): boolean {
  return response.status === 202 || /challenge|captcha/i.test(response.headers['x-amzn-waf-action'] ?? '');
}

function lowerCaseHeaders(entries: Iterable<[string, string | string[]]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
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
  /** net.request bound to the sign-in partition. */
  request: RequestInSession;
  /**
   * Loads a my.uscis.gov page in a window of the same partition, so the WAF's script sets a fresh
   * token; the request is then tried once more.
   */
  refreshChallenge?: () => Promise<void>;
}

export function createSessionHttpPort(options: SessionHttpPortOptions): HttpPort {
  const once = (request: HttpRequest) => viaNetRequest(options.request, request);
  return async (request) => {
    const first = await once(request);
    if (!isChallenge(first) || !options.refreshChallenge) return first;
    await options.refreshChallenge();
    return once(request);
  };
}
