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
  /**
   * More columns after the entity's (a child list, the total): `, <expression> as "<name>"`. They
   * are set aside from the rows, which stay exactly the entity's; read them with `extraColumn`.
   */
  extraColumns?: Conditions;
  /**
   * Columns computed once from the whole page (children of all its rows, say), each appended with
   * `appendPageColumn`: the page is then a common table expression named `page` (its rows with
   * their properties' names), which these columns read. Read them with `pageColumn`.
   */
  pageColumns?: Conditions;
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
  const sql = new SqlText();
  if (query.pageColumns) sql.append(`with ${PAGE} as materialized (`);
  sql.append(`select ${columns.select(query.alias)}`);
  query.extraColumns?.(sql);
  sql.append(` from ${columns.table} ${query.alias} where true`);
  query.conditions(sql);
  query.bounds?.(sql);
  const order = typeof query.orderBy === 'string' ? query.orderBy : orderBySql(ctx, query.entity, query.alias, query.orderBy);
  sql.append(order).append(' limit ?', query.limit);
  if (query.pageColumns) {
    // The outer query only scans the materialized page and numbers its rows: it returns them in
    // the order the page was sorted in (a CTE scan reads its rows back as they were stored).
    sql.append(`) select ${PAGE}.*`);
    query.pageColumns(sql);
    sql.append(` from ${PAGE}`);
  }
  const rows = await ctx.db.rows<Record<string, unknown>>(sql);
  if (query.extraColumns || query.pageColumns) setAsideExtraColumns(rows, columns.properties.length);
  return columns.finish(rows);
}

/** The name under which `pageColumns` read the page's rows. */
export const PAGE = 'page';

/**
 * ` , <expression> as "<column>"` for `PageQuery.pageColumns`: computed once, carried by the page's
 * first row only (the others have null), so a page's children are sent once, not once per row.
 * An uncorrelated subquery is evaluated once, when first needed — here, for the first row.
 */
export function appendPageColumn(sql: SqlText, expression: string, column: string): void {
  sql.append(`, case when row_number() over () = 1 then (${expression}) end as "${column}"`);
}

/** Where a page's rows keep their extra columns: beside them, on the array, one record per row. */
const EXTRA_COLUMNS = Symbol('extra columns');
type WithExtraColumns = { [EXTRA_COLUMNS]?: Record<string, unknown>[] };

/**
 * Moves the columns after the entity's first `entityColumns` out of each row, last first, and
 * before `finish` gives guarded rows their prototype. In that order each removal undoes the
 * property's addition and the row keeps V8's fast properties; removing a column that is not the
 * last, or any after the prototype changed, turns the row into a dictionary, which every later
 * property read and the garbage collector pay for (test/bench, session 34). The columns are kept
 * on the array, not per row in a WeakMap, whose entries every minor collection would walk.
 */
function setAsideExtraColumns(rows: Record<string, unknown>[], entityColumns: number): void {
  if (rows.length === 0) return;
  const names = Object.keys(rows[0]).slice(entityColumns);
  const extras = rows.map((row) => {
    const extra: Record<string, unknown> = {};
    for (let i = names.length - 1; i >= 0; i -= 1) {
      extra[names[i]] = row[names[i]];
      delete row[names[i]];
    }
    return extra;
  });
  Object.defineProperty(rows, EXTRA_COLUMNS, { value: extras });
}

/** An extra column (`PageQuery.extraColumns`) of the row at `index` of a page `pageRowsOf` read. */
export function extraColumn<T>(rows: readonly object[], index: number, column: string): T {
  const extra = (rows as WithExtraColumns)[EXTRA_COLUMNS]?.[index];
  if (!extra || !(column in extra)) throw new Error(`row ${index} has no extra column ${column}: were the rows read by pageRowsOf, with extraColumns adding it?`);
  return extra[column] as T;
}

/** ` , (select count(*) …) as "<column>"`: the filter's count as a column of the page's statement. */
export function appendCountColumn<Row extends object>(ctx: TuopinContext, sql: SqlText, entity: EntitySchema<Row, any>, alias: string, conditions: Conditions, column: string): void {
  sql.append(`, (select count(*)::int from ${ctx.db.columns(entity).table} ${alias} where true`);
  conditions(sql);
  sql.append(`) as "${column}"`);
}

/** A column with one value for the whole page (a count added by `extraColumns`, or a column of `pageColumns`): its value in the first row. */
export function pageColumn<T>(rows: readonly object[], column: string): T | undefined {
  return rows.length > 0 ? extraColumn<T>(rows, 0, column) : undefined;
}

/** How many rows the filter matches (`totalCount`), counted in SQL. */
export async function countRowsOf<Row extends object>(ctx: TuopinContext, entity: EntitySchema<Row, any>, alias: string, conditions: Conditions): Promise<number> {
  const sql = new SqlText().append(`select count(*)::int as n from ${ctx.db.columns(entity).table} ${alias} where true`);
  conditions(sql);
  const [row] = await ctx.db.rows<{ n: number }>(sql);
  return row.n;
}
