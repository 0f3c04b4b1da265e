// Tests for the state store on disk: round trips, writes only on change, recovery from damaged, partial, old and
// newer files (the original always kept aside), erase and file modes. Real files in temp folders; no mocks.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateStore } from '../../engine/file-state-store';
import { AppStateSchema, emptyState, type AppState } from '../../shared/monitor/state';
import type { FindingInput } from '../../shared/monitor/findings';

const NOW = Date.parse('2025-06-01T12:30:00.000Z');
const STAMP = '2025-06-01T12-30-00.000Z';
const I821D = 'IOE0912345678';
const I765 = 'IOE0912345679';

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

function finding(n: number): FindingInput {
  return {
    key: `new-event:${I765}:event-${n}`,
    type: n % 7 === 0 ? 'new-document' : 'new-event',
    receipt: n % 2 === 0 ? I821D : I765,
    foundAt: new Date(NOW - (60 - n) * 3_600_000).toISOString(),
    happenedAt: new Date(NOW - (61 - n) * 3_600_000).toISOString(),
    detail: { code: `IAF${n}`, title: `Event ${n}`, titleSpanish: `Evento ${n}`, evidence: ['event'] },
  };
}

/** A state as it looks after weeks of watching a pair of cases. */
function watchedState(historyLength = 40): AppState {
  return AppStateSchema.parse({
    version: 1,
    settings: { language: 'es', maskReceipts: true, quietHours: { enabled: true, start: '23:00', end: '06:30' }, permitExpiry: '2025-11-30' },
    cases: [
      { receipt: I821D, formType: 'I-821D', addedAt: '2025-03-02T15:00:00.000Z' },
      { receipt: I765, formType: 'I-765', addedAt: '2025-03-02T15:00:05.000Z' },
    ],
    snapshots: {
      [I821D]: {
        detail: {
          at: '2025-06-01T12:00:00.000Z',
          formType: 'I-821D',
          submissionDate: '2025-02-20',
          closed: false,
          actionRequired: false,
          events: [{ eventId: 'e1', eventCode: 'IAF', eventTimestamp: '2025-02-21T10:00:00.000Z' }],
          notices: [{ letterId: 'n1', actionType: 'Receipt', generationDate: '2025-02-22' }],
        },
        status: {
          at: '2025-06-01T12:00:00.000Z',
          code: 'IAF',
          title: 'Case Was Received',
          titleSpanish: 'Caso fue recibido',
          text: 'On February 20, 2025, we received your Form I-821D.',
          history: [{ date: '2025-02-20', code: 'IAF', title: 'Case Was Received' }],
        },
        documents: { at: '2025-06-01T12:00:00.000Z', items: [{ contentId: 'd1', fileName: 'receipt.pdf', type: 'Receipt Notice', sourceType: 'uscis' }] },
      },
      [I765]: { status: { at: '2025-06-01T12:00:00.000Z', code: 'IAF', history: [] } },
    },
    history: Array.from({ length: historyLength }, (_, n) => finding(n)),
    learnedTitles: { IAF: { en: 'Case Was Received' } },
    ledger: Array.from({ length: 12 }, (_, n) => ({ key: finding(n).key, notifiedAt: new Date(NOW - n * 60_000).toISOString() })),
    schedule: {
      lastRequestAt: '2025-06-01T12:00:00.000Z',
      cases: { [I821D]: { lastCheckAt: '2025-06-01T12:00:00.000Z', nextCheckAt: '2025-06-01T12:15:00.000Z' } },
      backoff: { until: '2025-06-01T12:40:00.000Z', reason: 'HTTP 503', failures: 3 },
    },
    session: { state: 'signed-in', since: '2025-06-01T08:00:00.000Z' },
    lastSeenAt: '2025-05-31T20:00:00.000Z',
  });
}

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

  it('writes the format electron-store writes: config.json, tab-indented JSON, nothing else in the folder', () => {
    const state = watchedState(3);
    open().write(state);

    expect(readdirSync(dir)).toEqual(['config.json']);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(state, null, '\t'));
  });

  it('honours another file name in the same folder', () => {
    const store = openStateStore({ dir, fileName: 'watch.json' });
    store.write(watchedState(2));
    expect(readdirSync(dir)).toEqual(['watch.json']);
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
    const diskUnavailable = () => {
      throw new Error('EIO: i/o error, read');
    };
    expect(() => openStateStore({ dir, now: () => NOW, openFile: diskUnavailable })).toThrow('EIO');
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
    expect(store.read().problems).toEqual(store.recovered);
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
    const stored = { ...JSON.parse(savedText(watchedState(3))), version: 2, widgets: ['from the future'] };
    const original = JSON.stringify(stored, null, '\t');
    leaveFile(original);

    const store = open();

    expect(store.read().state).toEqual(watchedState(3));
    expect(store.recovered).toEqual([
      'The saved data in config.json comes from a newer version of DACA Watch (format 2). This version reads what it understands and never changes that file: it saves its own changes beside it, in config.v1.json.',
      'The stored state is from a newer version (2); reading what this version understands.',
    ]);
    store.write(watchedState(4));
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(join(dir, 'config.v1.json'), 'utf8'))).toEqual(watchedState(4));

    // The next start reads this version's own file, and still leaves the newer one alone.
    const reopened = open();
    expect(reopened.read().state).toEqual(watchedState(4));
    expect(reopened.savePath).toBe(join(dir, 'config.v1.json'));
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
