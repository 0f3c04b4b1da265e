// The printable record for a lawyer or a DACA clinic: the user's language, plain labels, local times with the zone,
// the verdict, both cases' full history sorted by time, what DACA Watch found, masking honoured, every value escaped.

import { describe, expect, it } from 'vitest';
import { printableRecord } from '../../app/printable-record';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { I765, I821D, silentApprovalState } from '../helpers/dashboard-state-samples';

const NOW = Date.parse('2026-08-12T15:20:00.000Z');

function record(language: 'en' | 'es', maskReceipts: boolean, changes: { snapshots?: Record<string, unknown> } = {}) {
  const state = silentApprovalState();
  return printableRecord({
    state: {
      cases: state.cases.map(({ receipt, formType, problem }) => ({ receipt, formType, problem, addedAt: '2026-05-29T13:00:00.000Z' })),
      snapshots: (changes.snapshots as typeof state.snapshots | undefined) ?? state.snapshots,
      history: state.history,
      settings: SettingsSchema.parse({ maskReceipts }),
    },
    now: NOW,
    language,
    timeZone: 'America/Chicago',
  });
}

describe('printableRecord', () => {
  it('is in Spanish with plain labels, the verdict and both cases, receipts masked when masking is on', () => {
    const page = record('es', true);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Registro de la renovación de DACA');
    expect(page).toContain('Apareció una aprobación antes de que cambiara el estatus');
    expect(page).toContain('Solicitud de DACA (Formulario I-821D)');
    expect(page).toContain('Permiso de trabajo (Formulario I-765)');
    expect(page).toContain('Aprobación antes del cambio de estatus (Interpretación de DACA Watch)');
    expect(page).toContain('Lo subió usted');
    expect(page).toContain('«Guardar como PDF»');
    for (const receipt of [I821D, I765]) expect(page).not.toContain(receipt);
    expect(page).toContain('IOE•••••2457');
    expect(page).not.toMatch(/silent-approval|i821d-approved-inferred|new-document/);
  });

  it('shows local times with the time zone, and full receipts when masking is off', () => {
    const page = record('en', false);
    // 14:10 UTC is 9:10 AM in Chicago (CDT).
    expect(page).toMatch(/Aug 12, 2026, 9:10\s?AM CDT/);
    expect(page).toContain('(America/Chicago)');
    expect(page).toContain(I821D);
    expect(page).toContain('“Save as PDF”');
  });

  it('lists USCIS’s events, statuses and documents by time, whatever order USCIS sent them in', () => {
    const snapshot = CaseSnapshotSchema.parse({
      detail: {
        at: '2026-08-12T15:00:00.000Z',
        formType: 'I-821D',
        submissionDate: '2026-05-29',
        events: [
          { eventId: 'b', eventCode: 'FTA0', eventTimestamp: '2026-07-20T14:00:00.000Z' },
          { eventId: 'a', eventCode: 'IAF', eventTimestamp: '2026-05-29T13:00:00.000Z' },
        ],
        notices: [],
      },
      status: null,
      documents: null,
    });
    const page = record('en', false, { snapshots: { [I821D]: snapshot } });
    expect(page.indexOf('<td>IAF</td>')).toBeGreaterThan(0);
    expect(page.indexOf('<td>IAF</td>')).toBeLessThan(page.indexOf('<td>FTA0</td>'));
  });

  it('escapes every value and carries no script', () => {
    const snapshot = CaseSnapshotSchema.parse({
      detail: null,
      status: null,
      documents: { at: '2026-08-12T15:00:00.000Z', items: [{ type: '<script>alert(1)</script>', sourceType: 'USCIS Generated', createDate: '2026-08-01T10:00:00.000+0000' }] },
    });
    const page = record('en', false, { snapshots: { [I821D]: snapshot } });
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;');
  });
});
