// Reads the account's case list from the applicant page's CaseCardsApp script element (MYUSCIS.md: the one place
// a user's receipts show without asking). Text only: it never runs, renders or builds a DOM from the page.

import { z } from 'zod';
import { parseReceipt } from '../receipt';
import { AccountCaseSchema, type AccountCase } from './account-cases';
import { toIsoDate } from './dates';

export type CaseCardsReading =
  | { ok: true; cases: AccountCase[] }
  /** no-case-list: no CaseCardsApp element (a sign-in page, a changed page); unreadable: its JSON did not read. */
  | { ok: false; reason: 'no-case-list' | 'unreadable' };

/** A script start tag (attribute values may hold `>` inside quotes), its text, and its end tag. */
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const COMPONENT = 'CaseCardsApp';
/** How deep a case list may sit in the element's JSON (`{"cases": ...}`, or inside a props object). */
const MAX_DEPTH = 3;

/** The cases the applicant page lists, each once; a page without the element, or with broken JSON, says so. */
export function readCaseCards(html: string): CaseCardsReading {
  const bodies = [...String(html).matchAll(SCRIPT)]
    .filter(([, attributes = '']) => attributeOf(attributes, 'data-component-name') === COMPONENT)
    .map(([, , body = '']) => body);
  if (bodies.length === 0) return { ok: false, reason: 'no-case-list' };
  const lists = bodies.map(readJson).filter((json) => json !== undefined).map((json) => findCases(json, 0));
  if (lists.every((list) => list === undefined)) return { ok: false, reason: 'unreadable' };
  return { ok: true, cases: merge(lists.flatMap((list) => list ?? []).flatMap((card) => readCard(card, 0))) };
}

function attributeOf(attributes: string, name: string): string | undefined {
  for (const [, key = '', double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
    if (key.toLowerCase() === name) return decodeEntities(double ?? single ?? bare ?? '').trim();
  }
  return undefined;
}

/** The element's JSON: as written (react_on_rails escapes `<` as \u003c), or HTML-escaped, or inside a comment. */
function readJson(body: string): unknown {
  const text = body.trim().replace(/^<!--|-->$/g, '').replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '').trim();
  for (const candidate of [text, decodeEntities(text)]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next reading.
    }
  }
  return undefined;
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The list of case cards: the JSON itself when it is a list, else a `cases` list, looked for a few levels down. */
function findCases(json: unknown, depth: number): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null || depth >= MAX_DEPTH) return undefined;
  const record = json as Record<string, unknown>;
  if (Array.isArray(record.cases)) return record.cases;
  for (const value of Object.values(record)) {
    const found = findCases(value, depth + 1);
    if (found !== undefined && !Array.isArray(value)) return found;
  }
  return undefined;
}

/** One card, leniently: any field may be missing or of another type. */
const CardSchema = z.object({
  receiptNumber: z.string().optional().catch(undefined),
  formType: z.string().optional().catch(undefined),
  submissionDate: z.unknown().optional(),
  /** Receipt strings, or full case objects (MYUSCIS.md: both are seen on this page). */
  concurrentCases: z.array(z.unknown()).catch([]),
  isPremiumProcessing: z.boolean().optional().catch(undefined),
});

/** A card as the app keeps it, plus the companions listed as full objects (cases in their own right). */
function readCard(raw: unknown, depth: number): AccountCase[] {
  const read = CardSchema.safeParse(raw);
  if (!read.success) return [];
  const card = read.data;
  const receipt = receiptOf(card.receiptNumber);
  const companions = depth < 1 ? card.concurrentCases.flatMap((entry) => (typeof entry === 'object' && entry !== null ? readCard(entry, depth + 1) : [])) : [];
  const concurrentReceipts = card.concurrentCases
    .map((entry) => receiptOf(typeof entry === 'string' ? entry : (entry as { receiptNumber?: unknown } | null)?.receiptNumber))
    .filter((companion): companion is string => companion !== undefined && companion !== receipt);
  if (receipt === undefined) return companions;
  const formType = card.formType?.trim().slice(0, 32) || null;
  const own = AccountCaseSchema.safeParse({
    receipt,
    formType,
    submissionDate: toIsoDate(card.submissionDate) ?? null,
    concurrentReceipts: [...new Set(concurrentReceipts)].slice(0, 10),
  });
  return [...(own.success ? [own.data] : []), ...companions];
}

function receiptOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseReceipt(value);
  return parsed.ok ? parsed.receipt : undefined;
}

/** One entry per receipt: the fields any listing gave, and every companion any listing named. */
function merge(cases: AccountCase[]): AccountCase[] {
  const byReceipt = new Map<string, AccountCase>();
  for (const entry of cases) {
    const known = byReceipt.get(entry.receipt);
    byReceipt.set(entry.receipt, known === undefined ? entry : {
      receipt: entry.receipt,
      formType: known.formType ?? entry.formType,
      submissionDate: known.submissionDate ?? entry.submissionDate,
      concurrentReceipts: [...new Set([...known.concurrentReceipts, ...entry.concurrentReceipts])].slice(0, 10),
    });
  }
  return [...byReceipt.values()].slice(0, 50);
}
