/**
 * Run a short-lived helper program (initdb, id, useradd, chown, ...) to completion, optionally as
 * another OS user, and collect its output so failures can be reported with what the tool said.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** An OS identity to run a child process as (only possible when we are root). */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

export interface RunOptions {
  runAs?: RunAs;
  env?: NodeJS.ProcessEnv;
  /** Called for every output line (stdout and stderr) as it arrives. */
  onLine?: (line: string) => void;
}

export interface RunResult {
  /** Exit code, or null when the process was killed by a signal. */
  readonly code: number | null;
  readonly output: readonly string[];
}

/**
 * Runs `command` and resolves when it has exited (never rejects for a non-zero exit; rejects when
 * the program cannot be started at all, e.g. ENOENT).
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      // '/' because a process that switched to another uid may be unable to stat our cwd (e.g. a
      // checkout under /root), and initdb refuses to run when it cannot resolve its cwd.
      cwd: '/',
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.runAs?.uid,
      gid: options.runAs?.gid,
    });
    const output: string[] = [];
    const collect = (line: string): void => {
      output.push(line);
      options.onLine?.(line);
    };
    createInterface({ input: child.stdout }).on('line', collect);
    createInterface({ input: child.stderr }).on('line', collect);
    child.once('error', reject);
    // 'close' (not 'exit') so that all output has been read when we resolve.
    child.once('close', (code) => resolve({ code, output }));
  });
}
