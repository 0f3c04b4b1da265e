// Tests for the IPC contract: the channel list, what each request schema accepts and refuses, the
// dashboard state (what it keeps and what it drops), and settings changes that never reset other settings. Pure.

import { describe, expect, it } from 'vitest';
import { DashboardStateSchema, EVENTS, INVOKE, SettingsChangeSchema } from '../../../shared/ipc/contract';
import { emptyState } from '../../../shared/monitor/state';
import { exampleDashboardState } from '../../helpers/example-dashboard-state';

describe('the channels', () => {
  it('are the dashboard’s whole surface, each with its own API method', () => {
    expect(Object.keys(INVOKE)).toEqual([
      'state:get',
      'cases:set',
      'session:sign-in',
      'session:sign-out',
      'check:now',
      'schedule:pause',
      'settings:update',
      'findings:mark-seen',
      'data:export',
      'data:erase',
      'external:open',
    ]);
    const methods = Object.values(INVOKE).map((spec) => spec.method);
    expect(new Set(methods).size).toBe(methods.length);
    expect(Object.keys(EVENTS)).toEqual(['state:changed']);
  });
});

describe('requests', () => {
  const accepts = (channel: keyof typeof INVOKE, payload: unknown) => INVOKE[channel].request.safeParse(payload).success;

  it('without a payload accept only nothing', () => {
    for (const channel of ['state:get', 'session:sign-in', 'session:sign-out', 'check:now'] as const) {
      expect(accepts(channel, undefined), channel).toBe(true);
      expect(accepts(channel, {}), channel).toBe(false);
      expect(accepts(channel, null), channel).toBe(false);
    }
  });

  it('cases:set takes up to 4 receipts as typed (parsing them is main’s job)', () => {
    expect(accepts('cases:set', { receipts: ['ioe 091-234-5678', 'IOE0912345679'] })).toBe(true);
    expect(accepts('cases:set', { receipts: [] })).toBe(true);
    expect(accepts('cases:set', { receipts: ['a', 'b', 'c', 'd', 'e'] })).toBe(false);
    expect(accepts('cases:set', { receipts: ['x'.repeat(65)] })).toBe(false);
    expect(accepts('cases:set', { receipts: [1] })).toBe(false);
    expect(accepts('cases:set', { receipts: 'IOE0912345678' })).toBe(false);
    expect(accepts('cases:set', { receipts: [], extra: true })).toBe(false);
  });

  it('schedule:pause takes an hour, tomorrow or null (resume)', () => {
    expect(accepts('schedule:pause', { until: 'hour' })).toBe(true);
    expect(accepts('schedule:pause', { until: 'tomorrow' })).toBe(true);
    expect(accepts('schedule:pause', { until: null })).toBe(true);
    expect(accepts('schedule:pause', { until: 'forever' })).toBe(false);
    expect(accepts('schedule:pause', {})).toBe(false);
  });

  it('data:erase needs confirm: true, nothing less', () => {
    expect(accepts('data:erase', { confirm: true })).toBe(true);
    for (const confirm of [false, 'true', 1, undefined]) expect(accepts('data:erase', { confirm }), String(confirm)).toBe(false);
  });

  it('findings:mark-seen takes an ISO instant', () => {
    expect(accepts('findings:mark-seen', { upTo: '2026-06-02T15:00:00.000Z' })).toBe(true);
    expect(accepts('findings:mark-seen', { upTo: 'yesterday' })).toBe(false);
  });

  it('data:export takes json or print; external:open a bounded string', () => {
    expect(accepts('data:export', { format: 'json' })).toBe(true);
    expect(accepts('data:export', { format: 'print' })).toBe(true);
    expect(accepts('data:export', { format: 'csv' })).toBe(false);
    expect(accepts('external:open', { url: 'https://www.uscis.gov/' })).toBe(true);
    expect(accepts('external:open', { url: `https://x.example/${'a'.repeat(2048)}` })).toBe(false);
  });
});

describe('settings:update', () => {
  it('changes only the settings it names: no default fills the others', () => {
    expect(SettingsChangeSchema.parse({ language: 'es' })).toEqual({ language: 'es' });
    expect(SettingsChangeSchema.parse({})).toEqual({});
  });

  it('checks each setting against the stored schema’s rules', () => {
    expect(SettingsChangeSchema.safeParse({ workHoursIntervalMinutes: 5 }).success).toBe(false);
    expect(SettingsChangeSchema.safeParse({ language: 'fr' }).success).toBe(false);
    expect(SettingsChangeSchema.safeParse({ quietHours: { enabled: true, start: '25:00', end: '07:00' } }).success).toBe(false);
    expect(SettingsChangeSchema.safeParse({ theme: 'dark' }).success).toBe(false);
  });

  it('answers with the whole settings', () => {
    expect(INVOKE['settings:update'].response.parse(emptyState().settings)).toEqual(emptyState().settings);
  });
});

describe('the dashboard state', () => {
  it('accepts a full state', () => {
    expect(DashboardStateSchema.parse(exampleDashboardState())).toEqual(exampleDashboardState());
  });

  it('drops what the dashboard must not get (such as the notification ledger) instead of passing it on', () => {
    const withStore = { ...exampleDashboardState(), ledger: [{ key: 'x', notifiedAt: '2026-06-01T00:00:00.000Z' }], learnedTitles: {} };
    expect(DashboardStateSchema.parse(withStore)).not.toHaveProperty('ledger');
    const backoff = { until: '2026-06-02T16:00:00.000Z', reason: 'server-error', failures: 3 };
    expect(DashboardStateSchema.parse(exampleDashboardState({ backoff })).backoff).toEqual({ until: backoff.until, reason: 'server-error' });
  });

  it.each([
    ['an unknown activity', { activity: 'sleeping' }],
    ['a session state the engine does not have', { session: { state: 'maybe', since: null } }],
    ['a date that is not an instant', { lastCheckAt: '2026-06-02' }],
    ['a missing demo flag', { demo: undefined }],
  ])('refuses %s', (_what, change) => {
    expect(DashboardStateSchema.safeParse({ ...exampleDashboardState(), ...change }).success).toBe(false);
  });
});
