import { describe, expect, it } from 'vitest';
import { homeArea, peopleMoved } from './relocation-demo.plan.js';

describe('the relocation demo plan', () => {
  it('fits the people moved to the report\'s total, never above a household\'s members', () => {
    const members = [7, 6, 6, 5, 5];
    const moved = peopleMoved(members, 26);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(26);
    moved.forEach((m, i) => expect(m).toBeLessThanOrEqual(members[i]));
    expect(() => peopleMoved([2, 2], 5)).toThrowError('fewer than 5');
  });

  it('keeps homes within 25 m² a person', () => {
    for (let people = 1; people <= 10; people++) expect(Number(homeArea(people))).toBeLessThanOrEqual(25 * people);
  });
});
