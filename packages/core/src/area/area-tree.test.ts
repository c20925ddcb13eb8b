import { describe, expect, it } from 'vitest';
import { parentCode, provinceOf, smallestCommonArea } from './area-tree.js';

describe('the area tree', () => {
  it('gives the parent and the province', () => {
    expect(parentCode('433125100201')).toBe('433125100000');
    expect(parentCode('433125000000')).toBe('433100000000');
    expect(parentCode('430000000000')).toBeNull();
    expect(provinceOf('433125100201')).toBe('430000000000');
  });

  it('finds the smallest area holding every code', () => {
    expect(smallestCommonArea(['433125100201', '433125100201'])).toBe('433125100201');
    expect(smallestCommonArea(['433125100201', '433125101202'])).toBe('433125000000');
    expect(smallestCommonArea(['433125100201', '211382108201'])).toBeNull();
    expect(smallestCommonArea(['433125100201', null])).toBeNull();
  });
});
