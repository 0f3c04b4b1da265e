// The tray's words come partly from USCIS (a case's form type): they reach the tray without control or
// bidirectional-override characters, and a receipt shown there is masked when the user asked for masking.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppController } from '../../app/app-controller';
import { addDays } from '../../shared/knowledge/calendar-days';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import { buildTrayMenu, trayTooltip } from '../../shared/tray/tray-model';
import { createNodeMonitor } from '../../engine/node-monitor';
import { AppStateSchema, STATE_VERSION } from '../../shared/monitor/state';
import { tempFolder } from '../helpers/engine-harness';
import { PT_TODAY, publishedTimesState } from '../helpers/published-times-state';

function controllerFor(state: unknown, now = '2026-06-01T15:00:00Z') {
  const dir = tempFolder();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(AppStateSchema.parse(state)));
  const clock = { now: () => Date.parse(now) };
  const { monitor } = createNodeMonitor({ origin: 'http://127.0.0.1:9', clock, storeDir: dir });
  return new AppController({ monitor, clock, renderTray: () => {}, openDashboard: () => {}, startSignIn: () => {}, clearSession: async () => {}, setStartAtLogin: () => {}, quit: () => {} });
}

describe('the tray summary', () => {
  it('strips control and bidirectional characters from a form type USCIS sent, and masks a receipt when masking is on', () => {
    const controller = controllerFor({
      version: STATE_VERSION,
      settings: { maskReceipts: true },
      cases: [
        { receipt: 'IOE0912345678', formType: 'I-821D\u202E\u0007<b>x</b>', addedAt: '2026-05-01T00:00:00.000Z' },
        { receipt: 'IOE0912345679', formType: null, addedAt: '2026-05-01T00:00:00.000Z' },
      ],
    });
    const { summary } = controller.trayState();
    expect(summary).not.toMatch(/[\u0000-\u001F\u202A-\u202E<>]/);
    expect(summary).toContain('I-821Dx: ');
    expect(summary).not.toContain('IOE0912345679');
    expect(summary).toMatch(/IOE\S*5679: /);
  });

  it('shows the receipt in full when masking is off', () => {
    const controller = controllerFor({ version: STATE_VERSION, cases: [{ receipt: 'IOE0912345679', formType: null, addedAt: '2026-05-01T00:00:00.000Z' }] });
    expect(controller.trayState().summary).toContain('IOE0912345679: ');
  });
});

describe('the tray tooltip’s first line: can I work today', () => {
  // The controller's clock: 2026-06-01, 15:00 UTC (the same civil day in the machine's zone for any zone from UTC-14 to UTC+8).
  const TODAY = '2026-06-01';
  const pair = [
    { receipt: 'IOE0912345678', formType: 'I-821D', addedAt: '2026-02-01T00:00:00.000Z' },
    { receipt: 'IOE0912345679', formType: 'I-765', addedAt: '2026-02-01T00:00:00.000Z' },
  ];

  it('an expired permit with the renewal pending: "Cannot work" first, in the spoken language, and no "days until" window line', () => {
    const expiry = addDays(TODAY, -36);
    for (const language of ['en', 'es'] as const) {
      const controller = controllerFor({ version: STATE_VERSION, settings: { permitExpiry: expiry, language, languageChosen: true }, cases: pair });
      const state = controller.trayState();
      const [first, second] = trayTooltip(state).split('\n');
      expect(first).toBe(
        language === 'en'
          ? `Cannot work: permit expired on ${formatCivilDay(expiry, 'en')}; renewal pending`
          : `No puede trabajar: su permiso venció el ${formatCivilDay(expiry, 'es')}; renovación pendiente`,
      );
      expect(second).toMatch(/^DACA Watch — /);
      expect(buildTrayMenu(state)[0]).toEqual({ kind: 'label', label: first });
    }
  });

  it('a valid permit: until when and the days left; no expiry entered: the way to enter it', () => {
    const expiry = addDays(TODAY, 300);
    const valid = controllerFor({ version: STATE_VERSION, settings: { permitExpiry: expiry } });
    expect(trayTooltip(valid.trayState()).split('\n')[0]).toBe(`You can work until ${formatCivilDay(expiry, 'en')} (300 days left)`);
    const unknown = controllerFor({ version: STATE_VERSION });
    expect(trayTooltip(unknown.trayState()).split('\n')[0]).toBe('Can you work? Enter your work permit’s expiry date');
  });

  it('expiring soon before filing: the work line says it once (no repeated "File now" window line)', () => {
    const expiry = addDays(TODAY, 30);
    const state = controllerFor({ version: STATE_VERSION, settings: { permitExpiry: expiry } }).trayState();
    expect(state.work).toBe(`Work permit expires in 30 days (${formatCivilDay(expiry, 'en')}): file now`);
    expect(state.calendar).toBeNull();
  });
});

describe('the tray’s gap line (USCIS’s published times)', () => {
  // Mid-day UTC on PT_TODAY: the same civil day in the Americas' zones the machine may run in.
  const at = `${PT_TODAY}T17:00:00Z`;

  it('says a decision may come after the permit expires when the published window begins after it, in EN and ES', () => {
    const controller = controllerFor(publishedTimesState({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: [7, 10] }), at);
    const state = controller.trayState();
    expect(state.gapRisk).toBe('likely');
    expect(trayTooltip(state)).toContain('a decision may come after your permit expires');
    expect(buildTrayMenu(state).map((item) => ('label' in item ? item.label : ''))).toContain('By USCIS’s published time, a decision may come after your permit expires');
    const es = trayTooltip({ ...state, language: 'es' });
    expect(es).toContain('la decisión llegaría después de que venza su permiso');
    // Short: Windows keeps 127 units of the whole tooltip (fitTooltip keeps whole lines, the work answer's first).
    for (const line of [trayTooltip(state).split('\n')[1]!, es.split('\n')[1]!]) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('has no line when the window ends by the expiry, or when nothing is published', () => {
    for (const stored of [
      publishedTimesState({ permitExpiry: '2027-03-01', i821d: [4, 6], i765: [4, 6] }),
      publishedTimesState({ permitExpiry: '2027-01-15', i821d: null, i765: null }),
    ]) {
      const state = controllerFor(stored, at).trayState();
      expect(state.gapRisk).not.toBe('likely');
      expect(trayTooltip(state)).not.toMatch(/published time|decision may come/);
    }
  });
});
