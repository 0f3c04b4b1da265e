// The dashboard's published-times view (app/dashboard-state.ts forecastViewOf): computed in main from the stored egov
// answers in the published shape, small, and valid against the contract's schema.

import { describe, expect, it } from 'vitest';
import { forecastViewOf } from '../../app/dashboard-state';
import { ForecastViewSchema } from '../../shared/ipc/contract';
import { decisionWindow } from '../../shared/knowledge/processing-forecast';
import { storedFigures } from '../../shared/knowledge/stored-figures';
import { PT_FILED, PT_I765, PT_I821D, PT_TODAY, publishedTimesState } from '../helpers/published-times-state';

describe('the dashboard’s published times', () => {
  it('gives each case USCIS’s window, the inquiry date and a likely gap when the window begins after the expiry', () => {
    const state = publishedTimesState({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: [7, 10] });
    const view = ForecastViewSchema.parse(forecastViewOf(state, PT_TODAY));
    const figure = storedFigures(state)['I-821D'].figure!;
    expect(view.gapRisk).toBe('likely');
    expect(view.cases.map((entry) => entry.receipt)).toEqual([PT_I821D, PT_I765]);
    const first = view.cases[0]!;
    expect(first.window).toEqual(decisionWindow(PT_FILED, figure));
    expect(first.inquiryReceivedBefore).toBe('2026-06-01');
    // Received after the published inquiry date, but past day 105: it may ask now.
    expect(first.canAskNow).toBe(true);
    expect(first.steps.length).toBeGreaterThan(0);
    expect(first.published?.en).toContain('not a prediction');
    expect(view.forms).toEqual([
      { form: 'I-821D', status: 'published', basis: 'own-office', publicationDate: '2026-11-20', readAt: '2026-12-08T13:00:00.000Z' },
      { form: 'I-765', status: 'published', basis: 'own-office', publicationDate: '2026-11-20', readAt: '2026-12-08T13:00:00.000Z' },
    ]);
    // Small: words and facts, not the payloads.
    expect(JSON.stringify(view)).not.toContain('processing_time');
    expect(view.filing).toBeNull();
  });

  it('says none, with no steps, when the window ends by the expiry; widest-range when no office is named', () => {
    const view = forecastViewOf(publishedTimesState({ permitExpiry: '2027-03-01', i821d: [4, 6], i765: [4, 6], office: false }), PT_TODAY);
    expect(view.gapRisk).toBe('none');
    expect(view.cases.every((entry) => entry.steps.length === 0)).toBe(true);
    expect(view.forms.map((form) => form.basis)).toEqual(['widest-range', 'widest-range']);
  });

  it('keeps a 204 apart: that form has no figure and its case no window, the other form’s forecast stands', () => {
    const view = forecastViewOf(publishedTimesState({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: null }), PT_TODAY);
    expect(view.forms[1]).toMatchObject({ form: 'I-765', status: 'not-published', publicationDate: null });
    expect(view.cases[1]).toMatchObject({ form: 'I-765', window: null, published: null, gapRisk: 'unknown' });
    expect(view.cases[0]!.gapRisk).toBe('likely');
  });

  it('gives filing advice before anything is filed', () => {
    const state = publishedTimesState({ permitExpiry: '2027-06-30', i821d: [7, 10], i765: null });
    const unfiled = { ...state, cases: [], snapshots: {} };
    const view = forecastViewOf(unfiled, PT_TODAY);
    expect(view.cases).toEqual([]);
    expect(view.filing?.en).toContain('USCIS’s published processing time is up to 10 months');
    expect(view.filing?.es).toContain('hasta 10 meses');
  });
});
