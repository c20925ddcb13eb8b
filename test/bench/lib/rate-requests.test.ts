/**
 * How many answers a fixed-rate run collects: enough for a p99 on the questions whose p99 is a
 * target, the plain minimum elsewhere. No server, no database.
 */
import { describe, expect, it } from 'vitest';
import { MIN_RATE_REQUESTS } from './load.js';
import { parseOptions } from './options.js';
import { rateRequests } from './rounds.js';
import { P99_TARGET_QUESTIONS } from './targets.js';

describe('rateRequests', () => {
  const full = parseOptions(['--full']);
  const quick = parseOptions([]);

  it('knows the questions whose p99 is a target from the targets themselves', () => {
    expect([...P99_TARGET_QUESTIONS].sort()).toEqual(['Q1', 'Q4']);
  });

  it('collects a thousand answers on Q4 at its 25 % rate in a full run, instead of 4 s worth', () => {
    expect(full.durationSec * 39.1).toBeLessThan(160);
    expect(rateRequests(full, { id: 'Q4' }, 39.1)).toBe(1_000);
  });

  it('stops at the longest run when the rate is too slow for a thousand answers', () => {
    expect(rateRequests(full, { id: 'Q4' }, 20)).toBe(20 * full.rateMaxSec);
    expect(rateRequests(full, { id: 'Q1' }, 0.2)).toBe(MIN_RATE_REQUESTS);
  });

  it('leaves the other questions, and the quick run, at the plain minimum', () => {
    expect(rateRequests(full, { id: 'Q2' }, 13.5)).toBe(MIN_RATE_REQUESTS);
    expect(rateRequests(quick, { id: 'Q4' }, 39.1)).toBe(MIN_RATE_REQUESTS);
  });
});
