// The store's folder is the user's alone (0700) and its files too (0600), whatever the umask: under umask 000 a
// folder made by recursive mkdir and every file the store writes (the file, its backup, a copy kept aside) keep
// exactly those modes. On Windows chmod does nothing (the profile folder's ACLs apply): these run on POSIX only.

import * as nodeFs from 'node:fs';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateStore } from '../../../engine/store/file-state-store';
import { makeCreatedFoldersPrivate } from '../../../engine/store/private-modes';
import { tempFolder } from '../../helpers/engine-harness';
import { NOW, watchedState } from '../../helpers/stored-state';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const posix = process.platform !== 'win32';

describe.runIf(posix)('under umask 000', () => {
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('the store makes its folders 0700 and its files 0600', () => {
    const root = tempFolder();
    const dir = join(root, 'a', 'b', 'store');
    const store = openStateStore({ dir, now: () => NOW });
    expect(store.write(watchedState(5))).toBe(true);
    expect(store.write(watchedState(6))).toBe(true);
    for (const folder of [join(root, 'a'), join(root, 'a', 'b'), dir]) expect(mode(folder), folder).toBe('700');
    expect(readdirSync(dir).sort()).toEqual(['config.backup.json', 'config.json']);
    for (const name of readdirSync(dir)) expect(mode(join(dir, name)), name).toBe('600');
  });

  it('whatever mkdir and open make of the modes they are given: the modes are set, not left to them', () => {
    // A file system whose mkdir and open ignore the mode (as Windows' do, and as the umask alone would leave it at 000).
    const careless = { ...nodeFs, mkdirSync: (path: string, options: { recursive: true; mode: number }) => nodeFs.mkdirSync(path, { ...options, mode: 0o777 }), openSync: (path: string, flags: string) => nodeFs.openSync(path, flags, 0o666) };
    const root = tempFolder();
    const dir = join(root, 'new', 'store');
    const store = openStateStore({ dir, now: () => NOW, fileSystem: careless });
    expect(store.write(watchedState(2))).toBe(true);
    expect([mode(join(root, 'new')), mode(dir)]).toEqual(['700', '700']);
    for (const name of readdirSync(dir)) expect(mode(join(dir, name)), name).toBe('600');
  });

  it('a damaged file kept aside is 0600 too, and the saves after it', () => {
    const dir = join(tempFolder(), 'store');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'config.json'), '{"version": 2, "cases": [', { mode: 0o666 });
    const store = openStateStore({ dir, now: () => NOW });
    expect(store.recovered.length).toBeGreaterThan(0);
    store.write(watchedState(3));
    expect(readdirSync(dir).length).toBeGreaterThanOrEqual(2);
    for (const name of readdirSync(dir)) expect(mode(join(dir, name)), name).toBe('600');
  });

  it('a folder that was already there is left as the user keeps it; the files are still 0600', () => {
    const dir = join(tempFolder(), 'shared');
    mkdirSync(dir, { mode: 0o750 });
    const store = openStateStore({ dir, now: () => NOW });
    store.write(watchedState(1));
    expect(mode(dir)).toBe('750');
    expect(mode(store.path)).toBe('600');
    makeCreatedFoldersPrivate(undefined, dir);
    expect(mode(dir)).toBe('750');
  });
});
