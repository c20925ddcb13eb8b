import { describe, expect, it } from 'vitest';
import { compareMoney, divideMoney, fitsOneAmount, formatMoney, MAX_FEN, moneyRatio, normalizeMoney, parseMoney, subtractMoney, sumMoney } from './money.js';
import { MoneyScalar } from './scalars.js';

describe('money', () => {
  it('parses and formats exactly', () => {
    expect(parseMoney('342000')).toBe(34_200_000n);
    expect(parseMoney('0.1')).toBe(10n);
    expect(parseMoney('-12.34')).toBe(-1234n);
    expect(formatMoney(-5n)).toBe('-0.05');
    expect(normalizeMoney('62000.5')).toBe('62000.50');
    // Canonical text passes unchanged; anything else is parsed and formatted.
    expect(['0.00', '62000.50', '-12.30', '123456789012345678901234.56'].map(normalizeMoney)).toEqual(['0.00', '62000.50', '-12.30', '123456789012345678901234.56']);
    expect(['-0.00', '007.10', ' 7.10', '7.10 ', '+7.10', '-0.5', '.50'].map((text) => { try { return normalizeMoney(text); } catch { return 'refused'; } })).toEqual(['0.00', '7.10', '7.10', '7.10', 'refused', '-0.50', 'refused']);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '1.234', '1e5', 'abc', '1,000', '-', '.5', '1.']) expect(parseMoney(bad)).toBeNull();
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

  // The largest single amount (numeric(14,2)) and one fen more; then the sum of 101 of the largest
  // project budgets, and national totals past 1万亿 and 1亿亿 yuan.
  const LARGEST = '999999999999.99';
  const BUDGET = '9999999999.99';
  const HUNDRED_AND_ONE_BUDGETS = '1009999999998.99';

  it('parses, formats and compares amounts at and beyond the single-amount limit', () => {
    expect(parseMoney(LARGEST)).toBe(MAX_FEN);
    expect(parseMoney('1000000000000.00')).toBe(MAX_FEN + 1n);
    expect(formatMoney(MAX_FEN + 1n)).toBe('1000000000000.00');
    expect(normalizeMoney('123456789012345678901234.5')).toBe('123456789012345678901234.50');
    expect(normalizeMoney('-1000000000000')).toBe('-1000000000000.00');
    expect(compareMoney('1000000000000.00', LARGEST)).toBe(1);
    expect(compareMoney('-1000000000000.00', `-${LARGEST}`)).toBe(-1);
  });

  it('caps single amounts only', () => {
    expect(fitsOneAmount(MAX_FEN)).toBe(true);
    expect(fitsOneAmount(-MAX_FEN)).toBe(true);
    expect(fitsOneAmount(MAX_FEN + 1n)).toBe(false);
    expect(fitsOneAmount(-MAX_FEN - 1n)).toBe(false);
  });

  it('adds, subtracts, divides and compares sums of any size exactly', () => {
    expect(sumMoney(...Array.from({ length: 101 }, () => BUDGET))).toBe(HUNDRED_AND_ONE_BUDGETS);
    expect(sumMoney(LARGEST, '0.01')).toBe('1000000000000.00');
    expect(sumMoney(HUNDRED_AND_ONE_BUDGETS, HUNDRED_AND_ONE_BUDGETS)).toBe('2019999999997.98');
    expect(subtractMoney(HUNDRED_AND_ONE_BUDGETS, '9999999998.99')).toBe('1000000000000.00');
    expect(subtractMoney('9999999998.99', HUNDRED_AND_ONE_BUDGETS)).toBe('-1000000000000.00');
    expect(divideMoney(HUNDRED_AND_ONE_BUDGETS, 101)).toBe(BUDGET);
    expect(sumMoney('99999999999999999999.99', '0.01')).toBe('100000000000000000000.00');
  });

  it('gives ratios of sums beyond the single-amount limit', () => {
    expect(moneyRatio(HUNDRED_AND_ONE_BUDGETS, HUNDRED_AND_ONE_BUDGETS)).toBe(1);
    expect(moneyRatio(sumMoney(...Array.from({ length: 50 }, () => BUDGET)), HUNDRED_AND_ONE_BUDGETS)).toBe(0.495);
  });

  it('serialises sums of any size, and refuses a single input amount beyond numeric(14,2)', () => {
    expect(MoneyScalar.serialize(HUNDRED_AND_ONE_BUDGETS)).toBe(HUNDRED_AND_ONE_BUDGETS);
    expect(MoneyScalar.serialize('123456789012345678901234.5')).toBe('123456789012345678901234.50');
    expect(MoneyScalar.parseValue(LARGEST)).toBe(LARGEST);
    expect(MoneyScalar.parseValue('12')).toBe('12.00');
    expect(() => MoneyScalar.parseValue('1000000000000.00')).toThrow(/at most 999999999999.99 yuan/);
    expect(() => MoneyScalar.parseValue('-1000000000000')).toThrow(/at most 999999999999.99 yuan/);
    expect(() => MoneyScalar.parseValue('12.345')).toThrow(/at most two decimals/);
  });
});

describe('sumMoney on whole fen', () => {
  it('gives what the exact sum of BigInt fen gives, for amounts up to 13 digits of yuan in any form', () => {
    // A fixed seed: the same amounts on every run, so a failure can be reproduced.
    let seed = 20261202;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const amountOf = () => {
      const digits = 1 + Math.floor(random() * 13);
      const yuan = Array.from({ length: digits }, () => Math.floor(random() * 10)).join('');
      const fraction = [``, `.${Math.floor(random() * 10)}`, `.${String(Math.floor(random() * 100)).padStart(2, '0')}`][Math.floor(random() * 3)];
      return `${random() < 0.3 ? '-' : ''}${yuan}${fraction}`;
    };
    for (let i = 0; i < 5_000; i++) {
      const amounts = Array.from({ length: 1 + Math.floor(random() * 6) }, amountOf);
      const exact = formatMoney(amounts.reduce((total, amount) => total + parseMoney(amount)!, 0n));
      expect(sumMoney(...amounts), amounts.join(' + ')).toBe(exact);
    }
  });

  it('falls back to BigInt past 13 digits of yuan or past a safe integer of fen', () => {
    expect(sumMoney('12345678901234.56', '0.44')).toBe('12345678901235.00');
    expect(sumMoney('9999999999999.99', '9999999999999.99', '9999999999999.99', '9999999999999.99', '9999999999999.99')).toBe('49999999999999.95');
    expect(sumMoney(...Array.from({ length: 10 }, () => '9999999999999.99'))).toBe('99999999999999.90');
    expect(sumMoney('-0.00', '0')).toBe('0.00');
    expect(sumMoney('-5.5', '0.49')).toBe('-5.01');
    expect(() => sumMoney('1e3')).toThrow(/not a money amount/);
  });
});
