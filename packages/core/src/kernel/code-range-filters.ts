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
  const conditions = ranges.map((range) => codeRangeCondition(column, range));
  return {
    sql: `(${conditions.map((condition) => condition.sql).join(' or ')})`,
    params: conditions.flatMap((condition) => condition.params),
  };
}

/**
 * One range as a condition: `column = ?` for a range of one code (a village), `column between ? and ?`
 * otherwise. The same rows either way, but not the same plan. PostgreSQL estimates a prepared
 * statement's generic plan without the values: for `between $1 and $2` it guesses 0.5 % of the
 * table (5,000 households of a million), for `= $1` one code's share from the statistics (about
 * 100). Behind the larger guess the generic plan of a household page looked twenty times dearer than
 * its custom plans, so PostgreSQL planned the page anew on every call (0.15 ms of its 0.5; test/bench, Q1).
 */
export function codeRangeCondition(column: string, { lo, hi }: CodeRange): { sql: string; params: string[] } {
  return lo === hi ? { sql: `${column} = ?`, params: [lo] } : { sql: `${column} between ? and ?`, params: [lo, hi] };
}
