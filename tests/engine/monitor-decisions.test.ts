// Decisions other than approval and trimmed payloads, through the real engine over HTTP (MYUSCIS.md "Seen since"):
// a termination (H016) and a denial told once each at high priority with what they mean, in English and Spanish; a
// rejection; events trimmed to {eventCode, createdAt} read again and again without anything new.

import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../engine/monitor';
import type { Language } from '../../shared/localized';
import { engineHarness } from '../helpers/engine-harness';

const DAY = 24 * 3_600_000;
/** A pace a person may pick, without keep-alive reads (see monitor-scenarios.test.ts). */
const PACE = { staySignedIn: false, workHoursIntervalMinutes: 180, offHoursIntervalMinutes: 240 } as const;

type FindingEvent = Extract<MonitorEvent, { kind: 'finding' }>;

async function watch(scenario: string, from: number, to: number, language: Language = 'en') {
  const h = await engineHarness({ scenario, startDay: from, idleTimeoutMs: 1000 * DAY });
  const forms: Record<string, string> = { [h.sim.receipts.i821d]: 'I-821D', [h.sim.receipts.i765]: 'I-765' };
  const run = h.start({ settings: { ...PACE, language, languageChosen: true } });
  await run.runUntil(h.sim.filingDay + to * DAY);
  const findings = run.events.filter((e): e is FindingEvent => e.kind === 'finding');
  const labels = run.notifications.map((n) => `${forms[n.key.split(':')[0]!] ?? n.key}:${n.key.split(':')[1]}`);
  return { h, run, findings, labels, forms, day: (n: number) => h.sim.filingDay + n * DAY };
}

describe('a termination (H016, "Your Case Was Terminated (Denial)") and a denial, over HTTP', () => {
  it('tells each once, at high priority, with what it means for DACA and the work permit and what people do next (English)', async () => {
    const { labels, run, findings } = await watch('daca-termination', 59.5, 63);
    expect(labels).toEqual(['I-821D:case-ended', 'I-765:denied']);
    expect(run.notifications.every((n) => n.priority === 'high')).toBe(true);
    const [terminated, denied] = run.notifications;
    expect(terminated!.title).toMatch(/I-821D .* was terminated/);
    expect(terminated!.body).toContain('Your Case Was Terminated (Denial)');
    expect(terminated!.body).toMatch(/ends deferred action, and the work permit request \(I-765\) ends with it/);
    expect(denied!.title).toMatch(/I-765 .* was denied/);
    expect(denied!.body).toMatch(/deferred action is not renewed/);
    for (const body of [terminated!.body, denied!.body]) {
      expect(body).toContain('https://www.uscis.gov/avoid-scams/find-legal-services');
      expect(body).toMatch(/lawyer or a legal-aid organisation/);
      expect(body).toMatch(/expiry date/);
      expect(body).toContain('This is information, not legal advice.');
    }
    // Never an approval, never "status changed", never an unknown step.
    expect(findings.map((f) => f.type)).not.toContain('status-change');
    expect(findings.some((f) => /approv/.test(f.type))).toBe(false);
    expect(findings.find((f) => f.type === 'case-ended')?.detail).toMatchObject({ outcome: 'terminated', code: 'H016' });
    // The stored history holds each once; the pair is decided.
    const history = run.monitor.snapshot.history.filter((f) => f.type === 'case-ended' || f.type === 'denied');
    expect(history.map((f) => f.type)).toEqual(['case-ended', 'denied']);
  }, 60_000);

  it('says the same in Spanish', async () => {
    const { labels, run } = await watch('daca-termination', 59.5, 63, 'es');
    expect(labels).toEqual(['I-821D:case-ended', 'I-765:denied']);
    const [terminated, denied] = run.notifications;
    expect(terminated!.priority).toBe('high');
    expect(terminated!.title).toMatch(/I-821D .*: terminado/);
    expect(terminated!.body).toMatch(/pone fin a la acción diferida/);
    expect(denied!.title).toMatch(/I-765 .* fue denegado/);
    expect(denied!.body).toMatch(/la acción diferida no se renueva/);
    for (const body of [terminated!.body, denied!.body]) {
      expect(body).toContain('https://www.uscis.gov/avoid-scams/find-legal-services');
      expect(body).toMatch(/abogado o con una organización de ayuda legal/);
      expect(body).toContain('Esto es información, no asesoría legal.');
    }
  }, 60_000);

  it('daca-denial: the denial is told with its meaning, in both languages', async () => {
    for (const language of ['en', 'es'] as const) {
      const { labels, run } = await watch('daca-denial', 67, 72, language);
      expect(labels).toEqual(['I-821D:denied', 'I-765:denied']);
      for (const n of run.notifications) {
        expect(n.priority).toBe('high');
        expect(n.body).toContain('https://www.uscis.gov/avoid-scams/find-legal-services');
        expect(n.body).toMatch(language === 'en' ? /work permit request \(I-765\) ends with it/ : /solicitud de permiso de trabajo \(I-765\) termina con él/);
      }
    }
  }, 120_000);
});

describe('a rejection, over HTTP', () => {
  it('is a decision of its own, told once per case at high priority: not accepted, check the fee and forms, file again', async () => {
    const { labels, run, findings } = await watch('daca-rejection', 3.5, 6);
    expect(labels.sort()).toEqual(['I-765:case-ended', 'I-821D:case-ended']);
    for (const n of run.notifications) {
      expect(n.priority).toBe('high');
      expect(n.title).toMatch(/was rejected/);
      expect(n.body).toMatch(/it was not accepted/);
      expect(n.body).toMatch(/check the fee and the forms, and file again/i);
    }
    expect(findings.filter((f) => f.type === 'case-ended').map((f) => f.detail.outcome)).toEqual(['rejected', 'rejected']);
    expect(findings.map((f) => f.type)).not.toContain('status-change');
  }, 60_000);
});

describe('H008 as the status code of "Case Approved", over HTTP', () => {
  it('is an approval on each case, told once at high priority; never a biometrics reuse or a status change', async () => {
    // To day 72.5: at a four-hour weekend pace the card's day (71, a Sunday) is read by then.
    const { labels, run, findings } = await watch('daca-h008-approval', 69.5, 72.5);
    // The I-821D's approval told once: by its own status, or by inference from the I-765 if that was read first.
    const i821d: string[] = labels.filter((label) => label === 'I-821D:approved' || label === 'I-821D:i821d-approved-inferred');
    expect(i821d).toHaveLength(1);
    expect(labels.filter((label) => !i821d.includes(label)).sort()).toEqual(['I-765:approved', 'I-765:card-produced']);
    expect(run.notifications.filter((n) => n.key.endsWith(':approved')).every((n) => n.priority === 'high')).toBe(true);
    expect(findings.map((f) => f.type)).not.toContain('biometrics-reuse');
    expect(findings.map((f) => f.type)).not.toContain('status-change');
  }, 60_000);
});

describe('events trimmed to {eventCode, createdAt}, over HTTP', () => {
  it('a quiet stretch read again and again: nothing new after the first read (no finding, no history entry)', async () => {
    const { run, findings, h } = await watch('daca-sparse-events', 33, 49);
    const reads = h.apiRequests().filter((r) => r.endpoint === 'case-detail').length;
    expect(reads).toBeGreaterThan(4);
    // The first read is the baseline: nothing old is new, and no read after it finds anything.
    expect(findings).toEqual([]);
    expect(run.monitor.snapshot.history).toEqual([]);
    expect(run.notifications).toEqual([]);
  }, 60_000);

  it('FTA0 written again: one fact per code and day (twice on day 32 is one step; day 50 is another)', async () => {
    // The detail (the events) is read at least daily: a day after the day-50 step it has been read.
    const { findings, forms } = await watch('daca-sparse-events', 31, 52);
    const fta0 = findings.filter((f) => f.type === 'new-event' && f.detail.code === 'FTA0');
    expect(fta0.map((f) => forms[f.receipt])).toEqual(['I-765', 'I-765']);
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
  }, 60_000);
});
