// The one spelling of a myUSCIS action code (`FTA0`), so the code table, the learned titles and the events
// compare codes alike. Knows no code's meaning (see codes.ts) and no title (see learned-titles.ts).

/** `' fta0 '` and `'FTA0'` are the same code. */
export function normaliseCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
