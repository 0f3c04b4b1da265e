// Turns myUSCIS statusText (raw HTML with <a href> anchors) into plain text and a list of its links, without a DOM.
// Never renders or trusts that HTML: tags and script/style contents are dropped, and only https links get a safeUrl.

import { isSafeExternalUrl } from '../security/navigation';

export interface StatusLink {
  /** The anchor's words, as plain text. */
  text: string;
  /** The href as written (entities decoded), for display only. */
  href: string;
  /** The absolute https URL it points to, or null when it is not safe to open. */
  safeUrl: string | null;
}

export interface PlainStatusText {
  text: string;
  links: StatusLink[];
}

/** statusText links such as `/tools/...` are relative to the public USCIS site. */
const RELATIVE_LINK_BASE = 'https://www.uscis.gov';

const NO_GAP = 0;
const SPACE = 1;
const LINE_BREAK = 2;
const BLANK_LINE = 3;
type Gap = typeof NO_GAP | typeof SPACE | typeof LINE_BREAK | typeof BLANK_LINE;
const GAP_TEXT = ['', ' ', '\n', '\n\n'] as const;

const TAG_GAPS = new Map<string, Gap>([
  ...['td', 'th'].map((name) => [name, SPACE] as const),
  ...['br', 'div', 'li', 'tr', 'dt', 'dd', 'caption'].map((name) => [name, LINE_BREAK] as const),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'blockquote', 'pre', 'hr', 'section',
    'article', 'header', 'footer', 'address', 'figure', 'form', 'fieldset', 'main', 'nav', 'aside',
  ].map((name) => [name, BLANK_LINE] as const),
]);

/** Where the hidden contents of a script or style element end. */
const RAW_TEXT_ENDS = new Map([
  ['script', /<\/script[\s/>]/gi],
  ['style', /<\/style[\s/>]/gi],
]);

const TAG_START = /^[A-Za-z/!?]/;
const TAG_NAME = /[A-Za-z][^\s/>]*/y;
const ATTRIBUTE_NAME = /[^\s/>][^\s/>=]*/y;
const UNQUOTED_VALUE = /[^\s>]*/y;
const WHITESPACE = /\s*/y;
const WHITESPACE_AND_SLASHES = /[\s/]*/y;

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
const NAMED_ENTITIES = new Map(
  Object.entries({
    nbsp: '\u00A0', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>',
    lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
    ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', shy: '\u00AD',
    iquest: '¿', iexcl: '¡', ordf: 'ª', ordm: 'º', deg: '°', sect: '§', para: '¶', copy: '©', reg: '®', trade: '™',
    aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü',
    Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', Uuml: 'Ü',
  }),
);

/** Words in reading order: whitespace runs become one space, block boundaries a line break or one blank line. */
class Words {
  private text = '';
  private owed: Gap = NO_GAP;

  constructor(private readonly widestGap: Gap) {}

  add(text: string): void {
    text.split(/\s+/).forEach((word, index) => {
      if (index > 0) this.gap(SPACE);
      if (word === '') return;
      if (this.text !== '') this.text += GAP_TEXT[this.owed];
      this.text += word;
      this.owed = NO_GAP;
    });
  }

  gap(gap: Gap): void {
    this.owed = Math.max(this.owed, Math.min(gap, this.widestGap)) as Gap;
  }

  toString(): string {
    return this.text;
  }
}

interface Tag {
  name: string;
  closing: boolean;
  href: string | undefined;
}

export function statusTextToPlain(html: unknown): PlainStatusText {
  const words = new Words(BLANK_LINE);
  const links: StatusLink[] = [];
  if (typeof html !== 'string') return { text: '', links };

  let link: { href: string; words: Words } | undefined;
  // A stray `<` must not meet a letter once the tags between them are gone: `<<b>b>` must not read `<b>`.
  let afterStrayLessThan = false;
  const addText = (raw: string): void => {
    if (raw === '') return;
    const decoded = decodeEntities(raw);
    const text = afterStrayLessThan && TAG_START.test(decoded) ? ` ${decoded}` : decoded;
    afterStrayLessThan = false;
    words.add(text);
    link?.words.add(text);
  };
  const endLink = (): void => {
    if (link) links.push({ text: link.words.toString(), href: link.href, safeUrl: toSafeUrl(link.href) });
    link = undefined;
  };

  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open === -1) {
      addText(html.slice(position));
      break;
    }
    addText(html.slice(position, open));
    const markup = readMarkup(html, open);
    position = markup.end;
    if (markup.kind === 'text') {
      addText('<');
      afterStrayLessThan = true;
      continue;
    }
    const tag = markup.tag;
    if (tag === undefined) continue;

    const rawTextEnd = tag.closing ? undefined : RAW_TEXT_ENDS.get(tag.name);
    if (rawTextEnd) {
      rawTextEnd.lastIndex = position;
      const closer = rawTextEnd.exec(html);
      const closerEnd = closer ? html.indexOf('>', closer.index) : -1;
      position = closerEnd === -1 ? html.length : closerEnd + 1;
      continue;
    }
    if (tag.name === 'a') {
      endLink();
      if (!tag.closing && tag.href !== undefined) link = { href: tag.href, words: new Words(SPACE) };
    }
    const gap = TAG_GAPS.get(tag.name);
    if (gap !== undefined) {
      words.gap(gap);
      link?.words.gap(gap);
    }
  }
  endLink();
  return { text: words.toString(), links };
}

type Markup =
  /** A `<` that starts no markup, like `a < b`. */
  | { kind: 'text'; end: number }
  /** A tag, or a comment/doctype/bogus construct (no tag). Unterminated markup runs to the end of the input. */
  | { kind: 'markup'; end: number; tag?: Tag };

/** Reads the markup starting at `open` (a `<`) in one forward pass, honouring quoted attribute values. */
function readMarkup(html: string, open: number): Markup {
  if (html.startsWith('<!--', open)) {
    const close = html.indexOf('-->', open + 4);
    return { kind: 'markup', end: close === -1 ? html.length : close + 3 };
  }
  const closing = html[open + 1] === '/';
  const nameStart = closing ? open + 2 : open + 1;
  const nameEnd = matchEnd(TAG_NAME, html, nameStart);
  if (nameEnd === nameStart) {
    if (!closing && html[open + 1] !== '!' && html[open + 1] !== '?') return { kind: 'text', end: open + 1 };
    const close = html.indexOf('>', open);
    return { kind: 'markup', end: close === -1 ? html.length : close + 1 };
  }

  let href: string | undefined;
  let position = nameEnd;
  for (;;) {
    position = matchEnd(WHITESPACE_AND_SLASHES, html, position);
    if (position >= html.length) return { kind: 'markup', end: html.length };
    if (html[position] === '>') break;
    const attributeEnd = matchEnd(ATTRIBUTE_NAME, html, position);
    const attribute = html.slice(position, attributeEnd).toLowerCase();
    position = matchEnd(WHITESPACE, html, attributeEnd);
    if (html[position] !== '=') continue;
    position = matchEnd(WHITESPACE, html, position + 1);
    const quote = html[position];
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, position + 1);
      if (close === -1) return { kind: 'markup', end: html.length };
      value = html.slice(position + 1, close);
      position = close + 1;
    } else {
      const valueEnd = matchEnd(UNQUOTED_VALUE, html, position);
      value = html.slice(position, valueEnd);
      position = valueEnd;
    }
    if (attribute === 'href' && href === undefined) href = decodeEntities(value).trim();
  }
  return {
    kind: 'markup',
    end: position + 1,
    tag: { name: html.slice(nameStart, nameEnd).toLowerCase(), closing, href },
  };
}

/** Where a sticky pattern's match starting at `index` ends (`index` itself when it does not match). */
function matchEnd(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(text) ? pattern.lastIndex : index;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? entity;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    const usable = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
    return usable ? String.fromCodePoint(codePoint) : '\uFFFD';
  });
}

function toSafeUrl(href: string): string | null {
  try {
    const url = new URL(href, RELATIVE_LINK_BASE);
    // A user name hides the real host (https://www.uscis.gov@example.com), so such links are never offered; nor
    // a host the app does not open (isSafeExternalUrl: USCIS's own sites, and USPS's tracking page for one number).
    return isSafeExternalUrl(url.href) ? url.href : null;
  } catch {
    return null;
  }
}
