import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../../shared/knowledge/action-code';

describe('one spelling of an action code', () => {
  it('drops spaces anywhere and writes it in capitals', () => {
    expect(normaliseCode(' fta0 ')).toBe('FTA0');
    expect(normaliseCode('F T A 0')).toBe('FTA0');
    expect(normaliseCode('IAF\t\n')).toBe('IAF');
  });

  it('reads full-width letters and digits as their plain twins (NFKC)', () => {
    expect(normaliseCode('ｆｔａ０')).toBe('FTA0');
  });

  it('leaves an empty code empty', () => {
    expect(normaliseCode('')).toBe('');
    expect(normaliseCode('   ')).toBe('');
  });
});
