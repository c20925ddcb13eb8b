import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { childrenCpuTimesMs, cpuSpentMs } from './processes.js';

describe("the CPU of a process's children (PostgreSQL's, in the cost table)", () => {
  it('what processes spent between two readings: new ones whole, exited ones nothing, never negative', () => {
    const before = new Map([
      [10, 500],
      [11, 900],
    ]);
    // 10 spent 30 ms more; 11 exited (an idle connection closed, taking its 900 ms with it); 12 started and spent 40.
    const after = new Map([
      [10, 530],
      [12, 40],
    ]);
    expect(cpuSpentMs(before, after)).toBe(70);
    expect(cpuSpentMs(after, after)).toBe(0);
  });

  it('reads the living children a filter accepts, by their command line, and not the others', async () => {
    // 300 ms of its own CPU time however busy the machine, then it says so and idles.
    const burn = "while (process.cpuUsage().user < 300_000); process.stdout.write('burnt');";
    // The marker in the command line is what the filter picks, as the bench picks `postgres: walwriter`.
    const picked = spawn(process.execPath, ['-e', `${burn} setTimeout(() => {}, 10000); // tuopin-cpu-picked`]);
    const other = spawn(process.execPath, ['-e', `${burn} setTimeout(() => {}, 10000); // tuopin-cpu-other`]);
    try {
      await Promise.all([once(picked.stdout, 'data'), once(other.stdout, 'data')]);
      const times = childrenCpuTimesMs(process.pid, (commandLine) => commandLine.includes('tuopin-cpu-picked'));
      expect([...times.keys()]).toEqual([picked.pid]);
      // Its 300 ms, counted in clock ticks of 10 ms (and node's own start-up besides).
      expect(times.get(picked.pid!)).toBeGreaterThanOrEqual(290);
    } finally {
      picked.kill();
      other.kill();
      await Promise.all([once(picked, 'exit'), once(other, 'exit')]);
    }
  });
});
