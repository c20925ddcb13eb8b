import type { TuopinContext } from '../kernel/context.js';
import type { ConnectionArgs } from '../kernel/keyset-connection.js';
import { areaPullConnection } from '../kernel/read/area-pull-connection.js';
import type { FundSourceType } from './fund-enums.js';
import { FundSchema } from './fund.entity.js';

export interface FundFilter {
  /** Funds managed by this area or an area under it; null for everywhere the caller may see. */
  regionCode: string | null;
  sourceType?: FundSourceType | null;
  year?: number | null;
  /** Only funds changed after this moment (their ledger included); orders by (updated_at, id). */
  updatedAfter?: Date | null;
}

/** A keyset page of funds: by (managing area code, id), or by (updated_at, id) when pulling changes. */
export function fundConnection(ctx: TuopinContext, filter: FundFilter, args: ConnectionArgs) {
  return areaPullConnection(
    ctx,
    {
      entity: FundSchema,
      alias: 'f',
      code: { property: 'areaCode', column: 'area_code' },
      regionCode: filter.regionCode,
      updatedAfter: filter.updatedAfter,
      where: (sql) => {
        if (filter.sourceType) sql.append(' and f.source_type = ?', filter.sourceType);
        if (filter.year != null) sql.append(' and f.year = ?', filter.year);
      },
    },
    args,
  );
}
