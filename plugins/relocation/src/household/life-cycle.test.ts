import { RuleViolationError } from '@tuopin/core';
import { describe, expect, it } from 'vitest';
import { assertStep, nextStatuses, RELOCATION_STATUSES, type RelocationStatus } from './life-cycle.js';

describe('the relocation life cycle', () => {
  it('goes applied → approved → housed → moved in → demolished → reclaimed, or retained after the move in', () => {
    const path: RelocationStatus[] = ['APPLIED', 'APPROVED', 'HOUSED', 'MOVED_IN', 'DEMOLISHED', 'RECLAIMED'];
    for (let i = 0; i + 1 < path.length; i++) expect(() => assertStep(path[i], path[i + 1], 'status')).not.toThrow();
    expect(() => assertStep('MOVED_IN', 'RETAINED', 'status')).not.toThrow();
  });

  it('refuses every step out of order with a typed error naming the field', () => {
    const statuses = Object.keys(RELOCATION_STATUSES) as RelocationStatus[];
    let refused = 0;
    for (const from of statuses) {
      for (const to of statuses) {
        if (nextStatuses(from).includes(to)) continue;
        refused += 1;
        try {
          assertStep(from, to, 'demolishedOn');
          expect.unreachable(`${from} → ${to} was allowed`);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleViolationError);
          expect(error).toMatchObject({ field: 'demolishedOn' });
        }
      }
    }
    // 49 pairs, 6 allowed steps.
    expect(refused).toBe(43);
  });

  it('ends at a retained house or reclaimed land', () => {
    expect(nextStatuses('RETAINED')).toEqual([]);
    expect(nextStatuses('RECLAIMED')).toEqual([]);
    expect(nextStatuses('DEMOLISHED')).toEqual(['RECLAIMED']);
  });
});
