// The reliability suite: the store and the engine under real faults (a full disk, a read-only folder, kill -9
// during writes, damaged files, hostile answers over HTTP). Each row says what was lost and what the user was told.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../engine/store/file-state-store';
import { createNodeMonitor } from '../../engine/node-monitor';
import type { DesktopNotification } from '../../engine/ports';
import { endpointPath } from '../../shared/myuscis/endpoints';
import { TEXT_LIMIT } from '../../shared/limits';
import { STATE_VERSION, type AppState } from '../../shared/monitor/state';
import type { ReceiptNumber } from '../../shared/receipt';
import { failingDisk } from '../helpers/failing-disk';
import { I765, I821D, NOW, watchedState } from '../helpers/stored-state';
import { faultTable, type FaultRow } from '../helpers/fault-table';

const rows: FaultRow[] = [];
const persistedCount = (state: AppState) => state.history.length + state.ledger.length;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'daca-watch-reliability-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(faultTable('Reliability suite (entries = history + notification records persisted before the fault)', rows));
});

let folderCount = 0;
const freshFolder = () => {
  folderCount += 1;
  const dir = join(root, `store-${folderCount}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** A small tmpfs of our own, where the machine lets us mount one (root on Linux); null elsewhere. */
function mountSmallDisk(bytes: number): { dir: string; unmount: () => void; remount: (mode: 'ro' | 'rw') => void } | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = join(root, `tmpfs-${folderCount++}`);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    dir,
    remount: (mode) => execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' }),
    unmount: () => execFileSync('umount', [dir], { stdio: 'ignore' }),
  };
}

describe('the disk', () => {
  it('a full disk: the old file survives intact, the user is told, and the write succeeds once space returns', () => {
    const disk = mountSmallDisk(192 * 1024);
    const dir = disk ? join(disk.dir, 'state') : freshFolder();
    const ports = disk ? {} : { fileSystem: failingDisk() };
    try {
      const store = openStateStore({ dir, now: () => NOW, ...ports });
      expect(store.write(watchedState(40))).toBe(true);
      const before = readFileSync(store.path);
      const filler = join(dir, '..', 'filler');
      if (disk) {
        // Fill what is left: a big write that the kernel cuts short.
        try {
          writeFileSync(filler, Buffer.alloc(256 * 1024));
        } catch {
          // ENOSPC: the disk is full, which is the point.
        }
      } else (ports as { fileSystem: ReturnType<typeof failingDisk> }).fileSystem.bytesLeft = 1000;

      expect(store.write(watchedState(400))).toBe(false);
      expect(store.saveProblem()?.cause).toBe('disk-full');
      expect(readFileSync(store.path).equals(before)).toBe(true);
      expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
      const afterFault = openStateStore({ dir, now: () => NOW }).read().state;

      if (disk) rmSync(filler, { force: true });
      else (ports as { fileSystem: ReturnType<typeof failingDisk> }).fileSystem.bytesLeft = null;
      expect(store.write(watchedState(400))).toBe(true);
      expect(openStateStore({ dir, now: () => NOW }).read().state.history).toHaveLength(400);
      rows.push({
        fault: disk ? 'full disk (a real 192 KB tmpfs)' : 'full disk (ENOSPC after 1000 bytes, simulated)',
        before: persistedCount(watchedState(40)),
        after: persistedCount(afterFault),
        told: 'Could not save: the disk is full (once); saved again when space returned',
      });
    } finally {
      disk?.unmount();
    }
  });

  it('a read-only folder: nothing lost, the user is told, saved once the folder is writable again', () => {
    const disk = mountSmallDisk(512 * 1024);
    const dir = disk ? join(disk.dir, 'state') : freshFolder();
    const fileSystem = failingDisk();
    try {
      const store = openStateStore({ dir, now: () => NOW, ...(disk ? {} : { fileSystem }) });
      store.write(watchedState(30));
      if (disk) disk.remount('ro');
      else fileSystem.failWith = 'EROFS';
      expect(store.write(watchedState(31))).toBe(false);
      expect(store.saveProblem()?.cause).toBe('read-only');
      const afterFault = openStateStore({ dir, now: () => NOW }).read().state;
      expect(afterFault).toEqual(watchedState(30));
      if (disk) disk.remount('rw');
      else fileSystem.failWith = null;
      expect(store.write(watchedState(31))).toBe(true);
      rows.push({
        fault: disk ? 'read-only folder (tmpfs remounted ro)' : 'read-only folder (EROFS, simulated)',
        before: persistedCount(watchedState(30)),
        after: persistedCount(afterFault),
        told: 'Could not save: the folder is read-only',
      });
    } finally {
      disk?.unmount();
    }
  });

  it('kill -9 during writes, 40 times: the file always reads cleanly and the history only grows', async () => {
    const bundle = join(root, 'store-writer.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, 'store-writer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      minify: true,
      logLevel: 'silent',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const dir = freshFolder();
    let confirmed = 0;
    let shortest = Number.POSITIVE_INFINITY;
    for (let kill = 0; kill < 40; kill += 1) {
      const child = spawn(process.execPath, [bundle, dir, String(confirmed)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let lastSaved = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        lastSaved = lines.at(-1)?.replace('saved ', '') ?? lastSaved;
      });
      // Let it save a few times, then kill it wherever it is (mid-write most of the time).
      await new Promise<void>((resolve) => child.stdout.once('data', () => setTimeout(resolve, 5 + ((kill * 7) % 25))));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const reopened = openStateStore({ dir, now: () => NOW });
      expect(reopened.recovered, `after kill ${kill + 1}`).toEqual([]);
      const keys = reopened.read().state.history.map((finding) => finding.key);
      const count = Number(keys.at(-1)?.split('-').at(-1) ?? 0);
      // Everything the writer said was saved is there, and nothing older went missing.
      expect(count, `after kill ${kill + 1}`).toBeGreaterThanOrEqual(Number(lastSaved.split('-').at(-1) ?? 0));
      expect(count).toBeGreaterThanOrEqual(confirmed);
      shortest = Math.min(shortest, count - confirmed);
      confirmed = count;
    }
    // The file and a backup, nothing else. A kill between moving the old backup to its stale name and writing the fresh
    // one leaves the backup under the stale name (by design: it is named an older copy until a fresh one is written in
    // full); a kill after the fresh one is written but before the stale one is removed leaves both for a moment.
    const left = readdirSync(dir).filter((name) => !name.includes('.tmp-')).sort();
    expect(left).toContain('config.json');
    expect(left.filter((name) => name !== 'config.json').length).toBeGreaterThan(0);
    expect(left.every((name) => ['config.json', 'config.backup.json', 'config.backup-stale.json'].includes(name)), left.join(', ')).toBe(true);
    rows.push({ fault: 'kill -9 during writes (40 kills)', before: confirmed, after: confirmed, told: 'nothing to tell: every start read cleanly' });
  }, 120_000);
});

describe('damaged and unexpected files', () => {
  const damage: Array<[string, (text: string) => string]> = [
    ['truncated store (cut at 60%)', (text) => text.slice(0, Math.floor(text.length * 0.6))],
    ['garbage store', () => '\u0000\u0001garbage{{{'],
    ['wrong-shape store (a list)', () => '[1, 2, 3]'],
    ['wrong-shape store (bad settings)', (text) => text.replace('"maskReceipts": true', '"maskReceipts": "yes"')],
    ['future-version store', (text) => text.replace(`"version": ${STATE_VERSION}`, '"version": 7')],
  ];
  for (const [fault, damageText] of damage) {
    it(`${fault}: nothing already persisted is lost`, () => {
      const dir = freshFolder();
      const store = openStateStore({ dir, now: () => NOW });
      store.write(watchedState(39));
      store.write(watchedState(40));
      const text = readFileSync(store.path, 'utf8');
      writeFileSync(store.path, damageText(text));

      const reopened = openStateStore({ dir, now: () => NOW });

      const { state } = reopened.read();
      // The backup is a copy of the last save: everything saved comes back.
      const persisted = persistedCount(watchedState(40));
      expect(persistedCount(state)).toBe(persisted);
      expect(state.history).toEqual(watchedState(40).history);
      expect(state.settings.maskReceipts).toBe(true);
      expect(state.cases).toEqual(watchedState().cases);
      expect(reopened.recovered.length).toBeGreaterThan(0);
      rows.push({ fault, before: persisted, after: persistedCount(state), told: reopened.recovered[0]!.slice(0, 140) });
    });
  }
});

describe('hostile answers over HTTP', () => {
  let server: Server;
  let origin: string;
  const bidi = '\u202E\u2066<img src=x onerror=alert(1)>\u0007';
  // 600,000 characters: each answer stays under the client's 2 MiB cap, so the bounds are what is tested.
  const huge = 'H'.repeat(600_000);
  const detail = (receipt: string) => ({
    data: {
      receiptNumber: receipt,
      formType: receipt === I821D ? 'I-821D' : 'I-765',
      submissionDate: '2026-01-05',
      applicantName: `${bidi}${huge}`,
      events: Array.from({ length: 400 }, (_, i) => ({ eventId: `${bidi}${i}`, eventCode: i === 0 ? `X${bidi}` : 'FTA0', eventTimestamp: new Date(Date.UTC(2026, 0, 5) + (400 - i) * 3_600_000).toISOString() })),
      notices: [],
    },
  });
  const status = (receipt: string) => ({
    data: {
      receiptNumber: receipt,
      currentActionCode: 'FTA0',
      statusTitle: `${bidi}Case Was Approved${huge}`,
      statusText: `<p>${bidi}${huge}</p>`,
      historicalCaseStatuses: Array.from({ length: 25 }, (_, i) => ({ date: `01-${String(i + 1).padStart(2, '0')}-2026 00:00:00`, actionCode: `C${i}`, statusTitle: bidi })),
    },
  });
  const documents = () => ({
    data: Array.from({ length: 10_000 }, (_, i) => ({
      contentId: `c${i}`,
      // Short hostile strings here: 10,000 of them must stay under the client's 2 MiB cap.
      fileName: `\u202E${i}.pdf`,
      type: i === 9_999 ? `I-765 C33 Standalone Approval\u2066` : 'Other\u200B',
      createDate: new Date(Date.UTC(2026, 0, 5) + i * 60_000).toISOString(),
      sourceType: 'USCIS Generated',
    })),
  });

  beforeAll(async () => {
    const routes = new Map<string, () => unknown>([[endpointPath.casesProbe(), () => ({ data: [] })]]);
    for (const receipt of [I821D, I765]) {
      routes.set(endpointPath.caseDetail(receipt), () => detail(receipt));
      routes.set(endpointPath.caseStatus(receipt), () => status(receipt));
      routes.set(endpointPath.documents(receipt), documents);
    }
    server = createServer((request, response) => {
      const answer = routes.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      response.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' });
      response.end(answer ? JSON.stringify(answer()) : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('25 historical statuses, 600 KB strings, 10,000 documents and hostile characters in every field: saved, bounded, clean', async () => {
    const dir = freshFolder();
    const notifications: DesktopNotification[] = [];
    let now = Date.UTC(2026, 0, 20, 15);
    const clock = { now: () => now };
    const { monitor, store } = createNodeMonitor({ origin, clock, storeDir: dir, timeZone: 'UTC', notifier: { notify: async (n) => void notifications.push(n) } });
    monitor.setCases([I821D, I765] as ReceiptNumber[]);
    monitor.signedIn();
    // One full check of each case (documents, status, detail): enough to see every bound and every text.
    const end = now + 30 * 60_000;
    for (let wakes = 0; wakes < 500; wakes += 1) {
      const at = monitor.nextWakeAt();
      if (at === null || at > end) break;
      now = Math.max(now, at);
      await monitor.wake();
    }
    monitor.stop();

    const saved = JSON.parse(readFileSync(store.path, 'utf8')) as AppState;
    const texts = JSON.stringify(saved);
    expect(store.saveProblem()).toBeNull();
    expect(statSync(store.path).size).toBeLessThan(512 * 1024);
    for (const receipt of [I821D, I765]) {
      const snapshot = saved.snapshots[receipt];
      if (snapshot?.status) expect(snapshot.status.history.length).toBeLessThanOrEqual(20);
      if (snapshot?.documents) expect(snapshot.documents.items.length).toBeLessThanOrEqual(200);
      if (snapshot?.detail) expect(snapshot.detail.events.length).toBeLessThanOrEqual(200);
    }
    expect(texts.includes('H'.repeat(TEXT_LIMIT + 1))).toBe(false);
    expect(notifications.length).toBeGreaterThan(0);
    for (const notification of notifications) {
      expect(`${notification.title}\n${notification.body}`).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069]|<img/);
      expect(notification.body.length).toBeLessThanOrEqual(500);
    }
    rows.push({
      fault: 'hostile answers: 25 statuses, 600 KB texts, 10k docs',
      before: 0,
      after: persistedCount(saved),
      told: `${notifications.length} notifications, all without markup or control characters; store ${Math.round(statSync(store.path).size / 1024)} KB`,
    });
  }, 60_000);
});
