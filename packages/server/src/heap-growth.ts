import { setFlagsFromString } from 'node:v8';
import { ConfigurationError } from './configuration-error.js';

/**
 * Twice what is alive. At 150 (sessions 45–54) the questions PostGraphile answers slowly still
 * peaked over its memory: on a million households the village dashboard, the poverty incidence,
 * the household search and the finance statistics at 252, 219, 207 and 185 MiB against its 221,
 * 185, 188 and 172 (test/bench, session 54's full run), because ours answers them three to eight
 * times as fast and its old generation reached two and a half times the 42–50 MB alive in every
 * run. At 100 (session 55, `--full --only Q1,Q2,Q3,Q7,Q8 --rounds 1`) they peaked at 214, 189, 177
 * and 179 against 216, 190, 185 and 168. Session 38 measured 3–8 % more server CPU per request at
 * 100 against V8's own rule (`results/compare-2026-12-03-heap-growing-100.md`); session 55 measured
 * it against 150 with `bench --compare` (test/bench/README.md, *Session 55*).
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;

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
