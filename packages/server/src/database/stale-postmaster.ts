/**
 * A `postmaster.pid` in the data directory at startup means an earlier run did not shut its
 * server down (Node was killed, a crash, a reboot). Left alone, the new server either fails with
 * "lock file already exists" or, if the old server still runs, the two fight over the port.
 * So we look at who that pid is and deal with it, loudly.
 */
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { isProcessAlive, stopPostmasterPid } from './process-control.js';

/**
 * Stops a postmaster left running on `dataDir` by an earlier run (fast shutdown, escalating if it
 * does not exit), or removes a `postmaster.pid` whose process is gone. Does nothing when there is
 * no pid file.
 */
export async function clearStalePostmaster(dataDir: string, note: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // Line 1 is the postmaster's pid, line 4 its port (see PostgreSQL's miscadmin.h, LOCK_FILE_LINE_*).
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = lines[3]?.trim();

  const owner = Number.isInteger(pid) && pid > 0 ? identify(pid, dataDir) : 'gone';
  if (owner === 'unknown') {
    throw new Error(
      `${pidFile} names pid ${pid}, which is running but cannot be identified; ` +
        `stop it if it is a PostgreSQL server on this directory, otherwise delete the file`,
    );
  }
  if (owner === 'ours') {
    // Still the child of a live Node process: another instance of ours is using it right now
    // (two dev servers on one checkout), not a leftover. Stopping it would pull the rug from under it.
    const parent = liveNodeParentOf(pid);
    if (parent) {
      throw new Error(
        `PostgreSQL (pid ${pid}${port ? `, port ${port}` : ''}) on ${dataDir} is in use by another running process ` +
          `(pid ${parent.pid}: ${parent.command.trim()}); stop that first or use another data directory`,
      );
    }
    note(`found PostgreSQL (pid ${pid}${port ? `, port ${port}` : ''}) left running by an earlier run on ${dataDir}; stopping it`);
    try {
      await stopPostmasterPid(pid);
    } catch (error) {
      throw new Error(`could not stop the PostgreSQL (pid ${pid}) left running on ${dataDir}: ${(error as Error).message}`);
    }
    note(`stopped the leftover PostgreSQL (pid ${pid})`);
    // A fast shutdown removes the file itself; after SIGQUIT/SIGKILL it stays behind.
    await rm(pidFile, { force: true });
    return;
  }

  // Removing the file (rather than leaving it to PostgreSQL) matters when the pid now belongs to
  // an unrelated process, e.g. after a container restart: PostgreSQL would then refuse to start.
  note(`removing stale ${pidFile} (pid ${lines[0]?.trim() || '?'} is no longer a PostgreSQL server on this directory)`);
  await rm(pidFile, { force: true });
}

/**
 * 'ours': a live PostgreSQL server whose data directory is `dataDir`; 'gone': no such process any
 * more (or the pid now belongs to something else); 'unknown': alive but we cannot tell.
 */
function identify(pid: number, dataDir: string): 'ours' | 'gone' | 'unknown' {
  if (!isProcessAlive(pid)) return 'gone';
  const command = commandLineOf(pid);
  if (command !== undefined && !/postgres/.test(command)) return 'gone'; // pid reused by something else
  // The postmaster chdirs into its data directory, so its cwd tells *which* cluster it serves.
  // It is unreadable for other users' processes; then the command line has to do.
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dataDir) ? 'ours' : 'gone';
  } catch {
    return command === undefined ? 'unknown' : 'ours';
  }
}

/**
 * The parent of `pid` if it is a running Node process. A postmaster whose Node parent died has
 * been re-parented to PID 1 or a subreaper, which are not Node. Linux only; elsewhere undefined.
 */
function liveNodeParentOf(pid: number): { pid: number; command: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) " come: state, ppid, ...
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 1).trim().split(/\s+/)[1]);
    if (!(ppid > 1) || !isProcessAlive(ppid)) return undefined;
    const command = commandLineOf(ppid) ?? '';
    // The executable decides (the command line may be a custom process.title); the command line
    // only when the executable of another user's process is unreadable.
    let program: string;
    try {
      program = path.basename(readlinkSync(`/proc/${ppid}/exe`));
    } catch {
      program = path.basename(command.split(' ')[0] ?? '');
    }
    return program.startsWith('node') ? { pid: ppid, command } : undefined;
  } catch {
    return undefined;
  }
}

/** The command line of `pid`, or undefined when it cannot be determined. */
function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    // No /proc (macOS): ask ps.
    const result = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout : undefined;
  }
}
