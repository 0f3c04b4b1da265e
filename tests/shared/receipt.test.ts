// Tests for receipt-number parsing: what people type, every error in both languages, masking and the type guard.
// Pure: no network, no files.

import { describe, expect, it } from 'vitest';
import {
  RECEIPT_ERROR_CODES,
  isReceiptNumber,
  maskReceipt,
  parseReceipt,
  parseReceiptList,
  type ReceiptError,
  type ReceiptErrorCode,
  type ReceiptNumber,
} from '../../shared/receipt';

function errorOf(input: string): ReceiptError {
  const parsed = parseReceipt(input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${parsed.receipt}`);
  return parsed.error;
}

describe('parseReceipt accepts what people type', () => {
  it.each([
    ['IOE0912345678'],
    ['ioe0912345678'],
    ['ioe 091-234-5678'],
    ['  IOE 091 234 5678  '],
    ['IOE.091.234.5678'],
    ['IOE–091—234‐5678'],
    ['IOE\u00A00912345678'],
    ['\u200BIOE0912345678\uFEFF'],
    ['IOE\t0912345678\n'],
    ['ＩＯＥ０９１２３４５６７８'],
  ])('%j', (input) => {
    expect(parseReceipt(input)).toEqual({ ok: true, receipt: 'IOE0912345678' });
  });
});

describe('parseReceipt rejects with a code and a message in both languages', () => {
  const cases: Array<[input: string, code: ReceiptErrorCode, suggestion?: string]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    [' - . ', 'empty'],
    ['0912345678', 'missing-prefix', 'IOE0912345678'],
    ['091-234-5678', 'missing-prefix', 'IOE0912345678'],
    ['EAC0912345678', 'not-online-filing'],
    ['WAC0912345678', 'not-online-filing'],
    ['LIN0912345678', 'not-online-filing'],
    ['SRC0912345678', 'not-online-filing'],
    ['MSC0912345678', 'not-online-filing'],
    ['YSC0912345678', 'not-online-filing'],
    ['nbc 091 234 5678', 'not-online-filing'],
    ['ABC0912345678', 'not-online-filing'],
    ['EAC12345', 'not-online-filing'],
    ['I0E0912345678', 'zero-instead-of-o', 'IOE0912345678'],
    ['i0e 091-234-5678', 'zero-instead-of-o', 'IOE0912345678'],
    ['I0E12345', 'zero-instead-of-o'],
    ['1OE0912345678', 'look-alike-characters', 'IOE0912345678'],
    ['lOE 091 234 5678', 'look-alike-characters', 'IOE0912345678'],
    ['10E0912345678', 'look-alike-characters', 'IOE0912345678'],
    ['IOE09I234567O', 'look-alike-characters', 'IOE0912345670'],
    ['ioe o912345678', 'look-alike-characters', 'IOE0912345678'],
    ['IOE091234567', 'wrong-length'],
    ['IOE09123456789', 'wrong-length'],
    ['091234567', 'wrong-length'],
    ['IOE', 'wrong-length'],
    ['IOE#0912345678', 'bad-characters'],
    ['IOE0912345678!', 'bad-characters'],
    ['IOE_0912345678', 'bad-characters'],
    ['IOE0912345678😀', 'bad-characters'],
    ['ıoe0912345678', 'bad-characters'],
    ['IO0912345678', 'not-a-receipt'],
    ['IOEX0912345678', 'not-a-receipt'],
    ['0912345678IOE', 'not-a-receipt'],
    ['IOE09123A5678', 'not-a-receipt'],
  ];

  it.each(cases)('%j → %s', (input, code, suggestion) => {
    const error = errorOf(input);
    expect(error.code).toBe(code);
    expect(error.suggestion).toBe(suggestion);
    expect(error.message.en.trim()).not.toBe('');
    expect(error.message.es.trim()).not.toBe('');
    expect(error.message.es).not.toBe(error.message.en);
  });

  it('covers every error code', () => {
    expect(new Set(cases.map(([, code]) => code))).toEqual(new Set(RECEIPT_ERROR_CODES));
  });

  it('offers only suggestions that are themselves valid receipts', () => {
    for (const [input] of cases) {
      const { suggestion } = errorOf(input);
      if (suggestion !== undefined) expect(parseReceipt(suggestion)).toEqual({ ok: true, receipt: suggestion });
    }
  });
});

describe('parseReceipt messages say what to do', () => {
  it('suggests the IOE prefix for a bare 10-digit number', () => {
    const { message } = errorOf('0912345678');
    expect(message.en).toContain('did you mean IOE0912345678?');
    expect(message.es).toContain('¿quiso decir IOE0912345678?');
  });

  it('explains that paper receipts cannot be watched and where to look instead', () => {
    const { message } = errorOf('EAC0912345678');
    expect(message.en).toContain('EAC');
    expect(message.es).toContain('EAC');
    for (const text of [message.en, message.es]) {
      expect(text).toContain('IOE');
      expect(text).toContain('uscis.gov');
    }
    expect(message.en).toMatch(/mail/);
    expect(message.es).toMatch(/correo/);
  });

  it('names the zero that should be the letter O', () => {
    const { message } = errorOf('I0E0912345678');
    expect(message.en).toContain('zero (0)');
    expect(message.en).toContain('letter O');
    expect(message.en).toContain('IOE0912345678');
    expect(message.es).toContain('cero (0)');
    expect(message.es).toContain('letra O');
    expect(message.es).toContain('¿Quiso decir IOE0912345678?');
  });

  it('names the look-alikes (1 or l for I; O, I or l among the digits) and offers the fix', () => {
    const { message } = errorOf('IOE09I234567O');
    expect(message.en).toContain('look-alike');
    expect(message.en).toContain('Did you mean IOE0912345670?');
    expect(message.es).toContain('¿Quiso decir IOE0912345670?');
  });

  it('does not say IOE means “filed online”: paper filings can get IOE receipts too', () => {
    const { message } = errorOf('EAC0912345678');
    expect(message.en).toContain('some filed on paper');
    expect(message.es).toContain('algunos presentados en papel');
    expect(message.en).not.toMatch(/are not from an online filing/);
  });

  it('does not suggest a fix it cannot complete', () => {
    const { message } = errorOf('I0E12345');
    expect(message.en).not.toContain('Did you mean');
    expect(message.es).not.toContain('Quiso decir');
  });

  it.each([
    ['IOE091234567', '9 digits', '9 dígitos'],
    ['IOE09123456789', '11 digits', '11 dígitos'],
    ['IOE1', '1 digit.', '1 dígito.'],
    ['IOE', '0 digits', '0 dígitos'],
  ])('counts the digits given in %j', (input, en, es) => {
    const { message } = errorOf(input);
    expect(message.en).toContain('10 digits');
    expect(message.en).toContain(en);
    expect(message.es).toContain('10 dígitos');
    expect(message.es).toContain(es);
  });

  it('names each bad character once, invisible ones by code point', () => {
    const { message } = errorOf('IOE#09#12345678?\u0007');
    expect(message.en).toContain('“#”, “?”, and “U+0007”');
    expect(message.es).toContain('«#», «?» y «U+0007»');
  });
});

describe('maskReceipt', () => {
  it('keeps the prefix and the last four digits only', () => {
    const masked = maskReceipt('IOE0912345678' as ReceiptNumber);
    expect(masked).toBe('IOE•••••5678');
    expect(masked).not.toContain('091234');
  });
});

describe('isReceiptNumber', () => {
  it.each([
    ['IOE0912345678', true],
    ['ioe0912345678', false],
    ['IOE 0912345678', false],
    ['EAC0912345678', false],
    ['IOE091234567', false],
    [912345678, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isReceiptNumber(value)).toBe(expected);
  });
});

describe('parseReceiptList', () => {
  it('refuses a number given twice once normalised (case, spaces, dashes), naming it in both languages', () => {
    const { receipts, problems } = parseReceiptList(['IOE0912345678', 'ioe 091-234-5678', 'IOE0912345679']);
    expect(receipts).toEqual(['IOE0912345678', 'IOE0912345679']);
    expect(problems).toEqual([
      {
        input: 'ioe 091-234-5678',
        code: 'duplicate',
        message: { en: expect.stringContaining('IOE0912345678 is entered twice'), es: expect.stringContaining('IOE0912345678 está escrito dos veces') },
      },
    ]);
  });

  it("keeps each number's own problem and accepts two different numbers", () => {
    expect(parseReceiptList(['EAC1234567890', 'IOE0912345678']).problems.map((p) => p.code)).toEqual(['not-online-filing']);
    expect(parseReceiptList(['IOE0912345678', 'IOE0912345679'])).toEqual({ receipts: ['IOE0912345678', 'IOE0912345679'], problems: [] });
  });
});
