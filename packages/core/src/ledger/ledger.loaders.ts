import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { grantedIds, readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows, pickRows } from '../kernel/group-rows.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';
import { keyMatch } from '../kernel/read/key-match.js';
import { SqlText } from '../kernel/read/read-statement.js';
import { liveEntry, moneyFromSql } from './ledger-sql.js';
import { selectLedgerRows, type LedgerEntryRow } from './ledger-rows.js';

/**
 * Ledger entries by id, for references between entries (a disbursement's allocation, the entry a
 * reversal cancels, a subsidy's payment). The scope guard checks each one where it is resolved.
 */
export const ledgerEntryLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LedgerEntryRow | null>(async (ids) => {
      const entries = keyMatch('e.id', ids, 'int');
      return pickRows(ids, await selectLedgerRows(ctx, entries.sql, entries.params), (row) => row.id);
    }),
);

/**
 * Ledger entries by id for root lookups (`node`) and for the ledger's writes: visible when the
 * caller may see the project the entry pays for (in his areas or granted to him) or the fund it
 * comes from. Called inside a caller's transaction (a plugin paying through `disburseFunds`), it
 * reads on that transaction's connection (the read layer follows the transaction).
 */
export const visibleLedgerEntryLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LedgerEntryRow | null>(async (ids) => {
      const ranges = readableRanges(ctx, null);
      const granted = grantedIds(ctx.principal, 'Project').map(Number);
      if (ranges.length === 0 && granted.length === 0) return ids.map(() => null);
      const place = codeRangeSql('lp.place_code', ranges);
      const area = codeRangeSql('lf.area_code', ranges);
      const inScope = ranges.length > 0 ? [`${place.sql} or ${area.sql}`] : [];
      const byGrant = granted.length > 0 ? ['lp.id = any(?::int[])'] : [];
      const entries = keyMatch('e.id', ids, 'int');
      const rows = await selectLedgerRows(ctx, `${entries.sql} and (${[...inScope, ...byGrant].join(' or ')})`, [
        ...entries.params,
        ...(ranges.length > 0 ? [...place.params, ...area.params] : []),
        ...(granted.length > 0 ? [granted] : []),
      ]);
      return pickRows(ids, rows, (row) => row.id);
    }),
);

/** The reversal of each entry, or null while the entry is live; one query per batch. */
export const reversalLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LedgerEntryRow | null>(async (ids) => {
      const reversed = keyMatch('e.reverses_id', ids, 'int');
      return pickRows(ids, await selectLedgerRows(ctx, reversed.sql, reversed.params), (row) => row.reversesId!);
    }),
);

/** The disbursements paid against each allocation, reversed ones included, oldest first. */
export const disbursementsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LedgerEntryRow[]>(async (ids) => {
      const allocations = keyMatch('e.allocation_id', ids, 'int');
      const rows = await selectLedgerRows(ctx, `${allocations.sql} and e.kind = 'DISBURSEMENT'`, allocations.params, 'e.allocation_id, e.id');
      return groupRows(ids, rows, (row) => row.allocationId!);
    }),
);

/** What has been paid (live disbursements) against each allocation, in one grouped statement. */
export const allocationDisbursedLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, string>(async (ids) => {
      const allocations = keyMatch('d.allocation_id', ids, 'int');
      const rows = await ctx.db.rows<{ allocation_id: number; disbursed: string }>(
        new SqlText().append(
          `select d.allocation_id, sum(d.amount)::text as disbursed from ledger_entry d
           where ${allocations.sql} and d.kind = 'DISBURSEMENT' and ${liveEntry('d')}
           group by d.allocation_id`,
          ...allocations.params,
        ),
      );
      const byId = new Map(rows.map((row) => [row.allocation_id, moneyFromSql(row.disbursed)]));
      return ids.map((id) => byId.get(id) ?? '0.00');
    }),
);
