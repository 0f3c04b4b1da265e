// The snapshot converter: every simulator scenario phase, stored the way the engine stores it and read back,
// gives the knowledge base the same verdict and titles as the case read live; then the parts a snapshot lacks.

import { describe, expect, it } from 'vitest';
import { detectCaseFindings } from '../../../engine/detect';
import { mergeReading } from '../../../shared/monitor/merge-reading';
import { readCase } from '../../../shared/knowledge/case-reading';
import { pairVerdict, type CaseView } from '../../../shared/knowledge/daca-pair';
import { learnTitles } from '../../../shared/knowledge/learned-titles';
import { linksInText, snapshotView } from '../../../shared/knowledge/snapshot-view';
import { isApprovedStage } from '../../../shared/knowledge/stages';
import { CaseSnapshotSchema } from '../../../shared/monitor/state';
import { SCENARIOS } from '../../../simulator/scenarios';
import { phaseViews } from '../../../simulator/scenario-views';

/** What the engine would have stored after reading `view` in one check. */
function stored(view: CaseView): CaseView {
  return snapshotView(mergeReading(null, { at: Date.UTC(2026, 5, 1), ...view }));
}

const PHASES = [...SCENARIOS.values()].flatMap((scenario) =>
  phaseViews(scenario).map((phase) => ({ name: `${scenario.name} / ${phase.phase}`, ...phase })));

describe('snapshotView', () => {
  it('covers every phase of every scenario', () => {
    expect(PHASES.length).toBeGreaterThan(40);
  });

  it.each(PHASES)('$name: the verdict read from the snapshots is the verdict read live', ({ i821d, i765, today }) => {
    const options = { permitExpiry: '2026-09-30' };
    expect(pairVerdict(stored(i821d), stored(i765), today, options)).toEqual(pairVerdict(i821d, i765, today, options));
  });

  it.each(PHASES)('$name: titles, office, history, documents and status links come back', ({ i821d, i765 }) => {
    for (const live of [i821d, i765]) {
      const back = stored(live);
      expect(back.detail?.formType).toBe(live.detail?.formType);
      expect(back.detail?.submissionDate).toBe(live.detail?.submissionDate);
      expect(back.status?.statusTitleSpanish).toBe(live.status?.statusTitleSpanish);
      expect(back.status?.jurisdictionDescription).toBe(live.status?.jurisdictionDescription);
      expect(back.status?.statusTextPlain?.text).toBe(live.status?.statusTextPlain?.text);
      expect(back.status?.statusTextSpanishPlain?.links.map((link) => link.safeUrl))
        .toEqual(live.status?.statusTextSpanishPlain?.links.map((link) => link.safeUrl));
      // Stored oldest first, whatever order USCIS listed them in.
      const byDate = (documents: CaseView['documents']) => documents && [...documents].sort((a, b) => (a.createDate ?? '').localeCompare(b.createDate ?? ''));
      expect(back.documents).toEqual(byDate(live.documents));
      if (live.status) expect(learnTitles(back.status!, {})).toEqual(learnTitles(live.status, {}));
    }
  });

  it('leaves a part never read absent (unknown), and keeps an empty documents list empty', () => {
    expect(snapshotView(CaseSnapshotSchema.parse({}))).toEqual({});
    const view = snapshotView(CaseSnapshotSchema.parse({ documents: { at: '2026-06-01T00:00:00.000Z', items: [] } }));
    expect(view).toEqual({ documents: [] });
  });

  it('reads the stored status fields back under the names of the status endpoint', () => {
    const view = snapshotView(CaseSnapshotSchema.parse({
      status: {
        at: '2026-06-01T00:00:00.000Z',
        code: 'FTA0',
        date: '2026-06-01T10:00:00.000Z',
        title: 'Case Is Being Actively Reviewed By USCIS',
        office: 'NEBRASKA SERVICE CENTER',
        history: [{ date: '2026-05-29T00:00:00.000Z', code: 'IAF', title: 'Case Was Received', titleSpanish: 'Caso Fue Recibido' }],
      },
    }));
    expect(view.status).toMatchObject({
      currentActionCode: 'FTA0',
      currentActionCodeDate: '2026-06-01T10:00:00.000Z',
      statusTitle: 'Case Is Being Actively Reviewed By USCIS',
      jurisdictionDescription: 'NEBRASKA SERVICE CENTER',
      statusTextPlain: undefined,
      historicalCaseStatuses: [{ date: '2026-05-29T00:00:00.000Z', actionCode: 'IAF', statusTitle: 'Case Was Received', statusTitleSpanish: 'Caso Fue Recibido' }],
    });
  });
});

describe('linksInText', () => {
  it('reads web addresses back as links, without the sentence punctuation after them', () => {
    expect(linksInText('Contact us at www.uscis.gov/contactcenter. Or https://www.uscis.gov/es, thanks')).toEqual([
      { text: 'www.uscis.gov/contactcenter', href: 'www.uscis.gov/contactcenter', safeUrl: 'https://www.uscis.gov/contactcenter' },
      { text: 'https://www.uscis.gov/es', href: 'https://www.uscis.gov/es', safeUrl: 'https://www.uscis.gov/es' },
    ]);
  });

  it('offers no safe URL for plain http or an address with credentials', () => {
    expect(linksInText('http://example.com/a and https://user@www.uscis.gov/b').map((link) => link.safeUrl)).toEqual([null, null]);
  });

  it('finds nothing in text without addresses', () => {
    expect(linksInText('Case Was Received. uscis dot gov')).toEqual([]);
  });
});

describe('one reader for the engine and the dashboard', () => {
  const APPROVALS = new Set(['approved', 'silent-approval', 'card-produced', 'card-mailed', 'card-delivered']);
  const CASES = PHASES.flatMap(({ name, i821d, i765 }) => [
    { name: `${name} / I-821D`, form: 'I-821D' as const, live: i821d },
    { name: `${name} / I-765`, form: 'I-765' as const, live: i765 },
  ]);

  it('meets decisions of every kind along the way (the agreement below is not vacuous)', () => {
    const stages = new Set(CASES.map(({ form, live }) => readCase(form, snapshotView(mergeReading(null, { at: Date.UTC(2026, 5, 1), ...live })), {}).stage));
    expect([...stages]).toEqual(expect.arrayContaining(['approved', 'denied', 'evidence-request', 'card-delivered']));
  });

  it.each(CASES)('$name: what the engine finds in a stored snapshot is what the dashboard reads from it', ({ form, live }) => {
    const snapshot = CaseSnapshotSchema.parse(JSON.parse(JSON.stringify(mergeReading(null, { at: Date.UTC(2026, 5, 1), ...live }))));
    const types = new Set(detectCaseFindings(null, snapshot, { receipt: 'IOE0933012457', formType: form, now: Date.UTC(2026, 5, 1), learned: {} }).map((f) => f.type));
    const dashboard = readCase(form, snapshotView(snapshot), {});
    expect(types.has('denied')).toBe(dashboard.stage === 'denied');
    expect([...types].some((type) => APPROVALS.has(type))).toBe(dashboard.stage !== 'unknown' && dashboard.stage !== 'denied' && isApprovedStage(dashboard.stage));
    expect(types.has('rfe')).toBe(dashboard.rfe === 'open');
  });
});
