// What the store tells the user after opening its file, in English and Spanish: the file was damaged, missing,
// read in part or from a newer version, and what was lost. Wording only; the recovery planner decides.

import type { Localized } from '../../shared/localized';
import type { AppState, StoredStateProblem } from '../../shared/monitor/state';
import type { SalvageLoss } from './salvage';

/** The file names a sentence may name: the file, the copy kept aside, the last good copy, the file saved beside. */
export interface FileNames {
  file: string;
  aside?: string;
  backup: string;
  beside: string;
  /** Set when saves could not update the backup: it is older than the file, last written `from` (null: unknown). */
  backupStale?: { from: string | null } | null;
  /** Set when the backup was damaged itself and only salvaged. */
  backupDamaged?: boolean;
}

/** The backup, named for what it is: "its last good copy (…)", or, when saves could not update it, "an older copy (…, from <time>)". */
function copyName(names: FileNames, article: 'its' | 'the'): Localized {
  if (!names.backupStale && names.backupDamaged) {
    return article === 'its'
      ? { en: `its backup copy (${names.backup}, damaged too)`, es: `su copia de respaldo (${names.backup}, también dañada)` }
      : { en: `the backup copy (${names.backup}, damaged too)`, es: `la copia de respaldo (${names.backup}, también dañada)` };
  }
  if (!names.backupStale) {
    return article === 'its'
      ? { en: `its last good copy (${names.backup})`, es: `su última copia buena (${names.backup})` }
      : { en: `the last good copy (${names.backup})`, es: `la última copia buena (${names.backup})` };
  }
  const from = names.backupStale.from;
  const when = from ? `${from.slice(0, 10)} ${from.slice(11, 16)} UTC` : null;
  return {
    en: `an older copy (${names.backup}${when ? `, from ${when}` : ''}; later saves could not update it)`,
    es: `una copia más antigua (${names.backup}${when ? `, del ${when}` : ''}; los guardados posteriores no pudieron actualizarla)`,
  };
}

/** Something read from the stored data that a person is told about (besides what salvage lost). */
export type ReadingNote = { kind: 'newer-version'; version: number } | { kind: 'no-migration'; version: number };

const problem = (text: Localized): StoredStateProblem => ({ message: text.en, text });

export const recoveryWords = {
  /** The file was not JSON; the last good copy was taken, completed from what the damaged file still held. */
  damagedBackToBackup: (names: FileNames, kept: AppState) =>
    problem({
      en: `The saved data in ${names.file} was damaged. It was moved aside as ${names.aside} in the same folder, and DACA Watch went back to ${copyName(names, 'its').en}, adding what it could still read from the damaged file: ${keptSummary(kept).en}.`,
      es: `Los datos guardados en ${names.file} estaban dañados. El archivo se apartó como ${names.aside} en la misma carpeta, y DACA Watch volvió a ${copyName(names, 'its').es}, añadiendo lo que aún pudo leer del archivo dañado: ${keptSummary(kept).es}.`,
    }),
  /** The file was not JSON and there was no good copy: what could be read of it was kept. */
  damagedKeptWhatItCould: (names: FileNames, kept: AppState) =>
    problem({
      en: `The saved data in ${names.file} was damaged and could not be read as a whole. It was moved aside as ${names.aside} in the same folder, and DACA Watch kept what it could read: ${keptSummary(kept).en}.`,
      es: `Los datos guardados en ${names.file} estaban dañados y no se pudieron leer completos. El archivo se apartó como ${names.aside} en la misma carpeta, y DACA Watch conservó lo que pudo leer: ${keptSummary(kept).es}.`,
    }),
  /** The file is from a newer DACA Watch: read as far as understood, never changed, saved beside. */
  newerVersion: (names: FileNames, version: number) =>
    problem({
      en: `The saved data in ${names.file} comes from a newer version of DACA Watch (format ${version}). This version reads what it understands and never changes that file: it saves its own changes beside it, in ${names.beside}.`,
      es: `Los datos guardados en ${names.file} vienen de una versión más reciente de DACA Watch (formato ${version}). Esta versión lee lo que entiende y nunca cambia ese archivo: guarda sus propios cambios al lado, en ${names.beside}.`,
    }),
  /** The file was JSON but part of it did not read as the state; the original was copied aside. */
  readInPart: (names: FileNames, completedFromBackup: boolean) =>
    problem({
      en: `Part of the saved data in ${names.file} could not be read. The original was kept as ${names.aside} in the same folder${completedFromBackup ? `, and what it no longer held was taken from ${copyName(names, 'the').en}` : ''}.`,
      es: `No se pudo leer una parte de los datos guardados en ${names.file}. El original se conservó como ${names.aside} en la misma carpeta${completedFromBackup ? `, y lo que ya no contenía se tomó de ${copyName(names, 'the').es}` : ''}.`,
    }),
  /** The file was gone and its last good copy was not. */
  missingBackToBackup: (names: FileNames) =>
    problem({
      en: `The saved data file ${names.file} was missing. DACA Watch went back to ${copyName(names, 'its').en}.`,
      es: `Faltaba el archivo de datos guardados ${names.file}. DACA Watch volvió a ${copyName(names, 'its').es}.`,
    }),
  /** The backup was damaged too: what could be read of it, value by value and field by field, was used. */
  backupDamaged: (names: FileNames) =>
    problem({
      en: `The backup copy (${names.backup}) was damaged too; DACA Watch used what it could still read of it.`,
      es: `La copia de respaldo (${names.backup}) también estaba dañada; DACA Watch usó lo que aún pudo leer de ella.`,
    }),
  /** One thing reading the stored data noticed. */
  note: (note: ReadingNote) =>
    note.kind === 'newer-version'
      ? problem({
          en: `The stored state is from a newer version (${note.version}); reading what this version understands.`,
          es: `Los datos guardados son de una versión más reciente (${note.version}); se lee lo que esta versión entiende.`,
        })
      : problem({
          en: `No migration from version ${note.version}.`,
          es: `No hay forma de pasar los datos guardados desde la versión ${note.version}.`,
        }),
  /** One thing salvage lost. */
  loss: (loss: SalvageLoss) => {
    if (loss.kind === 'dropped') {
      const [en, es] = listItems(loss.path, loss.count);
      return loss.count === 1
        ? problem({ en: `1 ${en} could not be read and was dropped.`, es: `No se pudo leer 1 ${es} y se descartó.` })
        : problem({ en: `${loss.count} ${en} could not be read and were dropped.`, es: `No se pudieron leer ${loss.count} ${es} y se descartaron.` });
    }
    if (loss.path.length === 0) {
      return problem({ en: 'The stored state could not be read and was reset.', es: 'No se pudieron leer los datos guardados y se restablecieron los valores predeterminados.' });
    }
    const name = fieldName(loss.path);
    return problem({
      en: `${name.charAt(0).toUpperCase()}${name.slice(1)} could not be read and was reset.`,
      es: `No se pudo leer el valor de ${name} y se restableció el predeterminado.`,
    });
  },
};

/** Names a stored field for a person ("settings › maskReceipts"): the keys of the file, which are its names in both languages. */
const fieldName = (path: readonly string[]) => path.join(' › ');

/** What one item of a stored list is called, for the lists a person knows by name: [one, many] in English, then in Spanish. */
const LIST_ITEMS: Record<string, { en: [string, string]; es: [string, string] }> = {
  history: { en: ['history entry', 'history entries'], es: ['entrada del historial', 'entradas del historial'] },
  ledger: { en: ['notification record', 'notification records'], es: ['registro de notificación', 'registros de notificación'] },
  cases: { en: ['watched case', 'watched cases'], es: ['caso vigilado', 'casos vigilados'] },
};

/** The words for `n` items of the list at `path`, in English and Spanish. */
function listItems(path: readonly string[], n: number): [string, string] {
  const words = LIST_ITEMS[path.join('.')];
  const form = n === 1 ? 0 : 1;
  if (words) return [words.en[form], words.es[form]];
  return [`${n === 1 ? 'entry' : 'entries'} of ${fieldName(path)}`, `${n === 1 ? 'elemento' : 'elementos'} de ${fieldName(path)}`];
}

/** "2 watched cases, 25 history entries and 0 notification records", in both languages. */
function keptSummary(state: AppState): Localized {
  const counted = (lang: 'en' | 'es', list: string, n: number) => `${n} ${LIST_ITEMS[list]![lang][n === 1 ? 0 : 1]}`;
  const summary = (lang: 'en' | 'es', and: string) =>
    `${counted(lang, 'cases', state.cases.length)}, ${counted(lang, 'history', state.history.length)} ${and} ${counted(lang, 'ledger', state.ledger.length)}`;
  return { en: summary('en', 'and'), es: summary('es', 'y') };
}
