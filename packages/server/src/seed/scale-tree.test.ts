import { describe, expect, it } from 'vitest';
import { Random } from './demo/random.js';
import { SHIFAN_COUNTY_CODE } from './demo/shifan.js';
import { COUNTIES_PER_PREFECTURE, HOUSEHOLDS_PER_VILLAGE, planScaleTree, SCALE_AREA_RANGE, TOWNSHIPS_PER_COUNTY, VILLAGES_PER_TOWNSHIP } from './scale/tree.js';

describe('the synthetic province tree', () => {
  it('keeps prefecture 8099 free for the demo county 示范县', () => {
    expect(SHIFAN_COUNTY_CODE.slice(0, 4)).toBe('8099');
    expect(SHIFAN_COUNTY_CODE > SCALE_AREA_RANGE.hi).toBe(true);
    // One village more than 98 full prefectures hold needs a 99th: refused before anything is drawn.
    const full = 98 * COUNTIES_PER_PREFECTURE * TOWNSHIPS_PER_COUNTY * VILLAGES_PER_TOWNSHIP * HOUSEHOLDS_PER_VILLAGE;
    expect(() => planScaleTree(new Random(1), full + 20 * HOUSEHOLDS_PER_VILLAGE)).toThrow(/at most 98 fit in the codes \(8099 is the demo's\)/);
  });

  it('writes codes only inside its range, below its province', () => {
    const tree = planScaleTree(new Random(1), 30_000);
    const [province, ...below] = tree.areas;
    expect(province).toMatchObject({ code: '800000000000', level: 'PROVINCE' });
    for (const area of below) {
      if (area.code < SCALE_AREA_RANGE.lo || area.code > SCALE_AREA_RANGE.hi) throw new Error(`${area.code} lies outside the benchmark's range`);
    }
    for (const village of tree.villages) expect(village.idPrefix.startsWith('8099')).toBe(false);
  });
});
