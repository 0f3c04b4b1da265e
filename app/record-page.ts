// The one HTML page both records are printed from (the printable record, the employer's sheet): doctype, language,
// charset, a CSP that allows no script and nothing remote, the title and the page's own style. Plain TypeScript
// (no `electron` import); it escapes the title and trusts the body and style it is given (already escaped markup).

import { escapeHtml } from '../shared/html';
import type { Language } from '../shared/localized';

/** Nothing loads and nothing runs: no script, no image, no font, no connection; only the page's inline style. */
export const RECORD_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export interface RecordPage {
  language: Language;
  /** Plain text: escaped here. */
  title: string;
  /** The page's CSS (a constant of the record, never user data). */
  style: string;
  /** The body's markup, every value in it already escaped. */
  body: string;
}

export function recordPage(page: RecordPage): string {
  return `<!doctype html>
<html lang="${page.language}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${RECORD_CSP}">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style></head>
<body>
${page.body}
</body></html>
`;
}
