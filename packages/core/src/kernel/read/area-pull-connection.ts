import type { EntitySchema } from '@mikro-orm/core';
import { readableRanges } from '../access.js';
import type { TuopinContext } from '../context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../keyset-connection.js';
import { appendCodeRanges } from './entity-reads.js';
import { countRowsOf, pageRowsOf, type Conditions } from './filtered-rows.js';
import { appendChangedSince, changeOrderSql, checkPullCursor, keysetBound, pullKey, pullKeyOrder, type PullOrder } from './pull-order.js';

/** A list of rows placed by an area code, paged by (code, id) or, for a partner's pull, by (updated_at, id). */
export interface PullList<Row extends { id: number }> {
  entity: EntitySchema<Row, any>;
  /** The table's alias in SQL, which `conditions` and `extraColumns` refer to. */
  alias: string;
  /** The list's whole filter, the caller's scope included; null when he may see nothing here. */
  conditions: Conditions | null;
  /**
   * Only rows changed after this moment, ordered by change (`updated_at` of `alias`). Give it
   * here, never in `conditions`: callers who read change times to the day get it by the day.
   */
  updatedAfter?: Date | null;
  /** By code, or by change; by change whenever `updatedAfter` is given. Default: by code. */
  order?: PullOrder;
  /** The property that places a row, and its column name in SQL: the key of the `code` order. */
  code: { property: keyof Row & string; column: string };
  /** More columns in the page's statement (a child list the selection asks for). */
  extraColumns?: Conditions;
  /** Columns computed once from the whole page (`PageQuery.pageColumns`): the children of all its rows. */
  pageColumns?: Conditions;
  /** Runs on each page's rows before they are returned: takes the extra columns, primes loaders. */
  onPage?: (rows: Row[]) => void;
}

/**
 * A keyset page of a list in either pull order (see `pull-order.ts` for why there are two, the
 * day order of callers who read change times to the day, and the overlap partners should use).
 * The filter is in the SQL of both the page and `totalCount`, so the two agree with what the
 * caller may see; a caller who may see nothing gets an empty page without a statement; a cursor
 * of another order is a validation error, not a failed cast.
 */
export function pullConnection<Row extends { id: number }>(ctx: TuopinContext, list: PullList<Row>, args: ConnectionArgs) {
  const { alias, code, updatedAfter } = list;
  const order = pullKeyOrder(ctx, updatedAfter ? 'updated' : (list.order ?? 'code'));
  const filter = list.conditions;
  const conditions: Conditions | null =
    filter && updatedAfter
      ? (sql) => {
          filter(sql);
          appendChangedSince(sql, order, alias, updatedAfter);
        }
      : filter;
  const updatedAtOf = (row: Row) => (row as unknown as { updatedAt: Date }).updatedAt;
  return resolveKeysetConnection<Row>(
    args,
    ['text', 'id'],
    (row) => pullKey(order, row[code.property] as unknown as string, updatedAtOf(row), row.id),
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const bounds = ([[after, '>', 'after'], [before, '<', 'before']] as const).flatMap(([key, op, field]) => {
        const checked = checkPullCursor(order, key, field);
        return checked ? [keysetBound(order, alias, code.column, checked, op)] : [];
      });
      const direction = descending ? 'desc' : 'asc';
      const rows = await pageRowsOf(ctx, {
        entity: list.entity,
        alias,
        conditions,
        extraColumns: list.extraColumns,
        pageColumns: list.pageColumns,
        bounds: (sql) => bounds.forEach((bound) => sql.append(` and ${bound.sql}`, ...bound.params)),
        orderBy:
          order === 'code'
            ? [
                [code.property, direction],
                ['id' as keyof Row & string, direction],
              ]
            : changeOrderSql(order, alias, direction),
        limit,
      });
      list.onPage?.(rows);
      return rows;
    },
    async () => (conditions ? countRowsOf(ctx, list.entity, alias, conditions) : 0),
  );
}

/** A list in the caller's readable areas under `regionCode`, pulled by change when `updatedAfter` is given. */
export interface AreaPullQuery<Row extends { id: number }> extends Omit<PullList<Row>, 'conditions' | 'order'> {
  /** The area (and everything under it); null for everywhere the caller may see. */
  regionCode: string | null;
  /** The list's own filter on `alias`, appended as ` and …` after the caller's areas. */
  where?: Conditions;
}

/** `pullConnection` over the caller's readable areas (`readableRanges`), the common case. */
export function areaPullConnection<Row extends { id: number }>(ctx: TuopinContext, query: AreaPullQuery<Row>, args: ConnectionArgs) {
  const { regionCode, where, ...list } = query;
  const ranges = readableRanges(ctx, regionCode);
  const conditions: Conditions | null =
    ranges.length === 0
      ? null
      : (sql) => {
          appendCodeRanges(sql, `${list.alias}.${list.code.column}`, ranges);
          where?.(sql);
        };
  return pullConnection(ctx, { ...list, conditions }, args);
}
