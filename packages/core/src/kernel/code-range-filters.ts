import { isWholeTree as isWholeCountry, type CodeRange } from './area-codes.js';

/**
 * Restricting a code column (a village, a place, a managing area) to the caller's code ranges,
 * in the two forms the query layers take. The whole country needs no condition at all.
 */

/** A MikroORM condition restricting a code property to code ranges. */
export function codeInRanges(property: string, ranges: readonly CodeRange[]): Record<string, unknown> {
  if (isWholeCountry(ranges)) return {};
  return { $or: ranges.map(({ lo, hi }) => ({ [property]: { $gte: lo, $lte: hi } })) };
}

/** SQL text and parameters restricting a code column to code ranges, for query builders and raw SQL. */
export function codeRangeSql(column: string, ranges: readonly CodeRange[]): { sql: string; params: string[] } {
  return {
    sql: `(${ranges.map(() => `${column} between ? and ?`).join(' or ')})`,
    params: ranges.flatMap(({ lo, hi }) => [lo, hi]),
  };
}
