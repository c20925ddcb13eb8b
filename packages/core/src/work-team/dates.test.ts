import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, lastDayOfYears, monthSpan } from './dates.js';

describe('work-team dates', () => {
  it('counts the days of months, leap years included', () => {
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2015, 2)).toBe(28);
    expect(daysInMonth(2016, 11)).toBe(30);
    expect(monthSpan(2016, 2)).toEqual(['2016-02-01', '2016-02-29']);
  });
  it('ends a term of whole years the day before its anniversary', () => {
    expect(lastDayOfYears('2015-04-01', 2)).toBe('2017-03-31');
    expect(lastDayOfYears('2016-02-29', 1)).toBe('2017-02-28');
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
  });
});
