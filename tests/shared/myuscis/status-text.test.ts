// Tests for turning statusText HTML into plain text and links: anchors, entities, hidden scripts, unsafe links,
// malformed and hostile input, and linear time on a megabyte. Pure: no DOM.

import { describe, expect, it } from 'vitest';
import { statusTextToPlain } from '../../../shared/myuscis/status-text';

const APPROVED_TEXT =
  '<p>On June 4, 2026, we approved your Form I-765, Application for Employment Authorization, Receipt Number ' +
  'IOE0912345678. We will mail your new card to the address we have on file. If you move, go to ' +
  '<a href="https://www.uscis.gov/addresschange" target="_blank">www.uscis.gov/addresschange</a> to give us your new ' +
  'mailing address.</p>';

describe('statusTextToPlain', () => {
  it('reads a real-looking status text with its link', () => {
    expect(statusTextToPlain(APPROVED_TEXT)).toEqual({
      text:
        'On June 4, 2026, we approved your Form I-765, Application for Employment Authorization, Receipt Number ' +
        'IOE0912345678. We will mail your new card to the address we have on file. If you move, go to ' +
        'www.uscis.gov/addresschange to give us your new mailing address.',
      links: [
        {
          text: 'www.uscis.gov/addresschange',
          href: 'https://www.uscis.gov/addresschange',
          safeUrl: 'https://www.uscis.gov/addresschange',
        },
      ],
    });
  });

  it('reads Spanish text with named entities', () => {
    const { text } = statusTextToPlain(
      '&iquest;Tiene preguntas? El&nbsp;caso est&aacute; en revisi&oacute;n. &iexcl;Gracias! ' +
        '&Ntilde;and&uacute; ping&uuml;ino, t&iacute;tulo, caf&eacute;, se&ntilde;or, &Aacute;&Eacute;&Iacute;&Oacute;&Uacute;&Uuml;',
    );
    expect(text).toBe('¿Tiene preguntas? El caso está en revisión. ¡Gracias! Ñandú pingüino, título, café, señor, ÁÉÍÓÚÜ');
  });

  it.each([
    ['&amp;', '&'],
    ['&quot;', '"'],
    ['&#39;', "'"],
    ['&apos;', "'"],
    ['&lt;b&gt;', '<b>'],
    ['&rsquo;', '’'],
    ['&lsquo;', '‘'],
    ['&ldquo;x&rdquo;', '“x”'],
    ['&ndash;&mdash;', '–—'],
    ['&laquo;x&raquo;', '«x»'],
    ['&#233;', 'é'],
    ['&#xE9;', 'é'],
    ['&#XF1;', 'ñ'],
    ['&#x1F600;', '😀'],
    ['&#0;', '\uFFFD'],
    ['&#xD800;', '\uFFFD'],
    ['&#x110000;', '\uFFFD'],
    ['&amp;lt;', '&lt;'],
    ['&unknown;', '&unknown;'],
    ['&constructor;', '&constructor;'],
    ['&toString;', '&toString;'],
    ['AT&T', 'AT&T'],
    ['&amp', '&amp'],
  ])('decodes %j as %j', (html, expected) => {
    expect(statusTextToPlain(html).text).toBe(expected);
  });

  it('turns block tags into line breaks and collapses whitespace', () => {
    const html =
      '<h2>Case   Was\n Approved</h2>\r\n<p>First&nbsp;&nbsp;line<br>second line<br/><BR />third</p>' +
      '<ul><li>one</li><li> two </li></ul><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>' +
      '<div>x</div><div>y</div>  <p></p><p></p> <span>end</span>';
    expect(statusTextToPlain(html).text).toBe(
      'Case Was Approved\n\nFirst line\nsecond line\nthird\n\none\ntwo\n\na b\nc\n\nx\ny\n\nend',
    );
  });

  it('keeps inline tags out of the way', () => {
    expect(statusTextToPlain('We <b>approved</b> your <em>Form&nbsp;I-821D</em>.').text).toBe(
      'We approved your Form I-821D.',
    );
  });

  it('drops script and style contents, whatever their case', () => {
    const html =
      'Before<script type="text/javascript">document.write("<a href=x>no</a>")</script>' +
      '<STYLE>p { color: red }</STYLE > middle <Script>alert(1)</sCrIpT >after';
    expect(statusTextToPlain(html)).toEqual({ text: 'Before middle after', links: [] });
  });

  it('drops everything after an unclosed script', () => {
    expect(statusTextToPlain('Visible<script>alert("<p>hidden</p>")').text).toBe('Visible');
  });

  it('drops comments, doctypes and processing instructions', () => {
    const html = '<!DOCTYPE html><?xml version="1.0"?>A<!-- <a href="/x">hidden</a> -->B<!---->C</ >D<!bogus>E';
    expect(statusTextToPlain(html)).toEqual({ text: 'ABCDE', links: [] });
  });

  it('reads attribute values with quotes, entities and > inside', () => {
    const html =
      `<a title="a > b" href='/es/formularios/i-765?lang=es&amp;x=1'>Formulario I-765</a> and ` +
      '<a href=https://egov.uscis.gov/processing-times/ class=x>processing times</a>';
    expect(statusTextToPlain(html)).toEqual({
      text: 'Formulario I-765 and processing times',
      links: [
        {
          text: 'Formulario I-765',
          href: '/es/formularios/i-765?lang=es&x=1',
          safeUrl: 'https://www.uscis.gov/es/formularios/i-765?lang=es&x=1',
        },
        {
          text: 'processing times',
          href: 'https://egov.uscis.gov/processing-times/',
          safeUrl: 'https://egov.uscis.gov/processing-times/',
        },
      ],
    });
  });

  it('collects the words of a link across nested tags and line breaks', () => {
    const { links } = statusTextToPlain('<a HREF="/contactcenter"><b>Contact</b><br>the\n  Center</a>');
    expect(links).toEqual([
      { text: 'Contact the Center', href: '/contactcenter', safeUrl: 'https://www.uscis.gov/contactcenter' },
    ]);
  });

  it('ends a link at the next anchor or at the end of the text, and skips anchors without href', () => {
    const { text, links } = statusTextToPlain('<a name="top">Top</a> <a href="/one">one <a href="/two">two');
    expect(text).toBe('Top one two');
    expect(links.map((link) => [link.text, link.href])).toEqual([
      ['one', '/one'],
      ['two', '/two'],
    ]);
  });

  it.each([
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['javascript&#58;alert(1)', null],
    ['  javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['http://www.uscis.gov/', null],
    ['ftp://example.com/', null],
    ['https://', null],
    ['https://www.uscis.gov@example.com/', null],
    ['https://user:pass@www.uscis.gov/', null],
    ['https://www.uscis.gov/es', 'https://www.uscis.gov/es'],
    ['HTTPS://WWW.USCIS.GOV/I-821D', 'https://www.uscis.gov/I-821D'],
    ['/i-821d', 'https://www.uscis.gov/i-821d'],
    ['es/ayuda', 'https://www.uscis.gov/es/ayuda'],
    ['//egov.uscis.gov/processing-times/', 'https://egov.uscis.gov/processing-times/'],
    // A host the app does not open (shared/security/navigation.ts EXTERNAL_HOSTS) is shown, never offered.
    ['//example.com/x', null],
    ['https://www.usps.com/', null],
    ['https://www.uscis.gov.evil.example/', null],
  ])('gives href %j the safe URL %j', (href, safeUrl) => {
    const { links } = statusTextToPlain(`<a href="${href}">link</a>`);
    expect(links).toHaveLength(1);
    expect(links[0]?.safeUrl).toBe(safeUrl);
  });

  it.each([
    ['<img src=x onerror=alert(1)>text', 'text'],
    ['<a href="x>y" onclick="alert(1)">text</a>', 'text'],
    ['<a href="unterminated>text', ''],
    ['<div <p>>text', '>text'],
    ['text<a', 'text'],
    ['text</', 'text'],
    ['<svg><script>alert(1)</script></svg>text', 'text'],
    ['<iframe src="javascript:alert(1)"></iframe>text', 'text'],
    ['<scr<script>ipt>alert(1)</script>text', 'ipt>alert(1)text'],
    ['<!-- unterminated <b>comment', ''],
  ])('reads hostile %j as the text %j', (html, expected) => {
    const { text } = statusTextToPlain(html);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/<[A-Za-z/!?]/);
  });

  it('keeps a lone < that starts no tag, apart from any letter a removed tag brings next to it', () => {
    expect(statusTextToPlain('1 < 2 and 3<4').text).toBe('1 < 2 and 3<4');
    expect(statusTextToPlain('<<b>b>text').text).toBe('< b>text');
    expect(statusTextToPlain('<<!-- -->/a>').text).toBe('< /a>');
    expect(statusTextToPlain('<&lt;b&gt;').text).toBe('<<b>');
  });

  it('never lets a tag through on random tag soup', () => {
    const pieces = ['<', '>', '/', '!', '?', '-', '"', "'", '=', ' ', 'a', 'b', 'p', 'href', 'script', 'x', '\n'];
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 2000; round += 1) {
      let html = '';
      for (let i = 0; i < 40; i += 1) html += pieces[next() % pieces.length];
      expect(statusTextToPlain(html).text, html).not.toMatch(/<[A-Za-z/!?]/);
    }
  });

  it.each([[null], [undefined], [42], [{ html: '<p>x</p>' }], [['<p>x</p>']]])('reads %j as empty', (value) => {
    expect(statusTextToPlain(value)).toEqual({ text: '', links: [] });
  });

  describe('finishes a megabyte of hostile input quickly', () => {
    const size = 1_000_000;
    it.each([
      ['plain text', 'word '.repeat(size / 5), (text: string) => text.length === (size / 5) * 5 - 1],
      ['inline tags', '<b>x</b>'.repeat(size / 8), (text: string) => text === 'x'.repeat(size / 8)],
      ['unclosed tags', '<a '.repeat(size / 3), (text: string) => text === ''],
      ['lone <', '<'.repeat(size), (text: string) => text === '<'.repeat(size)],
      ['attribute soup', `<a ${'=a '.repeat(size / 3)}>x`, (text: string) => text === 'x'],
      ['unclosed quote', `<a href="${'x'.repeat(size)}`, (text: string) => text === ''],
      ['comment openers', '<!--'.repeat(size / 4), (text: string) => text === ''],
      ['script openers', '<script>'.repeat(size / 8), (text: string) => text === ''],
      ['entity-like runs', '&#'.repeat(size / 2), (text: string) => text === '&#'.repeat(size / 2)],
      ['long entity names', `&${'a'.repeat(size)}`, (text: string) => text.length === size + 1],
      ['many links', '<a href="/x">x</a>'.repeat(size / 18), (text: string) => text === 'x'.repeat(size / 18)],
      ['whitespace', ' \n\t'.repeat(size / 3) + 'x', (text: string) => text === 'x'],
    ])('%s', (_name, html, check) => {
      const started = performance.now();
      const { text } = statusTextToPlain(html);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(check(text)).toBe(true);
    });
  });
});
