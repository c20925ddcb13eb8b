import type { EntitySchema } from '@mikro-orm/core';
import {
  appendCodeRanges,
  checkPullCursor,
  countRowsOf,
  keysetBound,
  pageRowsOf,
  pullKey,
  readableRanges,
  resolveKeysetConnection,
  type ConnectionArgs,
  type PullOrder,
  type SqlText,
  type TuopinContext,
} from '@tuopin/core';

/** A list of rows placed by an area code, as a keyset connection. */
export interface AreaListQuery<Row extends { id: number }> {
  entity: EntitySchema<Row, any>;
  /** The code property that places a row (and its column name in SQL). */
  codeProperty: keyof Row & string;
  codeColumn: string;
  /** The area (and everything under it); null for everywhere the caller may see. */
  regionCode: string | null;
  /** More conditions on alias `r`, appended as ` and …`. */
  where?: (sql: SqlText) => void;
  /** Only rows changed after this moment, ordered by (updated_at, id): a partner's pull. */
  updatedAfter?: Date | null;
}

/**
 * A keyset page of rows by (code, id), or by (updated_at, id) when pulling changes, with the
 * caller's scope in the SQL so that pages and `totalCount` agree with what he may see.
 */
export function areaConnection<Row extends { id: number }>(ctx: TuopinContext, query: AreaListQuery<Row>, args: ConnectionArgs) {
  const order: PullOrder = query.updatedAfter ? 'updated' : 'code';
  const ranges = readableRanges(ctx, query.regionCode);
  const conditions = (sql: SqlText) => {
    appendCodeRanges(sql, `r.${query.codeColumn}`, ranges);
    query.where?.(sql);
    if (query.updatedAfter) sql.append(' and r.updated_at > ?', query.updatedAfter);
  };
  const code = (row: Row) => row[query.codeProperty] as unknown as string;
  return resolveKeysetConnection<Row>(
    args,
    ['text', 'id'],
    (row) => pullKey(order, code(row), (row as unknown as { updatedAt: Date }).updatedAt, row.id),
    async ({ after, before, limit, descending }) => {
      if (ranges.length === 0) return [];
      const bounds = ([[after, '>', 'after'], [before, '<', 'before']] as const).flatMap(([key, op, field]) => {
        const checked = checkPullCursor(order, key, field);
        return checked ? [keysetBound(order, 'r', query.codeColumn, checked, op)] : [];
      });
      const direction = descending ? 'desc' : 'asc';
      return pageRowsOf(ctx, {
        entity: query.entity,
        alias: 'r',
        conditions,
        bounds: (sql) => bounds.forEach((bound) => sql.append(` and ${bound.sql}`, ...bound.params)),
        orderBy: [
          [(order === 'updated' ? 'updatedAt' : query.codeProperty) as keyof Row & string, direction],
          ['id' as keyof Row & string, direction],
        ],
        limit,
      });
    },
    async () => (ranges.length === 0 ? 0 : countRowsOf(ctx, query.entity, 'r', conditions)),
  );
}
