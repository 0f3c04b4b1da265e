// The one page skeleton of the two records: doctype, language, charset, a CSP with no script and nothing remote,
// the title escaped, then the record's own style and body as given.

import { describe, expect, it } from 'vitest';
import { RECORD_CSP, recordPage } from '../../app/record-page';

describe('recordPage', () => {
  const page = recordPage({ language: 'es', title: 'Registro <de> "DACA" & más', style: 'body{color:#111}', body: '<h1>Registro</h1>\n<p>Hecho.</p>' });

  it('is a whole page in the given language, with its charset, title and style in the head', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="es"><head><meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<title>Registro &lt;de&gt; &quot;DACA&quot; &amp; más</title>\n<style>body{color:#111}</style></head>');
    expect(page.endsWith('<body>\n<h1>Registro</h1>\n<p>Hecho.</p>\n</body></html>\n')).toBe(true);
  });

  it('lets nothing load or run: no script, nothing remote, only the inline style', () => {
    expect(RECORD_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${RECORD_CSP}">`);
    expect(page).not.toMatch(/<script|<link|<img|https?:/i);
  });
});
