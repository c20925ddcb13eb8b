import type { EntitySchema } from '@mikro-orm/core';
import type { TuopinContext } from '../context.js';
import type { CodeRange } from '../division-code.js';
import { SqlText } from './read-statement.js';

/** A sort of rows by their properties, in order. */
export type RowOrder<Row> = readonly (readonly [keyof Row & string, 'asc' | 'desc'])[];

export interface RowsWhereInOptions<Row> {
  orderBy?: RowOrder<Row>;
  /** Only rows whose code property lies in these ranges (the caller's scope). */
  within?: {
    property: keyof Row & string;
    ranges: readonly CodeRange[];
    /** Keys that pass wherever their rows lie: objects granted to the caller one by one. */
    orKeys?: readonly unknown[];
  };
}

const isWholeCountry = (ranges: readonly CodeRange[]) => ranges.length === 1 && ranges[0].lo === '000000000000' && ranges[0].hi === '999999999999';

/**
 * Appends `and (column between ? and ? or …)` for the ranges; nothing for the whole country, which
 * needs no condition. The text depends only on how many ranges there are, so it stays one of a
 * few prepared statements.
 */
export function appendCodeRanges(sql: SqlText, column: string, ranges: readonly CodeRange[]): SqlText {
  if (isWholeCountry(ranges)) return sql;
  return sql.append(` and (${ranges.map(() => `${column} between ? and ?`).join(' or ')})`, ...ranges.flatMap(({ lo, hi }) => [lo, hi]));
}

/**
 * Appends the caller's scope: rows whose code lies in the ranges, or (grants beyond the area tree)
 * whose key is one of `granted`. Without grants it is `appendCodeRanges`.
 */
function appendScope(sql: SqlText, codeColumn: string, ranges: readonly CodeRange[], keyColumn: string, granted: readonly unknown[]): SqlText {
  if (granted.length === 0) return ranges.length === 0 ? sql.append(' and false') : appendCodeRanges(sql, codeColumn, ranges);
  if (isWholeCountry(ranges)) return sql;
  const inRanges = ranges.map(() => `${codeColumn} between ? and ?`);
  return sql.append(` and (${[...inRanges, `${keyColumn} = any(?)`].join(' or ')})`, ...ranges.flatMap(({ lo, hi }) => [lo, hi]), granted);
}

/** `order by …` for a row order, qualified by the columns of `alias`. */
export function orderBySql<Row extends object>(ctx: TuopinContext, entity: EntitySchema<Row, any>, alias: string, order: RowOrder<Row>): string {
  const columns = ctx.db.columns(entity);
  return ` order by ${order.map(([property, direction]) => `${columns.column(property, alias)} ${direction}`).join(', ')}`;
}

/**
 * Rows of an entity whose `property` is one of `keys`, as plain objects with the entity's
 * property names: one statement, the keys bound as one array (`= any($1)`), whatever their number.
 */
export async function rowsWhereIn<Row extends object>(
  ctx: TuopinContext,
  entity: EntitySchema<Row, any>,
  property: keyof Row & string,
  keys: readonly unknown[],
  options: RowsWhereInOptions<Row> = {},
): Promise<Row[]> {
  const columns = ctx.db.columns(entity);
  const sql = new SqlText().append(`select ${columns.select('e')} from ${columns.table} e where ${columns.column(property, 'e')} = any(?)`, keys);
  if (options.within) {
    const { property: codeProperty, ranges, orKeys } = options.within;
    appendScope(sql, columns.column(codeProperty, 'e'), ranges, columns.column(property, 'e'), orKeys ?? []);
  }
  if (options.orderBy) sql.append(orderBySql(ctx, entity, 'e', options.orderBy));
  return ctx.db.entityRows(entity, sql);
}
