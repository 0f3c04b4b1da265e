// What's new in words and the documents list: findings told with the knowledge base's words; documents with their
// source, a "new" mark from unseen findings, and unread lists kept apart from empty.

import { describe, expect, it } from 'vitest';
import { FindingSchema, type FindingInput } from '../../shared/monitor/findings';
import { CaseSnapshotSchema } from '../../shared/monitor/state';
import { newsEntries } from '../../shared/monitor/announcement';
import { documentRows, entrySummary, findingSummary, newestFoundAt } from '../../renderer/lib/news-view.svelte';
import { watchedCases } from '../../renderer/lib/pair-view.svelte';
import { exampleDashboardState } from '../helpers/example-dashboard-state';

const I821D = 'IOE0933012457';
const I765 = 'IOE0933012458';
const finding = (input: Partial<FindingInput> & Pick<FindingInput, 'type'>) =>
  FindingSchema.parse({ key: `${input.type}:${input.foundAt}`, receipt: I765, foundAt: '2026-06-01T00:00:00.000Z', ...input });

describe('newestFoundAt', () => {
  const history = ['2026-06-01T10:00:00.000Z', '2026-06-02T10:00:00.000Z', '2026-06-03T10:00:00.000Z']
    .map((foundAt) => finding({ type: 'new-event', foundAt }));

  it('marks as seen up to the newest finding', () => {
    expect(newestFoundAt(history)).toBe('2026-06-03T10:00:00.000Z');
    expect(newestFoundAt([])).toBeUndefined();
  });
});

describe('findingSummary', () => {
  it('names a decision other than approval by its outcome and says what it means and who helps, in both languages', () => {
    const ended = finding({ type: 'case-ended', detail: { title: 'Your Case Was Terminated (Denial)', code: 'H016', outcome: 'terminated', evidence: ['code', 'title'] } });
    const en = findingSummary(ended, 'en', {});
    expect(en.title).toBe('Terminated');
    expect(en.details.at(-1)).toMatch(/ends deferred action.*find-legal-services.*not legal advice/s);
    const es = findingSummary(ended, 'es', {});
    expect(es.title).toBe('Terminado');
    expect(es.details.at(-1)).toMatch(/pone fin a la acción diferida.*find-legal-services.*no asesoría legal/s);
    // An outcome this version does not know is still a decision, never an unknown step.
    expect(findingSummary(finding({ type: 'case-ended', detail: { outcome: 'reopened', evidence: [] } }), 'en', {}).title).toBe('Decided, not approved');
    expect(findingSummary(finding({ type: 'denied', detail: { title: 'Case Was Denied', evidence: [] } }), 'es', {}).details.at(-1)).toMatch(/la acción diferida no se renueva/);
  });

  it('tells a new document with its type and source', () => {
    const summary = findingSummary(finding({ type: 'new-document', detail: { documentType: 'Receipt Notice', source: 'uscis', evidence: [] } }), 'es', {});
    expect(summary).toEqual({ title: 'Documento nuevo en su cuenta', details: ['Receipt Notice · De USCIS'] });
  });

  it('tells a status change with USCIS\'s Spanish title and the one before', () => {
    const summary = findingSummary(finding({
      type: 'status-change',
      detail: { title: 'Case Was Approved', titleSpanish: 'Caso Fue Aprobado', previousTitle: 'Case Was Received', evidence: [] },
    }), 'es', {});
    expect(summary.details).toEqual(['Caso Fue Aprobado', 'Antes: Caso Fue Recibido']);
  });

  it('explains a code with the knowledge base (or what USCIS paired it with), and leaves what a decision rests on to the entry', () => {
    const event = finding({ type: 'new-event', detail: { code: 'FTA0', evidence: [] } });
    expect(findingSummary(event, 'en', {}).details).toEqual(['USCIS’s internal code FTA0 (background checks back; under review, as public trackers report it)']);
    expect(findingSummary(event, 'es', {}).details).toEqual(['El código interno de USCIS FTA0 (llegaron los resultados de antecedentes; caso en revisión, según los sitios de seguimiento)']);
    expect(findingSummary(event, 'en', { FTA0: { en: 'Case Is Being Actively Reviewed By USCIS' } }).details)
      .toEqual(['USCIS’s internal code FTA0 (shown by USCIS as “Case Is Being Actively Reviewed By USCIS”)']);
    const approval = finding({ type: 'silent-approval', detail: { documentType: 'I-765 C33 Standalone Approval', evidence: ['document', 'event'] } });
    expect(findingSummary(approval, 'en', {}).details).toEqual(['I-765 C33 Standalone Approval']);
  });
});

describe('documentRows', () => {
  const at = '2026-06-02T15:00:00.000Z';
  const state = exampleDashboardState({
    snapshots: {
      [I765]: CaseSnapshotSchema.parse({
        documents: {
          at,
          items: [
            { type: 'Other', sourceType: 'Applicant Provided', createDate: '2026-05-29T13:03:00.000Z' },
            { type: 'I-765 C33 Standalone Approval', sourceType: 'USCIS Generated', createDate: '2026-06-02T14:00:00.000Z' },
          ],
        },
      }),
    },
  });
  const cases = watchedCases(state);

  it('lists every document newest first, with its kind and source, and keeps an unread list apart', () => {
    const { rows, unread } = documentRows(cases, []);
    expect(rows.map(({ type, kind, source, form }) => [type, kind, source, form])).toEqual([
      ['I-765 C33 Standalone Approval', 'approval', 'uscis', 'I-765'],
      ['Other', 'applicant-upload', 'applicant', 'I-765'],
    ]);
    expect(rows.every((row) => !row.isNew)).toBe(true);
    expect(unread.map(({ receipt }) => receipt)).toEqual([I821D]);
  });

  it('marks a document new while a new-document finding for it is unseen', () => {
    const unseen = [finding({ type: 'new-document', happenedAt: '2026-06-02T14:00:00.000Z', detail: { documentType: 'I-765 C33 Standalone Approval', source: 'uscis', evidence: [] } })];
    expect(documentRows(cases, unseen).rows.map((row) => row.isNew)).toEqual([true, false]);
  });
});

describe('entrySummary', () => {
  const check = '2026-06-02T15:00:00.000Z';
  const approvalDocument = 'I-765 C33 Standalone Approval';

  it('ends an entry with no engineering line: what shows it is folded away, in plain words', () => {
    const silent = finding({ key: 'a', type: 'silent-approval', foundAt: check, detail: { documentType: approvalDocument, evidence: ['document', 'event'] } });
    const document = finding({ key: 'd', type: 'new-document', foundAt: check, detail: { documentType: approvalDocument, source: 'uscis', evidence: [] } });
    const [entry] = newsEntries([silent, document]);
    const en = entrySummary(entry!, 'en', {});
    expect(en.title).toBe('Approval before the status changed');
    expect(en.details.join(' ')).not.toMatch(/rests on|event code|status code/i);
    expect(en.evidence[0]).toBe('Shown by a new document in your account and a step USCIS recorded on the case.');
    expect(en.evidence[1]).toContain('New document in your account');
    const es = entrySummary(entry!, 'es', {});
    expect(es.evidence[0]).toBe('Lo muestra un documento nuevo en su cuenta y un paso que USCIS registró en el caso.');
  });
});
