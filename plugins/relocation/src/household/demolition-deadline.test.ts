import { describe, expect, it } from 'vitest';
import { addMonths } from './demolition-deadline.js';

describe('addMonths', () => {
  it('adds calendar months, across a year', () => {
    expect(addMonths('2016-12-01', 6)).toBe('2017-06-01');
    expect(addMonths('2016-03-15', 12)).toBe('2017-03-15');
  });

  it('keeps a month-end date to the end of a shorter month, leap years included', () => {
    expect(addMonths('2016-08-31', 6)).toBe('2017-02-28');
    expect(addMonths('2015-08-31', 6)).toBe('2016-02-29');
    expect(addMonths('2016-01-30', 1)).toBe('2016-02-29');
  });
});
