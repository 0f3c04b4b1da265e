// Tests for the store's schema helpers: plain objects, and the state cut to the schema's bounds before a save.

import { describe, expect, it } from 'vitest';
import { boundState, isPlainObject } from '../../../engine/store/schema-fit';
import { LIMITS, TEXT_LIMIT } from '../../../shared/limits';
import { AppStateSchema } from '../../../shared/monitor/state';
import { finding, watchedState } from '../../helpers/stored-state';

describe('isPlainObject', () => {
  it('is true for objects only, never for null or lists', () => {
    expect([{}, { a: 1 }, null, [], 'x', 1, undefined].map(isPlainObject)).toEqual([true, true, false, false, false, false, false]);
  });
});

describe('boundState', () => {
  it('keeps the newest items of a list over its bound and caps every text, so the schema takes the state', () => {
    const state = watchedState(3);
    state.history = Array.from({ length: LIMITS.history + 5 }, (_, n) => AppStateSchema.shape.history.parse([finding(n)])[0]!);
    state.snapshots['IOE0912345678']!.status!.title = 'T'.repeat(TEXT_LIMIT + 10);
    const bounded = boundState(state);
    expect(bounded.history).toHaveLength(LIMITS.history);
    expect(bounded.history[0]).toEqual(state.history[5]);
    expect(bounded.snapshots['IOE0912345678']!.status!.title).toHaveLength(TEXT_LIMIT);
    expect(AppStateSchema.safeParse(bounded).success).toBe(true);
  });

  it('leaves a state within its bounds equal to itself', () => {
    expect(boundState(watchedState(10))).toEqual(watchedState(10));
  });
});
