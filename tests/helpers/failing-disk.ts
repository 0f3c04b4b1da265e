// A file system for saves that behaves like Node's `fs` until the disk "fills up": after a byte budget,
// writes come back short, then fail with ENOSPC, as Linux does. Test support; real files underneath.

import * as fs from 'node:fs';
import type { SaveFileSystem } from '../../engine/store/atomic-file';

export interface FailingDisk extends SaveFileSystem {
  /** Bytes that may still be written; null: no limit. */
  bytesLeft: number | null;
  /** Every call fails with this code (EROFS, EIO...) until set back to null. */
  failWith: string | null;
  /** Files whose path matches are on a full disk (ENOSPC on create) while the rest writes as usual: the backup's copy alone failing. */
  fullFor: RegExp | null;
}

function systemError(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated, write`);
  error.code = code;
  return error;
}

export function failingDisk(bytesLeft: number | null = null): FailingDisk {
  const disk: FailingDisk = {
    bytesLeft,
    failWith: null,
    fullFor: null,
    openSync: (path, flags, mode) => {
      if (disk.failWith) throw systemError(disk.failWith);
      if (disk.fullFor?.test(path)) throw systemError('ENOSPC');
      return fs.openSync(path, flags, mode);
    },
    writeSync: (fd, buffer, offset, length, position) => {
      if (disk.failWith) throw systemError(disk.failWith);
      if (disk.bytesLeft === null) return fs.writeSync(fd, buffer, offset, length, position);
      // Linux writes what fits and says how much; the next write on a full disk fails.
      if (disk.bytesLeft <= 0) throw systemError('ENOSPC');
      const n = fs.writeSync(fd, buffer, offset, Math.min(length, disk.bytesLeft), position);
      disk.bytesLeft -= n;
      return n;
    },
    fsyncSync: (fd) => fs.fsyncSync(fd),
    closeSync: (fd) => fs.closeSync(fd),
    readFileSync: (path) => fs.readFileSync(path),
    renameSync: (from, to) => {
      if (disk.failWith) throw systemError(disk.failWith);
      fs.renameSync(from, to);
    },
    unlinkSync: (path) => fs.unlinkSync(path),
    existsSync: (path) => fs.existsSync(path),
    mkdirSync: (path, options) => fs.mkdirSync(path, options),
  };
  return disk;
}
