// The headless runner's renewal calendar, as a user runs it: `--permit-expiry` with no receipts makes no request
// to USCIS (a simulator counts them), `--once` prints the filing window, day 105 and the new card in English or Spanish,
// and a long run notifies the reminder on its own timer.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { bundledScript } from '../helpers/bundled-script';
import { tempFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

const RUNNER = await bundledScript('scripts/headless.ts');
const DAY = 86_400_000;
const ZONE = 'America/New_York';
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', TZ: ZONE };

/** Runs the runner to its end, or until `until` accepts a line (then it is stopped as a user would, with SIGTERM). */
function runner(args: string[], until: (line: string) => boolean = () => false) {
  const child = spawn(process.execPath, [...RUNNER, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ lines: string[]; stdout: string; stderr: string; status: number | null }>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (until(line)) child.kill('SIGTERM');
    });
    child.on('close', (status) => resolve({ lines, stdout: lines.join('\n'), stderr, status }));
  });
}

/** Today in New York as YYYY-MM-DD, and a civil day `n` days from it, worked out here with Date.UTC. */
function dayFromToday(n: number): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now()).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
const long = (day: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(day));

describe('--permit-expiry without receipts', () => {
  it('--once prints the open filing window in English and makes no request to USCIS', async () => {
    const sim = await frozenSimulator();
    const expiry = dayFromToday(140);
    const result = await runner(['--permit-expiry', expiry, '--origin', sim.dataOrigin, '--store', tempFolder(), '--once', '--lang', 'en']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Work permit expires ${long(expiry, 'en-US')} (140 days left). Recommended filing window: ${long(dayFromToday(-10), 'en-US')} to ${long(dayFromToday(20), 'en-US')} (open now).`);
    expect(result.stdout).toContain('Due: Your DACA renewal window is open.');
    expect(result.stdout).toContain('https://www.uscis.gov/DACA');
    expect(result.stdout).toContain('Requests: 0 to myUSCIS');
    expect(sim.requestLog()).toHaveLength(0);
  }, 20_000);

  it('--once in Spanish, before the window opens: when it opens, nothing due yet', async () => {
    const sim = await frozenSimulator();
    const expiry = dayFromToday(160);
    const result = await runner(['--permit-expiry', expiry, '--origin', sim.dataOrigin, '--store', tempFolder(), '--once', '--lang', 'es']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`El permiso de trabajo vence el ${long(expiry, 'es-US')} (quedan 160 días).`);
    expect(result.stdout).toContain('(se abre en 10 días)');
    expect(result.stdout).toContain('Nada pendiente hoy.');
    expect(sim.requestLog()).toHaveLength(0);
  }, 20_000);

  it('a long run notifies the 120-day mark at start, once across runs, with no request', async () => {
    const sim = await frozenSimulator();
    const store = tempFolder();
    const expiry = dayFromToday(100);
    const result = await runner(['--permit-expiry', expiry, '--origin', sim.dataOrigin, '--store', store, '--lang', 'en'], (line) => line.includes('Notification:'));
    expect(result.stdout).toMatch(/Notification: 120 days or less before your work permit expires\. Your work permit expires on .+ \(100 days left\)/);
    expect(sim.requestLog()).toHaveLength(0);
    // Told once: the next run on the same store, in JSON, notifies nothing (its calendar still shows it due).
    const again = await runner(['--origin', sim.dataOrigin, '--store', store, '--permit-expiry', expiry, '--once', '--json']);
    const objects = again.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { kind: string; due?: Array<{ key: string }> });
    expect(objects.filter((o) => o.kind === 'notification')).toEqual([]);
    expect(objects.find((o) => o.kind === 'calendar')?.due?.map((d) => d.key)).toEqual([`reminder:filing-window-120:${expiry}`]);
    expect(sim.requestLog()).toHaveLength(0);
  }, 20_000);

  it('--once with a permit that expired yesterday, no renewal: past tense, what to do, no "0 days left"', async () => {
    const sim = await frozenSimulator();
    const expiry = dayFromToday(-1);
    const result = await runner(['--permit-expiry', expiry, '--origin', sim.dataOrigin, '--store', tempFolder(), '--once', '--lang', 'en']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.lines.find((line) => !line.startsWith('State kept'))).toBe(`You cannot work right now: your work permit expired on ${long(expiry, 'en-US')}.`);
    expect(result.stdout).toContain(`  Work permit expired on ${long(expiry, 'en-US')}.`);
    expect(result.stdout).toContain('  - File your DACA renewal (Forms I-821D and I-765) now.');
    expect(result.stdout).not.toMatch(/Nothing due today|0 days left|expires on/);
  }, 20_000);

  it('refuses a date that does not exist', async () => {
    const result = await runner(['--permit-expiry', '2027-02-29', '--once']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--permit-expiry: 2027-02-29 is not a day on the calendar');
  }, 20_000);
});

describe('--once with receipts', () => {
  it('on day 106 of a pending renewal: the inquiry reminder in Spanish, receipts masked, USCIS’s inquiry page', async () => {
    // The story's day 10 (still pending), filed 106 days before today.
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, clock: { start: Date.now() - 96 * DAY, speed: 0 }, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const receipts = `${sim.receipts.i821d},${sim.receipts.i765}`;
    const result = await runner(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--permit-expiry', dayFromToday(30), '--once', '--lang', 'es']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Pendiente desde hace 10[56] días/);
    expect(result.stdout).toContain('Pendiente: Día 105: ya puede preguntar a USCIS por su renovación.');
    expect(result.stdout).toMatch(/Sus números de recibo: IOE•+\d{4}, IOE•+\d{4}\./);
    expect(result.stdout).not.toMatch(/IOE\d{10}/);
    expect(result.stdout).toContain('https://www.uscis.gov/contactcenter');
  }, 20_000);

  it('an expired permit with the renewal pending: the work answer first, past tense, and never "Nothing due today"', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, clock: { start: Date.now() - 96 * DAY, speed: 0 }, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const receipts = `${sim.receipts.i821d},${sim.receipts.i765}`;
    const run = (expiry: string, lang: string) => runner(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--permit-expiry', expiry, '--once', '--lang', lang]);
    const expired = dayFromToday(-36);
    const en = await run(expired, 'en');
    expect(en.status, en.stderr).toBe(0);
    const first = en.lines.findIndex((line) => line.startsWith('You cannot work right now'));
    expect(en.lines[first]).toBe(`You cannot work right now: your work permit expired on ${long(expired, 'en-US')}.`);
    expect(first).toBeLessThan(en.lines.findIndex((line) => line.startsWith('Renewal calendar')));
    expect(en.stdout).toContain('Tell your employer: your card expired on');
    expect(en.stdout).toContain(`Work: Cannot work: permit expired on ${long(expired, 'en-US')}; renewal pending.`);
    expect(en.stdout).not.toMatch(/Nothing due today|0 days left|Nothing is needed/);
    const es = await run(dayFromToday(0), 'es');
    expect(es.status, es.stderr).toBe(0);
    expect(es.stdout).toContain(`Puede trabajar hoy: su permiso de trabajo vence hoy (${long(dayFromToday(0), 'es-US')}).`);
    expect(es.stdout).toContain('Qué hacer ahora:');
    expect(es.stdout).not.toMatch(/Nada pendiente hoy|quedan 0 días|no tiene que hacer nada/);
  }, 20_000);

  it('no expiry entered: the question, then that it is not known, and the option that enters it (both languages)', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, clock: { start: Date.now() - 96 * DAY, speed: 0 }, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const receipts = `${sim.receipts.i821d},${sim.receipts.i765}`;
    for (const [lang, question, option] of [['en', 'Can you work today? Not known yet', 'Enter it with --permit-expiry YYYY-MM-DD.'], ['es', '¿Puede trabajar hoy? Todavía no se sabe', 'Escríbala con --permit-expiry AAAA-MM-DD.']] as const) {
      const result = await runner(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--once', '--lang', lang]);
      expect(result.status, result.stderr).toBe(0);
      const first = result.lines.findIndex((line) => line.startsWith(question));
      expect(first, result.stdout).toBeGreaterThanOrEqual(0);
      expect(result.lines.slice(first, first + 3).map((line) => line.trim())).toContain(option);
    }
  }, 20_000);

  it('after the approval: the new card’s dates, labelled an estimate', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 95, clock: { start: Date.now() - 5 * DAY, speed: 0 }, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const receipts = `${sim.receipts.i821d},${sim.receipts.i765}`;
    const result = await runner(['--receipts', receipts, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', tempFolder(), '--once', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const calendar = result.lines.map((line) => JSON.parse(line) as { kind: string; stage?: { kind: string; approvedOn: string; card: { validFrom: string; expiry: string; estimate: boolean } } }).find((o) => o.kind === 'calendar');
    // The approval document reached the I-765 on the story's day 75.
    const approvedOn = new Date(sim.filingDay + 75 * DAY).toISOString().slice(0, 10);
    expect(calendar?.stage).toMatchObject({ kind: 'approved', approvedOn, card: { validFrom: approvedOn, estimate: true } });
    const [y, m, d] = approvedOn.split('-').map(Number) as [number, number, number];
    expect(calendar!.stage!.card.expiry).toBe(new Date(Date.UTC(y + 2, m - 1, d - 1)).toISOString().slice(0, 10));
  }, 20_000);
});
