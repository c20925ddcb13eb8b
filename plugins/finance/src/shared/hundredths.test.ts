import { describe, expect, it } from 'vitest';
import { formatHundredths, hundredthsOf } from './hundredths.js';

describe('two-decimal numbers', () => {
  it('reads rates and multiples with at most two decimals as whole hundredths', () => {
    expect(hundredthsOf(4.35)).toBe(435);
    expect(hundredthsOf('4.75')).toBe(475);
    expect(hundredthsOf(5)).toBe(500);
    expect(hundredthsOf(4.355)).toBeNull();
    expect(hundredthsOf(-1)).toBeNull();
    expect(formatHundredths(435)).toBe('4.35');
    expect(formatHundredths(500)).toBe('5.00');
  });
});
