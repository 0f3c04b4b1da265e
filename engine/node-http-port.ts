// The HttpPort over node:http and node:https, for the headless runner and tests (Electron supplies its own).
// One GET, one answer: it never follows redirects, never judges the answer, never logs the cookie or puts it in a message.

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { HttpFailure, type HttpPort, type HttpRequest, type HttpResponse } from './ports';

export interface NodeHttpPortOptions {
  /** The session's Cookie header (the runner's `--cookie`, or a simulator session in tests). */
  cookie?: string;
  userAgent?: string;
}

export function createNodeHttpPort(options: NodeHttpPortOptions = {}): HttpPort {
  return (request) => new Promise<HttpResponse>((resolve, reject) => getOnce(request, options, resolve, reject));
}

function getOnce(
  request: HttpRequest,
  options: NodeHttpPortOptions,
  resolve: (response: HttpResponse) => void,
  reject: (failure: HttpFailure) => void,
): void {
  let settled = false;
  let outgoing: ReturnType<typeof httpRequest> | undefined;
  const fail = (kind: HttpFailure['kind'], message: string): void => {
    if (settled) return;
    settled = true;
    clearTimeout(deadline);
    outgoing?.destroy();
    reject(new HttpFailure(kind, message));
  };
  // One deadline for the whole exchange, body included: a server that trickles bytes cannot hold a check forever.
  const deadline = setTimeout(() => fail('timeout', `no complete answer within ${request.timeoutMs} ms`), request.timeoutMs);

  const headers: Record<string, string> = { ...request.headers };
  if (options.userAgent !== undefined) headers['User-Agent'] = options.userAgent;
  if (options.cookie !== undefined) headers.Cookie = options.cookie;

  try {
    const url = new URL(request.url);
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (!send) return fail('network', `unsupported protocol ${url.protocol}`);
    outgoing = send(url, { method: 'GET', headers }, (incoming) => readAnswer(incoming));
  } catch (error) {
    // Invalid URLs and header values throw synchronously; Node names the header, never its value.
    return fail('network', messageOf(error));
  }
  outgoing.on('error', (error) => fail('network', messageOf(error)));
  outgoing.end();

  function readAnswer(incoming: IncomingMessage): void {
    const declared = Number(incoming.headers['content-length']);
    if (declared > request.maxBytes) return fail('too-large', `the answer declares ${declared} bytes, over the ${request.maxBytes}-byte limit`);
    const chunks: Buffer[] = [];
    let received = 0;
    incoming.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > request.maxBytes) return fail('too-large', `the answer grew past the ${request.maxBytes}-byte limit`);
      chunks.push(chunk);
    });
    // Node reports a body cut short by closing the response before it is complete.
    incoming.on('close', () => {
      if (!incoming.complete) fail('network', 'the connection closed before the answer was complete');
    });
    incoming.on('end', () => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({
        status: incoming.statusCode ?? 0,
        headers: joinedHeaders(incoming),
        body: Buffer.concat(chunks).toString('utf8'),
      });
    });
  }
}

/** Lower-case names (as Node gives them), every value kept, repeated headers joined with ', '. */
function joinedHeaders(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(incoming.headersDistinct)) {
    if (values) headers[name] = values.join(', ');
  }
  return headers;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
