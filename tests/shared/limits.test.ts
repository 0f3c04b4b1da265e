// Tests for the bounds on what is kept: the text cap (length, ellipsis, surrogate pairs) and the list limits.

import { describe, expect, it } from 'vitest';
import { capText, LIMITS, TEXT_LIMIT } from '../../shared/limits';

describe('capText', () => {
  it('leaves a text at or under the limit as it is', () => {
    expect(capText('a'.repeat(TEXT_LIMIT))).toBe('a'.repeat(TEXT_LIMIT));
    expect(capText('short', 5)).toBe('short');
  });

  it('cuts a longer text to the limit, its last character an ellipsis', () => {
    const capped = capText('b'.repeat(TEXT_LIMIT + 1));
    expect(capped).toHaveLength(TEXT_LIMIT);
    expect(capped).toBe(`${'b'.repeat(TEXT_LIMIT - 1)}…`);
    expect(capText('abcdefgh', 5)).toBe('abcd…');
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    // '😀' is two UTF-16 code units; cutting at 4 would leave its first half before the ellipsis.
    const capped = capText('abc😀defg', 5);
    expect(capped).toBe('abc…');
    expect(capped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(capText('ab😀defg', 5)).toBe('ab😀…');
  });
});

describe('LIMITS', () => {
  it('keeps the list bounds the stored format has always had', () => {
    expect(LIMITS).toEqual({ history: 400, ledger: 1000, events: 200, documents: 200, notices: 50, statusHistory: 20 });
  });
});
