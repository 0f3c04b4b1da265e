// The published figure for each form from the engine's stored egov answers: the case's own office when myUSCIS names
// it, else the widest range (said so), and nothing for a form egov published nothing for.

import { describe, expect, it } from 'vitest';
import { storedFigures, publishedFigures } from '../../../shared/knowledge/stored-figures';
import { AppStateSchema, CaseSnapshotSchema, STATE_VERSION } from '../../../shared/monitor/state';

const I765 = 'IOE0912345678';
const payload = (office: string, low: number, high: number) => ({
  data: {
    processing_time: {
      form_name: 'I-765',
      office_code: office,
      subtypes: [
        { form_type: 'zz-9', publication_date: 'October 3, 2026', range: [{ value: high, unit: 'Months' }, { value: low, unit: 'Months' }], service_request_date: 'March 1, 2026', subtype_info_en: 'Based on a request for Deferred Action for Childhood Arrivals, (c)(33)' },
        { form_type: 'other', publication_date: 'October 3, 2026', range: [{ value: 20, unit: 'Months' }, { value: 10, unit: 'Months' }], subtype_info_en: 'Based on a pending asylum application, (c)(8)' },
      ],
    },
  },
});

function state(office: string | undefined, status: 'published' | 'not-published' = 'published') {
  return AppStateSchema.parse({
    version: STATE_VERSION,
    cases: [{ receipt: I765, formType: 'I-765', addedAt: '2026-11-01T12:00:00.000Z' }],
    snapshots: {
      [I765]: CaseSnapshotSchema.parse({ status: { at: '2026-12-01T15:00:00.000Z', title: 'Case Was Received', history: [], ...(office === undefined ? {} : { office }) } }),
    },
    processingTimes: {
      byForm: {
        'I-765': {
          subtype: { code: 'zz-9', description: 'Based on a request for Deferred Action for Childhood Arrivals, (c)(33)' },
          status,
          readAt: '2026-12-01T16:00:00.000Z',
          answers: status === 'published'
            ? [
                { office: { code: 'QXN', description: 'Nebraska Service Center' }, payload: payload('QXN', 3, 5) },
                { office: { code: 'WPV', description: 'Potomac Service Center' }, payload: payload('WPV', 4, 7.5) },
              ]
            : [],
        },
      },
    },
  });
}

describe('the stored published figures', () => {
  it('takes the case’s own office when its myUSCIS status names it (by description, any case and spacing)', () => {
    const figure = storedFigures(state('NEBRASKA  service center'))['I-765'];
    expect(figure).toMatchObject({ basis: 'own-office', status: 'published', readAt: '2026-12-01T16:00:00.000Z' });
    expect(figure.figure).toMatchObject({ office: 'QXN', low: 3, high: 5 });
  });

  it('takes the widest range, and says so, when the case names no office', () => {
    const figure = storedFigures(state(undefined))['I-765'];
    expect(figure.basis).toBe('widest-range');
    expect(figure.figure).toMatchObject({ office: 'WPV', low: 4, high: 7.5 });
    // The (c)(33) subtype, never the other category's longer range.
    expect(figure.figure?.high).not.toBe(20);
  });

  it('has no figure for a form egov published nothing for, or never read', () => {
    const none = storedFigures(state(undefined, 'not-published'));
    expect(none['I-765']).toMatchObject({ figure: null, status: 'not-published' });
    expect(none['I-821D']).toMatchObject({ figure: null, status: 'not-read' });
    expect(publishedFigures(state(undefined, 'not-published'))).toEqual({ 'I-821D': null, 'I-765': null });
  });
});
