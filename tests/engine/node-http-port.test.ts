// The Node HttpPort over real HTTP: against the simulator (cookie, redirects, slow, dropped and oversized answers)
// and small local servers for what the simulator never does (chunked bodies, repeated headers, split UTF-8, stalls).

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeHttpPort } from '../../engine/node-http-port';
import { HttpFailure, type HttpPort, type HttpRequest } from '../../engine/ports';
import { endpointPath } from '../../shared/myuscis/endpoints';
import type { Simulator } from '../../simulator/server';
import { frozenSimulator } from '../helpers/sim-fixture';

const MIB = 1024 * 1024;

function get(port: HttpPort, url: string, overrides: Partial<HttpRequest> = {}) {
  return port({ url, headers: {}, timeoutMs: 5000, maxBytes: 2 * MIB, ...overrides });
}

async function failureOf(answer: Promise<unknown>): Promise<HttpFailure> {
  const reason = await answer.then(
    (response) => new Error(`expected a failure, got ${JSON.stringify(response).slice(0, 200)}`),
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(HttpFailure);
  return reason as HttpFailure;
}

async function reviewingSimulator(): Promise<Simulator> {
  const sim = await frozenSimulator();
  sim.advanceToPhase('review');
  return sim;
}

const servers: Server[] = [];
async function closeServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
}
afterEach(closeServers);

/** A one-off local server for transport cases the simulator does not produce; resolves to its origin. */
async function localServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('against the simulator', () => {
  it('sends the cookie and the given headers, and reads the JSON answer', async () => {
    const sim = await reviewingSimulator();
    const port = createNodeHttpPort({ cookie: sim.createSession() });
    const response = await get(port, sim.dataOrigin + endpointPath.casesProbe(), { headers: { Referer: sim.applicantUrl } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toEqual({ data: [] });
    expect(sim.requestLog().at(-1)).toMatchObject({ sessionCookie: true, sessionLive: true, referer: true, status: 200 });
  });

  it('returns a redirect as it came, with its location, without following it', async () => {
    const sim = await reviewingSimulator();
    sim.setSignedOutStyle('redirect');
    const response = await get(createNodeHttpPort(), sim.dataOrigin + endpointPath.casesProbe());
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`${sim.dataOrigin}/oidc/login`);
    expect(sim.requestLog()).toHaveLength(1);
  });

  it('gives up on a slow answer after timeoutMs', async () => {
    const sim = await reviewingSimulator();
    sim.addFault({ endpoint: 'cases-probe', kind: 'slow', delayMs: 600 });
    const started = performance.now();
    const failure = await failureOf(get(createNodeHttpPort({ cookie: sim.createSession() }), sim.dataOrigin + endpointPath.casesProbe(), { timeoutMs: 100 }));
    expect(failure.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reports a dropped connection as a network failure that does not mention the cookie', async () => {
    const sim = await reviewingSimulator();
    const cookie = sim.createSession();
    sim.addFault({ endpoint: 'cases-probe', kind: 'drop' });
    const failure = await failureOf(get(createNodeHttpPort({ cookie }), sim.dataOrigin + endpointPath.casesProbe()));
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/ECONNRESET|socket hang up/i);
    expect(failure.message).not.toContain(cookie.split('=')[1]);
  });

  it('refuses an answer whose Content-Length is over maxBytes', async () => {
    const sim = await reviewingSimulator();
    sim.addFault({ endpoint: 'cases-probe', kind: 'oversized', bytes: 4 * MIB });
    const failure = await failureOf(get(createNodeHttpPort({ cookie: sim.createSession() }), sim.dataOrigin + endpointPath.casesProbe()));
    expect(failure.kind).toBe('too-large');
    expect(failure.message).toContain('declares');
  });
});

describe('against local servers', () => {
  it('counts streamed bytes when no Content-Length is given, and hangs up', async () => {
    let hungUp: Promise<unknown> | undefined;
    const origin = await localServer((_req, res) => {
      hungUp = once(res, 'close');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        if (res.destroyed) return;
        res.write(chunk);
        setImmediate(pump);
      };
      pump();
    });
    const failure = await failureOf(get(createNodeHttpPort(), origin, { maxBytes: 256 * 1024 }));
    expect(failure.kind).toBe('too-large');
    expect(failure.message).toContain('grew past');
    expect(hungUp).toBeDefined();
    await hungUp;
  });

  it('sends the user agent and the cookie only when given', async () => {
    const origin = await localServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ cookie: req.headers.cookie ?? null, agent: req.headers['user-agent'] ?? null, accept: req.headers.accept ?? null }));
    });
    const withBoth = await get(createNodeHttpPort({ cookie: 'a=1; b=2', userAgent: 'DACA Watch test' }), origin, { headers: { Accept: 'application/json' } });
    expect(JSON.parse(withBoth.body)).toEqual({ cookie: 'a=1; b=2', agent: 'DACA Watch test', accept: 'application/json' });
    const bare = await get(createNodeHttpPort(), origin);
    expect(JSON.parse(bare.body)).toMatchObject({ cookie: null });
  });

  it('lower-cases header names and joins repeated headers with ", "', async () => {
    const origin = await localServer((_req, res) => {
      res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.setHeader('X-Amzn-Waf-Action', 'challenge');
      res.setHeader('X-Repeated', ['one', 'two']);
      res.end('');
    });
    const response = await get(createNodeHttpPort(), origin);
    expect(response.headers['set-cookie']).toBe('a=1; Path=/, b=2; Path=/');
    expect(response.headers['x-repeated']).toBe('one, two');
    expect(response.headers['x-amzn-waf-action']).toBe('challenge');
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('{"statusTitleSpanish":"Se aprobó su caso — ñ"}', 'utf8');
    const cut = bytes.indexOf(Buffer.from('ó')) + 1;
    const origin = await localServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(bytes.subarray(0, cut));
      setTimeout(() => res.end(bytes.subarray(cut)), 20);
    });
    const response = await get(createNodeHttpPort(), origin);
    expect(response.body).toBe('{"statusTitleSpanish":"Se aprobó su caso — ñ"}');
  });

  it('leaves no timer behind once the answer is in, so a one-shot runner can exit at once', async () => {
    const origin = await localServer((_req, res) => res.end('{}'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await get(createNodeHttpPort(), origin, { timeoutMs: 60_000 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('times out a body that stalls after the headers, and hangs up', async () => {
    let hungUp: Promise<unknown> | undefined;
    const origin = await localServer((_req, res) => {
      hungUp = once(res, 'close');
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"data":');
    });
    expect((await failureOf(get(createNodeHttpPort(), origin, { timeoutMs: 150 }))).kind).toBe('timeout');
    expect(hungUp).toBeDefined();
    await hungUp;
  });

  it('reports a connection closed halfway through the body as a network failure', async () => {
    const origin = await localServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"data":', () => res.socket?.destroy());
    });
    expect((await failureOf(get(createNodeHttpPort(), origin))).kind).toBe('network');
  });

  it('reports a refused connection as a network failure', async () => {
    const origin = await localServer((_req, res) => res.end());
    await closeServers();
    const failure = await failureOf(get(createNodeHttpPort(), origin));
    expect(failure.kind).toBe('network');
    expect(failure.message).toContain('ECONNREFUSED');
  });
});

describe('requests it cannot send', () => {
  it('refuses a cookie with a line break without quoting it', async () => {
    const origin = await localServer((_req, res) => res.end());
    const cookie = '_myuscis_session_rx=secret-value\r\nX-Injected: 1';
    const failure = await failureOf(get(createNodeHttpPort({ cookie }), origin));
    expect(failure.kind).toBe('network');
    expect(failure.message).not.toContain('secret-value');
  });

  it('refuses a protocol other than http and https', async () => {
    const failure = await failureOf(get(createNodeHttpPort(), 'ftp://127.0.0.1/cases'));
    expect(failure.kind).toBe('network');
    expect(failure.message).toContain('ftp:');
  });
});
