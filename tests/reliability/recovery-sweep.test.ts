// The reliability suite's store-recovery trials (issue 22, items 3 and 4): a real store, built by running the
// engine over the simulator, cut at every byte length with its backup intact (and the backup cut at every length
// with the file intact), and a backup whose disk is full. Prints its rows as the fault matrix prints its own.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../engine/store/file-state-store';
import { planRecovery } from '../../engine/store/recovery-plan';
import { AppStateSchema, type AppState } from '../../shared/monitor/state';
import { engineHarness } from '../helpers/engine-harness';
import { failingDisk } from '../helpers/failing-disk';
import { faultTable, type FaultRow } from '../helpers/fault-table';

const DAY = 24 * 3_600_000;

const rows: FaultRow[] = [];
const persistedCount = (state: AppState) => state.history.length + state.ledger.length;

afterAll(() => {
  console.log(faultTable('Reliability suite, store recovery (entries = history + notification records persisted before the fault)', rows));
});

/**
 * A real store: the engine run over the simulator's renewal story (signed in, both cases watched) until the
 * approval, with the backup's disk full from day 30 on. Shared by both trials: one engine run.
 */
const story = (async () => {
  const started = performance.now();
  const h = await engineHarness({ scenario: 'daca-renewal', startDay: 0 });
  const disk = failingDisk();
  const run = h.start({ storeFileSystem: disk });
  await run.runUntil(h.sim.filingDay + 30 * DAY);
  const file = join(h.storeDir, 'config.json');
  const atFull = readFileSync(file, 'utf8');
  const backupAtFull = readFileSync(join(h.storeDir, 'config.backup.json'), 'utf8');
  disk.fullFor = /config\.backup\.json/;
  await run.runUntil(h.sim.filingDay + 60 * DAY);
  run.monitor.stop();
  // The harness removes its folder after each test: the trials read a copy of their own.
  const dir = mkdtempSync(join(tmpdir(), 'daca-watch-recovery-'));
  cpSync(h.storeDir, dir, { recursive: true });
  return { dir, run, atFull, backupAtFull, text: readFileSync(file, 'utf8'), engineMs: performance.now() - started };
})();
afterAll(async () => rmSync((await story).dir, { recursive: true, force: true }));

const plan = (main: string | null, backup: string | null) =>
  planRecovery({ stem: 'config', ext: '.json', main, backup, beside: null, taken: new Set(), now: Date.UTC(2026, 5, 1) });

/** The identities in `state` of what a person's data is made of. */
const identities = (state: AppState) => ({
  cases: state.cases.map((watched) => watched.receipt),
  history: state.history.map((finding) => finding.key),
  ledger: state.ledger.map((entry) => entry.key),
});

describe('every cut of a real store', () => {
  it('the file cut at every byte length, its backup intact: no case, history entry or notification record of the backup lost; and every cut of the backup with the file intact recovers the file', async () => {
    const { text, engineMs } = await story;
    const sweepStarted = performance.now();
    const state = AppStateSchema.parse(JSON.parse(text));
    const bytes = Buffer.from(text, 'utf8');
    const whole = identities(state);
    expect(whole.cases.length).toBe(2);
    expect(whole.history.length).toBeGreaterThan(5);
    expect(whole.ledger.length).toBeGreaterThan(0);

    let checked = 0;
    const lost: string[] = [];
    for (let n = 0; n < bytes.length; n += 1) {
      const cut = bytes.subarray(0, n).toString('utf8');
      const recovered = plan(cut, text).state;
      const got = identities(recovered);
      checked += 1;
      // The settings too: the file's own where it still held them, the backup's where not (here the same).
      if (JSON.stringify(recovered.settings) !== JSON.stringify(state.settings)) lost.push(`cut at ${n}: the settings`);
      for (const list of ['cases', 'history', 'ledger'] as const) {
        const missing = whole[list].filter((key) => !got[list].includes(key));
        if (missing.length > 0) lost.push(`cut at ${n}: ${missing.length} of ${list}`);
      }
    }
    expect(lost).toEqual([]);
    expect(checked).toBe(bytes.length);

    // The backup cut at every length, the file intact: the file is read as it is.
    let backupCuts = 0;
    for (let n = 0; n < bytes.length; n += 1) {
      const result = plan(text, bytes.subarray(0, n).toString('utf8'));
      backupCuts += 1;
      if (result.from !== 'file' || persistedCount(result.state) !== persistedCount(state)) lost.push(`backup cut at ${n}: ${result.from}`);
    }
    expect(lost).toEqual([]);
    console.log(`\nStore recovery sweep: ${checked} cut lengths of the file (backup intact) and ${backupCuts} of the backup (file intact) checked, in a store of ${bytes.length} bytes (the engine's run ${Math.round(engineMs / 1000)} s, the sweeps ${Math.round((performance.now() - sweepStarted) / 1000)} s)\n`);
    rows.push({
      fault: `file cut at each of ${checked} byte lengths`,
      before: persistedCount(state),
      after: persistedCount(state),
      told: `every cut: all ${whole.cases.length} cases, ${whole.history.length} history entries, ${whole.ledger.length} notification records of the backup kept`,
    });
    rows.push({ fault: `backup cut at each of ${backupCuts} lengths`, before: persistedCount(state), after: persistedCount(state), told: 'nothing to tell: the file read cleanly every time' });
  }, 300_000);
});

describe('a damaged backup', () => {
  it('the file cut inside its history and the backup cut short too: the backup salvaged value by value and merged, nothing either still held lost', async () => {
    const { text } = await story;
    const state = AppStateSchema.parse(JSON.parse(text));
    const main = text.slice(0, text.indexOf(`"key": "${state.history[Math.floor(state.history.length / 2)]!.key}"`));
    const backup = text.slice(0, text.indexOf('"schedule"') + 30);
    expect(JSON.parse.bind(null, backup)).toThrow();
    const result = plan(main, backup);
    expect(identities(result.state)).toEqual(identities(state));
    expect(result.state.settings).toEqual(state.settings);
    const told = result.problems.map((problem) => problem.text.en);
    expect(told).toContain('The backup copy (config.backup.json) was damaged too; DACA Watch used what it could still read of it.');
    expect(told.some((sentence) => sentence.includes('last good copy'))).toBe(false);
    rows.push({ fault: 'file and backup both cut short', before: persistedCount(state), after: persistedCount(result.state), told: told.slice(0, 2).join(' ').slice(0, 220) });
  });
});

describe('an honest backup', () => {
  it("the backup's disk full: told once, the file saved, and a later recovery from that stale backup says so and keeps what the file had", async () => {
    const { dir, run, atFull: atFullText, backupAtFull } = await story;
    const file = join(dir, 'config.json');
    const stale = join(dir, 'config.backup-stale.json');
    const atFull = AppStateSchema.parse(JSON.parse(atFullText));
    expect(backupAtFull).toBe(atFullText);

    const told = run.events.filter((event) => event.kind === 'error' && event.saveProblem);
    expect(told).toEqual([{ kind: 'error', message: expect.stringContaining('Saved, but the backup copy could not be updated.'), saveProblem: 'backup-failed' }]);
    expect(run.monitor.saveProblem()?.cause).toBe('backup-failed');
    const saved = AppStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(persistedCount(saved)).toBeGreaterThan(persistedCount(atFull));
    // The backup was never updated again, and it no longer goes by the name of a current copy.
    expect(readdirSync(dir)).not.toContain('config.backup.json');
    expect(AppStateSchema.parse(JSON.parse(readFileSync(stale, 'utf8')))).toEqual(atFull);

    // The file is then cut short inside its history: recovery goes to the stale copy, says it is older, and keeps what the file had.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('"ledger"')));
    const reopened = openStateStore({ dir: dir });
    const { state, problems } = reopened.read();
    expect(problems[0]?.text.en).toMatch(/went back to an older copy \(config\.backup\.json, from \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; later saves could not update it\)/);
    expect(problems[0]?.text.es).toMatch(/volvió a una copia más antigua \(config\.backup\.json, del \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; los guardados posteriores no pudieron actualizarla\)/);
    expect(problems.some((problem) => problem.text.en.includes('last good copy'))).toBe(false);
    expect(identities(state).history).toEqual(expect.arrayContaining(identities(saved).history));
    expect(identities(state).cases).toEqual(identities(saved).cases);
    // Its recovery save wrote a fresh backup, so the stale one is gone.
    expect(readdirSync(dir).filter((name) => name.startsWith('config.backup'))).toEqual(['config.backup.json']);
    rows.push({
      fault: "backup's disk full (the copy alone)",
      before: persistedCount(saved),
      after: persistedCount(saved),
      told: `once: ${told[0]?.kind === 'error' ? told[0].message.slice(0, 60) : ''}…; later recovery: "${problems[0]?.text.en.slice(problems[0].text.en.indexOf('went back'), problems[0].text.en.indexOf(', adding'))}"`,
    });
  }, 300_000);
});
