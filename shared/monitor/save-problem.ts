// Why the last save of the user's data did not reach the disk, and how to say it in both languages.
// Data and wording only (no zod: the dashboard uses it): the store finds the cause, the engine reports it.

import type { Localized } from '../localized';

/** `backup-failed`: the data was saved, but its backup copy could not be updated (it is kept, marked older). */
export const SAVE_FAILURE_CAUSES = ['disk-full', 'read-only', 'no-permission', 'short-write', 'not-verified', 'io-error', 'backup-failed'] as const;
export type SaveFailureCause = (typeof SAVE_FAILURE_CAUSES)[number];

export interface SaveProblem {
  cause: SaveFailureCause;
  /** When this cause was first met (it is reported once, however often it repeats). */
  since: string;
}

const REASONS: Record<Exclude<SaveFailureCause, 'backup-failed'>, Localized> = {
  'disk-full': { en: 'the disk is full', es: 'el disco está lleno' },
  'read-only': { en: 'the folder is read-only', es: 'la carpeta es de solo lectura' },
  'no-permission': { en: 'DACA Watch may not write to its folder', es: 'DACA Watch no tiene permiso para escribir en su carpeta' },
  'short-write': { en: 'the disk took only part of the data', es: 'el disco aceptó solo una parte de los datos' },
  'not-verified': { en: 'what was written could not be read back the same', es: 'lo escrito no se pudo leer igual' },
  'io-error': { en: 'the disk reported an error', es: 'el disco informó un error' },
};

/** "Could not save: the disk is full" in both languages: the short form, for the tray. */
export function saveProblemShort(cause: SaveFailureCause): Localized {
  if (cause === 'backup-failed') return { en: 'Backup copy not updated', es: 'Copia de respaldo sin actualizar' };
  return { en: `Could not save: ${REASONS[cause].en}`, es: `No se pudo guardar: ${REASONS[cause].es}` };
}

/** "Could not save: the disk is full. ..." in both languages: what happened, that nothing was lost, what happens next. */
export function saveProblemMessage(cause: SaveFailureCause): Localized {
  if (cause === 'backup-failed') {
    return {
      en: 'Saved, but the backup copy could not be updated. Your data is saved; the backup stays older until DACA Watch can update it, and it is never taken for the latest copy.',
      es: 'Se guardó, pero no se pudo actualizar la copia de respaldo. Sus datos están guardados; la copia de respaldo queda más antigua hasta que DACA Watch pueda actualizarla, y nunca se toma por la copia más reciente.',
    };
  }
  const reason = REASONS[cause];
  return {
    en: `Could not save: ${reason.en}. Your earlier data is safe, DACA Watch keeps watching, and it saves again as soon as it can.`,
    es: `No se pudo guardar: ${reason.es}. Sus datos anteriores están a salvo, DACA Watch sigue vigilando y guardará de nuevo en cuanto pueda.`,
  };
}
