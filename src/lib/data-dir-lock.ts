/**
 * One process per embedded data directory. PGlite keeps pages in the memory of its own process: two
 * processes on one directory each work on a private copy and overwrite each other's writes, and a
 * change made by one (a removed team member) stays invisible to the other until it restarts. The
 * lock is a file in the directory, created atomically before PGlite reads anything, naming the
 * process that holds it. A lock left by a process that no longer runs (kill -9, power loss) is
 * taken over; one whose process this machine cannot see (another computer or container) is not.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, readlinkSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { WijkwijsError } from './errors.ts';

export const LOCK_FILE = 'wijkwijs.lock';

/** Who holds a lock: enough to tell on Linux whether that very process still runs (pids get reused). */
interface Holder {
  token: string;
  pid: number;
  host: string;
  /** Linux: the kernel boot, the pid namespace and the process start (clock ticks since boot). */
  bootId?: string;
  pidNamespace?: string;
  startTicks?: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

/** A reclaim guard older than this was left by a process killed in the middle of taking over. */
const GUARD_STALE_MS = 10_000;

export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    const lock = tryCreate(file);
    if (lock) return lock;
    const found = readLock(file);
    if (found === undefined) continue;
    if (!found.holder) {
      // Empty or cut short: its creator is writing it right now, or was killed doing so.
      if (ageMs(file) <= GUARD_STALE_MS) throw inUse(dataDir, file);
    } else if (stillRunning(found.holder) !== false) throw inUse(dataDir, file, found.holder);
    removeStale(file, found.raw, dataDir);
  }
  throw inUse(dataDir, file);
}

function tryCreate(file: string): DataDirLock | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw new WijkwijsError('database_unavailable', `In de datamap ${path.dirname(file)} kan geen slotbestand worden gemaakt. Kies met WIJKWIJS_DATA_DIR een map waarin geschreven mag worden.`, { cause: error });
  }
  const holder = { token: randomUUID(), ...currentProcess(), since: new Date().toISOString() };
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  const release = () => {
    process.removeListener('exit', release);
    if (readLock(file)?.holder?.token === holder.token) removeFile(file);
  };
  // Also on process.exit() and uncaught errors; after a signal or kill -9 the next start takes over.
  process.on('exit', release);
  return { release };
}

function currentProcess(): Omit<Holder, 'token' | 'since'> {
  return { pid: process.pid, host: hostname(), ...linuxIdentity(process.pid) };
}

function linuxIdentity(pid: number): Pick<Holder, 'bootId' | 'pidNamespace' | 'startTicks'> {
  const bootId = readProc('/proc/sys/kernel/random/boot_id')?.trim();
  if (!bootId) return {};
  // The command name in /proc/<pid>/stat may hold spaces and brackets: count fields after the last ")".
  const stat = readProc(`/proc/${pid}/stat`);
  const startTicks = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return { bootId, pidNamespace: readLink('/proc/self/ns/pid'), startTicks };
}

/**
 * true or false when this machine can tell; undefined when the holder ran where its processes
 * cannot be seen from here (another computer, another container's pid namespace).
 */
function stillRunning(holder: Holder): boolean | undefined {
  const here = currentProcess();
  if (holder.bootId && here.bootId) {
    if (holder.bootId !== here.bootId) return holder.host === here.host ? false : undefined; // a reboot ended it
    if (holder.pidNamespace !== here.pidNamespace) return undefined;
    if (!isAlive(holder.pid)) return false;
    return linuxIdentity(holder.pid).startTicks === holder.startTicks; // otherwise the pid was reused
  }
  if (holder.host !== here.host) return undefined;
  return isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): { raw: string; holder?: Holder } | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(raw) as Holder;
    if (typeof holder.token === 'string' && Number.isInteger(holder.pid) && holder.pid > 0) return { raw, holder };
  } catch {
    // not JSON (yet)
  }
  return { raw };
}

/**
 * Takes a dead holder's lock away. Two processes may both find it stale: a guard file lets one at a
 * time check again and delete, so the second never deletes the lock the first has just created.
 */
function removeStale(file: string, staleText: string, dataDir: string): void {
  const guard = `${file}.overname`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    if (ageMs(guard) <= GUARD_STALE_MS) throw inUse(dataDir, file);
    removeFile(guard);
    return;
  }
  try {
    closeSync(fd);
    if (readLock(file)?.raw === staleText) removeFile(file);
  } finally {
    removeFile(guard);
  }
}

function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Without a holder: another process is taking the lock at this very moment. */
function inUse(dataDir: string, file: string, holder?: Holder): WijkwijsError {
  const who = holder
    ? `een ander Wijkwijs-proces (proces ${holder.pid}${holder.host === hostname() ? '' : ` op ${holder.host}`}, sinds ${amsterdamTime(holder.since)})`
    : 'een ander Wijkwijs-proces dat hem op dit moment opent';
  const unseen = holder !== undefined && stillRunning(holder) === undefined;
  return new WijkwijsError(
    'database_in_use',
    `De database in ${dataDir} is in gebruik door ${who}. Twee processen op één ingebouwde database overschrijven elkaars gegevens, dus dit proces begint er niet aan. ` +
      'Gebruik de server die al draait (webchat, Slack of Teams), of stop die eerst en probeer het dan opnieuw. ' +
      'Moeten meerdere processen tegelijk werken, laat ze dan één PostgreSQL-database delen via DATABASE_URL.' +
      (unseen ? ` Dat proces draaide buiten het zicht van deze computer; weet je zeker dat het gestopt is, verwijder dan ${file}.` : ''),
  );
}

function amsterdamTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'onbekend' : date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });
}

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readLink(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}
