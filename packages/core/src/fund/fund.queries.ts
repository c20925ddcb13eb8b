import type { QueryBuilder } from '@mikro-orm/postgresql';
import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';
import { checkPullCursor, keysetBound, pullKey, type PullOrder } from '../project/pull-order.js';
import type { FundSourceType } from './fund-enums.js';
import { FundSchema, type Fund } from './fund.entity.js';
import { pageRows } from '../kernel/plain-rows.js';

export interface FundFilter {
  /** Funds managed by this area or an area under it; null for everywhere the caller may see. */
  regionCode: string | null;
  sourceType?: FundSourceType | null;
  year?: number | null;
  /** Only funds changed after this moment (their ledger included); orders by (updated_at, id). */
  updatedAfter?: Date | null;
}

function filteredFunds(ctx: TuopinContext, filter: FundFilter): QueryBuilder<Fund> | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  const qb = ctx.em.createQueryBuilder(FundSchema, 'f');
  const area = codeRangeSql('f.area_code', ranges);
  qb.where(area.sql, area.params);
  if (filter.sourceType) qb.andWhere({ sourceType: filter.sourceType });
  if (filter.year != null) qb.andWhere({ year: filter.year });
  if (filter.updatedAfter) qb.andWhere('f.updated_at > ?', [filter.updatedAfter]);
  return qb;
}

/** A keyset page of funds: by (managing area code, id), or by (updated_at, id) when pulling changes. */
export function fundConnection(ctx: TuopinContext, filter: FundFilter, args: ConnectionArgs) {
  const order: PullOrder = filter.updatedAfter ? 'updated' : 'code';
  return resolveKeysetConnection<Fund>(
    args,
    ['text', 'id'],
    (fund) => pullKey(order, fund.areaCode, fund.updatedAt, fund.id),
    async ({ after, before, limit, descending }) => {
      const qb = filteredFunds(ctx, filter);
      if (!qb) return [];
      for (const [key, op, field] of [[after, '>', 'after'], [before, '<', 'before']] as const) {
        const checked = checkPullCursor(order, key, field);
        if (!checked) continue;
        const bound = keysetBound(order, 'f', 'area_code', checked, op);
        qb.andWhere(bound.sql, bound.params);
      }
      const direction = descending ? 'desc' : 'asc';
      const orderBy = order === 'updated' ? { updatedAt: direction, id: direction } : { areaCode: direction, id: direction };
      return pageRows(qb.orderBy(orderBy as never).limit(limit));
    },
    async () => {
      const qb = filteredFunds(ctx, filter);
      return qb ? qb.getCount() : 0;
    },
  );
}
