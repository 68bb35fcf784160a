import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is single-process: two processes opening one data directory corrupt it. Every process
 * that opens the directory first creates `onestop.lock` exclusively; a second process is refused
 * with a message naming the holder. A lock left by a dead process is taken over.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly holder: string,
  ) {
    super(
      `The embedded database in ${dataDir} is open in another onestop process (pid ${holderPid}: ${holder}).\n` +
        'PGlite allows one process at a time. Stop that process first and run the command again,\n' +
        'or use PostgreSQL (set DATABASE_URL), where commands can run beside a running server.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'onestop.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let info: { pid: number; holder: string } | undefined;
      try {
        info = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; holder: string };
      } catch {
        info = undefined;
      }
      if (info && info.pid !== process.pid && isProcessAlive(info.pid)) {
        throw new DataDirLockedError(dataDir, info.pid, info.holder);
      }
      if (info && info.pid === process.pid) throw new DataDirLockedError(dataDir, info.pid, info.holder);
      fs.rmSync(file, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
