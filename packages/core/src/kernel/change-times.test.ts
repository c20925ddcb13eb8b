import { describe, expect, it } from 'vitest';
import { chinaDayOf, startOfChinaDay, startOfNextChinaDay } from './change-times.js';

describe('days in China\'s time (UTC+8, no daylight saving)', () => {
  it('puts a moment on its day in China, not in UTC', () => {
    expect(chinaDayOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(chinaDayOf(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
    expect(chinaDayOf(new Date('2026-07-01T00:00:00+08:00'))).toBe('2026-07-01');
  });

  it('starts a day at 00:00 in China, from a day or from a moment in it', () => {
    expect(startOfChinaDay('2026-11-30').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(startOfChinaDay(new Date('2026-11-30T18:40:00.456+08:00')).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(startOfNextChinaDay('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    // Summer and winter alike: China keeps no daylight saving.
    expect(startOfChinaDay('2026-07-01').toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });
});
