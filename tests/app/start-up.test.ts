// The start-up's network part: the kept session is checked in the background, capped in time, with the
// tray saying "Connecting to myUSCIS" meanwhile; watching starts after it; a login start stays hidden.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONNECT_TIMEOUT_MS, connectInBackground, type StartUpPorts } from '../../app/start-up';
import { buildTrayMenu, trayIcon, trayTooltip, type TrayState } from '../../shared/tray/tray-model';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function ports(probe: () => Promise<boolean>, options: { kept?: 'signed-in' | 'signed-out'; cases?: number; hidden?: boolean } = {}) {
  const calls: string[] = [];
  const monitor: StartUpPorts['monitor'] = {
    snapshot: { session: { state: options.kept ?? 'signed-out' }, cases: Array.from({ length: options.cases ?? 2 }) },
    signedIn: () => void calls.push('signed-in'),
    signedOut: async () => void calls.push('signed-out'),
    start: (speed) => void calls.push(`start:${speed}`),
  };
  const given: StartUpPorts = {
    probe,
    monitor,
    setConnecting: (connecting) => void calls.push(`connecting:${connecting}`),
    openDashboard: () => void calls.push('open-dashboard'),
    hidden: options.hidden ?? false,
    speed: 1,
  };
  return { given, calls };
}

describe('connecting in the background', () => {
  it('says "connecting" until the probe answers, then starts watching signed in', async () => {
    const { given, calls } = ports(async () => true);
    expect(await connectInBackground(given)).toBe(true);
    expect(calls).toEqual(['connecting:true', 'signed-in', 'connecting:false', 'start:1']);
  });

  it('a probe that never answers is given up after the cap: the app goes on signed out, the login start shows the dashboard', async () => {
    const { given, calls } = ports(() => new Promise<boolean>(() => undefined), { kept: 'signed-in', hidden: true });
    const done = connectInBackground(given);
    await vi.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS - 1);
    expect(calls).toEqual(['connecting:true']);
    await vi.advanceTimersByTimeAsync(1);
    expect(await done).toBe(false);
    expect(calls).toEqual(['connecting:true', 'signed-out', 'connecting:false', 'open-dashboard', 'start:1']);
  });

  it('a failed probe counts as signed out; a live session started at login stays in the tray', async () => {
    const failed = ports(async () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')), { hidden: true });
    expect(await connectInBackground(failed.given)).toBe(false);
    expect(failed.calls).toContain('open-dashboard');
    const live = ports(async () => true, { hidden: true });
    await connectInBackground(live.given);
    expect(live.calls).not.toContain('open-dashboard');
  });
});

describe('the tray while connecting', () => {
  const state = (over: Partial<TrayState>): TrayState => ({ language: 'en', activity: 'signed-out', unseen: 0, approved: false, summary: '', pausedUntil: null, startAtLogin: false, ...over });
  it('says "Connecting to myUSCIS", in English and Spanish, instead of a guess at "signed out"', () => {
    expect(trayTooltip(state({ connecting: true }))).toBe('DACA Watch — Connecting to myUSCIS…');
    expect(trayTooltip(state({ connecting: true, language: 'es' }))).toBe('DACA Watch — Conectando con myUSCIS…');
    expect(trayIcon(state({ connecting: true }))).toBe('checking');
    expect(buildTrayMenu(state({ connecting: true }))[0]).toEqual({ kind: 'label', label: 'Connecting to myUSCIS…' });
    expect(trayTooltip(state({}))).toContain('Signed out');
  });
});
