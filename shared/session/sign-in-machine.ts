// The myUSCIS sign-in as a state machine: which page the sign-in window shows, when to test the session,
// when the user counts as signed in. Pure transitions over URLs; it never opens windows or sends requests.
// The session is tested once a page has finished loading (its scripts may refresh the WAF token first),
// again when the partition's cookies change or a retry comes due, and one last time when the window closes.

import { APPLICANT_PAGE_PATH } from '../myuscis/endpoints';
import { isAllowedNavigation, allowListOf, myUscisOrigins, type MyUscisMode } from '../security/navigation';

/** Which page of the sign-in the window shows. */
export type SignInStage = 'sign-in' | 'verification' | 'passkey' | 'account-dashboard' | 'applicant' | 'other';

export type SignInState =
  | { kind: 'signed-out' }
  | { kind: 'window-open'; stage: SignInStage }
  /** The window is on the applicant page and the session probe runs. */
  | { kind: 'verifying' }
  /** The user closed the window: one last probe says whether the sign-in had finished. */
  | { kind: 'closed-checking' }
  | { kind: 'signed-in' }
  /** The engine found the session over; the user has to sign in again. */
  | { kind: 'expired' };

export type SignInEvent =
  | { kind: 'open-window' }
  | { kind: 'navigated'; url: string }
  /** did-finish-load: the page and its scripts have run. */
  | { kind: 'page-loaded'; url: string }
  /** The partition's cookies changed, or a retry came due: test the session again if the page is the applicant page. */
  | { kind: 'check-again' }
  | { kind: 'probe-ok' }
  | { kind: 'probe-failed' }
  | { kind: 'window-closed' }
  | { kind: 'session-expired' }
  | { kind: 'sign-out' };

export const SIGNED_OUT: SignInState = { kind: 'signed-out' };

/** The page that carries a sign-in over to where the case data lives. */
export function applicantPageUrl(mode: MyUscisMode): string {
  return `${myUscisOrigins(mode).dataOrigin}${APPLICANT_PAGE_PATH}`;
}

/** Which stage a page of the sign-in is (the simulator serves the same paths on its own two hosts). */
export function stageOf(url: string, mode: MyUscisMode): SignInStage {
  const { accountOrigin, dataOrigin } = myUscisOrigins(mode);
  const path = pathOf(url);
  if (path !== null && isAllowedNavigation(url, allowListOf([accountOrigin]))) {
    if (path === '/sign-in') return 'sign-in';
    if (path === '/auth') return 'verification';
    // The passkey prompt's real path is not documented; the simulator uses /passkey.
    if (/^\/passkeys?(\/|-|$)/.test(path)) return 'passkey';
    if (path === '/dashboard' || path === '') return 'account-dashboard';
  }
  if (path === APPLICANT_PAGE_PATH && isAllowedNavigation(url, allowListOf([dataOrigin]))) return 'applicant';
  return 'other';
}

/** The state after `event`; the same object when the event changes nothing. */
export function next(state: SignInState, event: SignInEvent, mode: MyUscisMode): SignInState {
  const windowOpen = state.kind === 'window-open' || state.kind === 'verifying';
  switch (event.kind) {
    case 'open-window':
      return windowOpen ? state : { kind: 'window-open', stage: 'other' };
    case 'navigated': {
      // A new page: only its stage. The session is tested when it has loaded (page-loaded).
      if (!windowOpen) return state;
      const stage = stageOf(event.url, mode);
      // The applicant page again while its test runs: the running test answers for it.
      if (state.kind === 'verifying' && stage === 'applicant') return state;
      return state.kind === 'window-open' && state.stage === stage ? state : { kind: 'window-open', stage };
    }
    case 'page-loaded': {
      if (!windowOpen || state.kind === 'verifying') return state;
      const stage = stageOf(event.url, mode);
      return stage === 'applicant' ? { kind: 'verifying' } : state.stage === stage ? state : { kind: 'window-open', stage };
    }
    case 'check-again':
      return state.kind === 'window-open' && state.stage === 'applicant' ? { kind: 'verifying' } : state;
    case 'probe-ok':
      return state.kind === 'verifying' || state.kind === 'closed-checking' ? { kind: 'signed-in' } : state;
    case 'probe-failed':
      if (state.kind === 'closed-checking') return SIGNED_OUT;
      return state.kind === 'verifying' ? { kind: 'window-open', stage: 'applicant' } : state;
    case 'window-closed':
      // Closing the window is not signing out: the sign-in may have finished without the app noticing.
      return windowOpen ? { kind: 'closed-checking' } : state;
    case 'session-expired':
      return state.kind === 'signed-in' ? { kind: 'expired' } : state;
    case 'sign-out':
      return SIGNED_OUT;
  }
}

/** The window landed on myaccount's dashboard: the shell sends it on to the applicant page. */
export function shouldGoToApplicant(state: SignInState): boolean {
  return state.kind === 'window-open' && state.stage === 'account-dashboard';
}

/** The path without a trailing slash ('' for the root), or null for something that is not a URL. */
function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
}
