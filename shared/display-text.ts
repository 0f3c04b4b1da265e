// Server text made safe to show outside the dashboard (desktop notifications, the tray, exported files):
// no markup, no control, bidirectional-override or invisible characters, capped. It never adds wording.

/** C0 and C1 controls (tab and newline are handled apart), DEL. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/**
 * Bidirectional marks, embeddings, overrides and isolates (they can make "IOE…" read backwards or hide text),
 * zero-width characters and the byte order mark.
 */
const INVISIBLES = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LINE_SEPARATORS = /[\u2028\u2029\r]/g;
const MARKUP = /<\/?[a-z!][^<>]*>/gi;

/** The longest text a notification line carries. */
export const DISPLAY_TEXT_LIMIT = 500;

export interface DisplayTextOptions {
  /** Keep line breaks (a notification's body); otherwise everything is one line. Default false. */
  multiline?: boolean;
  /** Default DISPLAY_TEXT_LIMIT characters, an ellipsis when cut. */
  limit?: number;
}

export function displayText(text: string, options: DisplayTextOptions = {}): string {
  const limit = options.limit ?? DISPLAY_TEXT_LIMIT;
  let clean = text.replace(MARKUP, '').replace(INVISIBLES, '').replace(LINE_SEPARATORS, '\n').replace(/\t/g, ' ').replace(CONTROLS, '');
  clean = options.multiline
    ? clean
        .split('\n')
        .map((line) => line.replace(/ {2,}/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : clean.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const code = clean.charCodeAt(limit - 2);
  const cut = code >= 0xd800 && code <= 0xdbff ? limit - 2 : limit - 1;
  return `${clean.slice(0, cut)}…`;
}

/** Every string inside a value made safe (for files the user exports); keys and structure unchanged. */
export function displayValue<T>(value: T): T {
  if (typeof value === 'string') return displayText(value, { multiline: true, limit: Number.MAX_SAFE_INTEGER }) as T;
  if (Array.isArray(value)) return value.map((item) => displayValue(item)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, displayValue(field)])) as T;
  return value;
}
