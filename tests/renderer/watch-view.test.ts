// Whether DACA Watch is watching: not watching (signed out, paused, offline, backing off) with why, since when and
// the one action; the first run's neutral session line; and what "Check now" can do.

import { describe, expect, it } from 'vitest';
import { checkNowAvailability, neverSignedIn, notWatching } from '../../renderer/lib/watch-view';
import { exampleDashboardState } from '../helpers/example-dashboard-state';

const NOW = Date.parse('2026-06-02T15:10:00.000Z');

describe('notWatching', () => {
  it('says nothing while watching or checking', () => {
    expect(notWatching(exampleDashboardState())).toBeNull();
    expect(notWatching(exampleDashboardState({ activity: 'checking' }))).toBeNull();
  });

  it('signed out: since when the session ended, and signing in as the action', () => {
    const state = exampleDashboardState({ activity: 'signed-out', session: { state: 'signed-out', since: '2026-06-02T14:00:00.000Z' } });
    expect(notWatching(state)).toEqual({
      reason: 'signed-out',
      since: '2026-06-02T14:00:00.000Z',
      until: null,
      backoffReason: null,
      action: 'sign-in',
      lastCheckAt: '2026-06-02T15:00:00.000Z',
    });
    // The session probe alone is enough.
    expect(notWatching(exampleDashboardState({ session: { state: 'signed-out', since: null } }))?.reason).toBe('signed-out');
  });

  it('paused: until when, and resuming as the action; backing off and offline resume by themselves', () => {
    expect(notWatching(exampleDashboardState({ activity: 'paused', pausedUntil: '2026-06-02T16:00:00.000Z' }))).toMatchObject({ reason: 'paused', until: '2026-06-02T16:00:00.000Z', action: 'resume' });
    expect(notWatching(exampleDashboardState({ activity: 'backing-off', backoff: { until: '2026-06-02T15:30:00.000Z', reason: 'server-error' } })))
      .toMatchObject({ reason: 'backing-off', until: '2026-06-02T15:30:00.000Z', backoffReason: 'server-error', action: 'none' });
    expect(notWatching(exampleDashboardState({ activity: 'offline' }))).toMatchObject({ reason: 'offline', action: 'none' });
  });

  it('leaves the first run (no cases) to its own steps', () => {
    expect(notWatching(exampleDashboardState({ cases: [], activity: 'signed-out', session: { state: 'signed-out', since: null } }))).toBeNull();
  });
});

describe('neverSignedIn', () => {
  it('is true only on a first run that never had a session', () => {
    expect(neverSignedIn(exampleDashboardState({ cases: [], session: { state: 'unknown', since: null } }))).toBe(true);
    expect(neverSignedIn(exampleDashboardState({ cases: [], session: { state: 'signed-out', since: null } }))).toBe(true);
    expect(neverSignedIn(exampleDashboardState({ cases: [], session: { state: 'signed-out', since: '2026-06-01T00:00:00.000Z' } }))).toBe(false);
    expect(neverSignedIn(exampleDashboardState({ session: { state: 'signed-out', since: null } }))).toBe(false);
  });
});

describe('checkNowAvailability', () => {
  it('is ready while watching, says "not before" during a back-off, and "running" during a check', () => {
    expect(checkNowAvailability(exampleDashboardState(), NOW, false)).toEqual({ kind: 'ready' });
    const backoff = { until: '2026-06-02T15:30:00.000Z', reason: 'timeout' };
    expect(checkNowAvailability(exampleDashboardState({ activity: 'backing-off', backoff }), NOW, false)).toEqual({ kind: 'not-before', until: backoff.until });
    expect(checkNowAvailability(exampleDashboardState({ activity: 'checking' }), NOW, true)).toEqual({ kind: 'running' });
    expect(checkNowAvailability(exampleDashboardState({ activity: 'paused' }), NOW, false)).toEqual({ kind: 'unavailable' });
  });

  it('after a press that cannot run at once, says when the next check is', () => {
    const state = exampleDashboardState({ nextCheckAt: '2026-06-02T15:24:00.000Z' });
    expect(checkNowAvailability(state, NOW, true)).toEqual({ kind: 'queued', at: '2026-06-02T15:24:00.000Z' });
    expect(checkNowAvailability(state, Date.parse('2026-06-02T15:23:58.000Z'), true)).toEqual({ kind: 'ready' });
  });
});
