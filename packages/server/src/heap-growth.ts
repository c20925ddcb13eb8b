import { setFlagsFromString } from 'node:v8';
import { ConfigurationError } from './configuration-error.js';

/**
 * How far V8's old generation may grow past what the last full collection found alive before it
 * collects again: `TUOPIN_HEAP_GROWING_PERCENT`. Unset or 0 leaves V8's own rule, which lets it
 * grow up to four times; 100 means twice.
 *
 * For deployments short of memory, at a price in CPU. Under load a request's rows and results that
 * outlive two young-generation collections are promoted while it waits for PostgreSQL, and with
 * V8's rule the old generation is collected only at about four times the 50–60 MB that stay alive.
 * At 100, on a million households (test/bench, session 38): peak resident memory 210–220 MiB
 * instead of 320–340 on the household page and the project feed, and 3–8 % more server CPU per
 * request (`results/compare-2026-12-03-heap-growing-100.md`). So it is not the default.
 */
export function heapGrowingPercent(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 300) {
    throw new ConfigurationError(`TUOPIN_HEAP_GROWING_PERCENT must be a whole number from 0 (V8's own rule) to 300, got '${value}'`);
  }
  return n;
}

/**
 * Applies the setting to this process. V8 reads the flag whenever it sets the next limit, and
 * Node leaves V8's flags writable after start-up; `start` calls it first, so every limit set after
 * start-up follows it.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
