import { readdirSync, unlinkSync } from 'fs';
import { basename, dirname, join } from 'path';

/**
 * Node only: the temporary files of an atomic save. Each is named so that a user who sees one knows what
 * it is (« ~classe-grilles.xlsx.grilles-e4.4242.tmp »: the file being saved, who writes it, the process),
 * is removed if the run is interrupted (Ctrl+C, kill), and a run that finds one left by a dead process
 * (power cut, kill -9) removes it.
 */

const TAG = 'grilles-e4';
const OURS = /^~(.+)\.grilles-e4\.(\d+)\.tmp$/;
/** Temporary files written by earlier versions: « .NAME.<pid>.<ms>.tmp ». */
const EARLIER = /^\.(.+)\.(\d+)\.\d{13}\.tmp$/;

export function tempPathFor(target: string, pid: number = process.pid): string {
  return join(dirname(target), `~${basename(target)}.${TAG}.${pid}.tmp`);
}

/** The process that wrote a temporary file of ours, or null for any other file. */
export function tempOwner(fileName: string): number | null {
  const m = OURS.exec(fileName) ?? EARLIER.exec(fileName);
  return m ? Number(m[2]) : null;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of ours in `dir` whose process is gone; returns their names. */
export async function removeStaleTemps(
  dir: string,
  alive: (pid: number) => boolean = processAlive,
): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => {
    const pid = tempOwner(n);
    return pid !== null && pid !== process.pid && !alive(pid);
  });
  const removed: string[] = [];
  for (const name of stale) {
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // Another run removed it first, or it is not ours to remove: leave it.
    }
  }
  return removed;
}

const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Removes every temporary file still being written (synchronous: it runs inside a signal handler). */
export function removeLiveTemps(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // Already renamed or removed.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLiveTemps();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, as the default handler would have.
  process.kill(process.pid, signal);
}

/** From now until `untrackTemp`, an interruption removes `path`. */
export function trackTemp(path: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(path);
}

export function untrackTemp(path: string): void {
  live.delete(path);
  if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}
