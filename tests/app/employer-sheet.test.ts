// The sheet for the employer: the facts in English and Spanish, receipts only when chosen (masked when masking is on),
// escaped server text, no script and nothing remote, only official uscis.gov pages; and through the export channel.

import { describe, expect, it } from 'vitest';
import { employerSheet, type EmployerSheetInput } from '../../app/employer-sheet';
import { createIpcHandlers } from '../../app/ipc-handlers';
import { FindingSchema } from '../../shared/monitor/findings';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { engineHarness } from '../helpers/engine-harness';

const I821D = 'IOE0933012457';
const I765 = 'IOE0933012458';
const NOW = Date.parse('2026-08-12T15:20:00.000Z');

const snapshot = (form: string, title: string) =>
  CaseSnapshotSchema.parse({
    detail: { at: '2026-08-12T15:00:00.000Z', formType: form, submissionDate: '2026-05-29', events: [], notices: [] },
    status: { at: '2026-08-12T15:00:00.000Z', title, history: [] },
    documents: { at: '2026-08-12T15:00:00.000Z', items: [] },
  });

function input(changes: Partial<EmployerSheetInput> = {}, settings: Record<string, unknown> = {}): EmployerSheetInput {
  return {
    state: {
      cases: [
        { receipt: I821D, formType: 'I-821D', addedAt: '2026-05-30T12:00:00.000Z', problem: null },
        { receipt: I765, formType: 'I-765', addedAt: '2026-05-30T12:00:00.000Z', problem: null },
      ],
      snapshots: { [I821D]: snapshot('I-821D', 'Case Is Being Actively Reviewed By USCIS'), [I765]: snapshot('I-765', 'Case Is Being Actively Reviewed By USCIS') },
      history: [],
      settings: SettingsSchema.parse({ permitExpiry: '2026-09-30', ...settings }),
    },
    now: NOW,
    language: 'en',
    timeZone: 'America/New_York',
    showReceipts: false,
    ...changes,
  };
}

/** The page's text without tags, as a reader sees it. */
const text = (html: string) => html.replace(/<style>[^<]*<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the employer sheet', () => {
  it('says the filing date, the state as of the last check, the expiry, (c)(33) and that it is not legal advice', () => {
    const page = text(employerSheet(input()));
    expect(page).toContain('Renewal filed with USCIS on May 29, 2026');
    expect(page).toContain('Current state Your renewal is being reviewed (as of August 12, 2026 at 11:00 AM EDT)');
    expect(page).toContain('Current work permit (EAD) expires on September 30, 2026');
    expect(page).toContain('USCIS does not automatically extend a (c)(33) work permit while its renewal is pending');
    expect(page).toContain('This sheet is information, not legal advice.');
  });

  it('is in Spanish when asked', () => {
    const html = employerSheet(input({ language: 'es' }));
    expect(html).toContain('<html lang="es">');
    const page = text(html);
    expect(page).toContain('Renovación presentada ante USCIS el 29 de mayo de 2026');
    expect(page).toContain('El permiso de trabajo (EAD) actual vence el 30 de septiembre de 2026');
    expect(page).toContain('Esta hoja es información, no asesoría legal.');
    expect(page).not.toContain('Renewal filed');
  });

  it('shows the receipt numbers only when the user chooses, masked when masking is on', () => {
    expect(employerSheet(input())).not.toMatch(/IOE/);
    expect(text(employerSheet(input({ showReceipts: true })))).toContain(`Receipt numbers ${I821D}, ${I765}`);
    const masked = employerSheet(input({ showReceipts: true }, { maskReceipts: true }));
    expect(masked).toContain('IOE•••••2457');
    expect(masked).not.toContain(I821D);
  });

  it('links only to official https pages on uscis.gov, loads nothing and runs nothing', () => {
    const html = employerSheet(input());
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) expect(new URL(href).hostname).toBe('www.uscis.gov');
    expect(hrefs.every((href) => href.startsWith('https://'))).toBe(true);
    expect(html).not.toMatch(/<script|<img|<link|src=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes what came from USCIS', () => {
    const hostile = input();
    hostile.state.snapshots[I765] = snapshot('I-765', 'x');
    hostile.state.snapshots[I765]!.status!.at = '2026-08-12T15:00:00.000Z';
    const html = employerSheet({ ...hostile, state: { ...hostile.state, cases: [{ receipt: '<b>IOE</b>', formType: 'I-765', addedAt: '2026-05-30T12:00:00.000Z', problem: null }] }, showReceipts: true });
    expect(html).toContain('&lt;b&gt;IOE&lt;/b&gt;');
    expect(html).not.toContain('<b>IOE</b>');
  });

  it('after the approval, shows the new card’s dates only once the user entered them from the card', () => {
    const approved = input({}, { newCardValidFrom: '2026-08-10', newCardExpiry: '2028-08-09' });
    approved.state.snapshots[I765] = snapshot('I-765', 'Card Was Delivered To Me By The Post Office');
    approved.state.history = [FindingSchema.parse({ key: 'k', type: 'card-delivered', receipt: I765, foundAt: '2026-08-12T15:00:00.000Z' })];
    expect(text(employerSheet(approved))).toContain('New work permit, as printed on the card valid from August 10, 2026 to August 9, 2028');
    const estimateOnly = { ...approved, state: { ...approved.state, settings: SettingsSchema.parse({ permitExpiry: '2026-09-30' }) } };
    expect(text(employerSheet(estimateOnly))).not.toContain('New work permit');
  });
});

describe('through the export channel', () => {
  it('saves the sheet in the language asked, with receipts only when asked', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 40, idleTimeoutMs: 10 ** 12 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 3_600_000);
    const saved: Array<{ name: string; contents: string }> = [];
    const handlers = createIpcHandlers({
      monitor: run.monitor,
      clock: { now: () => h.sim.clock.now() },
      demo: true,
      signIn: { open: () => true, signOut: async () => undefined },
      setStartAtLogin: () => undefined,
      openExternal: async () => false,
      saveFile: async (name, contents) => (saved.push({ name, contents }), `/home/user/${name}`),
    });
    expect((await handlers['data:export']({ format: 'employer', language: 'es' })).path).toMatch(/daca-renewal-for-employer-es-\d{4}-\d{2}-\d{2}\.html$/);
    expect(saved[0]!.contents).toContain('Renovación de DACA: información para el empleador');
    expect(saved[0]!.contents).not.toContain(h.sim.receipts.i765);
    await handlers['data:export']({ format: 'employer', language: 'en', showReceipts: true });
    expect(saved[1]!.contents).toContain('DACA renewal: information for the employer');
    expect(saved[1]!.contents).toContain(h.sim.receipts.i765);
    run.monitor.stop();
  });
});
