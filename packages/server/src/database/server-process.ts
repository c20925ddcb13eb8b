/**
 * The running `postgres` server process: spawned directly (no pg_ctl, no shell) so we own its pid,
 * see its log and know the moment it exits.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunAs } from './run-command.js';

const LOG_TAIL_LINES = 40;
const FAST_SHUTDOWN_TIMEOUT_MS = 30_000;
const IMMEDIATE_SHUTDOWN_TIMEOUT_MS = 5_000;

export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly error?: Error;
}

export interface ServerProcess {
  readonly pid: number | undefined;
  /** Set once the process has exited (or failed to start). */
  readonly exit: ServerExit | undefined;
  /** The last log lines, for error messages. */
  readonly tail: readonly string[];
  /** Fast shutdown, escalating to immediate shutdown and SIGKILL; resolves once it exited. Idempotent. */
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  postgres: string;
  args: readonly string[];
  runAs: RunAs | undefined;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  note: (line: string) => void;
  /** Called when the server exits without being asked to (killed, crashed). */
  onUnexpectedExit?: (exit: ServerExit) => void;
}

/** Starts `postgres` with its output piped line by line to `log`. Does not wait for readiness. */
export function spawnServer(options: SpawnServerOptions): ServerProcess {
  const child = spawn(options.postgres, options.args, {
    cwd: '/', // the server chdirs into its data dir; our cwd may be unreachable for its OS user
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: options.runAs?.uid,
    gid: options.runAs?.gid,
    // Its own process group: a Ctrl-C in the terminal reaches only Node, which drains requests
    // first and then stops PostgreSQL itself (stop() below; the exit hook as a last resort).
    detached: true,
  });

  const tail: string[] = [];
  const onLine = (line: string): void => {
    tail.push(line);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    options.log(line);
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  let exit: ServerExit | undefined;
  let stopping: Promise<void> | undefined;
  let markExited!: () => void;
  const exited = new Promise<void>((resolve) => (markExited = resolve));
  const onExited = (result: ServerExit): void => {
    if (exit) return;
    exit = result;
    process.off('exit', onNodeExit);
    if (!stopping) options.note(`PostgreSQL (pid ${child.pid ?? '?'}) exited unexpectedly (${describeExit(result)})`);
    markExited();
    if (!stopping) options.onUnexpectedExit?.(result);
  };
  child.once('exit', (code, signal) => onExited({ code, signal }));
  child.once('error', (error) => onExited({ code: null, signal: null, error }));

  // Last resort for a Node process that exits without calling stop(): 'exit' handlers must be
  // synchronous, and sending SIGINT is, so the postmaster still gets its fast shutdown. We do not
  // handle SIGINT/SIGTERM ourselves; the server owns those and calls stop() when it has drained.
  const onNodeExit = (): void => {
    if (!exit) child.kill('SIGINT');
  };
  process.on('exit', onNodeExit);

  const within = async (ms: number): Promise<boolean> => {
    const timer = new AbortController();
    const done = await Promise.race([exited.then(() => true), sleep(ms, false, { signal: timer.signal }).catch(() => false)]);
    timer.abort();
    return done;
  };

  return {
    get pid() {
      return child.pid;
    },
    get exit() {
      return exit;
    },
    tail,
    stop() {
      stopping ??= (async () => {
        if (exit) return;
        // SIGINT = "fast" shutdown (what `pg_ctl stop -m fast` sends), then SIGQUIT = "immediate".
        child.kill('SIGINT');
        if (await within(FAST_SHUTDOWN_TIMEOUT_MS)) return;
        options.note(`PostgreSQL did not finish a fast shutdown in ${FAST_SHUTDOWN_TIMEOUT_MS / 1000} s; sending SIGQUIT`);
        child.kill('SIGQUIT');
        if (await within(IMMEDIATE_SHUTDOWN_TIMEOUT_MS)) return;
        child.kill('SIGKILL');
        await exited;
      })();
      return stopping;
    },
  };
}

/** e.g. "exit code 1", "signal SIGKILL", "spawn error: EACCES". */
export function describeExit(exit: ServerExit): string {
  if (exit.error) return `could not run it: ${exit.error.message}`;
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
