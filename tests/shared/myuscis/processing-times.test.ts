// USCIS's published processing times read leniently: the documented shape, ranges in any unit and order, payloads
// with parts missing (an "unusable" answer, never a throw), dates in several formats, the discovery lists, and the
// choice of the DACA subtype (by its description) and of one office's figure.

import { describe, expect, it } from 'vitest';
import {
  AVERAGE_DAYS_PER_MONTH,
  chooseFigure,
  chooseStoredFigure,
  chooseSubtype,
  readFormOffices,
  readFormSubtypes,
  readProcessingTimes,
  readPublishedDay,
  type PublishedFigure,
} from '../../../shared/myuscis/processing-times';

type Range = Array<{ value: unknown; unit: unknown }>;

/** A payload in the shape MYUSCIS.md records (several scrapers read it), with one subtype unless given more. */
function payload(subtypes: Array<Record<string, unknown>>, time: Record<string, unknown> = {}) {
  return { data: { processing_time: { form_name: 'I-765', office_code: 'NSC', form_note_en: 'Note', form_note_es: 'Nota', subtypes, ...time } } };
}
function subtype(range: Range, changes: Record<string, unknown> = {}) {
  return {
    form_type: 'X-17',
    publication_date: 'October 3, 2026',
    range,
    service_request_date: 'January 15, 2026',
    subtype_info_en: 'Based on a request by a qualified DACA recipient (c)(33)',
    subtype_info_es: 'Basado en una solicitud de un beneficiario de DACA (c)(33)',
    subtype_note_en: '',
    subtype_note_es: '',
    ...changes,
  };
}
const MONTHS_5_TO_3_5: Range = [{ value: 5, unit: 'Months' }, { value: 3.5, unit: 'Months' }];

function onlyFigure(raw: unknown): PublishedFigure {
  const reading = readProcessingTimes(raw);
  if (reading.kind !== 'published') throw new Error(`not published: ${reading.problem}`);
  expect(reading.figures).toHaveLength(1);
  return reading.figures[0]!;
}

describe('the published payload', () => {
  it('reads range[0] as the upper end and range[1] as the lower, with its dates as days and its texts as given', () => {
    const figure = onlyFigure(payload([subtype(MONTHS_5_TO_3_5)]));
    expect(figure).toEqual({
      form: 'I-765',
      subtype: 'X-17',
      subtypeText: { en: 'Based on a request by a qualified DACA recipient (c)(33)', es: 'Basado en una solicitud de un beneficiario de DACA (c)(33)' },
      office: 'NSC',
      low: 3.5,
      high: 5,
      unit: 'months',
      given: { low: { value: 3.5, unit: 'months' }, high: { value: 5, unit: 'months' } },
      swapped: false,
      publicationDate: '2026-10-03',
      publicationDateText: 'October 3, 2026',
      inquiryReceivedBefore: '2026-01-15',
      inquiryText: 'January 15, 2026',
      note: null,
    });
  });

  it('reads a lower end given first (low and high swapped) the right way round, and says it was swapped', () => {
    const figure = onlyFigure(payload([subtype([{ value: 3.5, unit: 'Months' }, { value: 5, unit: 'Months' }])]));
    expect(figure).toMatchObject({ low: 3.5, high: 5, swapped: true, given: { low: { value: 3.5 }, high: { value: 5 } } });
  });

  it.each([
    ['Weeks', 'weeks', 7],
    ['WEEK', 'weeks', 7],
    ['days', 'days', 1],
    ['Day', 'days', 1],
    ['month', 'months', null],
  ] as const)('reads the unit %s (any case, singular or plural) and gives months by the average month', (unit, read, daysEach) => {
    const figure = onlyFigure(payload([subtype([{ value: 16, unit }, { value: 12, unit }])]));
    expect(figure.given).toEqual({ low: { value: 12, unit: read }, high: { value: 16, unit: read } });
    const inMonths = (value: number) => (daysEach === null ? value : (value * daysEach) / AVERAGE_DAYS_PER_MONTH);
    expect(figure.high).toBeCloseTo(inMonths(16), 2);
    expect(figure.low).toBeCloseTo(inMonths(12), 2);
    expect(figure.unit).toBe('months');
  });

  it('the average month is the Gregorian year’s twelfth', () => {
    // 400 Gregorian years have 146,097 days.
    expect(AVERAGE_DAYS_PER_MONTH * 12 * 400).toBeCloseTo(146_097, 6);
  });

  it('reads a range whose ends come in different units by their lengths', () => {
    const figure = onlyFigure(payload([subtype([{ value: 10, unit: 'Weeks' }, { value: 3, unit: 'Months' }])]));
    // 3 months (about 91.3 days) is longer than 10 weeks (70 days): USCIS's order was low first.
    expect(figure).toMatchObject({ swapped: true, given: { low: { value: 10, unit: 'weeks' }, high: { value: 3, unit: 'months' } } });
  });

  it('accepts numbers sent as text and codes sent as numbers, and lets unknown fields through', () => {
    const figure = onlyFigure(payload([{ ...subtype([{ value: '13.5', unit: 'Months' }, { value: ' 7 ', unit: 'Months' }]), form_type: 147, a_new_field: { x: 1 } }], { office_code: 501, extra: true }));
    expect(figure).toMatchObject({ low: 7, high: 13.5, subtype: '147', office: '501' });
  });

  it.each([
    ['no payload at all', null, 'no-processing-time'],
    ['a string', 'Forbidden', 'no-processing-time'],
    ['an empty data', { data: {} }, 'no-processing-time'],
    ['no subtypes', payload([]), 'no-subtypes'],
    ['subtypes not a list', payload([], { subtypes: 'none' }), 'no-subtypes'],
    ['no range', payload([subtype([], { range: undefined })]), 'no-range'],
    ['an empty range', payload([subtype([])]), 'no-range'],
    ['a single-element range', payload([subtype([{ value: 5, unit: 'Months' }])]), 'single-value'],
    ['a value that is not a number', payload([subtype([{ value: 'N/A', unit: 'Months' }, { value: 3, unit: 'Months' }])]), 'not-a-number'],
    ['a NaN value', payload([subtype([{ value: Number.NaN, unit: 'Months' }, { value: 3, unit: 'Months' }])]), 'not-a-number'],
    ['a negative value', payload([subtype([{ value: 5, unit: 'Months' }, { value: -1, unit: 'Months' }])]), 'not-a-number'],
    ['an unknown unit', payload([subtype([{ value: 1, unit: 'Years' }, { value: 0.5, unit: 'Years' }])]), 'unknown-unit'],
    ['a missing unit', payload([subtype([{ value: 5 }, { value: 3 }] as Range)]), 'unknown-unit'],
    ['a range of 0 to 0', payload([subtype([{ value: 0, unit: 'Months' }, { value: 0, unit: 'Months' }])]), 'zero-range'],
  ])('%s: an unusable reading that says why, never a throw', (_name, raw, reason) => {
    const reading = readProcessingTimes(raw);
    expect(reading).toMatchObject({ kind: 'unusable', reason });
    if (reading.kind === 'unusable') expect(reading.problem.length).toBeGreaterThan(10);
  });

  it('one unusable subtype does not hide the others; it is listed with why', () => {
    const reading = readProcessingTimes(payload([subtype([{ value: 5, unit: 'Months' }], { form_type: 'A' }), null as unknown as Record<string, unknown>, subtype(MONTHS_5_TO_3_5, { form_type: 'B' })]));
    expect(reading.kind).toBe('published');
    if (reading.kind !== 'published') return;
    expect(reading.figures.map((figure) => figure.subtype)).toEqual(['B']);
    expect(reading.unusable.map((entry) => [entry.subtype, entry.reason])).toEqual([['A', 'single-value'], [null, 'no-range']]);
  });

  it('keeps a date it cannot read as USCIS wrote it, and a missing one as null', () => {
    const figure = onlyFigure(payload([subtype(MONTHS_5_TO_3_5, { service_request_date: 'Pending review', publication_date: undefined })]));
    expect(figure).toMatchObject({ inquiryReceivedBefore: null, inquiryText: 'Pending review', publicationDate: null, publicationDateText: null });
  });

  it('fills the form and office from the request when the payload leaves them out', () => {
    const reading = readProcessingTimes(payload([subtype(MONTHS_5_TO_3_5)], { form_name: undefined, office_code: '' }), { form: 'I-821D', office: 'SSO' });
    expect(reading).toMatchObject({ kind: 'published', form: 'I-821D', office: 'SSO', figures: [{ form: 'I-821D', office: 'SSO' }] });
  });
});

describe('published days, read leniently', () => {
  it.each([
    'January 15, 2026',
    'Jan 15, 2026',
    'Jan. 15, 2026',
    'january 15 2026',
    '15 January 2026',
    '15-Jan-2026',
    '2026-01-15',
    '2026-01-15T00:00:00.000Z',
    '01/15/2026',
    '1/15/2026',
    '01-15-2026',
    '  January  15, 2026 ',
  ])('%s is January 15, 2026', (raw) => {
    expect(readPublishedDay(raw)).toBe('2026-01-15');
  });

  it('reads Sept and September alike', () => {
    expect(readPublishedDay('Sept. 3, 2026')).toBe('2026-09-03');
    expect(readPublishedDay('September 3, 2026')).toBe('2026-09-03');
  });

  it.each(['February 30, 2026', '13/01/2026', 'Octember 3, 2026', 'soon', '', '2026', 'N/A'])('%s is not a day', (raw) => {
    expect(readPublishedDay(raw)).toBeNull();
  });

  it('is null for what is not text', () => {
    expect(readPublishedDay(20260115)).toBeNull();
    expect(readPublishedDay(null)).toBeNull();
  });
});

describe('the discovery lists', () => {
  it('reads the offices in the shape one scraper shows', () => {
    const offices = readFormOffices({ data: { form_offices: { offices: [{ office_code: 'NSC', office_description: 'Nebraska Service Center' }, { office_code: 'PSC', office_description: 'Potomac Service Center', more: 1 }] } } });
    expect(offices).toEqual([
      { code: 'NSC', description: 'Nebraska Service Center', descriptionEs: null },
      { code: 'PSC', description: 'Potomac Service Center', descriptionEs: null },
    ]);
  });

  it.each([
    ['data.form_types.subtypes', { data: { form_types: { subtypes: [{ form_type: 'A1', form_type_description_en: 'Deferred Action for Childhood Arrivals (c)(33)', form_type_description_es: 'DACA (c)(33)' }] } } }],
    ['data.form_types as a list', { data: { form_types: [{ form_type: 'A1', form_type_description_en: 'Deferred Action for Childhood Arrivals (c)(33)', form_type_description_es: 'DACA (c)(33)' }] } }],
    ['another wrapper', { data: { something_new: { items: [{ form_type: 'A1', form_type_description_en: 'Deferred Action for Childhood Arrivals (c)(33)', form_type_description_es: 'DACA (c)(33)' }] } } }],
  ])('reads the subtypes under %s (the shape is unconfirmed)', (_where, raw) => {
    expect(readFormSubtypes(raw)).toEqual([{ code: 'A1', description: 'Deferred Action for Childhood Arrivals (c)(33)', descriptionEs: 'DACA (c)(33)' }]);
  });

  it('drops entries without a code and answers an empty list for anything else', () => {
    expect(readFormSubtypes({ data: { form_types: { subtypes: [{ form_type_description_en: 'no code' }, null, 'x'] } } })).toEqual([]);
    expect(readFormOffices(null)).toEqual([]);
    expect(readFormOffices('<html>blocked</html>')).toEqual([]);
  });
});

describe('choosing the subtype and the office', () => {
  const I765_SUBTYPES = readFormSubtypes({
    data: {
      form_types: {
        subtypes: [
          { form_type: 'Q-1', form_type_description_en: 'Based on a pending asylum application (c)(8)' },
          { form_type: 'Q-2', form_type_description_en: 'Based on a request by a qualified Deferred Action for Childhood Arrivals recipient (c)(33)' },
          { form_type: 'Q-3', form_type_description_en: 'All other applications for employment authorization' },
        ],
      },
    },
  });

  it('finds the I-765’s (c)(33) subtype by its description, whatever its code or place in the list', () => {
    expect(chooseSubtype('I-765', I765_SUBTYPES)).toMatchObject({ code: 'Q-2', basis: 'description' });
    expect(chooseSubtype('I-765', [...I765_SUBTYPES].reverse())).toMatchObject({ code: 'Q-2' });
    const renamed = I765_SUBTYPES.map((option) => ({ ...option, code: `${option.code}-new` }));
    expect(chooseSubtype('I-765', renamed)).toMatchObject({ code: 'Q-2-new' });
  });

  it('finds it by "(c)(33)" alone, or by "Deferred Action for Childhood Arrivals" alone', () => {
    expect(chooseSubtype('I-765', [{ code: 'Z', description: 'Category (C) (33)', descriptionEs: null }])).toMatchObject({ code: 'Z' });
    expect(chooseSubtype('I-765', [{ code: 'Y', description: 'Deferred Action for Childhood Arrivals', descriptionEs: null }])).toMatchObject({ code: 'Y' });
  });

  it('prefers the subtype naming the (c)(33) category over one naming DACA only', () => {
    const options = [
      { code: 'D', description: 'Renewal of DACA-related work authorization (other)', descriptionEs: null },
      { code: 'C', description: 'Category (c)(33)', descriptionEs: null },
    ];
    expect(chooseSubtype('I-765', options)).toMatchObject({ code: 'C' });
  });

  it('never takes an I-765 subtype that does not say DACA, even the only one', () => {
    expect(chooseSubtype('I-765', I765_SUBTYPES.filter((option) => option.code !== 'Q-2'))).toBeNull();
    expect(chooseSubtype('I-765', [{ code: 'Q-1', description: 'Based on a pending asylum application (c)(8)', descriptionEs: null }])).toBeNull();
  });

  it('for the I-821D takes the DACA renewal’s subtype, or the only one listed', () => {
    const options = [
      { code: 'I1', description: 'Initial request for DACA', descriptionEs: null },
      { code: 'R1', description: 'Renewal request for DACA', descriptionEs: null },
    ];
    expect(chooseSubtype('I-821D', options)).toMatchObject({ code: 'R1', basis: 'description' });
    expect(chooseSubtype('I-821D', [{ code: 'ONLY', description: 'Consideration', descriptionEs: null }])).toMatchObject({ code: 'ONLY', basis: 'only-one' });
    expect(chooseSubtype('I-821D', [])).toBeNull();
  });

  const figureAt = (office: string, range: Range) => onlyFigure(payload([subtype(range)], { office_code: office }));
  const FIGURES = [
    figureAt('NSC', [{ value: 5, unit: 'Months' }, { value: 3.5, unit: 'Months' }]),
    figureAt('TSC', [{ value: 9, unit: 'Months' }, { value: 4, unit: 'Months' }]),
    figureAt('PSC', [{ value: 30, unit: 'Weeks' }, { value: 10, unit: 'Weeks' }]),
  ];

  it('takes the case’s own office when both the case and a figure name it (any case)', () => {
    expect(chooseFigure(FIGURES, 'nsc')).toEqual({ figure: FIGURES[0], basis: 'own-office' });
    expect(chooseFigure(FIGURES, ['NEBRASKA SERVICE CENTER', 'PSC'])).toEqual({ figure: FIGURES[2], basis: 'own-office' });
  });

  it('otherwise the widest range (the one reaching furthest), and says so', () => {
    expect(chooseFigure(FIGURES, 'VSC')).toEqual({ figure: FIGURES[1], basis: 'widest-range' });
    expect(chooseFigure(FIGURES, null)).toEqual({ figure: FIGURES[1], basis: 'widest-range' });
    expect(chooseFigure([...FIGURES].reverse())).toEqual({ figure: FIGURES[1], basis: 'widest-range' });
  });

  it('on equal upper ends, the one with the lower low end; nothing to choose from, null', () => {
    const low3 = figureAt('A', [{ value: 9, unit: 'Months' }, { value: 3, unit: 'Months' }]);
    expect(chooseFigure([FIGURES[1]!, low3])).toEqual({ figure: low3, basis: 'widest-range' });
    expect(chooseFigure([], 'NSC')).toBeNull();
  });
});

describe('the figure from what the engine stored', () => {
  const OTHER = { form_type: 'C8', subtype_info_en: 'Based on a pending asylum application (c)(8)', range: [{ value: 2, unit: 'Months' }, { value: 1, unit: 'Months' }], publication_date: 'October 3, 2026' };
  const answer = (code: string, description: string, range: Range, form_type = 'X-17') => ({
    office: { code, description },
    payload: payload([OTHER, subtype(range, { form_type })], { office_code: code }),
  });
  const STORED = {
    subtype: { code: 'X-17', description: 'Based on a request by a qualified DACA recipient (c)(33)' },
    answers: [
      answer('NSC', 'Nebraska Service Center', [{ value: 5, unit: 'Months' }, { value: 3.5, unit: 'Months' }]),
      answer('PSC', 'Potomac Service Center', [{ value: 9, unit: 'Months' }, { value: 4, unit: 'Months' }]),
      { office: { code: 'TSC', description: 'Texas Service Center' }, payload: null },
    ],
  };

  it('keeps the stored subtype’s figure and takes the case’s own office, named by code or as myUSCIS writes it', () => {
    expect(chooseStoredFigure('I-765', STORED, 'NEBRASKA SERVICE CENTER')).toMatchObject({ basis: 'own-office', figure: { office: 'NSC', subtype: 'X-17', high: 5 } });
    expect(chooseStoredFigure('I-765', STORED, 'psc')).toMatchObject({ basis: 'own-office', figure: { office: 'PSC', high: 9 } });
  });

  it('otherwise the widest range; an office whose answer is unusable is left out', () => {
    expect(chooseStoredFigure('I-765', STORED, 'Texas Service Center')).toMatchObject({ basis: 'widest-range', figure: { office: 'PSC', low: 4, high: 9 } });
    expect(chooseStoredFigure('I-765', STORED)).toMatchObject({ basis: 'widest-range', figure: { office: 'PSC' } });
  });

  it('when the stored code matches no figure, the subtype whose own text names DACA; nothing usable, null', () => {
    const renamed = { ...STORED, subtype: { code: 'GONE', description: '' } };
    expect(chooseStoredFigure('I-765', renamed, 'NSC')).toMatchObject({ basis: 'own-office', figure: { subtype: 'X-17' } });
    // A payload's only figure serves the I-821D, never the I-765 when it is another category's.
    expect(chooseStoredFigure('I-821D', { subtype: null, answers: [{ office: { code: 'NSC', description: '' }, payload: payload([OTHER]) }] })).toMatchObject({ figure: { subtype: 'C8' } });
    expect(chooseStoredFigure('I-765', { subtype: null, answers: [{ office: { code: 'NSC', description: '' }, payload: payload([OTHER]) }] })).toBeNull();
    expect(chooseStoredFigure('I-765', { subtype: null, answers: [{ office: { code: 'NSC', description: '' }, payload: payload([OTHER, { ...OTHER, form_type: 'C9' }]) }] })).toBeNull();
    expect(chooseStoredFigure('I-765', { subtype: null, answers: [] })).toBeNull();
  });
});
