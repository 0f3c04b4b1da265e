// A stored CaseSnapshot (the engine's last good reading of one case) read back as the CaseView the knowledge
// base reads: the one reader the engine, the dashboard and the records share, so they cannot reach different
// verdicts. Pure and lossless where the snapshot kept the field; a part never read stays absent, never empty.

import type { Localized } from '../localized';
import type { CaseSnapshot } from '../monitor/state';
import type { StatusLink } from '../myuscis/status-text';
import { isSafeExternalUrl } from '../security/navigation';
import type { CaseView } from './case-reading';
import { byEventTime } from './events';

/** The two words every card and record gives these times, so the dashboard and the papers say the same thing. */
export const CASE_TIME_WORDS = {
  readAt: { en: 'Read from myUSCIS', es: 'Leído en myUSCIS' },
  changedAt: { en: 'Last change seen', es: 'Último cambio visto' },
} as const satisfies Record<string, Localized>;

/** When a case was last read from myUSCIS and, apart, when what was read last changed (ISO; null before any read). */
export interface CaseTimes {
  readAt: string | null;
  changedAt: string | null;
}

/**
 * A case's two times: a snapshot part keeps the time its content last changed (an unchanged read keeps the old part),
 * so the newest part is the last change; the last read is the case's stored `readAt` (set on every good check), or
 * that change when it is newer or no read time was stored (older stores).
 */
export function caseTimes(snapshot: CaseSnapshot | undefined, readAt: string | null | undefined): CaseTimes {
  const changedAt = newestOf([snapshot?.detail?.at, snapshot?.status?.at, snapshot?.documents?.at]);
  return { readAt: newestOf([readAt, changedAt]), changedAt };
}

/** The newest of some instants (compared as times: stored ones may or may not carry milliseconds). */
function newestOf(times: ReadonlyArray<string | null | undefined>): string | null {
  return times.reduce<string | null>((newest, at) => (typeof at === 'string' && (newest === null || Date.parse(at) > Date.parse(newest)) ? at : newest), null);
}

/**
 * The CaseView of a snapshot. Fields the snapshot does not keep (receipt, names, the raw HTML status text, the
 * lists the knowledge base never reads) are absent or empty; the status history is kept, so titles USCIS paired
 * with codes in the past are learned again.
 */
export function snapshotView(snapshot: CaseSnapshot): CaseView {
  const { detail, status, documents } = snapshot;
  const view: CaseView = {};
  if (detail !== null) {
    view.detail = {
      formType: detail.formType,
      submissionDate: detail.submissionDate,
      updatedAtTimestamp: detail.updatedAtTimestamp,
      closed: detail.closed,
      actionRequired: detail.actionRequired,
      // Oldest first, whatever order an older store kept them in.
      events: [...detail.events].sort(byEventTime).map((event) => ({ ...event })),
      notices: detail.notices.map((notice) => ({ ...notice })),
      concurrentCases: [],
      documents: [],
      evidenceRequests: [],
      addendums: [],
    };
  }
  if (status !== null) {
    view.status = {
      currentActionCode: status.code,
      currentActionCodeDate: status.date,
      statusTitle: status.title,
      statusTitleSpanish: status.titleSpanish,
      jurisdictionDescription: status.office,
      statusTextPlain: plainText(status.text),
      statusTextSpanishPlain: plainText(status.textSpanish),
      historicalCaseStatuses: status.history.map((entry) => ({
        date: entry.date,
        actionCode: entry.code,
        statusTitle: entry.title,
        statusTitleSpanish: entry.titleSpanish,
      })),
    };
  }
  if (documents !== null) view.documents = documents.items.map((document) => ({ ...document }));
  return view;
}

/** A web address as written in text: `https://…`, `http://…` or `www.…`, up to a space or a closing quote. */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"'«»“”‘’]+/giu;
/** Sentence punctuation after an address belongs to the sentence. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/u;

/**
 * The snapshot keeps the status text as plain text, where a link survives as its words. USCIS writes the
 * address itself as a link's words (`www.uscis.gov/contactcenter`), so each address in the text is read back as
 * a link; only an https address with a host and no credentials gets a safeUrl (`www.` addresses are https).
 */
export function linksInText(text: string): StatusLink[] {
  return [...text.matchAll(WEB_ADDRESS)].map(([match]) => {
    const words = match.replace(TRAILING_PUNCTUATION, '');
    const url = /^www\./iu.test(words) ? `https://${words}` : words;
    return { text: words, href: words, safeUrl: isSafeExternalUrl(url) ? new URL(url).href : null };
  });
}

function plainText(text: string | undefined): { text: string; links: StatusLink[] } | undefined {
  return text === undefined ? undefined : { text, links: linksInText(text) };
}
