// The bounded memo behind date and title reading: computes each text once, answers the same value after, and
// never holds more than its bound.

import { describe, expect, it } from 'vitest';
import { memoByString } from '../../shared/memo';

describe('memoByString', () => {
  it('computes a text once and answers the same value after (null and undefined included)', () => {
    const calls: string[] = [];
    const read = memoByString((text) => {
      calls.push(text);
      return text === '' ? undefined : text === '-' ? null : { length: text.length };
    });
    const first = read('abc');
    expect(read('abc')).toBe(first);
    expect(first).toEqual({ length: 3 });
    expect(read('')).toBeUndefined();
    expect(read('')).toBeUndefined();
    expect(read('-')).toBeNull();
    expect(read('-')).toBeNull();
    expect(calls).toEqual(['abc', '', '-']);
  });

  it('is emptied when full, so it never holds more than its bound', () => {
    const calls: string[] = [];
    const read = memoByString((text) => calls.push(text), 3);
    for (const text of ['a', 'b', 'c', 'a']) read(text);
    expect(calls).toEqual(['a', 'b', 'c']);
    read('d'); // full: emptied, then d kept
    read('a');
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
