// The engine's HttpPort to myUSCIS in Electron: net.request in the sign-in partition with its cookies, and a
// hidden window that refreshes the WAF token when a request is challenged. Wiring of tested parts only.

import { net, session } from 'electron';
import type { HttpPort } from '../engine/ports';
import type { MyUscisMode } from '../shared/security/navigation';
import { createSessionHttpPort, type RequestInSession } from './session-http-port';
import { signInPartition } from './sign-in-window';
import { createWafRefresh } from './waf-refresh';

export function myUscisTransport(mode: MyUscisMode): HttpPort {
  const partition = session.fromPartition(signInPartition(mode));
  const refreshWafToken = createWafRefresh({ mode });
  // The one transport (see session-http-port.ts for why net.request and not session.fetch).
  const requestInSession: RequestInSession = (url) => net.request({ url, session: partition, useSessionCookies: true, credentials: 'include', redirect: 'manual' });
  return createSessionHttpPort({ request: requestInSession, refreshChallenge: async () => void (await refreshWafToken()) });
}
