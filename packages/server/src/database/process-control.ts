/**
 * Signals and liveness checks for processes we only know by pid (e.g. a postmaster left behind
 * by an earlier run, which is not our child).
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * True when `pid` is a running process. A zombie counts as gone: an orphaned postmaster that has
 * exited may linger as a zombie when PID 1 does not reap (common in containers), and still
 * answers kill(pid, 0).
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Format: "pid (comm) state ..."; comm may contain spaces and parentheses, so split at the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 1).trimStart()[0] !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(pid, 0)
  }
}

/** Resolves true as soon as `pid` is gone, false when `timeoutMs` passed first. */
export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * PostgreSQL shutdown escalation: SIGINT is "fast" shutdown (abort sessions, checkpoint, exit);
 * SIGQUIT is "immediate" (no checkpoint, crash recovery at next start); SIGKILL as a last resort.
 * Resolves when the process is gone.
 */
export async function stopPostmasterPid(pid: number, fastTimeoutMs = 15_000): Promise<void> {
  const steps: [NodeJS.Signals, number][] = [['SIGINT', fastTimeoutMs], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]];
  for (const [signal, timeoutMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw error;
    }
    if (await waitForPidExit(pid, timeoutMs)) return;
  }
  throw new Error(`PostgreSQL process ${pid} did not exit even after SIGKILL`);
}
