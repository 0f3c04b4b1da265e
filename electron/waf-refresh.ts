// Refreshes the AWS WAF token for the myUSCIS partition: loads the applicant page in a window of that
// partition and waits for the `aws-waf-token` cookie; shows the window when a person must solve a CAPTCHA.
// It never reads a cookie's value, never logs one, and never leaves the window open after it returns.

import { allowListFor, cookieDomainMatches, myUscisOrigins, type MyUscisMode } from '../shared/security/navigation';
import { applicantPageUrl } from '../shared/session/sign-in-machine';
import { createSecureWindow } from './secure-window';
import { signInPartition } from './sign-in-window';

export const WAF_TOKEN_COOKIE = 'aws-waf-token';
/** How long the challenge script gets to set the token in the hidden window. */
export const TOKEN_WAIT_MS = 15_000;
/** How long a shown window waits for the person to solve the CAPTCHA. */
export const PERSON_WAIT_MS = 5 * 60_000;

export interface WafRefreshOptions {
  mode: MyUscisMode;
  tokenWaitMs?: number;
  personWaitMs?: number;
  log?: (message: string) => void;
}

/** Whether a loadURL rejection is Chromium's ERR_ABORTED (-3): the page replaced itself (a challenge reloads). */
export function isAbortedLoad(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return code === 'ERR_ABORTED' || errno === -3;
}

/**
 * One refresh at a time: a caller that comes while one runs waits for it. Resolves with whether a token
 * came; never rejects (the engine's retry then says "challenged" if the token did not come).
 */
export function createWafRefresh(options: WafRefreshOptions): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  return () => {
    running ??= refreshOnce(options).finally(() => (running = null));
    return running;
  };
}

async function refreshOnce(options: WafRefreshOptions): Promise<boolean> {
  const log = options.log ?? ((message: string) => console.warn(message));
  const partition = signInPartition(options.mode);
  const dataHost = new URL(myUscisOrigins(options.mode).dataOrigin).hostname;

  const refresher: ReturnType<typeof createSecureWindow> = createSecureWindow({
    allow: allowListFor(options.mode),
    partition,
    plainUserAgent: true,
    show: false,
    width: 520,
    height: 760,
    autoHideMenuBar: true,
    title: 'DACA Watch — myUSCIS: please confirm you are a person / confirme que es una persona',
    // A hidden window's timers are throttled by Chromium (to one wake-up a minute after a while), which
    // would stall the challenge script; this keeps them running (BrowserWindow docs, webPreferences.backgroundThrottling).
    backgroundThrottling: false,
  });
  // The window's session is the myUSCIS partition. Listen before loading: the challenge script may set
  // the token before loadURL settles.
  const cookies = refresher.webContents.session.cookies;
  let tokenArrived: () => void = () => undefined;
  const token = new Promise<void>((resolve) => (tokenArrived = resolve));
  const onChanged = (_event: unknown, cookie: { name: string; domain?: string }, _cause: string, removed: boolean) => {
    if (!removed && cookie.name === WAF_TOKEN_COOKIE && cookieDomainMatches(dataHost, cookie.domain)) tokenArrived();
  };
  cookies.on('changed', onChanged);
  let closedByPerson = false;
  refresher.on('closed', () => (closedByPerson = true));
  const waitFor = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      const poll = setInterval(() => closedByPerson && (clearTimeout(timer), clearInterval(poll), resolve(false)), 250);
      void token.then(() => {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(true);
      });
    });

  try {
    // A challenge page that reloads itself makes loadURL reject with ERR_ABORTED while the next page
    // loads (webContents.loadURL docs; electron/electron#27574, #18109): that is the challenge working.
    await refresher.loadURL(applicantPageUrl(options.mode)).catch((error: unknown) => {
      if (!isAbortedLoad(error)) log(`The myUSCIS page for a fresh WAF token did not load (${(error as { code?: string })?.code ?? 'error'}).`);
    });
    if (await waitFor(options.tokenWaitMs ?? TOKEN_WAIT_MS)) return true;
    if (closedByPerson) return false;
    // No token: the page wants a person (a CAPTCHA). Show it; the person solves it or closes the window.
    log('myUSCIS asks for a CAPTCHA: showing the window.');
    refresher.show();
    refresher.focus();
    return await waitFor(options.personWaitMs ?? PERSON_WAIT_MS);
  } finally {
    cookies.removeListener('changed', onChanged);
    if (!refresher.isDestroyed()) refresher.destroy();
  }
}
