// Whether DACA Watch is watching right now and, when not, why, since when and the one action that resumes it;
// and what "Check now" can do. Pure (reads a DashboardState); no wording, no runes.

import type { DashboardState } from '../../shared/ipc/contract';

export type NotWatchingReason = 'signed-out' | 'paused' | 'offline' | 'backing-off' | 'asleep';

export interface NotWatching {
  reason: NotWatchingReason;
  /** When the session ended (signed out), else null. */
  since: string | null;
  /** When it resumes by itself: the pause's or the back-off's end. */
  until: string | null;
  /** The back-off's reason code, as main sent it. */
  backoffReason: string | null;
  /** The one thing the user can do; none when it resumes by itself. */
  action: 'sign-in' | 'resume' | 'none';
  /** The last finished check: everything shown is as of then. */
  lastCheckAt: string | null;
}

/** Signed out by either the session probe or the engine. */
export function isSignedOut(state: DashboardState): boolean {
  return state.session.state === 'signed-out' || state.activity === 'signed-out';
}

/** Null while DACA Watch is watching (or checking, or has no cases: the first run says what to do then). */
export function notWatching(state: DashboardState): NotWatching | null {
  if (state.cases.length === 0) return null;
  const base = { since: null, until: null, backoffReason: null, lastCheckAt: state.lastCheckAt };
  if (isSignedOut(state)) return { ...base, reason: 'signed-out', since: state.session.since, action: 'sign-in' };
  switch (state.activity) {
    case 'paused':
      return { ...base, reason: 'paused', until: state.pausedUntil, action: 'resume' };
    case 'offline':
      return { ...base, reason: 'offline', action: 'none' };
    case 'asleep':
      return { ...base, reason: 'asleep', action: 'none' };
    case 'backing-off':
      return { ...base, reason: 'backing-off', until: state.backoff?.until ?? null, backoffReason: state.backoff?.reason ?? null, action: 'none' };
    default:
      return null;
  }
}

/** The first run's session line: nobody has signed in yet, which is not a warning. */
export function neverSignedIn(state: DashboardState): boolean {
  return state.cases.length === 0 && state.session.state !== 'signed-in' && state.session.since === null;
}

export type CheckNowAvailability =
  | { kind: 'ready' }
  | { kind: 'running' }
  /** Backing off: "Check now" cannot run before `until`. */
  | { kind: 'not-before'; until: string }
  /** Asked for; the per-case floor puts the next check at `at`. */
  | { kind: 'queued'; at: string }
  | { kind: 'unavailable' };

/** What "Check now" can do at `now` (epoch ms on the engine's clock). */
export function checkNowAvailability(state: DashboardState, now: number, asked: boolean): CheckNowAvailability {
  if (state.activity === 'checking') return { kind: 'running' };
  if (state.activity === 'backing-off' && state.backoff !== null) return { kind: 'not-before', until: state.backoff.until };
  if (state.activity !== 'watching') return { kind: 'unavailable' };
  // A check asked for that cannot start at once: the next one is more than a few seconds away.
  if (asked && state.nextCheckAt !== null && Date.parse(state.nextCheckAt) - now > 5_000) return { kind: 'queued', at: state.nextCheckAt };
  return { kind: 'ready' };
}
