import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** The built command line running as a process of its own, for tests that start or call it. */
export interface CliProcess {
  child: ChildProcess;
  /** Everything it has written so far, stdout and stderr interleaved. */
  output: () => string;
  /** Its exit code, once it has exited and its output has all been read. */
  exited: Promise<number | null>;
  /**
   * Waits until its output has a line matching `pattern`, and returns that line. Log lines are
   * handed over in batches (every 250 ms, later on a busy machine), so a server can answer
   * requests before the lines it logged on the way reach the pipe.
   */
  untilLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
}

/** Runs `entry` (a built `tuopin.js`) with `args`, in a process group of its own (see `killGroup`). */
export function runCli(entry: string, args: string[], env: Record<string, string>): CliProcess {
  let output = '';
  const child = spawn(process.execPath, [entry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // 'close', not 'exit': it comes once the pipes are drained too, so the output is then complete.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const untilLine = async (pattern: RegExp, timeoutMs = 10_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = output.split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) return line;
      if (Date.now() > deadline) throw new Error(`no line matching ${pattern} within ${timeoutMs} ms; the output:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, output: () => output, exited, untilLine };
}

/** A TCP port nobody listens on at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** SIGKILL to a detached child's process group; it may be gone already. A server left behind would outlive the test. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already exited
  }
}
