// The runner's `work` and `forecast` lines (issue 24, item 5): the runner as a child process against the simulator's
// myUSCIS and egov hosts over HTTP. The published values are checked against what the simulator's egov answers for the
// office the runner asked (fetched again by this test), and the work line's gap risk against --permit-expiry.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledScript } from '../helpers/bundled-script';
import { tempFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';
import type { Simulator } from '../../simulator/server';
import { addDays } from '../../shared/knowledge/calendar-days';
import { runProcess } from '../helpers/runner-process';

const RUNNER = await bundledScript('scripts/headless.ts');
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', TZ: 'UTC' };
type Line = Record<string, unknown>;

async function runAsync(args: string[]): Promise<{ status: number | null; stdout: string; lines: Line[] }> {
  const { status, stdout, lines } = await runProcess(RUNNER, args, ENV);
  return { status, stdout, lines: lines as Line[] };
}

const onceArgs = (sim: Simulator, store: string, extra: string[]) => [
  '--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once',
  '--times-origin', sim.timesOrigin, ...extra,
];

/**
 * Day 20 of the story (both cases filed, their office named) on the wall clock's day: the runner reads its own
 * clock, so the windows lie ahead of its today whatever day the test runs.
 */
const story = () => frozenSimulator({ clock: { start: Date.now(), speed: 0 }, startDay: 20, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });

const MONTH_DAYS = { Months: 1, Weeks: 7 / 30.436875, Days: 1 / 30.436875 } as Record<string, number>;

/** What the simulator's egov publishes for `form` at the office the runner asked: fetched again from its API. */
async function served(sim: Simulator, form: string) {
  const asked = sim.timesRequestLog().filter((e) => e.endpoint === 'processingtime' && e.status === 200 && e.path.includes(`/${form}/`));
  expect(asked.length).toBeGreaterThan(0);
  const body = (await (await fetch(new URL(asked[0]!.path, sim.timesOrigin))).json()) as {
    data: { processing_time: { subtypes: Array<{ form_type: string; publication_date: string; range: Array<{ value: number; unit: string }>; service_request_date: string }> } };
  };
  const subtype = body.data.processing_time.subtypes[0]!;
  const months = subtype.range.map((r) => Math.round(r.value * MONTH_DAYS[r.unit]! * 100) / 100);
  const isoDay = (text: string) => new Date(Date.parse(`${text} 00:00 UTC`)).toISOString().slice(0, 10);
  return { low: Math.min(...months), high: Math.max(...months), publicationDate: isoDay(subtype.publication_date), inquiry: isoDay(subtype.service_request_date) };
}

describe('the runner\'s work and forecast lines', { timeout: 40_000 }, () => {
  it('prints a forecast line for both cases with the simulator\'s published values, and a work line whose risk follows the expiry', async () => {
    const sim = await story();
    const store = tempFolder();
    const first = await runAsync(onceArgs(sim, store, ['--json']));
    expect(first.status).toBe(0);
    const forecasts = first.lines.filter((l) => l.kind === 'forecast');
    expect(forecasts.map((l) => [l.form, l.receipt])).toEqual([['I-821D', sim.receipts.i821d], ['I-765', sim.receipts.i765]]);
    for (const line of forecasts) {
      const published = await served(sim, line.form as string);
      expect(line.published).toEqual({ low: published.low, high: published.high, unit: 'months', publicationDate: published.publicationDate });
      expect(line.inquiryReceivedBefore).toBe(published.inquiry);
      const [from, to] = line.decisionWindow as [string, string];
      expect(from < to).toBe(true);
    }
    // Without an expiry the work line cannot compare anything.
    expect(first.lines.filter((l) => l.kind === 'work')).toEqual([{ kind: 'work', permitExpiry: null, status: 'unknown', daysLeft: null, gapRisk: 'unknown' }]);

    const today = (first.lines.find((l) => l.kind === 'calendar')!.today as string);
    const starts = forecasts.map((l) => (l.decisionWindow as string[])[0]!).sort();
    const ends = forecasts.map((l) => (l.decisionWindow as string[])[1]!).sort();
    const cases: Array<[string, string]> = [
      [addDays(ends.at(-1)!, 200), 'none'],
      [addDays(starts[0]!, -5), 'likely'],
      [addDays(today, -3), 'gap-now'],
    ];
    for (const [expiry, risk] of cases) {
      // The same store: the published times are not asked again, the forecast comes from what was kept.
      const run = await runAsync(onceArgs(sim, store, ['--json', '--permit-expiry', expiry]));
      expect(run.lines.filter((l) => l.kind === 'work')).toEqual([expect.objectContaining({ permitExpiry: expiry, gapRisk: risk })]);
      expect(run.lines.filter((l) => l.kind === 'forecast')).toHaveLength(2);
    }
  });

  it('says the same in words, in English and Spanish, with the steps when a gap is likely; receipts masked', async () => {
    const sim = await story();
    const store = tempFolder();
    const json = await runAsync(onceArgs(sim, store, ['--json']));
    const start = (json.lines.find((l) => l.kind === 'forecast' && l.form === 'I-821D')!.decisionWindow as string[])[0]!;
    const english = await runAsync(onceArgs(sim, store, ['--lang', 'en']));
    expect(english.stdout).toContain('Risk of a stretch without permission to work: unknown until you enter your work permit’s expiry date (--permit-expiry).');
    expect(english.stdout).toContain('This is not a prediction for your case.');
    const plain = await runAsync(onceArgs(sim, store, ['--lang', 'es', '--permit-expiry', addDays(start, -5)]));
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('¿Se decidirá a tiempo?');
    expect(plain.stdout).toContain('Riesgo de un periodo sin permiso para trabajar: probable.');
    expect(plain.stdout).toContain('USCIS indica que la mayoría de los casos como este se deciden entre');
    expect(plain.stdout).toContain('Esto no es una predicción para su caso.');
    expect(plain.stdout).toContain('Hable con su empleador');
    expect(plain.stdout).not.toContain(sim.receipts.i821d);
  });

  it('in a watch, tells the forecast after the published times are read, then only when it changes (not every check)', async () => {
    // The demo at a day a second: 200 checks take about two story days, so a daily re-read of the published times too.
    const child = spawn(process.execPath, [...RUNNER, '--demo', '--json', '--speed', '86400', '--permit-expiry', '2026-09-01'], { stdio: ['ignore', 'pipe', 'ignore'], env: ENV });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const lines = () => stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);
    await expect.poll(() => lines().filter((l) => l.kind === 'check').length, { timeout: 20_000, interval: 200 }).toBeGreaterThan(200);
    await new Promise<void>((resolve) => {
      child.once('close', () => resolve());
      child.kill('SIGTERM');
    });
    const all = lines();
    const firstRead = all.findIndex((l) => l.kind === 'published-times' && l.outcome === 'read');
    const works = all.flatMap((l, i) => (l.kind === 'work' ? [i] : []));
    expect(firstRead).toBeGreaterThanOrEqual(0);
    expect(works.length).toBeGreaterThan(0);
    expect(works[0]).toBeGreaterThan(firstRead);
    // Each telling differs from the one before (the days left aside, which move daily).
    const told = works.map((at, n) => {
      const { daysLeft: _daysLeft, ...work } = all[at]!;
      return JSON.stringify([work, all.slice(at + 1, works[n + 1] ?? all.length).filter((l) => l.kind === 'forecast')]);
    });
    for (let n = 1; n < told.length; n += 1) expect(told[n]).not.toBe(told[n - 1]);
    expect(works.length).toBeLessThan(all.filter((l) => l.kind === 'published-times' && l.outcome === 'read').length + all.filter((l) => l.kind === 'check').length / 10);
  });

  it('leaves only the other form\'s forecast line when egov publishes nothing (204) for one', async () => {
    const sim = await story();
    sim.setUnpublishedForms(['I-765']);
    const run = await runAsync(onceArgs(sim, tempFolder(), ['--json']));
    expect(run.status).toBe(0);
    expect(run.lines.filter((l) => l.kind === 'published-times')).toEqual([expect.objectContaining({ forms: { 'I-821D': 'published', 'I-765': 'not-published' } })]);
    expect(run.lines.filter((l) => l.kind === 'forecast').map((l) => l.form)).toEqual(['I-821D']);
    expect(run.lines.filter((l) => l.kind === 'work')).toHaveLength(1);
  });
});
