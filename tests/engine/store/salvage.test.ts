// Tests for salvage, pure: the whole values of damaged JSON text, and a stored object read field by field.

import { describe, expect, it } from 'vitest';
import { parseStoredObject, salvageJsonObject, salvageState } from '../../../engine/store/salvage';
import { emptyState } from '../../../shared/monitor/state';
import { watchedState } from '../../helpers/stored-state';

describe('parseStoredObject', () => {
  it('reads a JSON object, a leading byte order mark ignored', () => {
    expect(parseStoredObject('\uFEFF{"version": 2}')).toEqual({ version: 2 });
  });

  it.each([['not JSON', '{"version": '], ['a list', '[1]'], ['null', 'null'], ['a string', '"text"'], ['empty', '']])('is null for %s', (_, text) => {
    expect(parseStoredObject(text)).toBeNull();
  });
});

describe('salvageJsonObject', () => {
  it('keeps every whole top-level value before the cut, and the whole items of a list cut short', () => {
    const text = '{"version": 2, "settings": {"language": "es"}, "history": [{"key": "a"}, {"key": "b"}, {"key": "c"';
    expect(salvageJsonObject(text)).toEqual({ version: 2, settings: { language: 'es' }, history: [{ key: 'a' }, { key: 'b' }] });
  });

  it('skips a damaged list item and keeps the items after it', () => {
    expect(salvageJsonObject('{"history": [{"key": "a"}, {"key": a}, {"key": "c"}], "ledger": []}')).toEqual({ history: [{ key: 'a' }, { key: 'c' }], ledger: [] });
  });

  it('does not keep a number that runs to the end of the text (it may be cut short)', () => {
    expect(salvageJsonObject('{"a": 1, "b": 12')).toEqual({ a: 1 });
  });

  it('is undefined for text that does not open an object', () => {
    expect(salvageJsonObject('garbage {')).toBeUndefined();
    expect(salvageJsonObject('')).toBeUndefined();
  });
});

describe('salvageState', () => {
  it('resets a bad value alone and says where, with the path of the value', () => {
    const stored = JSON.parse(JSON.stringify(watchedState(3)));
    stored.settings.language = 'fr';
    const { state, losses, resetFields } = salvageState(stored);
    expect(state).toEqual({ ...watchedState(3), settings: { ...watchedState(3).settings, language: 'en' } });
    expect(losses).toEqual([{ kind: 'reset', path: ['settings', 'language'] }]);
    expect(resetFields).toEqual([['settings', 'language']]);
  });

  it('drops bad list items and counts them', () => {
    const stored = JSON.parse(JSON.stringify(watchedState(3)));
    stored.history.push(1, 2);
    const { state, losses } = salvageState(stored);
    expect(state.history).toEqual(watchedState(3).history);
    expect(losses).toEqual([{ kind: 'dropped', path: ['history'], count: 2 }]);
  });

  it('reads an object with nothing of the state as the empty state', () => {
    expect(salvageState({ cases: 'none' })).toEqual({ state: emptyState(), losses: [{ kind: 'reset', path: ['cases'] }], resetFields: [['cases']] });
  });
});
