// Tests for the store's recovery planner, with no files: the text of the file and of its last good copy in,
// the state to start from, where it came from, what is kept aside and what the user is told (English and Spanish) out.

import { describe, expect, it } from 'vitest';
import { planRecovery, type RecoveryInput } from '../../../engine/store/recovery-plan';
import { emptyState, STATE_VERSION, type AppState } from '../../../shared/monitor/state';
import { finding, I765, I821D, NOW, STAMP, watchedState } from '../../helpers/stored-state';

/** The text a save of `state` leaves on disk. */
const saved = (state: AppState | object) => JSON.stringify(state, null, '\t');

const plan = (files: Partial<Pick<RecoveryInput, 'main' | 'backup' | 'beside' | 'taken' | 'backupStale'>>) =>
  planRecovery({ stem: 'config', ext: '.json', main: null, backup: null, beside: null, taken: new Set(), now: NOW, ...files });

describe('a file that reads cleanly', () => {
  it('is kept as it is: nothing written, nothing kept aside, nothing to tell', () => {
    const state = watchedState(10);
    expect(plan({ main: saved(state), backup: saved(watchedState(9)) })).toEqual({ state, from: 'file', aside: null, saveTo: 'file', disk: 'holds-state', problems: [] });
  });

  it('reads a leading byte order mark as nothing', () => {
    expect(plan({ main: `\uFEFF${saved(watchedState(3))}` }).state).toEqual(watchedState(3));
  });

  it('starts empty, writing nothing, when there is no file and no copy', () => {
    expect(plan({})).toEqual({ state: emptyState(), from: 'nothing', aside: null, saveTo: 'file', disk: 'holds-state', problems: [] });
  });

  it('goes back to the last good copy when the file is missing, and says so', () => {
    const result = plan({ backup: saved(watchedState(11)) });
    expect(result).toMatchObject({ state: watchedState(11), from: 'backup', aside: null, disk: 'write' });
    expect(result.problems).toEqual([
      {
        message: 'The saved data file config.json was missing. DACA Watch went back to its last good copy (config.backup.json).',
        text: {
          en: 'The saved data file config.json was missing. DACA Watch went back to its last good copy (config.backup.json).',
          es: 'Faltaba el archivo de datos guardados config.json. DACA Watch volvió a su última copia buena (config.backup.json).',
        },
      },
    ]);
  });
});

describe('a file cut short', () => {
  const state = watchedState(40);
  const text = saved(state);
  const cut = text.slice(0, text.indexOf(`"key": "${finding(25).key}"`) + 10);

  it('with a good copy: the copy, completed with what the cut file still held, and the file moved aside', () => {
    const result = plan({ main: cut, backup: saved(watchedState(20)) });
    // Entries 0-24 from the cut file, the rest of what the copy held (0-19) already among them; the copy's settings and cases.
    expect(result.state.history).toEqual(state.history.slice(0, 25));
    expect(result.state.ledger).toEqual(watchedState(20).ledger);
    expect(result.state.settings).toEqual(state.settings);
    expect(result).toMatchObject({ from: 'file+backup', aside: { kind: 'corrupt', how: 'move', name: `config.corrupt-${STAMP}.json` }, saveTo: 'file', disk: 'write' });
    expect(result.problems).toEqual([
      {
        message: `The saved data in config.json was damaged. It was moved aside as config.corrupt-${STAMP}.json in the same folder, and DACA Watch went back to its last good copy (config.backup.json), adding what it could still read from the damaged file: 2 watched cases, 25 history entries and 12 notification records.`,
        text: {
          en: `The saved data in config.json was damaged. It was moved aside as config.corrupt-${STAMP}.json in the same folder, and DACA Watch went back to its last good copy (config.backup.json), adding what it could still read from the damaged file: 2 watched cases, 25 history entries and 12 notification records.`,
          es: `Los datos guardados en config.json estaban dañados. El archivo se apartó como config.corrupt-${STAMP}.json en la misma carpeta, y DACA Watch volvió a su última copia buena (config.backup.json), añadiendo lo que aún pudo leer del archivo dañado: 2 casos vigilados, 25 entradas del historial y 12 registros de notificación.`,
        },
      },
    ]);
  });

  it('without a copy: what the cut file still held, in words that count it', () => {
    const result = plan({ main: cut });
    expect(result.state.history).toEqual(state.history.slice(0, 25));
    expect(result.state.ledger).toEqual([]);
    expect(result.from).toBe('file');
    expect(result.problems.map((problem) => problem.text)).toEqual([
      {
        en: `The saved data in config.json was damaged and could not be read as a whole. It was moved aside as config.corrupt-${STAMP}.json in the same folder, and DACA Watch kept what it could read: 2 watched cases, 25 history entries and 0 notification records.`,
        es: `Los datos guardados en config.json estaban dañados y no se pudieron leer completos. El archivo se apartó como config.corrupt-${STAMP}.json en la misma carpeta, y DACA Watch conservó lo que pudo leer: 2 casos vigilados, 25 entradas del historial y 0 registros de notificación.`,
      },
    ]);
  });

  it('never names the copy after one already in the folder', () => {
    const taken = new Set([`config.corrupt-${STAMP}.json`, `config.corrupt-${STAMP}-2.json`]);
    expect(plan({ main: cut, taken }).aside?.name).toBe(`config.corrupt-${STAMP}-3.json`);
  });
});

describe('both the file and its copy damaged', () => {
  it('keeps what the file still holds, ignores the unreadable copy and counts in the singular where there is one', () => {
    const state = watchedState(2);
    const text = saved({ ...state, cases: [state.cases[0]] });
    const result = plan({ main: text.slice(0, text.indexOf('"history"') + 30), backup: '{"version": 2, "hist' });
    expect(result.state.cases.map((watched) => watched.receipt)).toEqual([I821D]);
    expect(result.state.history).toEqual([]);
    expect(result.from).toBe('file');
    expect(result.problems[0]?.text.en).toMatch(/kept what it could read: 1 watched case, 0 history entries and 0 notification records\.$/);
    expect(result.problems[0]?.text.es).toMatch(/conservó lo que pudo leer: 1 caso vigilado, 0 entradas del historial y 0 registros de notificación\.$/);
  });

  it('starts from the empty state when nothing of either can be read', () => {
    const result = plan({ main: 'not { json', backup: '[1, 2]' });
    expect(result.state).toEqual(emptyState());
    expect(result.aside).toEqual({ kind: 'corrupt', how: 'move', name: `config.corrupt-${STAMP}.json` });
    expect(result.problems).toHaveLength(1);
  });
});

describe('a file from another version', () => {
  it('newer than this one: read as far as understood, never written, saves go beside it', () => {
    const newer = { ...watchedState(3), version: STATE_VERSION + 1, widgets: ['from the future'] };
    const result = plan({ main: saved(newer) });
    expect(result).toMatchObject({ state: watchedState(3), from: 'file', aside: null, saveTo: 'beside', disk: 'holds-other' });
    expect(result.problems).toEqual([
      {
        message: `The saved data in config.json comes from a newer version of DACA Watch (format ${STATE_VERSION + 1}). This version reads what it understands and never changes that file: it saves its own changes beside it, in config.v${STATE_VERSION}.json.`,
        text: {
          en: `The saved data in config.json comes from a newer version of DACA Watch (format ${STATE_VERSION + 1}). This version reads what it understands and never changes that file: it saves its own changes beside it, in config.v${STATE_VERSION}.json.`,
          es: `Los datos guardados en config.json vienen de una versión más reciente de DACA Watch (formato ${STATE_VERSION + 1}). Esta versión lee lo que entiende y nunca cambia ese archivo: guarda sus propios cambios al lado, en config.v${STATE_VERSION}.json.`,
        },
      },
      {
        message: `The stored state is from a newer version (${STATE_VERSION + 1}); reading what this version understands.`,
        text: {
          en: `The stored state is from a newer version (${STATE_VERSION + 1}); reading what this version understands.`,
          es: `Los datos guardados son de una versión más reciente (${STATE_VERSION + 1}); se lee lo que esta versión entiende.`,
        },
      },
    ]);
  });

  it('newer, with this version\'s own file beside it: that file is the state', () => {
    const result = plan({ main: saved({ ...watchedState(3), version: STATE_VERSION + 1 }), beside: saved(watchedState(5)) });
    expect(result).toMatchObject({ state: watchedState(5), from: 'beside', saveTo: 'beside', disk: 'holds-state' });
    expect(result.problems).toHaveLength(1);
  });

  it('older: migrated and saved, the old file copied aside first, and nothing told (a migration loses nothing)', () => {
    const result = plan({ main: saved({ receipts: [I821D, I765], settings: { language: 'es' } }) });
    expect(result.state.cases.map((watched) => watched.receipt)).toEqual([I821D, I765]);
    expect(result.state.settings.language).toBe('es');
    expect(result).toMatchObject({ from: 'file', aside: { kind: 'before-update', how: 'copy', name: `config.before-update-${STAMP}.json` }, saveTo: 'file', disk: 'write', problems: [] });
  });

  it('of a version no migration starts from: the empty state, and says which', () => {
    const result = plan({ main: saved({ version: 1.5, cases: [] }) });
    expect(result.state).toEqual(emptyState());
    expect(result.aside?.kind).toBe('invalid');
    expect(result.problems[1]).toEqual({
      message: 'No migration from version 1.5.',
      text: { en: 'No migration from version 1.5.', es: 'No hay forma de pasar los datos guardados desde la versión 1.5.' },
    });
  });
});

describe('values of the wrong type, field by field', () => {
  const stored = () => JSON.parse(saved(watchedState(6)));

  it('a bad setting takes its default and only it; said in both languages', () => {
    const file = stored();
    file.settings.language = 'fr';
    file.settings.quietHours.start = 25;
    const result = plan({ main: saved(file) });
    expect(result.state.settings).toEqual({ ...watchedState().settings, language: 'en', quietHours: { enabled: true, start: '22:00', end: '06:30' } });
    expect(result.aside).toEqual({ kind: 'invalid', how: 'copy', name: `config.invalid-${STAMP}.json` });
    expect(result.problems.map((problem) => problem.text)).toEqual([
      {
        en: `Part of the saved data in config.json could not be read. The original was kept as config.invalid-${STAMP}.json in the same folder.`,
        es: `No se pudo leer una parte de los datos guardados en config.json. El original se conservó como config.invalid-${STAMP}.json en la misma carpeta.`,
      },
      { en: 'Settings › language could not be read and was reset.', es: 'No se pudo leer el valor de settings › language y se restableció el predeterminado.' },
      { en: 'Settings › quietHours › start could not be read and was reset.', es: 'No se pudo leer el valor de settings › quietHours › start y se restableció el predeterminado.' },
    ]);
  });

  it('with a good copy, a bad setting takes the copy\'s value rather than the default, and the copy is named', () => {
    const file = stored();
    file.settings.maskReceipts = 'yes';
    const result = plan({ main: saved(file), backup: saved(watchedState(6)) });
    expect(result.state.settings.maskReceipts).toBe(true);
    expect(result.from).toBe('file+backup');
    expect(result.problems[0]?.text).toEqual({
      en: `Part of the saved data in config.json could not be read. The original was kept as config.invalid-${STAMP}.json in the same folder, and what it no longer held was taken from the last good copy (config.backup.json).`,
      es: `No se pudo leer una parte de los datos guardados en config.json. El original se conservó como config.invalid-${STAMP}.json en la misma carpeta, y lo que ya no contenía se tomó de la última copia buena (config.backup.json).`,
    });
  });

  it('bad list items are dropped alone and counted, in the singular and the plural', () => {
    const file = stored();
    file.history[2] = { key: '', type: 'not-a-finding' };
    file.ledger[0] = 'not a record';
    file.ledger[1] = { key: 7 };
    const result = plan({ main: saved(file) });
    expect(result.state.history).toEqual(watchedState(6).history.filter((_, n) => n !== 2));
    expect(result.state.ledger).toEqual(watchedState(6).ledger.slice(2));
    expect(result.problems.slice(1).map((problem) => problem.text)).toEqual([
      { en: '1 history entry could not be read and was dropped.', es: 'No se pudo leer 1 entrada del historial y se descartó.' },
      { en: '2 notification records could not be read and were dropped.', es: 'No se pudieron leer 2 registros de notificación y se descartaron.' },
    ]);
  });

  it('a damaged value inside a kept item resets that value and names it; a list known by no name is named by its path', () => {
    const file = stored();
    file.cases[0].formType = 42;
    file.snapshots[I821D].detail.events.push({ eventId: 7 });
    const result = plan({ main: saved(file) });
    expect(result.state.cases.map((watched) => [watched.receipt, watched.formType])).toEqual([
      [I821D, null],
      [I765, 'I-765'],
    ]);
    expect(result.state.snapshots[I821D]?.detail?.events).toEqual(watchedState().snapshots[I821D]?.detail?.events);
    expect(result.problems.slice(1).map((problem) => problem.message)).toEqual([
      'Cases › 1 › formType could not be read and was reset.',
      `1 entry of snapshots › ${I821D} › detail › events could not be read and was dropped.`,
    ]);
    expect(result.problems[2]?.text.es).toBe(`No se pudo leer 1 elemento de snapshots › ${I821D} › detail › events y se descartó.`);
  });

  it('every problem\'s message is its English text', () => {
    const file = stored();
    file.settings = 'none';
    file.history = 'none';
    const result = plan({ main: saved(file) });
    expect(result.problems.length).toBeGreaterThan(1);
    for (const problem of result.problems) expect(problem.message).toBe(problem.text.en);
  });
});

describe('the file and its backup merged (issue 22, item 3)', () => {
  const state = watchedState(40);
  const third = 'IOE0912345670';
  const withThird: AppState = { ...state, cases: [...state.cases, { receipt: third, formType: 'I-765', addedAt: '2025-05-01T10:00:00.000Z', problem: null }] };

  it('a cut inside the case list keeps every case of the backup, and each case once', () => {
    const text = saved(withThird);
    const cut = text.slice(0, text.indexOf(I765) + 5);
    const result = plan({ main: cut, backup: saved(withThird) });
    expect(result.state.cases.map((watched) => watched.receipt)).toEqual([I821D, I765, third]);
    expect(result.state.history).toEqual(withThird.history);
    expect(result.state.ledger).toEqual(withThird.ledger);
  });

  it('a case, finding or record in either is kept; where both hold one, the newer by its time wins', () => {
    const main: AppState = structuredClone(withThird);
    main.cases = [main.cases[0]!];
    main.history = main.history.slice(0, 10);
    main.history[0] = { ...main.history[0]!, foundAt: '2025-06-01T12:29:00.000Z' };
    main.snapshots[I821D]!.status!.at = '2025-05-01T00:00:00.000Z';
    main.learnedTitles = { NEW: { en: 'New title' } };
    const mainText = saved(main).replace('"maskReceipts": true', '"maskReceipts": "yes"');
    const result = plan({ main: mainText, backup: saved(withThird) });
    expect(result.from).toBe('file+backup');
    expect(result.state.cases.map((watched) => watched.receipt)).toEqual([I821D, I765, third]);
    expect(result.state.history).toHaveLength(40);
    expect(result.state.history.find((entry) => entry.key === main.history[0]!.key)?.foundAt).toBe('2025-06-01T12:29:00.000Z');
    // The backup's status reading is newer than the file's: it wins.
    expect(result.state.snapshots[I821D]!.status!.at).toBe(state.snapshots[I821D]!.status!.at);
    expect(result.state.learnedTitles).toEqual({ NEW: { en: 'New title' }, IAF: { en: 'Case Was Received' } });
    expect(result.state.settings.maskReceipts).toBe(true);
  });

  it('a damaged backup is salvaged field by field and merged, and the user is told', () => {
    const backupText = saved(withThird);
    const damagedBackup = backupText.slice(0, backupText.indexOf('"schedule"') + 20);
    const text = saved(withThird);
    const result = plan({ main: text.slice(0, text.indexOf('"history"') + 40), backup: damagedBackup });
    expect(result.from).toBe('file+backup');
    expect(result.state.cases.map((watched) => watched.receipt)).toEqual([I821D, I765, third]);
    expect(result.state.history).toEqual(withThird.history);
    expect(result.state.ledger).toEqual(withThird.ledger);
    expect(result.problems.map((problem) => problem.text.en)).toContain('The backup copy (config.backup.json) was damaged too; DACA Watch used what it could still read of it.');
    expect(result.problems.map((problem) => problem.text.es)).toContain('La copia de respaldo (config.backup.json) también estaba dañada; DACA Watch usó lo que aún pudo leer de ella.');
    // A damaged backup is never called the last good copy.
    expect(result.problems[0]?.text.en).toContain('went back to its backup copy (config.backup.json, damaged too)');
    expect(result.problems[0]?.text.es).toContain('volvió a su copia de respaldo (config.backup.json, también dañada)');
    expect(result.problems.some((problem) => problem.text.en.includes('last good copy'))).toBe(false);
  });

  it('a backup a save could not update is called an older copy with its time, never the last good copy', () => {
    const older = watchedState(10);
    const text = saved(state);
    const result = plan({ main: text.slice(0, text.indexOf('"ledger"')), backup: saved(older), backupStale: { backupFrom: '2025-05-30T08:15:00.000Z' } });
    const [first] = result.problems;
    expect(first?.text.en).toContain('went back to an older copy (config.backup.json, from 2025-05-30 08:15 UTC; later saves could not update it)');
    expect(first?.text.es).toContain('volvió a una copia más antigua (config.backup.json, del 2025-05-30 08:15 UTC; los guardados posteriores no pudieron actualizarla)');
    expect(first?.text.en).not.toContain('last good copy');
    // What the file still held is kept: the forty findings, not the older copy's ten.
    expect(result.state.history).toEqual(state.history);
    const missing = plan({ backup: saved(older), backupStale: { backupFrom: null } });
    expect(missing.problems[0]?.text.en).toBe('The saved data file config.json was missing. DACA Watch went back to an older copy (config.backup.json; later saves could not update it).');
  });
});
