import { describe, expect, it } from 'vitest';
import { gradeOfScore } from './rating-grade.js';

describe('gradeOfScore', () => {
  it('puts each score in its band, boundaries included', () => {
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 0].map(gradeOfScore)).toEqual(['AAA', 'AAA', 'AA', 'AA', 'A', 'A', 'B', 'B', 'C', 'C']);
  });
});
