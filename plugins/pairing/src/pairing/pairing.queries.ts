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
  type Conditions,
  type PullOrder,
  type TuopinContext,
} from '@tuopin/core';
import type { PairingKind, PairingStatus } from '../shared/pairing-enums.js';
import { PairingSchema, type Pairing } from './pairing.entity.js';

export interface PairingFilter {
  /** Pairings helping this area or an area under it; null for everywhere the caller may see. */
  regionCode: string | null;
  kind?: PairingKind | null;
  status?: PairingStatus | null;
  /** Only pairings changed after this moment (anything recorded on them included); orders by (updatedAt, id). */
  updatedAfter?: Date | null;
}

/** The filter as conditions on alias `p`, or null when the caller may see no pairing there. Root lists never list granted pairings. */
function pairingConditions(ctx: TuopinContext, filter: PairingFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'p.area_code', ranges);
    if (filter.kind) sql.append(' and p.kind = ?', filter.kind);
    if (filter.status) sql.append(' and p.status = ?', filter.status);
    if (filter.updatedAfter) sql.append(' and p.updated_at > ?', filter.updatedAfter);
  };
}

/**
 * A keyset page of pairings: by (helped area, id), or by (updatedAt, id) when a partner pulls
 * changes with `updatedAfter` (overlap pulls a few minutes and de-duplicate by id, as for funds).
 */
export function pairingConnection(ctx: TuopinContext, filter: PairingFilter, args: ConnectionArgs) {
  const order: PullOrder = filter.updatedAfter ? 'updated' : 'code';
  const conditions = pairingConditions(ctx, filter);
  return resolveKeysetConnection<Pairing>(
    args,
    ['text', 'id'],
    (pairing) => pullKey(order, pairing.areaCode, pairing.updatedAt, pairing.id),
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const bounds = ([[after, '>', 'after'], [before, '<', 'before']] as const).flatMap(([key, op, field]) => {
        const checked = checkPullCursor(order, key, field);
        return checked ? [keysetBound(order, 'p', 'area_code', checked, op)] : [];
      });
      const direction = descending ? 'desc' : 'asc';
      return pageRowsOf(ctx, {
        entity: PairingSchema,
        alias: 'p',
        conditions,
        bounds: (sql) => bounds.forEach((bound) => sql.append(` and ${bound.sql}`, ...bound.params)),
        orderBy: [
          [order === 'updated' ? 'updatedAt' : 'areaCode', direction],
          ['id', direction],
        ],
        limit,
      });
    },
    async () => (conditions ? countRowsOf(ctx, PairingSchema, 'p', conditions) : 0),
  );
}
