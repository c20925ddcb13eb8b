import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPRESSION, protectCount, protectSum, protectTotal, ratioOfParts, suppressionOf } from './suppression.js';

const rule = DEFAULT_SUPPRESSION;

describe('small-count protection', () => {
  it('withholds counts below k and rounds the others down to a multiple of k', () => {
    expect([0, 1, 4, 5, 9, 10, 14, 19_279].map((n) => protectCount(n, rule))).toEqual([null, null, null, 5, 5, 10, 10, 19_275]);
    expect([1, 2, 3, 6, 7].map((n) => protectCount(n, { ...rule, threshold: 3 }))).toEqual([null, null, 3, 6, 6]);
  });

  it('withholds money summed over fewer than k units and rounds the rest down to the money unit', () => {
    expect(protectSum('8000.00', 1, rule)).toBeNull();
    expect(protectSum('31511000.00', 4, rule)).toBeNull();
    expect(protectSum('31511000.00', 1_951, rule)).toBe('31510000.00');
    expect(protectSum('9999.99', 5, rule)).toBe('0.00');
    expect(protectSum('40000.00', 5, rule)).toBe('40000.00');
    expect(protectSum('1234.56', 5, { ...rule, moneyUnit: '100.00' })).toBe('1200.00');
    // A published range is [p, p + unit) on either side of zero.
    expect(protectSum('-0.01', 5, rule)).toBe('-10000.00');
  });

  it('withholds a whole-number total (days, m²) with the count it is summed over, and rounds the rest down to a multiple of k', () => {
    // 26 days over 2 decided cases: the total would give the cases back, so it goes with them.
    expect(protectTotal(26, 2, rule)).toBeNull();
    expect(protectTotal(0, 0, rule)).toBeNull();
    expect(protectTotal(73, 5, rule)).toBe(70);
    expect(protectTotal(4, 5, rule)).toBe(0);
    expect(protectTotal(26, 3, { ...rule, threshold: 3 })).toBe(24);
  });

  it('divides published parts: numbers as numbers, money on fen, nothing when a part is withheld', () => {
    expect(ratioOfParts(5, 3000)).toBe(0.0017);
    expect(ratioOfParts('20000.00', '30000.00')).toBe(0.6667);
    expect(ratioOfParts(null, 3000)).toBeNull();
    expect(ratioOfParts(5, null)).toBeNull();
    expect(ratioOfParts(5, 0)).toBeNull();
    expect(() => ratioOfParts('5.00', 3)).toThrow(TypeError);
  });

  it('reads k and the money unit from the settings, with defaults', () => {
    expect(suppressionOf({})).toEqual({ threshold: 5, moneyUnit: '10000.00' });
    expect(suppressionOf({ suppression: { threshold: 10 } })).toEqual({ threshold: 10, moneyUnit: '10000.00' });
  });
});
