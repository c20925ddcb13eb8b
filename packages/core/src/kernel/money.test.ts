import { describe, expect, it } from 'vitest';
import { compareMoney, divideMoney, formatMoney, normalizeMoney, parseMoney, subtractMoney, sumMoney } from './money.js';

describe('money', () => {
  it('parses and formats exactly', () => {
    expect(parseMoney('342000')).toBe(34_200_000n);
    expect(parseMoney('0.1')).toBe(10n);
    expect(parseMoney('-12.34')).toBe(-1234n);
    expect(formatMoney(-5n)).toBe('-0.05');
    expect(normalizeMoney('62000.5')).toBe('62000.50');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '1.234', '1e5', 'abc', '1,000', '1234567890123']) expect(parseMoney(bad)).toBeNull();
  });

  it('adds without floating-point drift', () => {
    expect(sumMoney('0.10', '0.20')).toBe('0.30');
    expect(sumMoney('100000', '100000', '80000', '62000')).toBe('342000.00');
    expect(subtractMoney('342000', '280000')).toBe('62000.00');
    expect(compareMoney('0.30', '0.3')).toBe(0);
  });

  it('divides rounding half away from zero, like PostgreSQL round()', () => {
    expect(divideMoney('10.00', 3)).toBe('3.33');
    expect(divideMoney('0.05', 2)).toBe('0.03');
    expect(divideMoney('-0.05', 2)).toBe('-0.03');
    expect(divideMoney('8000', 3)).toBe('2666.67');
  });
});
