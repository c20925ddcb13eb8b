import { describe, expect, it } from 'vitest';
import { chooseExactly } from './choose-exactly.js';

const sum = (sizes: number[], picked: number[]) => picked.reduce((s, i) => s + sizes[i], 0);

describe('chooseExactly', () => {
  it('picks the count asked for with exactly the total', () => {
    const sizes = [1, 8, 3, 5, 2, 6, 4, 7, 3, 5, 2, 4];
    for (const [count, total] of [[4, 26], [4, 10], [6, 20], [5, 30]]) {
      const picked = chooseExactly(sizes, count, total);
      expect(picked).toHaveLength(count);
      expect(new Set(picked).size).toBe(count);
      expect(sum(sizes, picked)).toBe(total);
    }
  });

  it('refuses a total out of reach', () => {
    expect(() => chooseExactly([1, 2, 3], 2, 6)).toThrow(/closest 5/);
    expect(() => chooseExactly([1, 2], 3, 3)).toThrow(/cannot choose/);
  });
});
