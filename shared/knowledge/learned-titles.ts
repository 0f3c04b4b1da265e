// Code-to-title pairings USCIS itself showed in case_status, kept as plain JSON so they can be stored and reloaded.
// Pure: learning returns a new map and never touches the one it was given; it stores no receipt or personal data.

import type { CaseStatus } from '../myuscis/schemas';
import { normaliseCode } from './action-code';

export interface LearnedTitle {
  en: string;
  /** USCIS's Spanish title, when it sent one with the English. */
  es?: string;
}
/** Normalised code (`FTA0`) -> the official title USCIS showed with it, latest pairing first. */
export type LearnedTitles = Record<string, LearnedTitle>;

/**
 * Adds the pairings in one status (its history, oldest first, then the current code and title) to `learned`:
 * the newest pairing of a code wins. History dates are whole days and the service lists the newest first, so
 * same-day entries are taken in reverse of the listed order. A Spanish title learned earlier is kept when the
 * English one is unchanged.
 */
export function learnTitles(status: CaseStatus, learned: LearnedTitles): LearnedTitles {
  const pairings = [
    ...[...status.historicalCaseStatuses].reverse().sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')),
    { actionCode: status.currentActionCode, statusTitle: status.statusTitle, statusTitleSpanish: status.statusTitleSpanish },
  ];
  const next: LearnedTitles = { ...learned };
  for (const { actionCode, statusTitle, statusTitleSpanish } of pairings) {
    const code = normaliseCode(actionCode ?? '');
    const en = tidy(statusTitle);
    if (code === '' || en === undefined) continue;
    const earlier = next[code];
    const es = tidy(statusTitleSpanish) ?? (earlier?.en === en ? earlier.es : undefined);
    next[code] = es === undefined ? { en } : { en, es };
  }
  return next;
}

function tidy(title: string | undefined): string | undefined {
  const text = title?.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
