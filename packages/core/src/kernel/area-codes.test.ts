import { describe, expect, it } from 'vitest';
import {
  areaCodeModelProblems,
  isCodeIn,
  levelOfCodeIn,
  prefixRangeIn,
  scopeLevelIn,
  scopeLevelNamesIn,
  significantPrefixIn,
  useAreaCodes,
  type AreaCodeModel,
} from './area-codes.js';

// A model that is not China's, to show the kernel assumes no width, level or prefix length.
const POSTCODES: AreaCodeModel = {
  noun: 'postcode',
  width: 5,
  levels: [
    { name: 'REGION', prefixLength: 1 },
    { name: 'DISTRICT', prefixLength: 3 },
    { name: 'STREET', prefixLength: 5 },
  ],
};

describe('area codes (the kernel, with any model)', () => {
  it('reads codes, levels, prefixes and ranges from the model alone', () => {
    expect(['10000', '12300', '12345'].map((code) => levelOfCodeIn(POSTCODES, code))).toEqual(['REGION', 'DISTRICT', 'STREET']);
    expect(significantPrefixIn(POSTCODES, '12300')).toBe('123');
    expect(prefixRangeIn(POSTCODES, '123')).toEqual({ lo: '12300', hi: '12399' });
    expect(prefixRangeIn(POSTCODES, '')).toEqual({ lo: '00000', hi: '99999' });
    expect(['12345', '1234', '123456', '1234a', '00123'].map((code) => isCodeIn(POSTCODES, code))).toEqual([true, false, false, false, false]);
  });

  it('reads scopes as significant prefixes, and nothing else', () => {
    expect(['', '1', '123', '12345'].map((scope) => scopeLevelIn(POSTCODES, scope))).toEqual(['NATION', 'REGION', 'DISTRICT', 'STREET']);
    expect(['10', '1230', '0', '123456', 'x'].map((scope) => scopeLevelIn(POSTCODES, scope))).toEqual([null, null, null, null, null]);
    expect(scopeLevelNamesIn(POSTCODES)).toEqual(['NATION', 'REGION', 'DISTRICT', 'STREET']);
  });

  it('refuses a model whose levels do not fit its width', () => {
    expect(areaCodeModelProblems(POSTCODES)).toEqual([]);
    expect(areaCodeModelProblems({ noun: 'code', width: 5, levels: [{ name: 'A', prefixLength: 3 }, { name: 'B', prefixLength: 2 }] })).toEqual([
      'prefix lengths 3, 2 must grow from the outermost level',
      'the innermost level must keep all 5 digits',
    ]);
    expect(areaCodeModelProblems({ noun: 'code', width: 2, levels: [{ name: 'NATION', prefixLength: 2 }] })).toEqual([
      "level names NATION must be distinct and not 'NATION'",
    ]);
    expect(() => useAreaCodes({ ...POSTCODES, width: 0 })).toThrow(/Area code model: width 0/);
  });
});
