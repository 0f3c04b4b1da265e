// Saves a record the dashboard asked for where the user chooses (the system's save dialog, Documents first),
// readable by the user only. Resolves to the chosen path, or null when the dialog was cancelled.

import { app, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function saveWithDialog(suggestedName: string, contents: string): Promise<string | null> {
  const choice = await dialog.showSaveDialog({ defaultPath: join(app.getPath('documents'), suggestedName) });
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, contents, { mode: 0o600 });
  return choice.filePath;
}
