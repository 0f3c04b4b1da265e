// The store's folder and files belong to the user alone: the folder 0700, each file 0600, whatever the process's
// umask (the modes given to mkdir and open are only an upper bound the umask cuts down, and a folder made by
// recursive mkdir under umask 000 must still not be readable by others). Set explicitly, best effort.
//
// Windows: chmod only toggles the read-only flag there (Node's fs docs), so these calls change nothing. What
// protects the store is where it lives: under the user's profile (%APPDATA%), whose ACLs already let only that user,
// the administrators and SYSTEM in. A folder chosen with --store outside the profile keeps the ACLs it inherits.

import { chmodSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Gives `path` exactly `mode` (POSIX); nothing on Windows (see above). Never throws: a failure leaves the mode as it was. */
export function makePrivate(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, mode);
  } catch {
    // Not ours to change (another owner) or gone already: the save itself goes on.
  }
}

/**
 * After `mkdirSync(folder, { recursive: true })` answered `created` (the first folder it made, or undefined when
 * the folder was there already): each folder it made, from `created` down to `folder`, made 0700. A folder that
 * was already there is left as the user keeps it.
 */
export function makeCreatedFoldersPrivate(created: unknown, folder: string): void {
  if (typeof created !== 'string') return;
  const top = resolve(created);
  for (let at = resolve(folder); ; at = dirname(at)) {
    makePrivate(at, PRIVATE_FOLDER_MODE);
    if (at === top || relative(top, at).startsWith('..') || dirname(at) === at) return;
  }
}
