import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { appendCodeRanges } from '../kernel/read/entity-reads.js';
import { countRowsOf, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';
import { checkPullCursor, keysetBound, pullKey, type PullOrder } from '../project/pull-order.js';
import type { FundSourceType } from './fund-enums.js';
import { FundSchema, type Fund } from './fund.entity.js';

export interface FundFilter {
  /** Funds managed by this area or an area under it; null for everywhere the caller may see. */
  regionCode: string | null;
  sourceType?: FundSourceType | null;
  year?: number | null;
  /** Only funds changed after this moment (their ledger included); orders by (updated_at, id). */
  updatedAfter?: Date | null;
}

/** The filter as conditions on alias `f`, or null when the caller may see no fund at all. */
function fundConditions(ctx: TuopinContext, filter: FundFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'f.area_code', ranges);
    if (filter.sourceType) sql.append(' and f.source_type = ?', filter.sourceType);
    if (filter.year != null) sql.append(' and f.year = ?', filter.year);
    if (filter.updatedAfter) sql.append(' and f.updated_at > ?', filter.updatedAfter);
  };
}

/** A keyset page of funds: by (managing area code, id), or by (updated_at, id) when pulling changes. */
export function fundConnection(ctx: TuopinContext, filter: FundFilter, args: ConnectionArgs) {
  const order: PullOrder = filter.updatedAfter ? 'updated' : 'code';
  const conditions = fundConditions(ctx, filter);
  return resolveKeysetConnection<Fund>(
    args,
    ['text', 'id'],
    (fund) => pullKey(order, fund.areaCode, fund.updatedAt, fund.id),
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const bounds = ([[after, '>', 'after'], [before, '<', 'before']] as const).flatMap(([key, op, field]) => {
        const checked = checkPullCursor(order, key, field);
        return checked ? [keysetBound(order, 'f', 'area_code', checked, op)] : [];
      });
      const direction = descending ? 'desc' : 'asc';
      return pageRowsOf(ctx, {
        entity: FundSchema,
        alias: 'f',
        conditions,
        bounds: (sql) => bounds.forEach((bound) => sql.append(` and ${bound.sql}`, ...bound.params)),
        orderBy: [
          [order === 'updated' ? 'updatedAt' : 'areaCode', direction],
          ['id', direction],
        ],
        limit,
      });
    },
    async () => (conditions ? countRowsOf(ctx, FundSchema, 'f', conditions) : 0),
  );
}
