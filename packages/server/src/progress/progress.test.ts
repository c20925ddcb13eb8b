import { expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { createProgress } from './progress.js';

function harness(isTTY: boolean) {
  let clock = 0;
  const written: string[] = [];
  const logged: Record<string, unknown>[] = [];
  const log: Logger = { info: (message, fields) => logged.push({ message, ...fields }), warn: () => {}, error: () => {} };
  const progress = createProgress({ label: 'households', total: 100_000, terminal: { isTTY, columns: 100, write: (text) => written.push(text) }, log, now: () => clock, logEveryMs: 10_000 });
  return { progress, written, logged, tick: (ms: number) => (clock += ms) };
}

it('draws a bar in place on a terminal, and ends its line when finished', () => {
  const { progress, written, logged, tick } = harness(true);
  tick(5_000);
  progress.update(25_000);
  expect(written.at(-1)).toMatch(/^\rhouseholds \[#+\.+\] 25% 25,000\/100,000 5 s, about 15 s left\x1b\[K$/);
  tick(15_000);
  progress.update(100_000);
  progress.finish();
  expect(written.at(-2)).toMatch(/\[#+\] 100% 100,000\/100,000 20 s\x1b\[K$/);
  expect(written.at(-1)).toBe('\n');
  expect(logged).toEqual([]);
});

it('writes lines to the log every tenth of the way or every interval, never a bar', () => {
  const { progress, written, logged, tick } = harness(false);
  tick(1_000);
  progress.update(5_000); // under a tenth, within the interval: quiet
  expect(logged).toEqual([]);
  progress.update(20_000); // two tenths
  expect(logged).toEqual([{ message: 'progress', task: 'households', done: 20_000, total: 100_000, percent: 20, elapsedSeconds: 1, remainingSeconds: 4 }]);
  tick(10_000);
  progress.update(21_000); // same tenth, but the interval has passed
  expect(logged).toHaveLength(2);
  progress.update(100_000);
  progress.finish();
  expect(logged.at(-1)).toMatchObject({ done: 100_000, percent: 100 });
  expect(logged.filter((line) => line.percent === 100)).toHaveLength(1);
  expect(written).toEqual([]);
});
