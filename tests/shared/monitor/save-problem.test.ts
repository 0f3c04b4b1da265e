// The words for a save problem, a backup that could not be updated included, as the tray, the dashboard and the
// runner show them (they all take them from here).

import { describe, expect, it } from 'vitest';
import { SAVE_FAILURE_CAUSES, saveProblemMessage, saveProblemShort } from '../../../shared/monitor/save-problem';
import { DashboardStateSchema } from '../../../shared/ipc/contract';
import { buildTrayMenu, trayIcon, trayTooltip, type TrayState } from '../../../shared/tray/tray-model';

describe('a backup that could not be updated', () => {
  it('is a save problem of its own, said in both languages as saved but with an older backup', () => {
    expect(SAVE_FAILURE_CAUSES).toContain('backup-failed');
    expect(saveProblemMessage('backup-failed')).toEqual({
      en: 'Saved, but the backup copy could not be updated. Your data is saved; the backup stays older until DACA Watch can update it, and it is never taken for the latest copy.',
      es: 'Se guardó, pero no se pudo actualizar la copia de respaldo. Sus datos están guardados; la copia de respaldo queda más antigua hasta que DACA Watch pueda actualizarla, y nunca se toma por la copia más reciente.',
    });
    expect(saveProblemShort('backup-failed')).toEqual({ en: 'Backup copy not updated', es: 'Copia de respaldo sin actualizar' });
    // The other causes keep their words.
    expect(saveProblemShort('disk-full').en).toBe('Could not save: the disk is full');
  });

  it('shows in the tray as other save problems do', () => {
    const state: TrayState = { language: 'es', activity: 'watching', unseen: 0, approved: false, summary: '', pausedUntil: null, startAtLogin: false, saveProblem: 'backup-failed' };
    expect(trayIcon(state)).toBe('attention');
    expect(trayTooltip(state)).toContain('Copia de respaldo sin actualizar');
    expect(buildTrayMenu(state)).toContainEqual({ kind: 'label', label: 'Copia de respaldo sin actualizar' });
  });

  it('crosses to the dashboard', () => {
    expect(DashboardStateSchema.shape.saveProblem.safeParse({ cause: 'backup-failed', since: '2026-06-01T12:00:00.000Z' }).success).toBe(true);
  });
});
