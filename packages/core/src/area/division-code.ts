import {
  isCodeIn,
  levelOfCodeIn,
  prefixRangeIn,
  significantPrefixIn,
  type AreaCodeModel,
  type CodeRange,
} from '../kernel/area-codes.js';

/**
 * 12-digit statistical division codes (统计用区划代码): 2 province, 2 prefecture, 2 county,
 * 3 township and 3 village digits. Everything inside an area shares the area's significant
 * prefix, so "this area and everything under it" is a range on an indexed code column.
 *
 * This is core's area model: the kernel's scope mechanism knows codes only as fixed-width
 * prefixes (`kernel/area-codes.ts`) and receives this model through core's plugin (`areaCodes`).
 * Walking the area tree (parents, provinces, common areas) is in `area-tree.ts`.
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

// Core's level names are the kernel's: roles' `scopeLevels` are checked against them by the compiler.
declare module '../kernel/area-codes.js' {
  interface AreaLevelNames {
    PROVINCE: true;
    PREFECTURE: true;
    COUNTY: true;
    TOWNSHIP: true;
    VILLAGE: true;
  }
}

/** Core's area code model, handed to the kernel by `corePlugin.areaCodes`. */
export const DIVISION_CODES: AreaCodeModel = Object.freeze({
  noun: 'division-code',
  width: 12,
  levels: Object.freeze(AREA_LEVELS.map((name) => Object.freeze({ name, prefixLength: PREFIX_LENGTH[name] }))),
});

export type { CodeRange };

/** True for a 12-digit division code (not starting '00'). */
export function isDivisionCode(code: string): boolean {
  return isCodeIn(DIVISION_CODES, code);
}

/** The level a code denotes, read from which digit groups are zero. */
export function levelOfCode(code: string): AreaLevel {
  return levelOfCodeIn(DIVISION_CODES, code) as AreaLevel;
}

/** The significant prefix of a code: '433125' for 保靖县 433125000000. */
export function significantPrefix(code: string): string {
  return significantPrefixIn(DIVISION_CODES, code);
}

/** The range of codes of an area and everything under it. */
export function subtreeRange(code: string): CodeRange {
  return prefixRange(significantPrefix(code));
}

/** The range of codes that start with a prefix ('' is the whole country). */
export function prefixRange(prefix: string): CodeRange {
  return prefixRangeIn(DIVISION_CODES, prefix);
}
