import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, monthsSpanned } from './dates.js';

describe('calendar arithmetic', () => {
  it('adds months, clamping to the end of a shorter month as PostgreSQL does', () => {
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2016-03-15', 36)).toBe('2019-03-15');
    expect(addMonths('2016-11-30', 3)).toBe('2017-02-28');
  });

  it('counts the months a period spans, a partial month as one', () => {
    expect(monthsSpanned('2016-03-01', '2019-03-01')).toBe(36);
    expect(monthsSpanned('2016-03-01', '2019-03-02')).toBe(37);
    expect(monthsSpanned('2016-03-01', '2016-03-01')).toBe(0);
  });

  it('gives the age in whole years on a date', () => {
    expect(ageOn('1950-06-15', '2016-06-14')).toBe(65);
    expect(ageOn('1950-06-15', '2016-06-15')).toBe(66);
  });
});
