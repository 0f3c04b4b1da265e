// Receipt numbers as people type them, turned into the canonical form DACA Watch can watch (IOE + 10 digits).
// Pure text handling: never looks a receipt up, and never logs or shows a full receipt (use maskReceipt).

import type { Localized } from './localized';

declare const receiptBrand: unique symbol;
/** A canonical IOE receipt (`IOE0912345678`): the only kind myUSCIS's case pages serve, so the only kind we watch. */
export type ReceiptNumber = string & { readonly [receiptBrand]: true };

export const RECEIPT_ERROR_CODES = [
  'empty',
  'bad-characters',
  'missing-prefix',
  'zero-instead-of-o',
  /** A 1 or l for the I of IOE, or an O, I or l among the digits: look-alikes people mix up when copying. */
  'look-alike-characters',
  'not-online-filing',
  'wrong-length',
  'not-a-receipt',
] as const;
export type ReceiptErrorCode = (typeof RECEIPT_ERROR_CODES)[number];

export interface ReceiptError {
  code: ReceiptErrorCode;
  message: Localized;
  /** A corrected receipt to offer as "did you mean", when the fix is certain. */
  suggestion?: ReceiptNumber;
}

export type ParsedReceipt = { ok: true; receipt: ReceiptNumber } | { ok: false; error: ReceiptError };

const CANONICAL = /^IOE\d{10}$/;
/** Spaces, dashes and dots people put between groups, plus invisible characters that ride along with copy-paste. */
const SEPARATORS = /[\s\-.\u2010-\u2015\u2212\u200B-\u200D\u2060]/g;
const NOT_LETTER_OR_DIGIT = /[^A-Za-z0-9]/gu;
const LETTERS_THEN_DIGITS = /^([A-Z]*)(\d*)$/;

export function isReceiptNumber(value: unknown): value is ReceiptNumber {
  return typeof value === 'string' && CANONICAL.test(value);
}

/** `IOE•••••5678`: enough to tell cases apart in logs and screenshots, not enough to look one up. */
export function maskReceipt(receipt: ReceiptNumber): string {
  return `${receipt.slice(0, 3)}•••••${receipt.slice(-4)}`;
}

export function parseReceipt(input: string): ParsedReceipt {
  // NFKC turns full-width letters and digits (common on phone keyboards) into plain ones.
  const typed = input.normalize('NFKC').replace(SEPARATORS, '');
  if (typed === '') return failure('empty');

  const badCharacters = [...new Set(typed.match(NOT_LETTER_OR_DIGIT))];
  if (badCharacters.length > 0) return failure('bad-characters', { badCharacters });

  const compact = typed.toUpperCase();
  if (compact.startsWith('I0E')) {
    const fixed = `IOE${compact.slice(3)}`;
    return failure('zero-instead-of-o', { suggestion: isReceiptNumber(fixed) ? fixed : undefined });
  }

  const lookAlikeFix = fixLookAlikes(compact);
  if (lookAlikeFix !== null) return failure('look-alike-characters', { suggestion: lookAlikeFix });

  const shape = LETTERS_THEN_DIGITS.exec(compact);
  const prefix = shape?.[1];
  const digits = shape?.[2];
  if (prefix === undefined || digits === undefined) return failure('not-a-receipt');
  if (prefix === '') {
    const suggestion = `IOE${digits}`;
    return isReceiptNumber(suggestion)
      ? failure('missing-prefix', { suggestion })
      : failure('wrong-length', { digitCount: digits.length });
  }
  if (prefix.length !== 3) return failure('not-a-receipt');
  // The prefix decides before the length: fixing the digits of a paper receipt would not make it watchable.
  if (prefix !== 'IOE') return failure('not-online-filing', { prefix });
  if (!isReceiptNumber(compact)) return failure('wrong-length', { digitCount: digits.length });
  return { ok: true, receipt: compact };
}

/** I and O as they are often mistyped: 1 or l for the I; among the digits, O for 0 and I or l for 1. */
const LOOKS_LIKE_IOE = /^[I1L][O0]E$/;
const DIGIT_LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/** The receipt meant, when the only faults are look-alike characters (and there is at least one); else null. */
function fixLookAlikes(compact: string): ReceiptNumber | null {
  if (compact.length !== 13 || !LOOKS_LIKE_IOE.test(compact.slice(0, 3)) || !/^[0-9OIL]{10}$/.test(compact.slice(3))) return null;
  const fixed = `IOE${compact.slice(3).replace(/[OIL]/g, (c) => DIGIT_LOOK_ALIKES[c]!)}`;
  return fixed !== compact && isReceiptNumber(fixed) && !compact.startsWith('I0E') ? fixed : null;
}

interface Details {
  suggestion?: ReceiptNumber | undefined;
  badCharacters?: string[];
  prefix?: string;
  digitCount?: number;
}

function failure(code: ReceiptErrorCode, details: Details = {}): ParsedReceipt {
  const { suggestion } = details;
  const error: ReceiptError = { code, message: messageFor(code, details) };
  if (suggestion !== undefined) error.suggestion = suggestion;
  return { ok: false, error };
}

function messageFor(code: ReceiptErrorCode, { suggestion, badCharacters = [], prefix = '', digitCount = 0 }: Details): Localized {
  switch (code) {
    case 'empty':
      return {
        en: 'Enter your receipt number. It is on your receipt notice and in your USCIS online account, and looks like IOE0912345678.',
        es: 'Escriba su número de recibo. Aparece en su aviso de recibo y en su cuenta de USCIS en línea, y tiene este formato: IOE0912345678.',
      };
    case 'bad-characters': {
      const shown = badCharacters.map(showCharacter);
      const list = (language: string, quote: (shownCharacter: string) => string): string =>
        new Intl.ListFormat(language, { type: 'conjunction' }).format(shown.map(quote));
      return {
        en: `A receipt number has only letters and digits. Remove ${list('en', (c) => `“${c}”`)}.`,
        es: `El número de recibo solo lleva letras y números. Elimine ${list('es', (c) => `«${c}»`)}.`,
      };
    }
    case 'missing-prefix':
      return {
        en: `This number is missing the 3 letters at the start. The receipts myUSCIS shows start with IOE: did you mean ${suggestion}?`,
        es: `A este número le faltan las 3 letras del principio. Los recibos que muestra myUSCIS empiezan por IOE: ¿quiso decir ${suggestion}?`,
      };
    case 'zero-instead-of-o':
      return suggestion === undefined
        ? {
            en: 'The second character is a zero (0), but it should be the letter O: the receipts myUSCIS shows start with IOE.',
            es: 'El segundo carácter es un cero (0), pero debe ser la letra O: los recibos que muestra myUSCIS empiezan por IOE.',
          }
        : {
            en: `The second character is a zero (0), but it should be the letter O. Did you mean ${suggestion}?`,
            es: `El segundo carácter es un cero (0), pero debe ser la letra O. ¿Quiso decir ${suggestion}?`,
          };
    case 'look-alike-characters':
      return {
        en:
          'This looks like a receipt number with a look-alike character: the 1 or l instead of the letter I, or the ' +
          `letter O, I or l among the digits. Did you mean ${suggestion}?`,
        es:
          'Parece un número de recibo con un carácter que se confunde con otro: un 1 o una l en lugar de la letra I, ' +
          `o la letra O, I o l entre los números. ¿Quiso decir ${suggestion}?`,
      };
    case 'not-online-filing':
      return {
        en:
          `Receipts starting with ${prefix} do not appear in myUSCIS’s case pages, which show only receipts starting with IOE ` +
          '(most cases filed online, and some filed on paper). DACA Watch reads those pages, so it can follow only IOE receipts. ' +
          'If your renewal’s other receipt starts with IOE, use it. To follow this case, use Case Status Online on uscis.gov ' +
          'and keep an eye on the notices USCIS sends you by mail.',
        es:
          `Los recibos que empiezan por ${prefix} no aparecen en las páginas de casos de myUSCIS, que solo muestran recibos ` +
          'que empiezan por IOE (la mayoría de los casos presentados en línea y algunos presentados en papel). DACA Watch lee ' +
          'esas páginas, así que solo puede seguir recibos IOE. Si el otro recibo de su renovación empieza por IOE, use ese. ' +
          'Para seguir este caso, consulte el estatus de su caso en uscis.gov y esté pendiente de los avisos que USCIS le envíe por correo.',
      };
    case 'wrong-length':
      return {
        en: `A receipt number is 3 letters followed by 10 digits; you entered ${digitCount} ${digitCount === 1 ? 'digit' : 'digits'}.`,
        es: `El número de recibo tiene 3 letras seguidas de 10 dígitos; usted escribió ${digitCount} ${digitCount === 1 ? 'dígito' : 'dígitos'}.`,
      };
    case 'not-a-receipt':
      return {
        en: 'A receipt number is 3 letters followed by 10 digits, like IOE0912345678. Please compare it with your receipt notice.',
        es: 'El número de recibo tiene 3 letras seguidas de 10 dígitos, por ejemplo IOE0912345678. Compárelo con su aviso de recibo.',
      };
  }
}

/** Shows invisible and control characters by code point, so the message names something the user can find. */
function showCharacter(character: string): string {
  return /^[\p{C}\p{Z}]$/u.test(character)
    ? `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`
    : character;
}

/** What a list of receipts can be refused for: each number's own problem, or one number given twice. */
export const RECEIPT_LIST_ERROR_CODES = [...RECEIPT_ERROR_CODES, 'duplicate'] as const;

export interface ReceiptListProblem {
  /** What the user typed, as typed. */
  input: string;
  code: (typeof RECEIPT_LIST_ERROR_CODES)[number];
  message: Localized;
}

/**
 * Every receipt of a list, parsed: the canonical numbers, and a problem for each entry that is not a receipt or that
 * repeats an earlier one once normalised (`ioe 0912345678` is `IOE0912345678`). Watching one case twice would leave
 * the pair's other case unwatched, so a repeat is refused, not folded.
 */
export function parseReceiptList(inputs: readonly string[]): { receipts: ReceiptNumber[]; problems: ReceiptListProblem[] } {
  const receipts: ReceiptNumber[] = [];
  const problems: ReceiptListProblem[] = [];
  for (const input of inputs) {
    const parsed = parseReceipt(input);
    if (!parsed.ok) problems.push({ input, code: parsed.error.code, message: parsed.error.message });
    else if (receipts.includes(parsed.receipt)) problems.push({ input, code: 'duplicate', message: duplicateMessage(parsed.receipt) });
    else receipts.push(parsed.receipt);
  }
  return { receipts, problems };
}

function duplicateMessage(receipt: ReceiptNumber): Localized {
  return {
    en: `${receipt} is entered twice. Enter each receipt number once: the I-821D's and the I-765's are different numbers.`,
    es: `${receipt} está escrito dos veces. Escriba cada número de recibo una sola vez: el del I-821D y el del I-765 son números distintos.`,
  };
}
