// Events as facts: any listed order gives one time order, re-emits and near-duplicates (same code within a few
// seconds, MYUSCIS.md's 19 ms and 112 ms) are one event, and trimming keeps the newest.

import { describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE_MS, canonicalEvents, eventIdentity, eventsAdded, isSameEvent } from '../../../shared/knowledge/events';

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

  it('keeps the same code twice when written on two days (even seconds apart over midnight), and different codes at one instant', () => {
    const events = [at('2026-08-01T23:59:59.000Z', 'H008', 'a'), at(new Date(Date.parse('2026-08-01T23:59:59.000Z') + NEAR_DUPLICATE_MS + 1).toISOString(), 'H008', 'b'), at('2026-08-01T23:59:59.000Z', 'APR0', 'c')];
    expect(canonicalEvents(events).map((e) => e.eventId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('one fact per code and day: FTA0 written 02-13, 02-15 (twice) and 03-05 is three facts (MYUSCIS.md "Seen since")', () => {
    const events = [
      at('2026-03-05T15:00:00.000Z', 'FTA0', 'f4'),
      at('2026-02-15T18:30:00.000Z', 'FTA0', 'f3'),
      at('2026-02-15T09:00:00.000Z', 'FTA0', 'f2'),
      at('2026-02-13T14:00:00.000Z', 'FTA0', 'f1'),
    ];
    expect(canonicalEvents(events).map((e) => e.eventId)).toEqual(['f1', 'f2', 'f4']);
    // The same rows read again, in another order and with new ids: nothing new.
    expect(eventsAdded(canonicalEvents(events), events.map((e, i) => ({ ...e, eventId: `again-${i}` })).reverse())).toEqual([]);
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

  it('tells undated events apart by id, and takes two of one code with neither id nor date as one fact', () => {
    expect(isSameEvent({ eventCode: 'IAF', eventId: 'a' }, { eventCode: 'IAF', eventId: 'a' })).toBe(true);
    expect(isSameEvent({ eventCode: 'IAF', eventId: 'a' }, { eventCode: 'IAF', eventId: 'b' })).toBe(false);
    expect(isSameEvent({ eventCode: 'IAF' }, { eventCode: 'IAF' })).toBe(true);
    expect(isSameEvent({ eventCode: 'IAF' }, { eventCode: 'FTA0' })).toBe(false);
  });

  it('names a trimmed {eventCode, createdAt} event by its code and day: read again, it is not new (MYUSCIS.md "Seen since")', () => {
    const sparse = [{ eventCode: 'FTA0', createdAt: '2026-03-05' }, { eventCode: 'IAF', createdAt: '2026-01-10' }, { eventCode: 'FTA0', createdAt: '2026-02-13' }];
    expect(eventsAdded(canonicalEvents(sparse), [...sparse].reverse())).toEqual([]);
    expect(canonicalEvents(sparse).map((e) => e.createdAt)).toEqual(['2026-01-10', '2026-02-13', '2026-03-05']);
    expect(eventIdentity(sparse[0]!)).toBe('FTA0:2026-03-05');
    expect(eventIdentity({ eventCode: 'FTA0', createdAt: '2026-03-05' })).toBe(eventIdentity(sparse[0]!));
    // A later FTA0 on a new day is a new fact; the same day again is not.
    expect(eventsAdded(sparse, [...sparse, { eventCode: 'FTA0', createdAt: '2026-03-09' }, { eventCode: 'fta0', createdAt: '2026-03-05' }])).toEqual([{ eventCode: 'FTA0', createdAt: '2026-03-09' }]);
  });
});
