import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { childrenCpuTimesMs, cpuSpentMs, cpuTimeMs, mainThreadCpuTimeMs } from './processes.js';

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

describe("the CPU of a process's main thread (the cost table's main thread busy)", () => {
  /** Starts a Node process that spends 300 ms of CPU, on its main thread or on a worker's, and then idles. */
  async function burner(where: 'main' | 'worker') {
    const burn = "while (process.cpuUsage().user < 300_000); require('node:worker_threads').parentPort?.postMessage('burnt');";
    const script =
      where === 'main'
        ? `${burn} process.stdout.write('burnt'); setTimeout(() => {}, 10000);`
        : `const { Worker } = require('node:worker_threads'); new Worker(${JSON.stringify(burn)}, { eval: true }).once('message', () => process.stdout.write('burnt')); setTimeout(() => {}, 10000);`;
    const child = spawn(process.execPath, ['-e', script]);
    await once(child.stdout, 'data');
    return child;
  }

  it('counts what the JavaScript thread spent and not what the process\'s other threads did', async () => {
    const onMain = await burner('main');
    const onWorker = await burner('worker');
    try {
      // Both processes spent their 300 ms (clock ticks of 10 ms, and start-up besides)...
      expect(cpuTimeMs(onMain.pid!)).toBeGreaterThanOrEqual(290);
      expect(cpuTimeMs(onWorker.pid!)).toBeGreaterThanOrEqual(290);
      // ...but only one on its main thread: the other's went to its worker.
      expect(mainThreadCpuTimeMs(onMain.pid!)).toBeGreaterThanOrEqual(290);
      expect(mainThreadCpuTimeMs(onWorker.pid!)).toBeLessThan(200);
    } finally {
      onMain.kill();
      onWorker.kill();
      await Promise.all([once(onMain, 'exit'), once(onWorker, 'exit')]);
    }
  });
});
