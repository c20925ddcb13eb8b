import { setFlagsFromString } from 'node:v8';
import { ConfigurationError } from './configuration-error.js';

/**
 * Two and a half times what is alive. At 100, on a million households (test/bench, session 38),
 * the household page peaked at 210–220 MiB instead of 320–340, for 3–8 % more server CPU per
 * request (`results/compare-2026-12-03-heap-growing-100.md`). At 150 (session 45) the village
 * dashboard peaked at 247 MiB instead of 321, and the household page, the project feed and the
 * lookup by id at 241, 265 and 243 where V8's rule had reached 328, 358 and 324; `bench --compare`
 * against V8's rule could not tell the CPU apart (`results/compare-2026-12-04-heap-growing-150.md`:
 * paired 0.95–1.03×).
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 150;

/**
 * How far V8's old generation may grow past what the last full collection found alive before it
 * collects again: `TUOPIN_HEAP_GROWING_PERCENT`. 0 leaves V8's own rule, which lets it grow up to
 * four times; 100 means twice; unset, DEFAULT_HEAP_GROWING_PERCENT.
 *
 * Under load a request's rows and results that outlive two young-generation collections are
 * promoted while it waits for PostgreSQL, and with V8's rule the old generation is collected only
 * at about four times the 50–60 MB that stay alive: the server's peak resident memory was that
 * promoted garbage, 320–340 MiB on the household page and the village dashboard at 50 connections
 * where PostGraphile peaked at 250–340 (test/bench, sessions 36 and 41).
 */
export function heapGrowingPercent(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_HEAP_GROWING_PERCENT;
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
