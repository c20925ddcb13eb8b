import { setFlagsFromString } from 'node:v8';
import { ConfigurationError } from './configuration-error.js';

/**
 * Twice what is alive. Under load the peak is the old generation at its limit, and at 150
 * (sessions 45–54) the questions PostGraphile answers slowly peaked over its memory: ours answers
 * them three to eight times as fast, so its old generation reached two and a half times the
 * 42–56 MB alive in every run. In session 55's full run at 100 the peaks were 10–40 MiB lower on
 * seven of the nine questions, and paired CPU per request did not change (`bench --compare`
 * against 150: 1.00× on the household page, 0.98× on the project feed). What it costs is more
 * full collections: at the bench's fixed rates the project feed's collector paused 8–13 % longer
 * per request, and its longest pauses doubled. Session 38 measured 3–8 % more CPU at 100 against
 * V8's own rule (`results/compare-2026-12-03-heap-growing-100.md`). test/bench/README.md,
 * *Session 55*.
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
