// Discovery's readers of egov's lists, against shapes other than the simulator's (the real wrappers and key names are
// unconfirmed): a form's subtypes found by their words, a subtype's offices, the case's office matched as people write it.

import { describe, expect, it } from 'vitest';
import { carriesPublishedTime, dacaSubtype, listedOffices, listedSubtypes, sameOffice } from '../../engine/processing-times-port';
import { sortAnswer } from '../../engine/processing-times';
import { AppStateSchema } from '../../shared/monitor/state';

describe('the subtypes a formtypes answer lists', () => {
  it('reads the codes under form_type or other names, and the words of any description field, whatever wraps them', () => {
    const shapes = [
      { data: { form_types: { subtypes: [{ form_type: 'A1', form_type_description_en: 'Initial DACA request' }, { form_type: 'B2', form_type_description_en: 'DACA renewal request' }] } } },
      { data: [{ subtype: 'A1', description: 'Initial DACA request' }, { subtype: 'B2', description: 'DACA renewal request' }] },
      { formTypes: { list: [{ code: 'A1', label_en: 'Initial DACA request' }, { code: 'B2', label_en: 'DACA renewal request', label_es: 'Renovación de DACA' }] } },
    ];
    for (const shape of shapes) {
      const subtypes = listedSubtypes(shape);
      expect(subtypes.map((s) => s.code)).toEqual(['A1', 'B2']);
      expect(dacaSubtype('I-821D', subtypes)?.code).toBe('B2');
    }
  });

  it('finds the I-765 (c)(33) category however it is written, and not another category that names DACA in passing', () => {
    const cases: Array<[string, string | null]> = [
      ['Based on Deferred Action for Childhood Arrivals (c)(33)', 'x'],
      ['Category C33 - DACA', 'x'],
      ['(c) (33) Deferred Action for Childhood Arrivals', 'x'],
      ['Deferred Action for Childhood Arrivals', 'x'],
      ['Based on a pending asylum application (c)(8)', null],
    ];
    for (const [words, expected] of cases) {
      const subtypes = [{ code: 'other', description: 'Based on a pending asylum application (c)(8)' }, ...(expected ? [{ code: expected, description: words }] : [])];
      expect(dacaSubtype('I-765', subtypes)?.code ?? null).toBe(expected);
    }
    expect(dacaSubtype('I-765', [{ code: 'z', description: 'Compelling circumstances (c)(35), not DACA' }])).toBeNull();
  });

  it('takes the I-821D\'s only subtype unless it is for initial requests, and none when nothing fits', () => {
    expect(dacaSubtype('I-821D', [{ code: 'only', description: 'Consideration of Deferred Action for Childhood Arrivals' }])?.code).toBe('only');
    expect(dacaSubtype('I-821D', [{ code: 'init', description: 'Initial requests' }])).toBeNull();
    expect(dacaSubtype('I-821D', listedSubtypes({ data: { form_types: { subtypes: [] } } }))).toBeNull();
  });
});

describe('the offices a formoffices answer lists', () => {
  it('reads office_code and office_description (or code and description), each office once', () => {
    const body = { data: { form_offices: { offices: [{ office_code: 'X9', office_description: 'Nebraska Service Center' }, { office_code: 'X9', office_description: 'Nebraska Service Center' }, { code: 'Y7', description: 'Potomac Service Center' }] } } };
    expect(listedOffices(body)).toEqual([
      { code: 'X9', description: 'Nebraska Service Center' },
      { code: 'Y7', description: 'Potomac Service Center' },
    ]);
    expect(listedOffices({ data: { form_offices: { offices: [] } } })).toEqual([]);
  });

  it('matches the office myUSCIS names by its words or its code, not by a part of them', () => {
    const office = { code: 'NSC', description: 'Nebraska Service Center' };
    expect(sameOffice(office, 'NEBRASKA SERVICE CENTER')).toBe(true);
    expect(sameOffice(office, 'nsc')).toBe(true);
    expect(sameOffice(office, 'NEBRASKA')).toBe(false);
    const [bilingual] = listedOffices({ offices: [{ office_code: 'Q1', office_description_en: 'Nebraska Service Center', office_description_es: 'Centro de Servicio de Nebraska' }] });
    expect(sameOffice(bilingual!, 'NEBRASKA SERVICE CENTER')).toBe(true);
    expect(sameOffice(bilingual!, 'CENTRO DE SERVICIO DE NEBRASKA')).toBe(true);
    expect(sameOffice(office, '')).toBe(false);
  });
});

describe('an egov answer sorted', () => {
  it('tells a block page from nothing published, an unknown path and a failure', () => {
    const answer = (status: number, body = '', headers: Record<string, string> = {}) => sortAnswer({ status, body, headers });
    expect(answer(204)).toEqual({ kind: 'no-content' });
    expect(answer(403, '<HTML><HEAD><TITLE>Access Denied</TITLE>')).toEqual({ kind: 'blocked' });
    expect(answer(200, '<html><head><title>Access Denied</title></head></html>')).toEqual({ kind: 'blocked' });
    expect(answer(404, '{}')).toEqual({ kind: 'not-found' });
    expect(answer(503, 'Service Unavailable')).toEqual({ kind: 'failed', reason: 'HTTP 503' });
    expect(answer(429, '{}', { 'retry-after': '7200' })).toEqual({ kind: 'failed', reason: 'HTTP 429', retryAfterMs: 7_200_000 });
    expect(answer(200, '<html>maintenance</html>')).toEqual({ kind: 'failed', reason: 'the answer is not JSON' });
    expect(answer(200, '{"data":{"processing_time":{}}}')).toEqual({ kind: 'json', body: { data: { processing_time: {} } } });
  });
});

describe('the stored field', () => {
  it('is filled in for a store written before it existed: nothing read yet', () => {
    const { processingTimes } = AppStateSchema.parse({ version: 2 });
    expect(processingTimes.fetchedAt).toBeNull();
    expect(processingTimes.byForm['I-765']).toMatchObject({ status: null, answers: [], subtype: null });
  });
});

describe('subtype words under unexpected names', () => {
  it('reads every text field but the code as the subtype\'s words', () => {
    const subtypes = listedSubtypes({ data: { types: [{ id: 7, form_type_en: 'Asylum (c)(8)' }, { id: 9, form_type_en: 'Deferred Action for Childhood Arrivals (c)(33)' }] } });
    expect(dacaSubtype('I-765', subtypes)).toEqual({ code: '9', description: 'Deferred Action for Childhood Arrivals (c)(33)' });
  });
});

describe('a processingtime answer with nothing in it', () => {
  it('counts as nothing published unless it carries a range or a list of subtypes', () => {
    expect(carriesPublishedTime({ data: null })).toBe(false);
    expect(carriesPublishedTime({ data: { processing_time: { subtypes: [] } } })).toBe(false);
    expect(carriesPublishedTime({ data: { processing_time: { subtypes: [{ range: [{ value: 5, unit: 'Months' }] }] } } })).toBe(true);
    expect(carriesPublishedTime({ range: [{ value: 20, unit: 'Weeks' }] })).toBe(true);
  });
});
