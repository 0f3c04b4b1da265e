// The throttled save: a change to anything but the next-check times is written at once; those times alone wait
// up to SCHEDULE_WRITE_EVERY_MS (or a flush); a failed save is reported once per cause and tried again.

import { describe, expect, it } from 'vitest';
import type { SaveProblem } from '../../shared/monitor/save-problem';
import { emptyState, type AppState } from '../../shared/monitor/state';
import type { MonitorEvent } from '../../engine/monitor-contract';
import type { StatePort } from '../../engine/ports';
import { SCHEDULE_WRITE_EVERY_MS, StateSaver } from '../../engine/state-saver';

const T0 = Date.UTC(2026, 6, 1, 12);

/** A store that records what it was given, and fails with `failing` (or throws with `invalid`) on request. */
function recordingStore() {
  const written: string[] = [];
  const store = {
    failing: null as SaveProblem['cause'] | null,
    /** Saves succeed but their backup copy does not. */
    backupFailing: false,
    invalid: false,
    written,
    read: () => ({ state: emptyState(), problems: [] }),
    write(state: AppState) {
      if (store.invalid) throw new Error('settings.quietHours: invalid');
      if (store.failing) return false;
      written.push(JSON.stringify(state));
      return true;
    },
    saveProblem: (): SaveProblem | null =>
      store.failing ? { cause: store.failing, since: new Date(T0).toISOString() } : store.backupFailing ? { cause: 'backup-failed', since: new Date(T0).toISOString() } : null,
    erase: () => undefined,
  };
  return store satisfies StatePort;
}

function saverWith(store: ReturnType<typeof recordingStore>) {
  const clock = { at: T0, now: () => clock.at };
  const events: MonitorEvent[] = [];
  const state = emptyState();
  const saver = new StateSaver(store, clock, (event) => events.push(event), state);
  return { saver, clock, events, state };
}

/** A request went out: only the schedule's times move. */
const nextCheckMoved = (state: AppState, at: number) => {
  state.schedule = { ...state.schedule, lastRequestAt: new Date(at).toISOString() };
};

describe('StateSaver', () => {
  it('writes nothing for the state it was given, and a change beyond the schedule at once', () => {
    const store = recordingStore();
    const { saver, state } = saverWith(store);
    saver.save(state);
    expect(store.written).toEqual([]);
    state.lastSeenAt = new Date(T0).toISOString();
    saver.save(state);
    expect(store.written).toHaveLength(1);
  });

  it('writes next-check times alone at most every SCHEDULE_WRITE_EVERY_MS, and at once on a flush', () => {
    const store = recordingStore();
    const { saver, state, clock } = saverWith(store);
    clock.at = T0 + 60_000;
    nextCheckMoved(state, clock.at);
    saver.save(state);
    expect(store.written).toEqual([]);
    saver.save(state, true);
    expect(store.written).toHaveLength(1);
    clock.at = T0 + 60_000 + SCHEDULE_WRITE_EVERY_MS - 1;
    nextCheckMoved(state, clock.at);
    saver.save(state);
    expect(store.written).toHaveLength(1);
    clock.at += 1;
    saver.save(state);
    expect(store.written).toHaveLength(2);
  });

  it('reports a failed save once per cause, tries again on the next change, and again after a save worked', () => {
    const store = recordingStore();
    const { saver, state, events } = saverWith(store);
    store.failing = 'disk-full';
    for (const at of ['2026-07-01T12:00:00.000Z', '2026-07-01T12:01:00.000Z']) {
      state.lastSeenAt = at;
      saver.save(state);
    }
    store.failing = 'read-only';
    saver.save(state);
    expect(events).toEqual([
      { kind: 'error', message: expect.stringContaining('Could not save: the disk is full.'), saveProblem: 'disk-full' },
      { kind: 'error', message: expect.stringContaining('Could not save: the folder is read-only.'), saveProblem: 'read-only' },
    ]);
    store.failing = null;
    saver.save(state);
    expect(store.written).toHaveLength(1);
    store.failing = 'read-only';
    state.lastSeenAt = '2026-07-01T12:02:00.000Z';
    saver.save(state);
    expect(events.filter((event) => event.kind === 'error' && event.saveProblem === 'read-only')).toHaveLength(2);
  });

  it('reports a save whose backup copy failed once, however often it repeats, and again after the backup worked', () => {
    const store = recordingStore();
    const { saver, clock, events, state } = saverWith(store);
    store.backupFailing = true;
    for (let n = 1; n <= 3; n += 1) {
      clock.at += 60_000;
      saver.save({ ...state, lastSeenAt: new Date(clock.at).toISOString() });
    }
    expect(store.written).toHaveLength(3);
    expect(events).toEqual([{ kind: 'error', message: expect.stringContaining('Saved, but the backup copy could not be updated.'), saveProblem: 'backup-failed' }]);
    store.backupFailing = false;
    saver.save({ ...state, lastSeenAt: new Date((clock.at += 60_000)).toISOString() });
    store.backupFailing = true;
    saver.save({ ...state, lastSeenAt: new Date((clock.at += 60_000)).toISOString() });
    expect(events.filter((event) => event.kind === 'error' && event.saveProblem === 'backup-failed')).toHaveLength(2);
  });

  it('reports a state the store refuses as a mistake, and writes it once it is valid', () => {
    const store = recordingStore();
    const { saver, state, events } = saverWith(store);
    store.invalid = true;
    state.lastSeenAt = new Date(T0).toISOString();
    saver.save(state);
    expect(events).toEqual([{ kind: 'error', message: 'Could not save: settings.quietHours: invalid' }]);
    store.invalid = false;
    saver.save(state);
    expect(store.written).toHaveLength(1);
  });

  it('after starting over, takes the new state as written', () => {
    const store = recordingStore();
    const { saver, state } = saverWith(store);
    state.lastSeenAt = new Date(T0).toISOString();
    const fresh = emptyState();
    saver.startedOver(fresh);
    saver.save(fresh);
    expect(store.written).toEqual([]);
  });
});
