/**
 * Synthetic resident ID numbers (居民身份证号码) that are valid and unique by construction:
 * the issuing area's 6 digits, the birth date, a 3-digit sequence whose parity gives the sex
 * (odd male, even female) and the MOD 11-2 check character. For every (area, birth date, sex)
 * the allocator hands out the next free sequence, so two calls never return the same number.
 */
import { checkCharacter } from '@tuopin/core';
import { compactDate, DAY_COUNT, isoDate } from './dates.js';

export type Sex = 'MALE' | 'FEMALE';

/** Sequences per (area, birth date, sex): 001, 003 … 999 for men, 002, 004 … 998 for women. */
const PER_DAY = 499;

export interface AllocatedId {
  idNumber: string;
  /** The birth date in the number, 'YYYY-MM-DD'. */
  birthDate: string;
  /** The day number used: the one asked for, or a later one when that day was full. */
  day: number;
}

export class IdNumberAllocator {
  private readonly used = new Map<string, Uint16Array>();
  private issued = 0;

  /** How many numbers this allocator has handed out. */
  get count(): number {
    return this.issued;
  }

  /**
   * The next free number for someone of this sex born on `day` (see dates.ts), in the area
   * `areaPrefix` (6 digits, e.g. '433125'). When every sequence of that day is taken (499 people
   * of one sex born the same day in one county), the next day with room is used.
   */
  allocate(areaPrefix: string, day: number, sex: Sex): AllocatedId {
    let counters = this.used.get(areaPrefix);
    if (!counters) {
      if (!/^[0-9]{6}$/.test(areaPrefix)) throw new Error(`an ID number area prefix is 6 digits, not "${areaPrefix}"`);
      counters = new Uint16Array(DAY_COUNT * 2);
      this.used.set(areaPrefix, counters);
    }
    const sexIndex = sex === 'MALE' ? 1 : 0;
    for (let tries = 0; tries < DAY_COUNT; tries++) {
      const d = (day + tries) % DAY_COUNT;
      const slot = d * 2 + sexIndex;
      const n = counters[slot];
      if (n >= PER_DAY) continue;
      counters[slot] = n + 1;
      const sequence = sex === 'MALE' ? 2 * n + 1 : 2 * n + 2;
      const first17 = areaPrefix + compactDate(d) + (sequence < 10 ? '00' : sequence < 100 ? '0' : '') + sequence;
      this.issued++;
      return { idNumber: first17 + checkCharacter(first17), birthDate: isoDate(d), day: d };
    }
    throw new Error(`no ID numbers left for area ${areaPrefix}`);
  }
}
