/**
 * 12-digit statistical division codes (统计用区划代码): 2 province, 2 prefecture, 2 county,
 * 3 township and 3 village digits. Everything inside an area shares the area's significant
 * prefix, so "this area and everything under it" is a range on an indexed code column.
 *
 * What stays in the kernel is what its scope mechanism reads: the code format (global ids may be
 * codes), the levels (a role's scopes name areas of given levels) and a scope as a significant
 * prefix. Walking the area tree (parents, provinces, common areas) is core's, in `area/area-tree.ts`.
 */

export const AREA_LEVELS = ['PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Significant digits of a code at each level. */
export const PREFIX_LENGTH: Readonly<Record<AreaLevel, number>> = {
  PROVINCE: 2,
  PREFECTURE: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};

const CODE_PATTERN = /^\d{12}$/;

/** An inclusive range of 12-digit codes. */
export interface CodeRange {
  readonly lo: string;
  readonly hi: string;
}

export function isDivisionCode(code: string): boolean {
  return CODE_PATTERN.test(code) && code.slice(0, 2) !== '00';
}

/** The level a code denotes, read from which digit groups are zero. */
export function levelOfCode(code: string): AreaLevel {
  if (/^0+$/.test(code.slice(2))) return 'PROVINCE';
  if (/^0+$/.test(code.slice(4))) return 'PREFECTURE';
  if (/^0+$/.test(code.slice(6))) return 'COUNTY';
  if (/^0+$/.test(code.slice(9))) return 'TOWNSHIP';
  return 'VILLAGE';
}

/** The significant prefix of a code: '433125' for 保靖县 433125000000. */
export function significantPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[levelOfCode(code)]);
}

/** The range of codes of an area and everything under it. */
export function subtreeRange(code: string): CodeRange {
  return prefixRange(significantPrefix(code));
}

/** The range of codes that start with a prefix ('' is the whole country). */
export function prefixRange(prefix: string): CodeRange {
  return { lo: prefix.padEnd(12, '0'), hi: prefix.padEnd(12, '9') };
}
