import { execFileSync } from 'node:child_process';

/**
 * Every thread of process `pid` (and those it starts later) on CPU `cpu` only. The pinned
 * measurements put the load generator on CPU 0 and the server under test on CPU 1, so that the
 * server has a core to itself and is measured saturated.
 */
export function pinToCpu(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** The median of some measurements (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
