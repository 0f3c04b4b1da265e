// The published figure for each form, from what the engine stored of egov's answers (state.processingTimes): each
// office's payload read by the lenient parser, the case's own office when myUSCIS names it (its status's office),
// otherwise the widest published range, and whether that was the basis (said to the user). Pure.

import type { AppState } from '../monitor/state';
import { PUBLISHED_FORMS, type PublishedFormName } from '../monitor/state';
import { chooseStoredFigure, type PublishedFigure } from '../myuscis/processing-times';
import type { PublishedFigures } from './processing-forecast';
import { formOf, type RenewalState } from './renewal-facts';

/** One form's published figure and how it was chosen; null figure: nothing published, or not read yet. */
export interface FormFigure {
  figure: PublishedFigure | null;
  /** own-office: the case's own office; widest-range: the office with the longest published time (said so). */
  basis: 'own-office' | 'widest-range' | null;
  /** What egov said last for this form: published, nothing published (204), no subtype that fits, or not read. */
  status: 'published' | 'not-published' | 'not-listed' | 'not-read';
  /** When it was read (ISO), null before the first read. */
  readAt: string | null;
}

type FigureState = Pick<RenewalState, 'cases' | 'snapshots'> & Pick<AppState, 'processingTimes'>;

/** The offices myUSCIS names on the watched cases of `form` (their status's office). */
function caseOffices(state: FigureState, form: PublishedFormName): string[] {
  return state.cases.flatMap((watched) => {
    const snapshot = state.snapshots[watched.receipt];
    const office = snapshot?.status?.office;
    return formOf(state, watched.receipt) === form && typeof office === 'string' && office.trim() !== '' ? [office] : [];
  });
}

export function storedFigures(state: FigureState): Record<PublishedFormName, FormFigure> {
  const one = (form: PublishedFormName): FormFigure => {
    const stored = state.processingTimes.byForm[form];
    const status = stored.status ?? 'not-read';
    if (status !== 'published') return { figure: null, basis: null, status, readAt: stored.readAt };
    const chosen = chooseStoredFigure(form, stored, caseOffices(state, form));
    return { figure: chosen?.figure ?? null, basis: chosen?.basis ?? null, status, readAt: stored.readAt };
  };
  return Object.fromEntries(PUBLISHED_FORMS.map((form) => [form, one(form)])) as Record<PublishedFormName, FormFigure>;
}

/** Only the figures, as the forecast takes them. */
export function publishedFigures(state: FigureState): PublishedFigures {
  const all = storedFigures(state);
  return { 'I-821D': all['I-821D'].figure, 'I-765': all['I-765'].figure };
}
