import { countRowsOf, isDatabaseId, pageRowsOf, readableRanges, resolveKeysetConnection, ValidationError, appendCodeRanges, type ConnectionArgs, type Conditions, type TuopinContext } from '@tuopin/core';
import type { PairingKind, PairingStatus } from '../shared/pairing-enums.js';
import { PairingSchema, type Pairing } from './pairing.entity.js';

type SortKey = readonly (string | number)[];

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

type Order = 'code' | 'updated';

/** A cursor's key, checked against the order in use: a cursor of the other order is refused, naming the field. */
function checkedKey(order: Order, key: SortKey | null, field: string): [string, number] | null {
  if (key === null) return null;
  const [first, id] = key;
  const valid =
    typeof id === 'number' &&
    isDatabaseId(String(id)) &&
    typeof first === 'string' &&
    (order === 'updated' ? first.includes('T') && !Number.isNaN(Date.parse(first)) : /^\d{12}$/.test(first));
  if (!valid) throw ValidationError.of(field, '分页游标与当前排序不符（是否增减了 updatedAfter？）', 'The cursor belongs to another ordering (was updatedAfter added or removed?)');
  return [first, id];
}

/**
 * A keyset page of pairings: by (helped area, id), or by (updatedAt, id) when a partner pulls
 * changes with `updatedAfter` (overlap pulls a few minutes and de-duplicate by id, as for funds).
 */
export function pairingConnection(ctx: TuopinContext, filter: PairingFilter, args: ConnectionArgs) {
  const order: Order = filter.updatedAfter ? 'updated' : 'code';
  const conditions = pairingConditions(ctx, filter);
  const column = order === 'updated' ? 'p.updated_at' : 'p.area_code';
  const cast = order === 'updated' ? '::timestamptz' : '';
  return resolveKeysetConnection<Pairing>(
    args,
    ['text', 'id'],
    (pairing) => (order === 'updated' ? [pairing.updatedAt.toISOString(), pairing.id] : [pairing.areaCode, pairing.id]),
    async ({ after, before, limit, descending }) => {
      if (!conditions) return [];
      const bounds = ([[after, '>', 'after'], [before, '<', 'before']] as const).flatMap(([key, op, field]) => {
        const checked = checkedKey(order, key, field);
        return checked ? [{ sql: `(${column}, p.id) ${op} (?${cast}, ?)`, params: checked }] : [];
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
