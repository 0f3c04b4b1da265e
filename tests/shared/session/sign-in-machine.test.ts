// Tests for the sign-in state machine: the stage of each page (real and demo hosts), the walk from
// signed out to signed in, a failed probe, a closed window, expiry and sign-out. Pure.

import { describe, expect, it } from 'vitest';
import type { MyUscisMode } from '../../../shared/security/navigation';
import {
  SIGNED_OUT,
  applicantPageUrl,
  next,
  shouldGoToApplicant,
  stageOf,
  type SignInEvent,
  type SignInState,
} from '../../../shared/session/sign-in-machine';

const REAL: MyUscisMode = { kind: 'real' };
const DEMO: MyUscisMode = { kind: 'demo', accountOrigin: 'http://localhost:41001', dataOrigin: 'http://127.0.0.1:41002' };

function run(events: SignInEvent[], mode: MyUscisMode = REAL, from: SignInState = SIGNED_OUT): SignInState {
  return events.reduce((state, event) => next(state, event, mode), from);
}
const navigated = (url: string): SignInEvent => ({ kind: 'navigated', url });
/** A page load as Electron reports it: did-navigate, then (after the page's scripts) did-finish-load. */
const loaded = (url: string): SignInEvent[] => [navigated(url), { kind: 'page-loaded', url }];
const APPLICANT = 'https://my.uscis.gov/account/applicant';

describe('stageOf', () => {
  it.each([
    ['https://myaccount.uscis.gov/sign-in', 'sign-in'],
    ['https://myaccount.uscis.gov/sign-in?continue=%2Fdashboard', 'sign-in'],
    ['https://myaccount.uscis.gov/auth', 'verification'],
    ['https://myaccount.uscis.gov/auth/', 'verification'],
    ['https://myaccount.uscis.gov/passkey', 'passkey'],
    ['https://myaccount.uscis.gov/passkeys/enroll', 'passkey'],
    ['https://myaccount.uscis.gov/dashboard', 'account-dashboard'],
    ['https://myaccount.uscis.gov/', 'account-dashboard'],
    ['https://my.uscis.gov/account/applicant', 'applicant'],
    ['https://my.uscis.gov/account/applicant/', 'applicant'],
    ['https://my.uscis.gov/oidc/callback?code=x', 'other'],
    ['https://myaccount.uscis.gov/oidc/authorize', 'other'],
    ['https://myaccount.uscis.gov/passkeyless', 'other'],
    // Right path, wrong host: the stages belong to their hosts.
    ['https://my.uscis.gov/sign-in', 'other'],
    ['https://myaccount.uscis.gov/account/applicant', 'other'],
    ['https://my.uscis.gov.evil.example/account/applicant', 'other'],
    ['http://my.uscis.gov/account/applicant', 'other'],
    ['not a url', 'other'],
  ])('%s is %s', (url, stage) => {
    expect(stageOf(url, REAL)).toBe(stage);
  });

  it('reads the simulator’s hosts in the demo, and only them', () => {
    expect(stageOf('http://localhost:41001/sign-in', DEMO)).toBe('sign-in');
    expect(stageOf('http://localhost:41001/auth', DEMO)).toBe('verification');
    expect(stageOf('http://localhost:41001/passkey?continue=%2F', DEMO)).toBe('passkey');
    expect(stageOf('http://localhost:41001/dashboard', DEMO)).toBe('account-dashboard');
    expect(stageOf('http://127.0.0.1:41002/account/applicant', DEMO)).toBe('applicant');
    expect(stageOf('https://my.uscis.gov/account/applicant', DEMO)).toBe('other');
    expect(stageOf('http://127.0.0.1:41001/account/applicant', DEMO)).toBe('other');
  });
});

describe('applicantPageUrl', () => {
  it('is my.uscis.gov’s applicant page, or the simulator’s', () => {
    expect(applicantPageUrl(REAL)).toBe('https://my.uscis.gov/account/applicant');
    expect(applicantPageUrl(DEMO)).toBe('http://127.0.0.1:41002/account/applicant');
  });
});

describe('next', () => {
  it('walks a full sign-in: sign-in page, verification code, passkey prompt, dashboard, applicant, probe', () => {
    const stages: SignInState[] = [];
    let state = SIGNED_OUT;
    for (const event of [
      { kind: 'open-window' },
      navigated('https://myaccount.uscis.gov/sign-in'),
      navigated('https://myaccount.uscis.gov/auth'),
      navigated('https://myaccount.uscis.gov/passkey'),
      navigated('https://myaccount.uscis.gov/dashboard'),
      navigated(APPLICANT),
      { kind: 'page-loaded', url: APPLICANT },
      { kind: 'probe-ok' },
    ] satisfies SignInEvent[]) {
      state = next(state, event, REAL);
      stages.push(state);
    }
    expect(stages).toEqual([
      { kind: 'window-open', stage: 'other' },
      { kind: 'window-open', stage: 'sign-in' },
      { kind: 'window-open', stage: 'verification' },
      { kind: 'window-open', stage: 'passkey' },
      { kind: 'window-open', stage: 'account-dashboard' },
      // did-navigate only says where the window is: the session is tested once the page has loaded.
      { kind: 'window-open', stage: 'applicant' },
      { kind: 'verifying' },
      { kind: 'signed-in' },
    ]);
  });

  it('tests the session again on a cookie change or a retry, only on the applicant page', () => {
    const failed = run([{ kind: 'open-window' }, ...loaded(APPLICANT), { kind: 'probe-failed' }]);
    expect(next(failed, { kind: 'check-again' }, REAL)).toEqual({ kind: 'verifying' });
    const onAuth = run([{ kind: 'open-window' }, ...loaded('https://myaccount.uscis.gov/auth')]);
    expect(next(onAuth, { kind: 'check-again' }, REAL)).toBe(onAuth);
  });

  it('lets the passkey prompt be skipped: nothing waits on it, the next page goes on as usual', () => {
    const passkey = run([{ kind: 'open-window' }, ...loaded('https://myaccount.uscis.gov/passkey')]);
    expect(passkey).toEqual({ kind: 'window-open', stage: 'passkey' });
    expect(run(loaded('https://myaccount.uscis.gov/dashboard'), REAL, passkey)).toEqual({ kind: 'window-open', stage: 'account-dashboard' });
    expect(run(loaded(APPLICANT), REAL, passkey)).toEqual({ kind: 'verifying' });
  });

  it('goes back to the open window when the probe fails, and verifies again on the next applicant page', () => {
    const failed = run([{ kind: 'open-window' }, ...loaded(APPLICANT), { kind: 'probe-failed' }]);
    expect(failed).toEqual({ kind: 'window-open', stage: 'applicant' });
    expect(run(loaded(APPLICANT), REAL, failed)).toEqual({ kind: 'verifying' });
  });

  it('keeps verifying (the same state) when the applicant page loads again during the probe', () => {
    const verifying = run([{ kind: 'open-window' }, ...loaded(APPLICANT)]);
    expect(verifying).toEqual({ kind: 'verifying' });
    expect(run(loaded(APPLICANT), REAL, verifying)).toBe(verifying);
  });

  it('leaves verifying when the window moves on to another page', () => {
    const verifying = run([{ kind: 'open-window' }, ...loaded(APPLICANT)]);
    expect(next(verifying, navigated('https://myaccount.uscis.gov/sign-in'), REAL)).toEqual({ kind: 'window-open', stage: 'sign-in' });
  });

  it('closing the window is not signing out: one last test decides', () => {
    const closed = run([{ kind: 'open-window' }, navigated('https://myaccount.uscis.gov/auth'), { kind: 'window-closed' }]);
    expect(closed).toEqual({ kind: 'closed-checking' });
    expect(next(closed, { kind: 'probe-failed' }, REAL)).toEqual(SIGNED_OUT);
    // The sign-in finished but the window's own test had failed (a stale WAF token): closing it signs in.
    const unnoticed = run([{ kind: 'open-window' }, ...loaded(APPLICANT), { kind: 'probe-failed' }, { kind: 'window-closed' }]);
    expect(next(unnoticed, { kind: 'probe-ok' }, REAL)).toEqual({ kind: 'signed-in' });
  });

  it('stays signed in when the window closes after the sign-in (the shell closes it)', () => {
    const signedIn = run([{ kind: 'open-window' }, ...loaded(APPLICANT), { kind: 'probe-ok' }]);
    expect(next(signedIn, { kind: 'window-closed' }, REAL)).toEqual({ kind: 'signed-in' });
  });

  it('ignores a probe answer that arrives when nothing is being verified', () => {
    const closed = run([{ kind: 'open-window' }, ...loaded(APPLICANT), { kind: 'window-closed' }, { kind: 'probe-failed' }]);
    expect(next(closed, { kind: 'probe-ok' }, REAL)).toEqual(SIGNED_OUT);
    const onSignInPage = run([{ kind: 'open-window' }, navigated('https://myaccount.uscis.gov/sign-in')]);
    expect(next(onSignInPage, { kind: 'probe-ok' }, REAL)).toEqual({ kind: 'window-open', stage: 'sign-in' });
  });

  it('ignores navigations without a window', () => {
    expect(next(SIGNED_OUT, navigated('https://my.uscis.gov/account/applicant'), REAL)).toBe(SIGNED_OUT);
  });

  it('expires a signed-in session, and opens the window again from there', () => {
    const expired = run([{ kind: 'session-expired' }], REAL, { kind: 'signed-in' });
    expect(expired).toEqual({ kind: 'expired' });
    expect(next(expired, { kind: 'open-window' }, REAL)).toEqual({ kind: 'window-open', stage: 'other' });
    expect(next(SIGNED_OUT, { kind: 'session-expired' }, REAL)).toBe(SIGNED_OUT);
  });

  it('does not open a second window over an open one', () => {
    const open = run([{ kind: 'open-window' }, navigated('https://myaccount.uscis.gov/auth')]);
    expect(next(open, { kind: 'open-window' }, REAL)).toBe(open);
  });

  it.each<SignInState>([{ kind: 'signed-in' }, { kind: 'expired' }, { kind: 'verifying' }, { kind: 'window-open', stage: 'passkey' }])('signs out from %j', (from) => {
    expect(next(from, { kind: 'sign-out' }, REAL)).toEqual(SIGNED_OUT);
  });

  it('follows the simulator in the demo', () => {
    const demo = run(
      [{ kind: 'open-window' }, navigated('http://localhost:41001/sign-in'), navigated('http://localhost:41001/auth'), ...loaded('http://127.0.0.1:41002/account/applicant'), { kind: 'probe-ok' }],
      DEMO,
    );
    expect(demo).toEqual({ kind: 'signed-in' });
  });
});

describe('shouldGoToApplicant', () => {
  it('is true only on myaccount’s dashboard with the window open', () => {
    expect(shouldGoToApplicant(run([{ kind: 'open-window' }, navigated('https://myaccount.uscis.gov/dashboard')]))).toBe(true);
    expect(shouldGoToApplicant(run([{ kind: 'open-window' }, navigated('https://myaccount.uscis.gov/auth')]))).toBe(false);
    expect(shouldGoToApplicant(run([{ kind: 'open-window' }, navigated('https://my.uscis.gov/account/applicant')]))).toBe(false);
    expect(shouldGoToApplicant(SIGNED_OUT)).toBe(false);
  });
});
