import { areaPullConnection, type ConnectionArgs, type TuopinContext } from '@tuopin/core';
import type { PairingKind, PairingStatus } from '../shared/pairing-enums.js';
import { PairingSchema } from './pairing.entity.js';

export interface PairingFilter {
  /** Pairings helping this area or an area under it; null for everywhere the caller may see. */
  regionCode: string | null;
  kind?: PairingKind | null;
  status?: PairingStatus | null;
  /** Only pairings changed after this moment (anything recorded on them included); orders by (updatedAt, id). */
  updatedAfter?: Date | null;
}

/**
 * A keyset page of pairings: by (helped area, id), or by (updatedAt, id) when a partner pulls
 * changes with `updatedAfter` (overlap pulls a few minutes and de-duplicate by id, as for funds).
 * Root lists never list granted pairings: the caller's own areas only.
 */
export function pairingConnection(ctx: TuopinContext, filter: PairingFilter, args: ConnectionArgs) {
  return areaPullConnection(
    ctx,
    {
      entity: PairingSchema,
      alias: 'p',
      code: { property: 'areaCode', column: 'area_code' },
      regionCode: filter.regionCode,
      updatedAfter: filter.updatedAfter,
      where: (sql) => {
        if (filter.kind) sql.append(' and p.kind = ?', filter.kind);
        if (filter.status) sql.append(' and p.status = ?', filter.status);
      },
    },
    args,
  );
}
