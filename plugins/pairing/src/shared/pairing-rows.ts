import type { EntitySchema } from '@mikro-orm/core';
import { createContextCache } from '@pothos/core';
import { grantedIds, groupRows, keyMatch, pickRows, readableRanges, rowsWhereIn, SqlText, type GrantTarget, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';

/** What every row recorded on a pairing carries: its pairing and the helped area. */
export interface PairingRow {
  id: number;
  pairingId: number;
  areaCode: string;
}

/** The scope of a row recorded on a pairing: the helped area, or a grant on its pairing. */
export const recordedOnPairing = {
  area: (row: PairingRow) => row.areaCode,
  grantedThrough: (row: PairingRow): readonly GrantTarget[] => [{ type: 'Pairing', id: row.pairingId }],
};

/**
 * Rows by id for `node(id:)`: those in the caller's areas, and those of the pairings he holds a
 * grant on (the same decision as the scope guard's, in SQL); others load as null.
 */
export function pairingRowLoader<Row extends PairingRow>(entity: EntitySchema<Row, any>, areaColumn = 'area_code', throughGrants = true) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<number, Row | null>(async (ids) => {
        const ranges = readableRanges(ctx, null);
        const granted = throughGrants ? grantedIds(ctx.principal, 'Pairing').map(Number) : [];
        if (ranges.length === 0 && granted.length === 0) return ids.map(() => null);
        const columns = ctx.db.columns(entity);
        const rowIds = keyMatch('e.id', ids);
        const sql = new SqlText().append(`select ${columns.select('e')} from ${columns.table} e where ${rowIds.sql} and (false`, ...rowIds.params);
        for (const range of ranges) sql.append(` or e.${areaColumn} between ? and ?`, range.lo, range.hi);
        if (granted.length > 0) sql.append(' or e.pairing_id = any(?)', granted);
        sql.append(')');
        const rows = await ctx.db.entityRows(entity, sql);
        return pickRows(ids, rows, (row) => row.id);
      }),
  );
}

/**
 * The rows of each pairing, in the order recorded. Unscoped by design: the pairing was checked
 * when it was resolved, and the kernel's guard checks every row of the list again.
 */
export function rowsByPairingLoader<Row extends PairingRow>(entity: EntitySchema<Row, any>) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<number, Row[]>(async (pairingIds) => {
        const rows = await rowsWhereIn(ctx, entity, 'pairingId' as keyof Row & string, pairingIds, { orderBy: [['id' as keyof Row & string, 'asc']] });
        return groupRows(pairingIds, rows, (row) => row.pairingId);
      }),
  );
}
