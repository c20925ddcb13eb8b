/**
 * Child processes of the bench: the server CLI (seeding), the three HTTP servers, and what
 * /proc says about them (CPU time, peak resident memory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WORK_DIR } from './options.js';

export const LOG_DIR = path.join(WORK_DIR, 'logs');

export interface NodeProcessOptions {
  /** Working directory; `--import tsx` (for a .ts script) resolves from here. */
  cwd: string;
  /** Script and its arguments. */
  args: string[];
  env: Record<string, string>;
  /** Extra node flags before the script (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Log file name under .work/logs. */
  logName: string;
  /** Receives each output line as well. */
  onLine?: (line: string) => void;
}

export interface NodeProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs a script on this Node, as one process. A TypeScript script runs through `node --import tsx`,
 * not the tsx wrapper, which would put the work in a child and hide its CPU time from us. The
 * servers under test run compiled JavaScript (see compiled.ts).
 */
export function startNode(options: NodeProcessOptions): NodeProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, options.logName);
  const log = createWriteStream(logFile);
  const loader = options.args[0]?.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...loader, ...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let partial = '';
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    if (!options.onLine) return;
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) options.onLine(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      log.end();
      resolve(code);
    });
    child.once('error', () => resolve(-1));
  });
  if (child.pid === undefined) throw new Error(`could not start node ${options.args.join(' ')}`);
  let stopping: Promise<void> | undefined;
  return {
    child,
    pid: child.pid,
    logFile,
    exited,
    stop: (graceMs = 15_000) => {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
        if (!done) {
          child.kill('SIGKILL');
          await exited;
        }
      })();
      return stopping;
    },
  };
}

/** Runs a script to completion; throws with the log's tail if it fails. */
export async function runNode(options: NodeProcessOptions): Promise<void> {
  const proc = startNode(options);
  const code = await proc.exited;
  if (code !== 0) {
    const tail = readFileSync(proc.logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${options.args.join(' ')} exited with ${code}; see ${proc.logFile}\n${tail}`);
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (which may contain spaces): state is [0], ppid [1], utime [11]. */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU time, in milliseconds, from a process's `statFields`. */
function cpuMsOf(fields: string[]): number {
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** User + system CPU time of a process so far, in milliseconds. */
export function cpuTimeMs(pid: number): number {
  return cpuMsOf(statFields(pid));
}

/**
 * User + system CPU time so far of a process's main thread alone, in milliseconds: the thread
 * whose id is the process's, which in Node runs the JavaScript. `cpuTimeMs` also counts the
 * collector's helper threads, libuv's pool and V8's compiler threads, so it cannot tell whether
 * the JavaScript thread itself was the bottleneck of a run.
 */
export function mainThreadCpuTimeMs(pid: number): number {
  return cpuMsOf(statFields(`${pid}/task/${pid}`));
}

/**
 * User + system CPU time so far, in milliseconds, of each living child of `parentPid` whose
 * command line (a PostgreSQL process's title, say: `postgres: walwriter`) `which` accepts, by pid.
 */
export function childrenCpuTimesMs(parentPid: number, which: (commandLine: string) => boolean): Map<number, number> {
  const times = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      if (Number(fields[1]) !== parentPid) continue;
      if (which(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim())) {
        times.set(Number(entry), cpuMsOf(fields));
      }
    } catch {
      // The process exited while /proc was being read.
    }
  }
  return times;
}

/**
 * The CPU processes spent between two readings of `childrenCpuTimesMs`: a process that started
 * meanwhile counts whole; one that exited meanwhile (an idle pool's connection closing) counts
 * nothing, its time after the first reading being lost with it.
 */
export function cpuSpentMs(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/** Peak resident set size (VmHWM) in MiB. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Resets the peak RSS to the current RSS (Linux ≥ 4.0; needs owning the process or root). */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
