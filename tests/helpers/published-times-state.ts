// A stored AppState whose processingTimes hold egov answers in the published shape (issue 24), for the dashboard's,
// the tray's and the records' tests: two pending cases, a permit expiry the test chooses. Test data only.

import { AppStateSchema, CaseSnapshotSchema, STATE_VERSION, type AppState } from '../../shared/monitor/state';

export const PT_I821D = 'IOE0933012457';
export const PT_I765 = 'IOE0933012458';
export const PT_FILED = '2026-07-01';
export const PT_TODAY = '2026-12-08';

/** One office's answer as egov publishes it: the range high first, dates in words. */
export function publishedPayload(form: 'I-821D' | 'I-765', office: string, low: number, high: number, inquiry = 'June 1, 2026', publication = 'November 20, 2026') {
  const subtype = form === 'I-821D'
    ? { form_type: 'renewal', subtype_info_en: 'Renewal of DACA', subtype_info_es: 'Renovación de DACA' }
    : { form_type: 'c33', subtype_info_en: 'Based on a request for Deferred Action for Childhood Arrivals, (c)(33)' };
  return {
    data: {
      processing_time: {
        form_name: form,
        office_code: office,
        subtypes: [{ ...subtype, publication_date: publication, range: [{ value: high, unit: 'Months' }, { value: low, unit: 'Months' }], service_request_date: inquiry }],
      },
    },
  };
}

const snapshot = (form: 'I-821D' | 'I-765') =>
  CaseSnapshotSchema.parse({
    detail: { at: '2026-12-08T14:00:00.000Z', formType: form, submissionDate: PT_FILED, events: [], notices: [] },
    status: { at: '2026-12-08T14:00:00.000Z', title: 'Case Was Received', history: [], office: 'NEBRASKA SERVICE CENTER' },
  });

/**
 * Both cases received on PT_FILED at the Nebraska Service Center; each form's published range in months
 * (`null`: egov answered 204 for it). With `office` false the cases name no office (the widest range is taken).
 */
export function publishedTimesState(options: {
  permitExpiry: string;
  i821d: [number, number] | null;
  i765: [number, number] | null;
  office?: boolean;
  /** egov's `service_request_date` and `publication_date` as it writes them (defaults: June 1 and November 20, 2026). */
  inquiry?: string;
  publication?: string;
}): AppState {
  const stored = (form: 'I-821D' | 'I-765', range: [number, number] | null) => ({
    subtype: form === 'I-821D' ? { code: 'renewal', description: 'Renewal of DACA' } : { code: 'c33', description: 'Based on a request for Deferred Action for Childhood Arrivals, (c)(33)' },
    status: range === null ? 'not-published' : 'published',
    readAt: '2026-12-08T13:00:00.000Z',
    answers: range === null ? [] : [{ office: { code: 'NSC', description: 'Nebraska Service Center' }, payload: publishedPayload(form, 'NSC', range[0], range[1], options.inquiry, options.publication) }],
  });
  const state = AppStateSchema.parse({
    version: STATE_VERSION,
    cases: [
      { receipt: PT_I821D, formType: 'I-821D', addedAt: '2026-07-10T12:00:00.000Z' },
      { receipt: PT_I765, formType: 'I-765', addedAt: '2026-07-10T12:00:00.000Z' },
    ],
    snapshots: { [PT_I821D]: snapshot('I-821D'), [PT_I765]: snapshot('I-765') },
    settings: { permitExpiry: options.permitExpiry },
    processingTimes: { byForm: { 'I-821D': stored('I-821D', options.i821d), 'I-765': stored('I-765', options.i765) } },
  });
  if (options.office === false) for (const one of Object.values(state.snapshots)) if (one.status) delete one.status.office;
  return state;
}
