import { describe, expect, it } from 'vitest';
import { ConfigurationError } from './configuration-error.js';
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from './heap-growth.js';
import { loadConfig } from './config.js';

/** A secret of its own, so that loading the configuration reads or writes no development secret file. */
const SECRET = { TUOPIN_JWT_SECRET: 'heap-growth-test-secret-0123456789abcdef' };

describe('TUOPIN_HEAP_GROWING_PERCENT', () => {
  it("is twice the live heap unless set; 0 is V8's own rule", async () => {
    expect(DEFAULT_HEAP_GROWING_PERCENT).toBe(100);
    expect(heapGrowingPercent(undefined)).toBe(100);
    expect(heapGrowingPercent('')).toBe(100);
    expect((await loadConfig({ ...SECRET })).heapGrowingPercent).toBe(100);
    expect(heapGrowingPercent('0')).toBe(0);
    expect((await loadConfig({ ...SECRET, TUOPIN_HEAP_GROWING_PERCENT: '0' })).heapGrowingPercent).toBe(0);
    expect(heapGrowingPercent('50')).toBe(50);
    expect((await loadConfig({ ...SECRET, TUOPIN_HEAP_GROWING_PERCENT: '150' })).heapGrowingPercent).toBe(150);
  });

  it('refuses what is not a whole number from 0 to 300, naming the variable', async () => {
    for (const value of ['-1', '301', '1.5', 'twice', '1e2x']) {
      expect(() => heapGrowingPercent(value), value).toThrowError(ConfigurationError);
      expect(() => heapGrowingPercent(value), value).toThrowError(/TUOPIN_HEAP_GROWING_PERCENT/);
    }
    await expect(loadConfig({ ...SECRET, TUOPIN_HEAP_GROWING_PERCENT: 'lots' })).rejects.toThrowError(/TUOPIN_HEAP_GROWING_PERCENT must be a whole number/);
  });
});
