// The myUSCIS sign-in window: the real sign-in page in a sandboxed window on its own persistent session,
// driven by the sign-in state machine. It never reads the page, the password, the code or the cookies.

import { session, type BrowserWindow } from 'electron';
import { allowListFor, type MyUscisMode } from '../shared/security/navigation';
import { SIGNED_OUT, applicantPageUrl, next, shouldGoToApplicant, type SignInEvent, type SignInState } from '../shared/session/sign-in-machine';
import { createSecureWindow } from './secure-window';

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

  const checkSession = async (): Promise<void> => {
    const live = await options.probe().catch(() => false);
    dispatch({ kind: live ? 'probe-ok' : 'probe-failed' });
  };

  // Reacts to the state this event produced, not to `state` afterwards: a reaction may dispatch again.
  const dispatch = (event: SignInEvent): void => {
    const before = state;
    const after = next(state, event, mode);
    state = after;
    if (after === before) return;
    if (shouldGoToApplicant(after)) show(applicantPageUrl(mode));
    if (after.kind === 'verifying') void checkSession();
    if (after.kind === 'signed-in') {
      signInWindow?.close();
      options.onSignedIn();
    }
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
    opened.webContents.on('did-navigate', (_event, url) => dispatch({ kind: 'navigated', url }));
    // myaccount is a single-page app: moving from sign-in to verification may change only the history.
    opened.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) dispatch({ kind: 'navigated', url });
    });
    opened.on('closed', () => {
      signInWindow = null;
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
