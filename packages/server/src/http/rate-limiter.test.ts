import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './rate-limiter.js';

describe('token buckets', () => {
  it('keeps no bucket for a key that is only asked about', () => {
    const buckets = createTokenBuckets(10, { now: () => 0 });
    for (let i = 0; i < 100; i++) expect(buckets.check(`address-${i}`).allowed).toBe(true);
    expect(buckets.size).toBe(0);
    buckets.take('address-1');
    expect(buckets.size).toBe(1);
  });

  it('forgets refilled buckets once there are many, and never one still refilling', () => {
    let time = 0;
    const buckets = createTokenBuckets(60, { now: () => time });
    // 15 000 keys in use at the same moment: none has refilled, so none may be forgotten.
    for (let i = 0; i < 15_000; i++) buckets.take(`caller-${i}`, 60);
    expect(buckets.size).toBe(15_000);
    expect(buckets.check('caller-0', 1).allowed).toBe(false);
    // A minute later all have refilled: the next new key past the threshold prunes them.
    time = 60_000;
    for (let i = 0; i < 15_001; i++) buckets.take(`later-${i}`, 60);
    expect(buckets.size).toBeLessThan(30_000);
    expect(buckets.check('later-0', 1).allowed).toBe(false);
  });
});
