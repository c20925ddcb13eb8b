import { describe, expect, it } from 'vitest';
import { useAreaCodes } from '../kernel/area-codes.js';
import { rangesWithinScope } from '../kernel/area-scope.js';
import { levelOfScope } from '../kernel/principal.js';
import { DIVISION_CODES, isDivisionCode, levelOfCode, subtreeRange } from './division-code.js';

// The kernel reads scopes with the model a platform hands it; these tests hand core's directly.
useAreaCodes(DIVISION_CODES);

describe('division codes', () => {
  it('reads levels from the digit groups', () => {
    expect(levelOfCode('430000000000')).toBe('PROVINCE');
    expect(levelOfCode('433100000000')).toBe('PREFECTURE');
    expect(levelOfCode('433125000000')).toBe('COUNTY');
    expect(levelOfCode('433125100000')).toBe('TOWNSHIP');
    expect(levelOfCode('433125100201')).toBe('VILLAGE');
  });

  it('gives the subtree range', () => {
    expect(subtreeRange('433125000000')).toEqual({ lo: '433125000000', hi: '433125999999' });
  });

  it('refuses malformed codes', () => {
    expect(isDivisionCode('43312500000')).toBe(false);
    expect(isDivisionCode('4331250000001')).toBe(false);
    expect(isDivisionCode('000000000000')).toBe(false);
    expect(isDivisionCode('43312500000a')).toBe(false);
  });

  it('reads the level of a scope: a significant prefix, never a padded code', () => {
    expect(['', '43', '4331', '433125', '433125100', '433125100201'].map(levelOfScope)).toEqual(['NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE']);
    expect(['430000', '433125000', '00', '4', '433', '4331251002011', '43a'].map(levelOfScope)).toEqual([null, null, null, null, null, null, null]);
  });

  it('intersects a requested area with a scope', () => {
    expect(rangesWithinScope('433125000000', [''])).toEqual([subtreeRange('433125000000')]);
    expect(rangesWithinScope('433125100201', ['433125'])).toEqual([subtreeRange('433125100201')]);
    // A county officer asking for the whole province sees only the county.
    expect(rangesWithinScope('430000000000', ['433125'])).toEqual([{ lo: '433125000000', hi: '433125999999' }]);
    expect(rangesWithinScope('211382000000', ['433125'])).toEqual([]);
    expect(rangesWithinScope(null, ['4331', '433125'])).toEqual([{ lo: '433100000000', hi: '433199999999' }]);
  });
});
