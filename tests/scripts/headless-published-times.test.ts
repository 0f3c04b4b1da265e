// The headless runner's --times-origin: USCIS's published processing times read from the simulator's egov host by the
// runner as a child process, once a day across runs (the store keeps them), said in a line of its own in EN/ES, and
// refused like --origin when it is not https (or http on loopback).

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledScript } from '../helpers/bundled-script';
import { tempFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';
import type { Simulator } from '../../simulator/server';
import { runProcess, type RunnerResult } from '../helpers/runner-process';

const RUNNER = await bundledScript('scripts/headless.ts');
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** Without blocking this process, which serves the simulator the child talks to. */
function runAsync(args: string[]): Promise<RunnerResult> {
  return runProcess(RUNNER, args, ENV);
}

const onceArgs = (sim: Simulator, store: string, extra: string[]) => [
  '--receipts', `${sim.receipts.i821d},${sim.receipts.i765}`, '--origin', sim.dataOrigin, '--cookie', sim.createSession(), '--store', store, '--once', ...extra,
];

describe('--times-origin', { timeout: 40_000 }, () => {
  it('reads the published times once, and a second run the same day asks egov nothing; no cookie ever goes there', async () => {
    const sim = await frozenSimulator({ startDay: 20, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const store = tempFolder();
    const first = await runAsync(onceArgs(sim, store, ['--times-origin', sim.timesOrigin, '--json']));
    expect(first.status).toBe(0);
    const read = first.lines.filter((l) => l.kind === 'published-times');
    expect(read).toEqual([expect.objectContaining({ outcome: 'read', forms: { 'I-821D': 'published', 'I-765': 'published' } })]);
    const asked = sim.timesRequestLog();
    expect(read[0]!.requests).toBe(asked.length);
    // Both myUSCIS checks ran in full beside it.
    expect(first.lines.filter((l) => l.kind === 'check').map((l) => l.outcome)).toEqual(['ok', 'ok']);

    const second = await runAsync(onceArgs(sim, store, ['--times-origin', sim.timesOrigin, '--json']));
    expect(second.lines.filter((l) => l.kind === 'published-times')).toEqual([expect.objectContaining({ outcome: 'fresh', requests: 0 })]);
    expect(sim.timesRequestLog()).toHaveLength(asked.length);
    for (const entry of sim.timesRequestLog()) expect(entry.headers.cookie).toBeUndefined();
    expect(sim.requestLog().filter((e) => e.endpoint !== null).every((e) => e.sessionCookie)).toBe(true);
  });

  it('says in Spanish that the times were read, or that egov blocked them and the checks went on', async () => {
    const sim = await frozenSimulator({ startDay: 20, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const read = await runAsync(onceArgs(sim, tempFolder(), ['--times-origin', sim.timesOrigin, '--lang', 'es']));
    expect(read.status).toBe(0);
    expect(read.stdout).toContain('Se leyeron los tiempos de procesamiento que publica USCIS en egov.uscis.gov (I-821D: publicado; I-765 (c)(33): publicado).');

    sim.addFault({ endpoint: 'any-egov', kind: 'block-page' });
    const blocked = await runAsync(onceArgs(sim, tempFolder(), ['--times-origin', sim.timesOrigin]));
    expect(blocked.status).toBe(0);
    expect(blocked.stdout).toContain('egov.uscis.gov answered with a block page');
    expect(blocked.stdout).toContain('Your myUSCIS checks are not affected.');
  });

  it('makes no request to egov at all when --origin is a simulator and --times-origin is not given', async () => {
    const sim = await frozenSimulator({ startDay: 20, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const result = await runAsync(onceArgs(sim, tempFolder(), ['--json']));
    expect(result.status).toBe(0);
    expect(result.lines.some((l) => l.kind === 'published-times')).toBe(false);
    expect(sim.timesRequestLog()).toEqual([]);
  });

  it.each([
    ['http://example.com', '--times-origin must be https'],
    ['not a url', '--times-origin "not a url" is not a URL'],
  ])('refuses --times-origin %s like --origin (exit 2)', (typed, said) => {
    const result = spawnSync(process.execPath, [...RUNNER, '--receipts', 'IOE0933012457', '--cookie', 'a=b', '--times-origin', typed], { encoding: 'utf8', env: ENV });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(said);
  });

  it('is in the Spanish --help too, which lists every option and JSON kind the English one does', () => {
    const help = (lang: string) => spawnSync(process.execPath, [...RUNNER, '--help', '--lang', lang], { encoding: 'utf8', env: ENV }).stdout;
    const [en, es] = [help('en'), help('es')];
    expect(es).toMatch(/--times-origin URL\s+dónde se leen los tiempos de procesamiento que publica USCIS \(predeterminado https:\/\/egov\.uscis\.gov/);
    // Options start two spaces in; JSON kinds twenty-two, before their fields.
    const listed = (text: string) => [...text.matchAll(/^(?: {2}(--?[a-z-]+)| {22}([a-z-]+) +\{)/gm)].map((m) => m[1] ?? m[2]!);
    expect(listed(es)).toEqual(listed(en));
    expect(listed(en)).toEqual(expect.arrayContaining(['--times-origin', 'published-times', '--once', 'calendar', 'work', 'forecast']));
  });

  it('is in --help with its default', () => {
    const result = spawnSync(process.execPath, [...RUNNER, '--help'], { encoding: 'utf8', env: ENV });
    expect(result.stdout).toMatch(/--times-origin URL\s+where USCIS's published processing times are read \(default https:\/\/egov\.uscis\.gov/);
    expect(result.stdout).toMatch(/^ +published-times \{/m);
  });
});
