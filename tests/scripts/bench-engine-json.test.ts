// `npm run --silent bench -- --engine --json` as other harnesses read it: one JSON object on stdout with the
// engine's and the physical limit's numbers for the main distribution, each variant and each of the distributions,
// and where the budget goes. One timeline each here,
// so the shape is checked in seconds; the numbers themselves come from `npm run bench` (see the README).

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runBench(env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--engine', '--json'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the engine benchmark as JSON', () => {
  it('prints one JSON object: engine and limit medians, p95s and requests a day, for the main distribution and each variant', async () => {
    const { status, stdout, stderr } = await runBench({ BENCH_TIMELINES: '1' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    const measured = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
    const judged = (part: { engine: Record<string, unknown>; limit: Record<string, unknown> }) => {
      for (const key of ['medianMinutes', 'p95Minutes', 'requestsPerDay']) expect(measured(part.engine[key]), `engine.${key}`).toBe(true);
      for (const key of ['medianMinutes', 'p95Minutes']) expect(measured(part.limit[key]), `limit.${key}`).toBe(true);
      // The limit is the best any schedule can do with the same requests: the engine is never below it.
      expect(part.limit.medianMinutes as number).toBeGreaterThan(0);
      expect(part.limit.ratio).toBeCloseTo((part.engine.medianMinutes as number) / (part.limit.medianMinutes as number), 1);
    };
    judged(result as never);
    const variants = result.variants as Record<string, { engine: Record<string, unknown>; limit: Record<string, unknown> }>;
    expect(Object.keys(variants).sort()).toEqual(['i765-first', 'i821d-never']);
    for (const variant of Object.values(variants)) judged(variant);
    expect(result.timelines).toEqual({ main: 1, 'i765-first': 1, 'i821d-never': 1 });
    // The distributions, each judged against a limit computed the same way (the rule is printed).
    const distributions = result.distributions as Record<string, { engine: Record<string, unknown>; limit: Record<string, unknown>; text: string }>;
    expect(Object.keys(distributions).sort()).toEqual(['central-lunch', 'i765-first-40', 'quarter-off-hours', 'same-minute', 'weekday-control']);
    for (const distribution of Object.values(distributions)) {
      judged(distribution);
      expect(measured(distribution.engine.documentsReadsPerDay)).toBe(true);
      expect(distribution.limit.p95Ratio).toBeCloseTo((distribution.engine.p95Minutes as number) / (distribution.limit.p95Minutes as number), 1);
    }
    expect(result.limitRule).toMatch(/documents reads a day/);
    // Where the budget goes: two weeks of US Eastern days.
    const budget = result.budget as Record<string, number>;
    for (const key of ['weeklyAveragePerDay', 'weekdayMax', 'weekdayAverage', 'weekendMax']) expect(measured(budget[key]), `budget.${key}`).toBe(true);
    expect(budget.days).toBeGreaterThanOrEqual(14);
    expect(budget.weekendMax).toBeLessThan(budget.weekdayMax!);
    // Baselines are charged the keep-alive they would need.
    expect(Object.keys(result.baselines as object)).toHaveLength(3);
  }, 120_000);
});
