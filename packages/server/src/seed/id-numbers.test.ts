import { checkIdNumber } from '@tuopin/core';
import { describe, expect, it } from 'vitest';
import { birthDayForAge, DAY_COUNT, firstDayOf, isoDate, REFERENCE_YEAR } from './demo/dates.js';
import { IdNumberAllocator } from './demo/id-numbers.js';
import { Random } from './demo/random.js';

describe('IdNumberAllocator', () => {
  it('issues valid, unique numbers whose birth date and sex are the ones asked for', () => {
    const ids = new IdNumberAllocator();
    const rng = new Random(11);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const prefix = rng.pick(['433125', '211382', '800101']);
      const sex = rng.chance(0.5) ? 'MALE' : 'FEMALE';
      const day = birthDayForAge(rng.int(0, 95), rng.next());
      const issued = ids.allocate(prefix, day, sex);
      const check = checkIdNumber(issued.idNumber);
      expect(check.valid).toBe(true);
      if (!check.valid) continue;
      expect(check.sex).toBe(sex);
      expect(check.birthDate).toBe(issued.birthDate);
      expect(issued.birthDate).toBe(isoDate(day));
      expect(issued.idNumber.slice(0, 6)).toBe(prefix);
      expect(seen.has(issued.idNumber)).toBe(false);
      seen.add(issued.idNumber);
    }
    expect(ids.count).toBe(20_000);
  });

  it('moves to the next day when a day has no sequence left', () => {
    const ids = new IdNumberAllocator();
    const day = firstDayOf(1980);
    const numbers = new Set<string>();
    for (let i = 0; i < 499; i++) numbers.add(ids.allocate('433125', day, 'FEMALE').idNumber);
    expect(numbers.size).toBe(499);
    const next = ids.allocate('433125', day, 'FEMALE');
    expect(next.birthDate).toBe('1980-01-02');
    expect(next.day).toBe(day + 1);
    // Men born that day still have all their sequences.
    expect(ids.allocate('433125', day, 'MALE').idNumber.slice(6, 17)).toBe('19800101001');
  });

  it('refuses a malformed area prefix', () => {
    expect(() => new IdNumberAllocator().allocate('4331', 0, 'MALE')).toThrow(/6 digits/);
  });
});

describe('dates', () => {
  it('counts ages at the end of the reference year', () => {
    expect(isoDate(birthDayForAge(0, 0))).toBe(`${REFERENCE_YEAR}-01-01`);
    expect(isoDate(birthDayForAge(0, 0.999999))).toBe(`${REFERENCE_YEAR}-12-31`);
    expect(isoDate(birthDayForAge(40, 0))).toBe(`${REFERENCE_YEAR - 40}-01-01`);
    expect(isoDate(DAY_COUNT - 1)).toBe(`${REFERENCE_YEAR}-12-31`);
  });
});
