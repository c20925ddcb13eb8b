import type { EntitySchema } from '@mikro-orm/core';
import type { TuopinContext } from '../context.js';
import { orderBySql, type RowOrder } from './entity-reads.js';
import { SqlText } from './read-statement.js';

/**
 * A list's filter as SQL: appends ` and …` conditions on the list's alias. The same filter builds
 * both the page and its count, each as its own statement (its placeholders numbered from 1).
 */
export type Conditions = (sql: SqlText) => void;

export interface PageQuery<Row> {
  entity: EntitySchema<Row, any>;
  /** The table's alias that `conditions` refer to. */
  alias: string;
  conditions: Conditions;
  /** The keyset bounds of this page (after / before), appended after the filter. */
  bounds?: Conditions;
  /** By properties, or ` order by …` SQL on the alias (an expression such as a row's day). */
  orderBy: RowOrder<Row> | string;
  limit: number;
  /** More columns after the entity's (a child list, the total): `, <expression> as "<name>"`. */
  extraColumns?: Conditions;
  /**
   * The properties the rows need (`selectedProperties`: what the selection reads, and what the
   * page itself needs — key, area, order); every column when undefined. Rows read with fewer are
   * guarded (`EntityColumns.subset`).
   */
  properties?: readonly string[];
}

/** One page of an entity's rows: `select <columns> … where <filter> <bounds> order by … limit`. */
export async function pageRowsOf<Row extends object>(ctx: TuopinContext, query: PageQuery<Row>): Promise<Row[]> {
  const columns = ctx.db.columns(query.entity).subset(query.properties);
  const sql = new SqlText().append(`select ${columns.select(query.alias)}`);
  query.extraColumns?.(sql);
  sql.append(` from ${columns.table} ${query.alias} where true`);
  query.conditions(sql);
  query.bounds?.(sql);
  const order = typeof query.orderBy === 'string' ? query.orderBy : orderBySql(ctx, query.entity, query.alias, query.orderBy);
  sql.append(order).append(' limit ?', query.limit);
  return columns.finish(await ctx.db.rows(sql));
}

/** ` , (select count(*) …) as "<column>"`: the filter's count as a column of the page's statement. */
export function appendCountColumn<Row extends object>(ctx: TuopinContext, sql: SqlText, entity: EntitySchema<Row, any>, alias: string, conditions: Conditions, column: string): void {
  sql.append(`, (select count(*)::int from ${ctx.db.columns(entity).table} ${alias} where true`);
  conditions(sql);
  sql.append(`) as "${column}"`);
}

/** Takes a column added by `extraColumns` out of every row; returns its value in the first row. */
export function takeColumn<T>(rows: readonly object[], column: string): T | undefined {
  const value = rows.length > 0 ? ((rows[0] as Record<string, unknown>)[column] as T) : undefined;
  for (const row of rows) delete (row as Record<string, unknown>)[column];
  return value;
}

/** How many rows the filter matches (`totalCount`), counted in SQL. */
export async function countRowsOf<Row extends object>(ctx: TuopinContext, entity: EntitySchema<Row, any>, alias: string, conditions: Conditions): Promise<number> {
  const sql = new SqlText().append(`select count(*)::int as n from ${ctx.db.columns(entity).table} ${alias} where true`);
  conditions(sql);
  const [row] = await ctx.db.rows<{ n: number }>(sql);
  return row.n;
}
