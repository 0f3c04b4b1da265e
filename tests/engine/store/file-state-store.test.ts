// Tests for the state store on disk: round trips, writes only on change, recovery from damaged, partial, old and
// newer files (the original always kept aside), erase and file modes. Real files in temp folders; no mocks.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeSaveFileSystem } from '../../../engine/store/atomic-file';
import { openStateStore } from '../../../engine/store/file-state-store';
import { TEXT_LIMIT } from '../../../shared/limits';
import { AppStateSchema, emptyState, STATE_VERSION, type AppState } from '../../../shared/monitor/state';
import { CHECK_PRESETS } from '../../../shared/monitor/settings-limits';
import { failingDisk } from '../../helpers/failing-disk';
import { finding, I765, I821D, NOW, STAMP, watchedState } from '../../helpers/stored-state';

let root: string;
let dir: string;
let file: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'daca-watch-store-'));
  dir = join(root, 'DACA Watch');
  file = join(dir, 'config.json');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const open = () => openStateStore({ dir, now: () => NOW });

/** Writes `bytes` as the store file, the way a crash, a disk fault or an older version would leave it. */
function leaveFile(bytes: string | Buffer): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, bytes);
}

/** The text a store of this state leaves on disk. */
function savedText(state: AppState): string {
  const store = openStateStore({ dir: join(root, 'scratch') });
  store.write(state);
  return readFileSync(store.path, 'utf8');
}

function copiesAside(kind: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith(`config.${kind}-`));
}

describe('the file and its format', () => {
  it('keeps a realistic state across a reopen', () => {
    const state = watchedState();
    open().write(state);

    const reopened = open();
    expect(reopened.read()).toEqual({ state, problems: [] });
    expect(reopened.recovered).toEqual([]);
    expect(reopened.path).toBe(file);
  });

  it('writes the format electron-store writes: config.json, tab-indented JSON, and a copy of it as the backup', () => {
    const state = watchedState(3);
    open().write(state);

    expect(readdirSync(dir).sort()).toEqual(['config.backup.json', 'config.json']);
    expect(readFileSync(join(dir, 'config.backup.json'), 'utf8')).toBe(JSON.stringify(state, null, '\t'));
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(state, null, '\t'));
  });

  it('honours another file name in the same folder', () => {
    const store = openStateStore({ dir, fileName: 'watch.json' });
    store.write(watchedState(2));
    expect(readdirSync(dir).sort()).toEqual(['watch.backup.json', 'watch.json']);
  });

  it.skipIf(process.platform === 'win32')('gives the file mode 0600, even when it was readable by others before', () => {
    leaveFile(savedText(watchedState(2)));
    chmodSync(file, 0o644);
    const store = open();
    store.write({ ...watchedState(2), lastSeenAt: '2025-06-01T12:29:00.000Z' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('gives the copies kept aside mode 0600', () => {
    leaveFile('damaged');
    chmodSync(file, 0o644);
    open();
    expect(statSync(join(dir, `config.corrupt-${STAMP}.json`)).mode & 0o777).toBe(0o600);
  });

  it('starts empty without creating a file when there is none', () => {
    const store = open();
    expect(store.read()).toEqual({ state: emptyState(), problems: [] });
    store.write(emptyState());
    expect(store.writes).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('lets a failure to open through instead of taking it for damage: nothing is moved aside', () => {
    const text = savedText(watchedState(2));
    leaveFile(text);
    const diskUnavailable = {
      ...nodeSaveFileSystem,
      readFileSync: () => {
        throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      },
    };
    expect(() => openStateStore({ dir, now: () => NOW, fileSystem: diskUnavailable })).toThrow('EIO');
    expect(readdirSync(dir)).toEqual(['config.json']);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('writes happen on change', () => {
  it('does not touch the disk when the state has not changed', () => {
    const store = open();
    const state = watchedState();
    store.write(state);
    expect(store.writes).toBe(1);
    const past = new Date('2020-01-01T00:00:00.000Z');
    utimesSync(file, past, past);
    const before = statSync(file);

    store.write(structuredClone(state));
    store.write(AppStateSchema.parse(JSON.parse(JSON.stringify(state))));

    expect(store.writes).toBe(1);
    const after = statSync(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
  });

  it('writes when something changed, and not again for the same change', () => {
    const store = open();
    store.write(watchedState());
    const changed = { ...watchedState(), lastSeenAt: '2025-06-01T12:29:00.000Z' };
    store.write(changed);
    store.write(changed);
    expect(store.writes).toBe(2);
    expect(JSON.parse(readFileSync(file, 'utf8')).lastSeenAt).toBe('2025-06-01T12:29:00.000Z');
  });

  it('does not rewrite a file it just opened when the same state comes back', () => {
    leaveFile(savedText(watchedState()));
    const store = open();
    store.write(watchedState());
    expect(store.writes).toBe(0);
  });

  it('refuses an invalid state and leaves the file untouched', () => {
    const store = open();
    store.write(watchedState());
    const bytes = readFileSync(file);
    const before = statSync(file);
    const invalid = { ...watchedState(), cases: [{ receipt: 'not a receipt', addedAt: 'yesterday' }] } as unknown as AppState;

    expect(() => store.write(invalid)).toThrow();

    expect(readFileSync(file)).toEqual(bytes);
    expect(statSync(file).ino).toBe(before.ino);
    expect(store.writes).toBe(1);
    expect(store.read().state).toEqual(watchedState());
  });
});

describe('a file that is not valid JSON is moved aside and what can be read is kept', () => {
  it('keeps every history entry before the cut of a truncated file', () => {
    const state = watchedState(40);
    const text = savedText(state);
    const cutInside = text.indexOf(`"key": "${finding(25).key}"`) + 10;
    const truncated = text.slice(0, cutInside);
    leaveFile(truncated);

    const store = open();

    const { state: read } = store.read();
    expect(read.history).toEqual(state.history.slice(0, 25));
    expect(read.cases).toEqual(state.cases);
    expect(read.settings).toEqual(state.settings);
    expect(read.snapshots).toEqual(state.snapshots);
    expect(read.ledger).toEqual([]);
    expect(copiesAside('corrupt')).toEqual([`config.corrupt-${STAMP}.json`]);
    expect(readFileSync(join(dir, `config.corrupt-${STAMP}.json`), 'utf8')).toBe(truncated);
    expect(store.recovered).toEqual([
      `The saved data in config.json was damaged and could not be read as a whole. It was moved aside as config.corrupt-${STAMP}.json in the same folder, and DACA Watch kept what it could read: 2 watched cases, 25 history entries and 0 notification records.`,
    ]);
    expect(store.read().problems.map((problem) => problem.message)).toEqual(store.recovered);
  });

  it('writes what it kept back, so the next start reads cleanly', () => {
    const text = savedText(watchedState(40));
    leaveFile(text.slice(0, Math.floor(text.length / 2)));
    const kept = open().read().state;
    expect(kept.history.length).toBeGreaterThan(0);

    const reopened = open();
    expect(reopened.recovered).toEqual([]);
    expect(reopened.read().state).toEqual(kept);
    expect(copiesAside('corrupt')).toHaveLength(1);
  });

  it('skips one damaged history entry and keeps the rest, the notification records after it included', () => {
    const state = watchedState(10);
    const text = savedText(state);
    const damagedText = text.replace(`"title": "Event 4"`, `"title": Event 4`);
    expect(() => JSON.parse(damagedText)).toThrow();
    leaveFile(damagedText);

    const read = open().read().state;

    expect(read.history).toEqual(state.history.filter((_, n) => n !== 4));
    expect(read.ledger).toEqual(state.ledger);
    expect(read.schedule).toEqual(state.schedule);
  });

  it.each([
    ['garbage', 'this is not { the state ] "at all'],
    ['binary', Buffer.from([0x00, 0xff, 0x1f, 0x8b, 0x08, 0x00, 0x7b, 0x22, 0xc3, 0x28])],
    ['empty', ''],
    ['JSON that is not an object', '[{"version": 1}]'],
  ])('starts from the empty state when the file is %s, keeping it aside', (_, bytes) => {
    leaveFile(bytes);

    const store = open();

    expect(store.read().state).toEqual(emptyState());
    const copy = join(dir, `config.corrupt-${STAMP}.json`);
    expect(readFileSync(copy)).toEqual(Buffer.from(bytes));
    expect(store.recovered).toEqual([
      `The saved data in config.json was damaged and could not be read as a whole. It was moved aside as config.corrupt-${STAMP}.json in the same folder, and DACA Watch kept what it could read: 0 watched cases, 0 history entries and 0 notification records.`,
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(emptyState());
  });

  it('never replaces an earlier copy kept aside in the same millisecond', () => {
    leaveFile('first damage');
    open();
    writeFileSync(file, 'second damage');
    const second = open();

    expect(copiesAside('corrupt').sort()).toEqual([`config.corrupt-${STAMP}-2.json`, `config.corrupt-${STAMP}.json`]);
    expect(readFileSync(join(dir, `config.corrupt-${STAMP}.json`), 'utf8')).toBe('first damage');
    expect(readFileSync(join(dir, `config.corrupt-${STAMP}-2.json`), 'utf8')).toBe('second damage');
    expect(second.recovered[0]).toContain(`config.corrupt-${STAMP}-2.json`);
  });
});

describe('a file that reads as JSON but not wholly as a state is salvaged', () => {
  it('drops one bad history entry, keeps the good ones and keeps the original aside', () => {
    const state = watchedState(6);
    const stored = JSON.parse(savedText(state));
    stored.history[2] = { key: '', type: 'not-a-finding' };
    const original = JSON.stringify(stored, null, '\t');
    leaveFile(original);

    const store = open();

    expect(store.read().state).toEqual({ ...state, history: state.history.filter((_, n) => n !== 2) });
    expect(readFileSync(join(dir, `config.invalid-${STAMP}.json`), 'utf8')).toBe(original);
    expect(store.recovered).toEqual([
      `Part of the saved data in config.json could not be read. The original was kept as config.invalid-${STAMP}.json in the same folder.`,
      '1 history entry could not be read and was dropped.',
    ]);
    expect(JSON.parse(readFileSync(file, 'utf8')).history).toHaveLength(5);
  });

  it('reads a file from a newer version as far as it can, never overwrites it, and saves beside it', () => {
    const stored = { ...JSON.parse(savedText(watchedState(3))), version: STATE_VERSION + 1, widgets: ['from the future'] };
    const original = JSON.stringify(stored, null, '\t');
    leaveFile(original);

    const store = open();

    expect(store.read().state).toEqual(watchedState(3));
    expect(store.recovered).toEqual([
      `The saved data in config.json comes from a newer version of DACA Watch (format ${STATE_VERSION + 1}). This version reads what it understands and never changes that file: it saves its own changes beside it, in config.v${STATE_VERSION}.json.`,
      `The stored state is from a newer version (${STATE_VERSION + 1}); reading what this version understands.`,
    ]);
    store.write(watchedState(4));
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(join(dir, `config.v${STATE_VERSION}.json`), 'utf8'))).toEqual(watchedState(4));

    // The next start reads this version's own file, and still leaves the newer one alone.
    const reopened = open();
    expect(reopened.read().state).toEqual(watchedState(4));
    expect(reopened.savePath).toBe(join(dir, `config.v${STATE_VERSION}.json`));
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('migrates a version 0 file (receipts, no version), keeping the old file without calling it a problem', () => {
    const original = JSON.stringify({ receipts: [I821D, I765], history: [finding(1)], settings: { language: 'es' } }, null, '\t');
    leaveFile(original);

    const store = open();

    const { state } = store.read();
    expect(state.cases.map((watched) => watched.receipt)).toEqual([I821D, I765]);
    expect(state.history).toEqual([AppStateSchema.shape.history.parse([finding(1)])[0]]);
    expect(state.settings.language).toBe('es');
    expect(store.recovered).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(readFileSync(join(dir, `config.before-update-${STAMP}.json`), 'utf8')).toBe(original);
  });
});

describe('format 2 (the pair scheduler)', () => {
  it.each([
    [{ workHoursIntervalMinutes: 24, offHoursIntervalMinutes: 120 }, CHECK_PRESETS.recommended],
    [{ workHoursIntervalMinutes: 30, offHoursIntervalMinutes: 120 }, { workHoursIntervalMinutes: 30, offHoursIntervalMinutes: 120 }],
    [{ workHoursIntervalMinutes: 12, offHoursIntervalMinutes: 60 }, CHECK_PRESETS['more-often']],
  ])('migrates a version 1 file: intervals %j become %j, a case\'s last check its last documents read, its planned check dropped', (old, now) => {
    const v1 = {
      version: 1,
      settings: { language: 'es', ...old },
      cases: [{ receipt: I821D, formType: 'I-821D', addedAt: '2025-03-02T15:00:00.000Z', problem: null }],
      schedule: { lastRequestAt: '2025-06-01T12:00:00.000Z', cases: { [I821D]: { lastCheckAt: '2025-06-01T12:00:00.000Z', lastStatusAt: null, lastDetailAt: null, nextCheckAt: '2025-06-01T12:20:00.000Z' } } },
    };
    leaveFile(JSON.stringify(v1, null, '\t'));
    const { state } = open().read();
    expect(state.version).toBe(STATE_VERSION);
    expect({ workHoursIntervalMinutes: state.settings.workHoursIntervalMinutes, offHoursIntervalMinutes: state.settings.offHoursIntervalMinutes }).toEqual(now);
    expect(state.settings.language).toBe('es');
    expect(state.schedule.cases[I821D]).toMatchObject({ lastCheckAt: '2025-06-01T12:00:00.000Z', lastDocumentsAt: '2025-06-01T12:00:00.000Z', failures: 0, retryAt: null });
    expect(state.schedule.cases[I821D]).not.toHaveProperty('nextCheckAt');
  });
});

describe('erase everything', () => {
  it('removes the file, every copy kept aside and the folder, and a reopen starts empty', () => {
    leaveFile(JSON.stringify({ receipts: [I821D] }));
    open();
    writeFileSync(file, 'damaged');
    const store = open();
    store.write(watchedState());
    expect(readdirSync(dir).sort()).toEqual(['config.backup.json', `config.before-update-${STAMP}.json`, `config.corrupt-${STAMP}.json`, 'config.json']);
    expect(store.read().problems).not.toEqual([]);

    store.erase();

    expect(existsSync(dir)).toBe(false);
    expect(store.recovered).toEqual([]);
    expect(store.read()).toEqual({ state: emptyState(), problems: [] });
    expect(open().read()).toEqual({ state: emptyState(), problems: [] });
  });

  it('leaves files that are not its own, and the folder holding them', () => {
    const store = open();
    store.write(watchedState());
    writeFileSync(join(dir, 'Preferences'), '{}');

    store.erase();

    expect(readdirSync(dir)).toEqual(['Preferences']);
  });

  it('writes again after an erase when there is something new to keep', () => {
    const store = open();
    store.write(watchedState());
    store.erase();
    store.write(emptyState());
    expect(existsSync(file)).toBe(false);
    store.write(watchedState(1));
    expect(open().read().state).toEqual(watchedState(1));
  });
});

describe('saves that cannot reach the disk', () => {
  it('on a full disk keeps the old file intact and the state in memory, says why once, and saves once space returns', () => {
    const disk = failingDisk();
    const store = openStateStore({ dir, now: () => NOW, fileSystem: disk });
    store.write(watchedState(10));
    const before = readFileSync(file, 'utf8');

    disk.bytesLeft = 200;
    expect(store.write(watchedState(40))).toBe(false);
    expect(store.saveProblem()).toEqual({ cause: 'disk-full', since: new Date(NOW).toISOString() });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(store.read().state).toEqual(watchedState(40));
    expect(readdirSync(dir).sort()).toEqual(['config.backup.json', 'config.json']);
    // A restart now finds the old file whole.
    expect(open().read().state).toEqual(watchedState(10));

    // Tried again with the same state (nothing new): still refused, still the same problem.
    expect(store.write(watchedState(40))).toBe(false);
    disk.bytesLeft = null;
    expect(store.write(watchedState(40))).toBe(true);
    expect(store.saveProblem()).toBeNull();
    expect(open().read().state).toEqual(watchedState(40));
  });

  it('goes back to the last good copy when the file is damaged: nothing saved is lost', () => {
    const store = open();
    store.write(watchedState(10));
    store.write(watchedState(20));
    expect(JSON.parse(readFileSync(join(dir, 'config.backup.json'), 'utf8')).history).toHaveLength(20);
    // The file is cut short by something outside DACA Watch, after 15 history entries.
    const text = readFileSync(file, 'utf8');
    const cut = text.indexOf('"key": "new-event:IOE0912345679:event-15"');
    writeFileSync(file, text.slice(0, cut));

    const reopened = open();

    const { state } = reopened.read();
    expect(state).toEqual(watchedState(20));
    expect(state.settings).toEqual(watchedState().settings);
    expect(state.cases).toEqual(watchedState().cases);
    expect(reopened.recovered[0]).toMatch(/went back to its last good copy \(config\.backup\.json\)/);
  });

  it('goes back to the last good copy when the file is missing', () => {
    const store = open();
    store.write(watchedState(10));
    store.write(watchedState(11));
    rmSync(file);
    const reopened = open();
    expect(reopened.read().state).toEqual(watchedState(11));
    expect(reopened.recovered[0]).toMatch(/was missing/);
  });

  it('never makes a damaged file the backup, and completes it from the backup', () => {
    const store = open();
    store.write(watchedState(10));
    store.write(watchedState(12));
    writeFileSync(file, '{"version": 1, "settings": {"language": "fr"}}');
    const reopened = open();
    expect(reopened.read().state.history).toEqual(watchedState(12).history);
    expect(reopened.read().state.settings).toEqual(watchedState(12).settings);
    reopened.write(watchedState(13));
    expect(JSON.parse(readFileSync(join(dir, 'config.backup.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(readFileSync(join(dir, 'config.backup.json'), 'utf8')).not.toContain('"fr"');
  });
});

describe('one bad value costs only that value', () => {
  it('resets one invalid setting and keeps every other, the privacy setting included', () => {
    const stored = JSON.parse(savedText(watchedState(3)));
    stored.settings.language = 'fr';
    stored.settings.quietHours.start = '25:99';
    leaveFile(JSON.stringify(stored));

    const store = open();

    const { settings } = store.read().state;
    expect(settings.maskReceipts).toBe(true);
    expect(settings.permitExpiry).toBe('2025-11-30');
    expect(settings.language).toBe('en');
    expect(settings.quietHours).toEqual({ enabled: true, start: '22:00', end: '06:30' });
    expect(store.recovered).toContain('Settings › language could not be read and was reset.');
    expect(store.recovered).toContain('Settings › quietHours › start could not be read and was reset.');
    expect(store.read().state.history).toEqual(watchedState(3).history);
  });

  it('keeps a watched case whose form type is damaged, and one case reading whose event is damaged', () => {
    const stored = JSON.parse(savedText(watchedState(3)));
    stored.cases[0].formType = 42;
    stored.snapshots[I821D].detail.events.push({ eventId: 7 });
    leaveFile(JSON.stringify(stored));

    const { state } = open().read();

    expect(state.cases.map((watched) => [watched.receipt, watched.formType])).toEqual([
      [I821D, null],
      [I765, 'I-765'],
    ]);
    expect(state.snapshots[I821D]?.detail?.events).toEqual(watchedState().snapshots[I821D]?.detail?.events);
    expect(state.snapshots[I821D]?.status).toEqual(watchedState().snapshots[I821D]?.status);
  });
});

describe('bounds', () => {
  it('saves a status with 25 historical statuses (the newest 20 kept) and a 1 MB title (capped)', () => {
    const state = watchedState(3);
    const status = state.snapshots[I821D]!.status!;
    status.history = Array.from({ length: 25 }, (_, n) => ({ date: `2025-01-${String(n + 1).padStart(2, '0')}`, code: `C${n}` }));
    status.title = 'A'.repeat(1_000_000);
    const store = open();

    expect(store.write(state)).toBe(true);

    const saved = open().read().state.snapshots[I821D]!.status!;
    expect(saved.history.map((entry) => entry.code)).toEqual(Array.from({ length: 20 }, (_, n) => `C${n + 5}`));
    expect(saved.title!.length).toBe(TEXT_LIMIT);
    expect(saved.title!.endsWith('…')).toBe(true);
    expect(statSync(file).size).toBeLessThan(64 * 1024);
  });
});

describe('an honest backup (issue 22, item 4)', () => {
  it('a backup that cannot be written: the file saved, the problem said, the old backup moved to its stale name and named an older copy', () => {
    const disk = failingDisk();
    const store = openStateStore({ dir, now: () => NOW, fileSystem: disk });
    store.write(watchedState(10));
    const backupBefore = readFileSync(join(dir, 'config.backup.json'), 'utf8');

    disk.fullFor = /config\.backup\.json/;
    expect(store.write(watchedState(20))).toBe(true);
    expect(store.saveProblem()).toEqual({ cause: 'backup-failed', since: new Date(NOW).toISOString() });
    expect(JSON.parse(readFileSync(file, 'utf8')).history).toHaveLength(20);
    expect(readdirSync(dir).sort()).toEqual(['config.backup-stale.json', 'config.json']);
    expect(readFileSync(join(dir, 'config.backup-stale.json'), 'utf8')).toBe(backupBefore);
    // Failing again keeps the same copy under the stale name, and the same problem (told once by the saver).
    expect(store.write(watchedState(21))).toBe(true);
    expect(readFileSync(join(dir, 'config.backup-stale.json'), 'utf8')).toBe(backupBefore);
    expect(store.saveProblem()?.since).toBe(new Date(NOW).toISOString());

    // The file damaged now: recovery takes the stale copy, calls it older, and keeps all the file still held.
    utimesSync(join(dir, 'config.backup-stale.json'), new Date('2025-05-30T08:15:00Z'), new Date('2025-05-30T08:15:00Z'));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('"ledger"')));
    const reopened = openStateStore({ dir, now: () => NOW });
    expect(reopened.recovered[0]).toContain('went back to an older copy (config.backup.json, from 2025-05-30 08:15 UTC; later saves could not update it)');
    expect(reopened.recovered.join('\n')).not.toContain('last good copy');
    expect(reopened.read().state.history).toEqual(watchedState(21).history);
    // Its own save wrote a fresh backup, and the stale one is gone.
    expect(readdirSync(dir).filter((name) => name.startsWith('config.backup')).sort()).toEqual(['config.backup.json']);
  });

  it('once the backup can be written again, the problem clears and the stale copy is removed', () => {
    const disk = failingDisk();
    const store = openStateStore({ dir, now: () => NOW, fileSystem: disk });
    store.write(watchedState(10));
    disk.fullFor = /config\.backup\.json/;
    store.write(watchedState(11));
    disk.fullFor = null;
    expect(store.write(watchedState(12))).toBe(true);
    expect(store.saveProblem()).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(['config.backup.json', 'config.json']);
    expect(readFileSync(join(dir, 'config.backup.json'), 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('erase removes the stale copy too', () => {
    const disk = failingDisk();
    const store = openStateStore({ dir, now: () => NOW, fileSystem: disk });
    store.write(watchedState(10));
    disk.fullFor = /config\.backup\.json/;
    store.write(watchedState(11));
    store.erase();
    expect(existsSync(dir)).toBe(false);
  });
});
