// The processing-times origin (egov.uscis.gov) as the engine sees it: its own port, which never carries the myUSCIS
// session, its paths, and lenient readers of the two lists discovery needs (a form's subtypes, a subtype's offices).
// The published times themselves are stored as egov sent them; reading their ranges is the forecast's parser's job.

import { z } from 'zod';
import type { PublishedFormName } from '../shared/monitor/state';
import { sameName } from '../shared/myuscis/processing-times';
import type { HttpPort } from './ports';

export const EGOV_ORIGIN = 'https://egov.uscis.gov';
const API = '/processing-times/api';

export interface PublishedTimesPort {
  /**
   * One GET to the processing-times origin with no session at all: no cookie jar of myUSCIS (Node: no Cookie header;
   * Electron: a partition of its own).
   */
  get: HttpPort;
  /**
   * Loads the processing-times page once, as a person's browser would, when the API answered 403 (bot protection
   * that wants a page first). Only Electron has one; the request is then tried once more.
   */
  warmUp?: () => Promise<void>;
}

/** The page the API's requests come from: sent as Referer, as USCIS's own page does. */
export function timesReferer(origin: string): string {
  return `${origin}/processing-times/`;
}

const segment = (value: string) => encodeURIComponent(value);
export const timesPaths = {
  formTypes: (form: PublishedFormName) => `${API}/formtypes/${segment(form)}`,
  formOffices: (form: PublishedFormName, subtype: string) => `${API}/formoffices/${segment(form)}/${segment(subtype)}`,
  processingTime: (form: PublishedFormName, office: string, subtype: string) => `${API}/processingtime/${segment(form)}/${segment(office)}/${segment(subtype)}`,
};

export interface ListedCode {
  code: string;
  description: string;
}

/** Every object anywhere in a JSON value (the lists' wrappers are unconfirmed, so none is assumed). */
function objectsIn(value: unknown, found: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 8 || value === null || typeof value !== 'object') return found;
  if (!Array.isArray(value)) found.push(value as Record<string, unknown>);
  for (const child of Object.values(value)) objectsIn(child, found, depth + 1);
  return found;
}

const code = z.union([z.string().trim().min(1).max(80), z.number().transform(String)]);

/**
 * An item of one of egov's lists: its code under the first of `codeKeys` it has, its words from every other text
 * field (English and Spanish alike), since the lists' key names are unconfirmed.
 */
function codedItem(codeKeys: readonly string[]) {
  return z.looseObject({}).transform((item, ctx) => {
    const key = codeKeys.find((name) => code.safeParse(item[name]).success);
    if (!key) {
      ctx.issues.push({ code: 'custom', input: item, message: 'no code' });
      return z.NEVER;
    }
    const words = Object.entries(item)
      .filter(([name, value]) => name !== key && typeof value === 'string')
      .map(([, value]) => value as string);
    return { code: String(item[key]).trim(), description: words.join(' | ') };
  });
}
/** An office: `office_code` + `office_description` in the one scraper that printed the list. */
const OfficeItem = codedItem(['office_code', 'office_id', 'code']);
/** A subtype: its code under `form_type` as in processingtime's subtypes, or a few other names. */
const SubtypeItem = codedItem(['form_type', 'form_subtype', 'subtype', 'form_type_code', 'subtype_code', 'code', 'value', 'id']);

function listed<T extends ListedCode>(body: unknown, item: z.ZodType<T>): ListedCode[] {
  const seen = new Map<string, ListedCode>();
  for (const candidate of objectsIn(body)) {
    const parsed = item.safeParse(candidate);
    if (parsed.success && !seen.has(parsed.data.code)) seen.set(parsed.data.code, { code: parsed.data.code, description: parsed.data.description });
  }
  return [...seen.values()];
}

/** The offices a formoffices answer lists (empty when it lists none). */
export function listedOffices(body: unknown): ListedCode[] {
  return listed(body, OfficeItem);
}

/** The subtypes a formtypes answer lists, their words joined (English and Spanish, when both are given). */
export function listedSubtypes(body: unknown): ListedCode[] {
  // A wrapper naming the form itself ("I-765") is not one of its subtypes.
  return listed(body, SubtypeItem).filter((subtype) => !/^I-?\d+[A-Z]?$/i.test(subtype.code));
}

const DACA_WORDS = /childhood arrivals|\bdaca\b|llegados en la infancia/i;
const C33 = /\(\s*c\s*\)\s*\(\s*33\s*\)|\bc\s*[-(]?\s*33\b/i;

/**
 * This case's subtype among the listed ones, by its words: the I-821D's renewal (not an initial request), the
 * I-765's (c)(33) category (or, without a category, the one naming DACA). Null when none fits.
 */
export function dacaSubtype(form: PublishedFormName, subtypes: readonly ListedCode[]): ListedCode | null {
  if (form === 'I-765') return subtypes.find((s) => C33.test(s.description)) ?? subtypes.find((s) => DACA_WORDS.test(s.description) && !/\(\s*c\s*\)\s*\(\s*(?!33)\d+\s*\)/i.test(s.description)) ?? null;
  const renewal = subtypes.filter((s) => /renew|renovaci/i.test(s.description) && !/initial|inicial/i.test(s.description));
  if (renewal.length > 0) return renewal.find((s) => DACA_WORDS.test(s.description)) ?? renewal[0]!;
  // A form listed with one subtype only (the I-821D is only DACA): that one, unless it says it is for initial requests.
  return subtypes.length === 1 && !/initial|inicial/i.test(subtypes[0]!.description) ? subtypes[0]! : null;
}

/**
 * Whether a processingtime answer carries a published time at all (somewhere, a `range` or a `subtypes` list): a
 * `{"data": null}` or an empty object is nothing published, like a 204. Its values are the forecast parser's to read.
 */
export function carriesPublishedTime(body: unknown): boolean {
  return objectsIn(body).some((item) => (Array.isArray(item.range) && item.range.length > 0) || (Array.isArray(item.subtypes) && item.subtypes.length > 0));
}

/** Office names compared as people write them ("NEBRASKA SERVICE CENTER" = "Nebraska Service Center"). */
export function sameOffice(office: ListedCode, named: string): boolean {
  // The forecast picks the figure by the same rule (shared/myuscis/processing-times.ts).
  return sameName(named, office.code) || sameName(named, office.description);
}
