import type { EntitySchema } from '@mikro-orm/core';
import type { TuopinContext } from '../context.js';
import { isInRanges, isWholeTree as isWholeCountry, type CodeRange } from '../area-codes.js';
import { codeRangeSql } from '../code-range-filters.js';
import { keyMatch } from './key-match.js';
import { SqlText } from './read-statement.js';

/** A sort of rows by their properties, in order. */
export type RowOrder<Row> = readonly (readonly [keyof Row & string, 'asc' | 'desc'])[];

export interface RowsWhereInOptions<Row> {
  orderBy?: RowOrder<Row>;
  /**
   * Only rows whose code property lies in these ranges (the caller's scope). Applied to the rows
   * the keys read, not written into the statement: the keys bound what is read either way, and a
   * statement without the caller's ranges is one text for every caller. With them (a province
   * officer's 35 counties: 70 parameters) PostgreSQL planned the statement again on every call,
   * 0.45 ms against 0.04 (test/bench, Q6a as a county officer). Pages and counts, which no key
   * bounds, keep their ranges in SQL (`appendCodeRanges`).
   */
  within?: {
    property: keyof Row & string;
    ranges: readonly CodeRange[];
    /** Keys that pass wherever their rows lie: objects granted to the caller one by one. */
    orKeys?: readonly unknown[];
  };
  /**
   * Only these properties (`selectedProperties`: what the selection reads); every column when
   * undefined. Rows read with fewer are guarded (`EntityColumns.subset`). Include `property` and
   * `within`'s, which the rows are matched and filtered by.
   */
  properties?: readonly string[];
}

/**
 * Appends `and (column between ? and ? or …)` for the ranges (`column = ?` for a village's);
 * nothing for the whole country, which needs no condition. The text depends only on how many
 * ranges there are and which are one code, so it stays one of a few prepared statements.
 */
export function appendCodeRanges(sql: SqlText, column: string, ranges: readonly CodeRange[]): SqlText {
  if (isWholeCountry(ranges)) return sql;
  const condition = codeRangeSql(column, ranges);
  return sql.append(` and ${condition.sql}`, ...condition.params);
}

/** `order by …` for a row order, qualified by the columns of `alias`. */
export function orderBySql<Row extends object>(ctx: TuopinContext, entity: EntitySchema<Row, any>, alias: string, order: RowOrder<Row>): string {
  const columns = ctx.db.columns(entity);
  return ` order by ${order.map(([property, direction]) => `${columns.column(property, alias)} ${direction}`).join(', ')}`;
}

/**
 * Rows of an entity whose `property` is one of `keys`, as plain objects with the entity's
 * property names: one statement, the keys bound as one array (`= any($1)`), whatever their number,
 * or as the one key (`= $1`) when there is one (`keyMatch` says why).
 */
export async function rowsWhereIn<Row extends object>(
  ctx: TuopinContext,
  entity: EntitySchema<Row, any>,
  property: keyof Row & string,
  keys: readonly unknown[],
  options: RowsWhereInOptions<Row> = {},
): Promise<Row[]> {
  const columns = ctx.db.columns(entity).subset(options.properties);
  const match = keyMatch(columns.column(property, 'e'), keys);
  const sql = new SqlText().append(`select ${columns.select('e')} from ${columns.table} e where ${match.sql}`, ...match.params);
  if (options.orderBy) sql.append(orderBySql(ctx, entity, 'e', options.orderBy));
  const rows = columns.finish(await ctx.db.rows<Record<string, unknown>>(sql));
  return options.within ? rows.filter(withinScope(options.within, property)) : rows;
}

/** Whether a row lies in the scope of `within`, or its key (`keyProperty`) is one granted. */
function withinScope<Row extends object>(within: NonNullable<RowsWhereInOptions<Row>['within']>, keyProperty: keyof Row & string): (row: Row) => boolean {
  const { property: codeProperty, ranges, orKeys = [] } = within;
  if (isWholeCountry(ranges)) return () => true;
  const granted = new Set(orKeys);
  return (row) => isInRanges(row[codeProperty] as string, ranges) || granted.has(row[keyProperty]);
}
