// The myUSCIS sign-in window: the real sign-in page in a sandboxed window on its own persistent session,
// driven by the sign-in state machine. It never reads the page, the password, the code or cookie values.

import { session, type BrowserWindow } from 'electron';
import { allowListFor, cookieDomainMatches, myUscisOrigins, type MyUscisMode } from '../shared/security/navigation';
import { SIGNED_OUT, applicantPageUrl, next, shouldGoToApplicant, type SignInEvent, type SignInState } from '../shared/session/sign-in-machine';
import { createSecureWindow } from './secure-window';

/** After a failed test on the applicant page: wait this long before each further try (then stop). */
export const RETRY_DELAYS_MS = [2_000, 5_000, 10_000] as const;
/** Cookie changes come in bursts (a sign-in sets several): one test after the burst settles. */
export const COOKIE_SETTLE_MS = 500;
/** At most this many tests prompted by cookie changes per window: a page that churns cookies cannot make the app hammer USCIS. */
export const MAX_COOKIE_CHECKS = 10;

export interface SignInOptions {
  mode: MyUscisMode;
  /** Whether the session in the sign-in partition is live (the engine client's probe over that session). */
  probe: () => Promise<boolean>;
  /** The sign-in finished: the session is live and the window has closed. */
  onSignedIn: () => void;
}

export interface SignIn {
  readonly state: SignInState;
  /** Opens the sign-in window, or brings the open one to the front; true when it opened a new one. */
  open(): boolean;
  /** The engine found the session over. */
  sessionExpired(): void;
  /** Closes the window and forgets the session: cookies, storage and cache of the sign-in partition. */
  signOut(): Promise<void>;
}

/** The persistent session the sign-in and every myUSCIS request share; the demo keeps its own. */
export function signInPartition(mode: MyUscisMode): string {
  return mode.kind === 'real' ? 'persist:myuscis' : 'persist:myuscis-demo';
}

export function createSignIn(options: SignInOptions): SignIn {
  const { mode } = options;
  let state: SignInState = SIGNED_OUT;
  let signInWindow: BrowserWindow | null = null;

  const show = (url: string): void => {
    // A page that fails to load shows its error in the window; the user can go on or close it.
    signInWindow?.loadURL(url).catch(() => undefined);
  };

  // Tries left after failed tests on the applicant page, and the pending retry or cookie-burst timer.
  let retriesLeft = 0;
  let cookieChecksLeft = MAX_COOKIE_CHECKS;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let cookieTimer: ReturnType<typeof setTimeout> | null = null;
  const stopTimers = () => {
    if (retryTimer) clearTimeout(retryTimer);
    if (cookieTimer) clearTimeout(cookieTimer);
    retryTimer = cookieTimer = null;
  };

  const checkSession = async (): Promise<void> => {
    const live = await options.probe().catch(() => false);
    dispatch({ kind: live ? 'probe-ok' : 'probe-failed' });
    if (!live && state.kind === 'window-open' && retriesLeft > 0) {
      const delay = RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - retriesLeft]!;
      retriesLeft -= 1;
      retryTimer = setTimeout(() => dispatch({ kind: 'check-again' }), delay);
    }
  };

  // Reacts to the state this event produced, not to `state` afterwards: a reaction may dispatch again.
  const dispatch = (event: SignInEvent): void => {
    const before = state;
    const after = next(state, event, mode);
    state = after;
    if (after === before) return;
    if (shouldGoToApplicant(after)) show(applicantPageUrl(mode));
    if (after.kind === 'verifying' || after.kind === 'closed-checking') void checkSession();
    if (after.kind === 'signed-in' || after.kind === 'signed-out') stopTimers();
    if (after.kind === 'signed-in') {
      signInWindow?.close();
      options.onSignedIn();
    }
  };

  /**
   * The partition's cookies changed (a sign-in step, a fresh aws-waf-token): test again once the burst
   * settles. Electron emits 'changed' for every cookie of the session (Cookies docs, event 'changed');
   * only the name's host is looked at, never a value.
   */
  const { dataOrigin, accountOrigin } = myUscisOrigins(mode);
  const watchedHosts = new Set([new URL(dataOrigin).hostname, new URL(accountOrigin).hostname]);
  const onCookieChanged = (_event: unknown, cookie: { domain?: string }, _cause: string, removed: boolean): void => {
    const ours = [...watchedHosts].some((host) => cookieDomainMatches(host, cookie.domain));
    if (removed || !ours || cookieChecksLeft <= 0) return;
    if (cookieTimer) clearTimeout(cookieTimer);
    cookieTimer = setTimeout(() => {
      cookieTimer = null;
      if (state.kind !== 'window-open' || state.stage !== 'applicant') return;
      cookieChecksLeft -= 1;
      dispatch({ kind: 'check-again' });
    }, COOKIE_SETTLE_MS);
  };

  const openWindow = (): BrowserWindow => {
    const opened = createSecureWindow({
      allow: allowListFor(mode),
      partition: signInPartition(mode),
      plainUserAgent: true,
      openLinksInBrowser: true,
      width: 520,
      height: 760,
      autoHideMenuBar: true,
    });
    const cookies = session.fromPartition(signInPartition(mode)).cookies;
    cookieChecksLeft = MAX_COOKIE_CHECKS;
    cookies.on('changed', onCookieChanged);
    opened.webContents.on('did-navigate', (_event, url) => dispatch({ kind: 'navigated', url }));
    // The session is tested once the page has run its scripts: did-navigate comes before them, when the
    // WAF token may still be stale (webContents docs: did-finish-load fires when the onload event was dispatched).
    opened.webContents.on('did-finish-load', () => {
      retriesLeft = RETRY_DELAYS_MS.length;
      if (retryTimer) clearTimeout(retryTimer);
      dispatch({ kind: 'page-loaded', url: opened.webContents.getURL() });
    });
    // myaccount is a single-page app: moving from sign-in to verification may change only the history.
    opened.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) dispatch({ kind: 'navigated', url });
    });
    opened.on('closed', () => {
      signInWindow = null;
      cookies.removeListener('changed', onCookieChanged);
      stopTimers();
      dispatch({ kind: 'window-closed' });
    });
    return opened;
  };

  return {
    get state() {
      return state;
    },
    open() {
      if (signInWindow) {
        signInWindow.show();
        signInWindow.focus();
        return false;
      }
      dispatch({ kind: 'open-window' });
      signInWindow = openWindow();
      show(applicantPageUrl(mode));
      return true;
    },
    sessionExpired() {
      dispatch({ kind: 'session-expired' });
    },
    async signOut() {
      dispatch({ kind: 'sign-out' });
      signInWindow?.close();
      const partition = session.fromPartition(signInPartition(mode));
      await partition.clearStorageData();
      await partition.clearCache();
    },
  };
}
