// Tests for replacing a file atomically: the old bytes or all the new ones, never a part; short writes,
// a full disk and a read-only folder leave the old file and no temporary file. Real files in temp folders.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile, SaveFailure } from '../../../engine/store/atomic-file';
import { failingDisk } from '../../helpers/failing-disk';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daca-watch-atomic-'));
  file = join(dir, 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const big = (n: number) => JSON.stringify({ history: Array.from({ length: n }, (_, i) => `entry ${i}`) });

function failureOf(action: () => void): SaveFailure {
  try {
    action();
  } catch (error) {
    if (error instanceof SaveFailure) return error;
    throw error;
  }
  throw new Error('expected the save to fail');
}

describe('replaceFile', () => {
  it('writes the new bytes whole, with mode 0600, and leaves nothing else behind', () => {
    writeFileSync(file, 'old');
    replaceFile(file, big(100));
    expect(readFileSync(file, 'utf8')).toBe(big(100));
    expect(readdirSync(dir)).toEqual(['config.json']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('on a disk that fills up half way, keeps the old file whole, removes the partial one and says the disk is full', () => {
    writeFileSync(file, big(10));
    const disk = failingDisk(500);

    const failure = failureOf(() => replaceFile(file, big(1000), { fs: disk }));

    expect(failure.cause).toBe('disk-full');
    expect(failure.code).toBe('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe(big(10));
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('treats a write that takes no bytes as a failure, never as a smaller file', () => {
    writeFileSync(file, 'old');
    const disk = failingDisk();
    disk.writeSync = () => 0;
    expect(failureOf(() => replaceFile(file, big(10), { fs: disk })).cause).toBe('short-write');
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('checks what was written by reading it back before the rename', () => {
    writeFileSync(file, 'old');
    const disk = failingDisk();
    disk.readFileSync = () => Buffer.from('something else');
    expect(failureOf(() => replaceFile(file, big(10), { fs: disk })).cause).toBe('not-verified');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('names a read-only folder and a refused permission as such', () => {
    writeFileSync(file, 'old');
    const disk = failingDisk();
    disk.failWith = 'EROFS';
    expect(failureOf(() => replaceFile(file, 'new', { fs: disk })).cause).toBe('read-only');
    disk.failWith = 'EACCES';
    expect(failureOf(() => replaceFile(file, 'new', { fs: disk })).cause).toBe('no-permission');
    disk.failWith = 'EIO';
    expect(failureOf(() => replaceFile(file, 'new', { fs: disk })).cause).toBe('io-error');
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('keeps a copy of each verified save as the backup, its own file, and can run without one', () => {
    const backup = join(dir, 'config.backup.json');
    replaceFile(file, 'first', { backupPath: backup });
    expect(readFileSync(backup, 'utf8')).toBe('first');
    replaceFile(file, 'second', { backupPath: backup });
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readFileSync(backup, 'utf8')).toBe('second');
    // Its own file: damage done to the file in place (a truncation) does not reach the copy.
    expect(statSync(backup).ino).not.toBe(statSync(file).ino);
    writeFileSync(file, 'sec');
    expect(readFileSync(backup, 'utf8')).toBe('second');
    replaceFile(file, 'third', { backupPath: null });
    expect(readFileSync(backup, 'utf8')).toBe('second');
    expect(readdirSync(dir).sort()).toEqual(['config.backup.json', 'config.json']);
  });

  it('does not fail a save whose backup copy could not be written: the older copy stays', () => {
    const backup = join(dir, 'config.backup.json');
    replaceFile(file, 'first', { backupPath: backup });
    const disk = failingDisk();
    const realOpen = disk.openSync;
    disk.openSync = (path, flags, mode) => {
      if (path.includes('config.backup.json')) throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
      return realOpen(path, flags, mode);
    };
    replaceFile(file, 'second', { backupPath: backup, fs: disk });
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readFileSync(backup, 'utf8')).toBe('first');
    expect(readdirSync(dir).sort()).toEqual(['config.backup.json', 'config.json']);
  });

  it('creates the folder when it is missing', () => {
    const nested = join(dir, 'DACA Watch', 'state', 'config.json');
    replaceFile(nested, 'saved');
    expect(readFileSync(nested, 'utf8')).toBe('saved');
  });
});
