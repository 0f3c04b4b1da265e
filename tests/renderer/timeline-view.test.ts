// The timeline's data: items from events, statuses, documents, notices and decisions, re-emitted events folded,
// points spaced for the drawn width, the 105/120-day and expiry marks, and a year of history drawn quickly.

import { describe, expect, it } from 'vitest';
import { pendingSince, permitOutlook } from '../../shared/knowledge/daca-timing';
import { FindingSchema, type Finding } from '../../shared/monitor/findings';
import { LIMITS } from '../../shared/limits';
import { CaseSnapshotSchema, type CaseSnapshot } from '../../shared/monitor/state';
import { learnedOf, watchedCases } from '../../renderer/lib/pair-view.svelte';
import { timelineOf, type TimelineInput } from '../../renderer/lib/timeline-view.svelte';
import { exampleDashboardState } from '../helpers/example-dashboard-state';

const I821D = 'IOE0933012457';
const I765 = 'IOE0933012458';
const AT = '2026-06-02T15:00:00.000Z';

function lanes(snapshots: Record<string, CaseSnapshot>) {
  return watchedCases(exampleDashboardState({ snapshots }));
}

function input(changes: Partial<TimelineInput>): TimelineInput {
  return { lanes: [], history: [], learned: {}, today: '2026-06-10', lang: 'en', width: 1000, ...changes };
}

const withEvents = (events: Array<{ eventId: string; eventCode: string; eventTimestamp: string }>) =>
  CaseSnapshotSchema.parse({ detail: { at: AT, formType: 'I-821D', submissionDate: '2026-05-29', events, notices: [] } });

describe('timelineOf', () => {
  it('draws nothing for cases never read', () => {
    expect(timelineOf(input({ lanes: lanes({}) }))).toEqual({ points: [], milestones: [], marks: [], ticks: [], spans: [] });
  });

  it('folds a re-emitted event (new eventId, same code and time) and keeps a backdated one apart', () => {
    const snapshot = withEvents([
      { eventId: 'a', eventCode: 'IAF', eventTimestamp: '2026-05-29T13:00:00.000Z' },
      { eventId: 'b', eventCode: 'IAF', eventTimestamp: '2026-05-29T13:00:00.000Z' },
      { eventId: 'c', eventCode: 'IAF', eventTimestamp: '2026-05-29T09:00:00.000Z' },
    ]);
    const [point] = timelineOf(input({ lanes: lanes({ [I821D]: snapshot }) })).points;
    expect(point?.items.map(({ title, repeats, confidence }) => [title, repeats, confidence])).toEqual([
      ['Receipt emailed (IAF)', 1, 'community'],
      ['Receipt emailed (IAF)', 2, 'community'],
    ]);
  });

  it('tells each item with its confidence and tone, in the asked language', () => {
    const snapshots = {
      [I821D]: withEvents([
        { eventId: 'a', eventCode: 'FTA1', eventTimestamp: '2026-06-01T10:00:00.000Z' },
        { eventId: 'b', eventCode: 'ZZ99', eventTimestamp: '2026-06-01T11:00:00.000Z' },
      ]),
      [I765]: CaseSnapshotSchema.parse({
        status: { at: AT, title: 'Case Was Approved', titleSpanish: 'Caso Fue Aprobado', date: '2026-06-02T00:00:00.000Z', history: [] },
        documents: { at: AT, items: [{ type: 'I-765 C33 Standalone Approval', sourceType: 'USCIS Generated', createDate: '2026-06-01T10:00:00.000Z' }] },
      }),
    };
    const { points } = timelineOf(input({ lanes: lanes(snapshots), lang: 'es' }));
    const items = points.flatMap((point) => point.items.map((item) => [point.lane, item.title, item.confidence, item.tone]));
    expect(items).toEqual(expect.arrayContaining([
      [0, 'Revisión adicional (FTA1)', 'disputed', 'plain'],
      [0, 'Código desconocido (ZZ99)', 'unknown', 'plain'],
      [1, 'I-765 C33 Standalone Approval', 'official', 'good'],
      [1, 'Caso Fue Aprobado', 'official', 'good'],
    ]));
    expect(points.find((point) => point.lane === 1)?.tone).toBe('good');
  });

  it('folds the event behind a status into the status, titled with its code', () => {
    const snapshot = CaseSnapshotSchema.parse({
      detail: { at: AT, formType: 'I-765', events: [{ eventId: 'a', eventCode: 'LEA', eventTimestamp: '2026-06-02T09:00:00.000Z' }], notices: [] },
      status: { at: AT, code: 'LEA', title: 'Card Was Mailed To Me', date: '2026-06-02T09:00:00.000Z', history: [] },
    });
    const [point] = timelineOf(input({ lanes: lanes({ [I765]: snapshot }) })).points;
    expect(point?.items.map(({ title, repeats, confidence, tone }) => [title, repeats, confidence, tone])).toEqual([
      ['Card Was Mailed To Me (LEA)', 2, 'official', 'good'],
    ]);
  });

  describe('a code whose status entry the case’s history no longer lists', () => {
    /** The I-765 with the LDA and LED events; its status once listed both, now only the current LED one. */
    const permit = (history: Array<{ code: string; title: string; date: string }>) =>
      CaseSnapshotSchema.parse({
        detail: {
          at: AT,
          formType: 'I-765',
          events: [
            { eventId: 'a', eventCode: 'DA', eventTimestamp: '2026-06-01T14:00:00.000Z' },
            { eventId: 'b', eventCode: 'LDA', eventTimestamp: '2026-06-03T14:00:00.000Z' },
            { eventId: 'c', eventCode: 'LED', eventTimestamp: '2026-06-09T14:00:00.000Z' },
          ],
          notices: [],
        },
        status: { at: AT, code: 'LED', title: 'Card Was Delivered To Me By The Post Office', date: '2026-06-09T14:00:00.000Z', history },
      });
    /** The I-821D, whose own status shows DA with its title: a pairing the I-765 never showed. */
    const request = CaseSnapshotSchema.parse({
      detail: { at: AT, formType: 'I-821D', events: [], notices: [] },
      status: { at: AT, code: 'DA', title: 'Case Was Approved', date: '2026-06-01T14:00:00.000Z', history: [] },
    });
    const itemsOfPermit = (snapshot: CaseSnapshot, lang: 'en' | 'es' = 'en') => {
      const cases = lanes({ [I821D]: request, [I765]: snapshot });
      const learned = learnedOf(cases);
      return timelineOf(input({ lanes: cases, learned, lang }))
        .points.filter((point) => point.lane === 1)
        .flatMap((point) => point.items.map((item) => [item.title, item.confidence]));
    };

    it('says USCIS’s title (from USCIS) while the history lists it', () => {
      const listed = permit([
        { code: 'DA', title: 'Case Was Approved', date: '2026-06-01' },
        { code: 'LDA', title: 'Card Was Mailed To Me', date: '2026-06-03' },
      ]);
      expect(itemsOfPermit(listed)).toEqual(expect.arrayContaining([
        ['Case Was Approved (DA)', 'official'],
        ['Card Was Mailed To Me (LDA)', 'official'],
        ['Card Was Delivered To Me By The Post Office (LED)', 'official'],
      ]));
    });

    it.each(['en', 'es'] as const)('%s: labels a title learned from the other case or from the code table DACA Watch’s reading, not USCIS’s', (lang) => {
      const items = itemsOfPermit(permit([]), lang);
      const byCode = (code: string) => items.filter(([title]) => title!.endsWith(`(${code})`));
      // DA: the title the I-821D showed; LDA: the code table's. USCIS showed neither for this case any more.
      expect(byCode('DA')).toEqual([[expect.any(String), 'inferred']]);
      expect(byCode('LDA')).toEqual([[expect.any(String), 'inferred']]);
      // The current status still shows LED with its title on this case: USCIS's word.
      expect(byCode('LED').map(([, confidence]) => confidence)).toEqual(['official']);
      expect(items.filter(([, confidence]) => confidence === 'official').every(([title]) => title!.endsWith('(LED)'))).toBe(true);
    });
  });

  it('draws the conclusions DACA Watch drew, labelled as its reading, but not findings that restate a fact already drawn', () => {
    const history: Finding[] = [
      FindingSchema.parse({ key: 'k0', type: 'approved', receipt: I765, foundAt: AT, detail: { title: 'Case Was Approved', evidence: ['title'] } }),
      FindingSchema.parse({ key: 'k1', type: 'silent-approval', receipt: I765, foundAt: AT, happenedAt: '2026-06-01T10:00:00.000Z', detail: { evidence: ['document'] } }),
      FindingSchema.parse({ key: 'k2', type: 'new-document', receipt: I765, foundAt: AT, detail: { documentType: 'X', evidence: [] } }),
      FindingSchema.parse({ key: 'k3', type: 'i821d-approved-inferred', receipt: I821D, foundAt: AT, inferred: true, detail: { evidence: ['inference'] } }),
    ];
    const { points } = timelineOf(input({ lanes: lanes({}), history }));
    expect(points.flatMap((point) => point.items.map((item) => [point.lane, item.title, item.confidence]))).toEqual([
      [1, 'Approval before the status changed', 'inferred'],
      [0, 'DACA request approved (shown by the work permit)', 'inferred'],
    ]);
  });

  it('marks day 105, day 120 and today while undecided, and the permit expiry when it falls in view', () => {
    const snapshots = { [I821D]: withEvents([{ eventId: 'a', eventCode: 'IAF', eventTimestamp: '2026-05-29T13:00:00.000Z' }]) };
    const pending = pendingSince('2026-05-29', '2026-06-10', false);
    const permit = permitOutlook('2026-08-01', '2026-06-10', '2026-05-29', false);
    const { marks } = timelineOf(input({ lanes: lanes(snapshots), pending, permit }));
    expect(marks.map(({ kind }) => kind)).toEqual(['today', 'expiry', 'inquiry', 'goal']);
    expect(marks.at(-1)?.x).toBeGreaterThan(95);
    expect(marks.at(-1)?.x).toBeLessThan(100);
    const decided = timelineOf(input({ lanes: lanes(snapshots), pending: pendingSince('2026-05-29', '2026-06-10', true) }));
    expect(decided.marks.map(({ kind }) => kind)).toEqual(['today']);
  });

  it('merges nearby days into one point when the drawing is narrow, so dots never overlap', () => {
    const events = Array.from({ length: 60 }, (_, day) => ({
      eventId: `e${day}`,
      eventCode: 'FTA0',
      eventTimestamp: new Date(Date.UTC(2026, 4, 29 + day * 2)).toISOString(),
    }));
    const wide = timelineOf(input({ lanes: lanes({ [I821D]: withEvents(events) }), width: 4000, today: '2026-09-30' }));
    const narrow = timelineOf(input({ lanes: lanes({ [I821D]: withEvents(events) }), width: 320, today: '2026-09-30' }));
    expect(wide.points).toHaveLength(60);
    expect(narrow.points.length).toBeLessThan(20);
    const gaps = narrow.points.slice(1).map((point, index) => ((point.x - narrow.points[index]!.x) / 100) * 320);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(28);
    expect(narrow.points.reduce((sum, point) => sum + point.items.length, 0)).toBe(60);
    expect(narrow.points.every((point) => point.first <= point.last && point.x >= 0 && point.x <= 100)).toBe(true);
  });

  it('draws a year of history (400 findings, full event and document lists) quickly', () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
    const full = (formType: string) => CaseSnapshotSchema.parse({
      detail: {
        at: AT,
        formType,
        submissionDate: '2026-01-01',
        events: Array.from({ length: LIMITS.events }, (_, n) => ({ eventId: `e${n}`, eventCode: ['FTA0', 'H008', 'IAF', 'ZZ1'][n % 4], eventTimestamp: day(n) })),
        notices: [],
      },
      documents: { at: AT, items: Array.from({ length: LIMITS.documents }, (_, n) => ({ type: `Doc ${n}`, sourceType: 'USCIS Generated', createDate: day(n) })) },
      status: { at: AT, title: 'Case Was Received', date: day(0), history: [] },
    });
    const history = Array.from({ length: LIMITS.history }, (_, n) =>
      FindingSchema.parse({ key: `k${n}`, type: n % 2 ? 'silent-approval' : 'new-event', receipt: n % 3 ? I821D : I765, foundAt: day(n % 365), detail: { code: 'FTA0', evidence: ['code'] } }));
    const started = performance.now();
    const { points } = timelineOf(input({ lanes: lanes({ [I821D]: full('I-821D'), [I765]: full('I-765') }), history, width: 1280, today: '2026-12-31' }));
    expect(performance.now() - started).toBeLessThan(1000);
    // Two lanes of at most one dot per 28 px.
    expect(points.length).toBeGreaterThan(40);
    expect(points.length).toBeLessThanOrEqual(2 * Math.floor(1280 / 28));
  });
});

describe('badges and key days', () => {
  const receipt = CaseSnapshotSchema.parse({
    detail: {
      at: AT,
      formType: 'I-821D',
      submissionDate: '2026-05-29',
      events: [
        { eventId: 'r', eventCode: 'IAF', eventTimestamp: '2026-05-29T13:00:00.000Z' },
        { eventId: 'v', eventCode: 'FTA0', eventTimestamp: '2026-07-20T13:00:00.000Z' },
        { eventId: 'x', eventCode: 'ZZZ9', eventTimestamp: '2026-07-21T13:00:00.000Z' },
      ],
      notices: [],
    },
    documents: {
      at: AT,
      items: [
        { type: 'Other', sourceType: 'Applicant Provided', createDate: '2026-05-29T13:03:00.000+0000' },
        { type: 'I-821D Approval Notice', sourceType: 'USCIS Generated', createDate: '2026-08-01T10:00:00.000+0000' },
      ],
    },
  });

  it('labels an upload as the applicant’s, never as USCIS’s word', () => {
    const { points } = timelineOf(input({ lanes: lanes({ [I821D]: receipt }), today: '2026-08-02' }));
    const items = points.flatMap((point) => point.items);
    expect(items.find((item) => item.title === 'Other')?.confidence).toBe('upload');
    expect(items.find((item) => item.title === 'I-821D Approval Notice')?.confidence).toBe('official');
  });

  it('names each case’s first received, review and approval day, in time order, from sure readings only', () => {
    const { milestones } = timelineOf(input({ lanes: lanes({ [I821D]: receipt }), today: '2026-08-02' }));
    expect(milestones.map(({ kind, day, lane }) => [kind, day, lane])).toEqual([
      ['received', '2026-05-29', 0],
      ['review', '2026-07-20', 0],
      ['approval', '2026-08-01', 0],
    ]);
    expect(milestones.every((milestone) => milestone.x > 0 && milestone.x < 100)).toBe(true);
  });

  it('names a denial’s day and an evidence request’s day as key days', () => {
    const denied = CaseSnapshotSchema.parse({
      detail: {
        at: AT, formType: 'I-821D', submissionDate: '2026-05-29', notices: [],
        events: [
          { eventId: 'a', eventCode: 'IAF', eventTimestamp: '2026-05-29T13:00:00.000Z' },
          { eventId: 'b', eventCode: 'FTA0', eventTimestamp: '2026-07-20T14:00:00.000Z' },
        ],
      },
      status: {
        at: AT, code: 'EA', date: '2026-09-02T14:00:00.000Z', title: 'Case Was Denied',
        history: [
          { date: '2026-08-10T14:00:00.000Z', code: 'RFEI', title: 'Request for Additional Evidence Was Sent' },
          { date: '2026-09-02T14:00:00.000Z', code: 'EA', title: 'Case Was Denied' },
        ],
      },
    });
    const { milestones } = timelineOf(input({ lanes: lanes({ [I821D]: denied }), today: '2026-09-10' }));
    expect(milestones.map(({ kind, day }) => [kind, day])).toEqual([
      ['received', '2026-05-29'],
      ['review', '2026-07-20'],
      ['evidence', '2026-08-10'],
      ['denial', '2026-09-02'],
    ]);
  });
});
