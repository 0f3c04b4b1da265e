// How much DACA Watch keeps: the longest stored lists and the longest text of any one field. The stored
// state's schema and the bounds on myUSCIS answers both read them from here; this module imports nothing.

/** Bounds that keep the store small over years of watching. */
export const LIMITS = { history: 400, ledger: 1000, events: 200, documents: 200, notices: 50, statusHistory: 20 } as const;

/** The longest text kept from the server in any one field (titles, texts, types, file names), in characters. */
export const TEXT_LIMIT = 4000;

/** `text` cut to `limit` characters (never inside a surrogate pair), with an ellipsis when it was longer. */
export function capText(text: string, limit = TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let cut = limit - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}
