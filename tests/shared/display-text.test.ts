import { describe, expect, it } from 'vitest';
import { displayText, displayValue } from '../../shared/display-text';

describe('displayText', () => {
  it('removes bidirectional overrides, isolates and zero-width characters that could disguise a receipt', () => {
    expect(displayText('IOE\u202E8765432109\u202C')).toBe('IOE8765432109');
    expect(displayText('Case\u2066 Was\u2069 \u200BApproved\uFEFF')).toBe('Case Was Approved');
    expect(displayText('\u061CCaso\u200F aprobado\u200E')).toBe('Caso aprobado');
  });

  it('removes markup and control characters, keeping the words', () => {
    expect(displayText('<b>Case</b> Was <a href="https://evil.example">Approved</a><script>x</script>')).toBe('Case Was Approvedx');
    expect(displayText('Case\u0000 Was\u0007\u001b[31m Approved\u009b')).toBe('Case Was[31m Approved');
    expect(displayText('one\r\ntwo\u2028three')).toBe('one two three');
    expect(displayText('line one\n\n\n\nline two  ', { multiline: true })).toBe('line one\n\nline two');
  });

  it('caps long text with an ellipsis, never splitting a surrogate pair', () => {
    const long = displayText('A'.repeat(1_000_000));
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
    const emoji = displayText(`${'a'.repeat(8)}😀😀😀`, { limit: 10 });
    expect(emoji).toBe('aaaaaaaa…');
    expect(displayText('short', { limit: 10 })).toBe('short');
  });

  it('keeps ordinary English and Spanish text as it is', () => {
    expect(displayText('Se Está Produciendo Su Nueva Tarjeta: «pronto» ¿sí?')).toBe('Se Está Produciendo Su Nueva Tarjeta: «pronto» ¿sí?');
    expect(displayText('Fees < $500 and > $100')).toBe('Fees < $500 and > $100');
  });
});

describe('displayValue', () => {
  it('cleans every string inside a value and leaves the rest', () => {
    expect(displayValue({ a: ['x\u202Ey', 3, null], b: { c: '<i>t</i>', d: true } })).toEqual({ a: ['xy', 3, null], b: { c: 't', d: true } });
  });
});
