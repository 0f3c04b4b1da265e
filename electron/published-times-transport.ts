// The published-times port in Electron (thin adapter, composed in main.ts): egov.uscis.gov through Chromium's
// network stack in a partition of its own, never the myUSCIS sign-in partition, so no session cookie can go along,
// and a warm-up load of the processing-times page in a hidden window of that partition when the API answered 403.
//
// Electron behaviours relied on (https://www.electronjs.org/docs/latest/api/net and .../api/session):
// - `session.fromPartition(partition)` returns the session of that partition (created on first use), with a cookie jar
//   of its own; `persist:` keeps it across restarts, so a bot-protection cookie set by the warm-up page is kept.
// - `net.request({ session, useSessionCookies: true })` sends that session's cookies (and only that session's).
//   `net.fetch` (https://www.electronjs.org/docs/latest/api/net#netfetchinput-init) and `ses.fetch` would also go
//   through Chromium's stack, but the myUSCIS transport already avoids session.fetch (an open report of it sending
//   the default session's cookies, electron/electron#44456; see session-http-port.ts), and this port uses the same
//   tested net.request path rather than a second one.

import { net, session } from 'electron';
import { EGOV_ORIGIN, timesReferer, type PublishedTimesPort } from '../engine/processing-times-port';
import { allowListOf } from '../shared/security/navigation';
import { createSecureWindow } from './secure-window';
import { createSessionHttpPort, type RequestInSession } from './session-http-port';
import { isAbortedLoad } from './waf-refresh';

/** egov's own partition: never the sign-in partition (sign-in-window.ts's signInPartition). */
export const TIMES_PARTITION = 'persist:daca-watch-egov';
/** How long the warm-up page gets to load (and its bot-protection script to run) before the API is tried again. */
const WARM_UP_MS = 20_000;

export function publishedTimesTransport(origin = EGOV_ORIGIN): PublishedTimesPort {
  const partition = session.fromPartition(TIMES_PARTITION);
  const request: RequestInSession = (url) => net.request({ url, session: partition, useSessionCookies: true, credentials: 'include', redirect: 'manual' });
  return {
    get: createSessionHttpPort({ request }),
    warmUp: async () => {
      const page = createSecureWindow({ allow: allowListOf([origin]), partition: TIMES_PARTITION, plainUserAgent: true, show: false, backgroundThrottling: false });
      try {
        await Promise.race([
          page.loadURL(timesReferer(origin)).catch((error: unknown) => {
            // A challenge page that reloads itself aborts the first load: that is the warm-up working.
            if (!isAbortedLoad(error)) throw error;
          }),
          new Promise((resolve) => setTimeout(resolve, WARM_UP_MS)),
        ]);
      } catch {
        // The API request after it says whether egov still blocks; a failed page load changes nothing else.
      } finally {
        page.destroy();
      }
    },
  };
}
