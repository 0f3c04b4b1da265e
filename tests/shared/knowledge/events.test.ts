// Events as facts: any listed order gives one time order, re-emits and near-duplicates (same code within a few
// seconds, MYUSCIS.md's 19 ms and 112 ms) are one event, and trimming keeps the newest.

import { describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE_MS, canonicalEvents, eventsAdded, isSameEvent } from '../../../shared/knowledge/events';

const at = (iso: string, code: string, id: string, created = iso) => ({ eventId: id, eventCode: code, eventTimestamp: iso, createdAtTimestamp: created });

// Newest first, as the verbatim capture lists them, with an FTA0 written twice 19 ms apart.
const NEWEST_FIRST = [
  at('2026-07-20T14:00:00.019Z', 'FTA0', 'e5'),
  at('2026-07-20T14:00:00.000Z', 'FTA0', 'e4'),
  at('2026-06-10T09:00:00.000Z', 'IMAF', 'e3'),
  at('2026-05-30T10:00:00.000Z', 'FSA0', 'e2'),
  at('2026-05-29T00:00:00.000Z', 'IAF', 'e1', '2026-06-02T08:00:00.000Z'),
];

describe('canonicalEvents', () => {
  it('puts a newest-first list oldest first and keeps the first writing of a near-duplicate', () => {
    expect(canonicalEvents(NEWEST_FIRST).map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('gives the same list for every order it is given in', () => {
    const expected = canonicalEvents(NEWEST_FIRST);
    for (const order of [[...NEWEST_FIRST].reverse(), [NEWEST_FIRST[2]!, NEWEST_FIRST[0]!, NEWEST_FIRST[4]!, NEWEST_FIRST[1]!, NEWEST_FIRST[3]!]]) {
      expect(canonicalEvents(order)).toEqual(expected);
    }
  });

  it('folds a re-emit (same code and time, new id, written months later) and a 112 ms near-duplicate', () => {
    const events = [
      at('2026-05-29T00:00:00.000Z', 'IAF', 'late-copy', '2026-09-01T00:00:00.000Z'),
      at('2026-05-29T00:00:00.000Z', 'IAF', 'first', '2026-05-29T01:00:00.000Z'),
      at('2026-08-01T12:00:00.112Z', 'H008', 'b'),
      at('2026-08-01T12:00:00.000Z', 'h008 ', 'a'),
    ];
    expect(canonicalEvents(events).map((e) => e.eventId)).toEqual(['first', 'a']);
  });

  it('keeps the same code twice when the writings are further apart than the window, and different codes at one instant', () => {
    const events = [at('2026-08-01T12:00:00.000Z', 'H008', 'a'), at(new Date(Date.parse('2026-08-01T12:00:00.000Z') + NEAR_DUPLICATE_MS + 1).toISOString(), 'H008', 'b'), at('2026-08-01T12:00:00.000Z', 'APR0', 'c')];
    expect(canonicalEvents(events).map((e) => e.eventId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('sorts before it trims: a newest-first list over the limit keeps its newest events', () => {
    const many = Array.from({ length: 10 }, (_, day) => at(`2026-06-${String(day + 1).padStart(2, '0')}T00:00:00.000Z`, `C${day}`, `id${day}`)).reverse();
    expect(canonicalEvents(many, 3).map((e) => e.eventCode)).toEqual(['C7', 'C8', 'C9']);
  });

  it('dates an event by createdAtTimestamp when it has no eventTimestamp, and keeps undated ones first', () => {
    const events = [{ eventCode: 'LDA', createdAtTimestamp: '2026-08-02T00:00:00.000Z' }, { eventCode: 'XYZ' }, at('2026-08-01T00:00:00.000Z', 'DA', 'd')];
    expect(canonicalEvents(events).map((e) => e.eventCode)).toEqual(['XYZ', 'DA', 'LDA']);
  });
});

describe('eventsAdded and isSameEvent', () => {
  it('finds no new event when the second reading only adds a near-duplicate or a re-emit', () => {
    const before = [at('2026-07-20T14:00:00.000Z', 'FTA0', 'e4')];
    expect(eventsAdded(before, [at('2026-07-20T14:00:00.019Z', 'FTA0', 'e5'), at('2026-07-20T14:00:00.000Z', 'FTA0', 'e6', '2026-10-01T00:00:00.000Z')])).toEqual([]);
  });

  it('finds a backdated event (an old time, a code not seen before) as new, once', () => {
    const added = eventsAdded([at('2026-05-29T00:00:00.000Z', 'IAF', 'e1')], [at('2026-05-30T00:00:00.000Z', 'FSA0', 'x', '2026-07-13T00:00:00.000Z'), at('2026-05-30T00:00:00.050Z', 'FSA0', 'y')]);
    expect(added.map((e) => e.eventId)).toEqual(['x']);
  });

  it('tells undated events apart by id only', () => {
    expect(isSameEvent({ eventCode: 'IAF', eventId: 'a' }, { eventCode: 'IAF', eventId: 'a' })).toBe(true);
    expect(isSameEvent({ eventCode: 'IAF', eventId: 'a' }, { eventCode: 'IAF', eventId: 'b' })).toBe(false);
    expect(isSameEvent({ eventCode: 'IAF' }, { eventCode: 'IAF' })).toBe(false);
  });
});
