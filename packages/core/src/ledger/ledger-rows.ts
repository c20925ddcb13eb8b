import type { TuopinContext } from '../kernel/context.js';
import { SqlText } from '../kernel/read/read-statement.js';
import { LedgerEntrySchema, type LedgerEntry } from './ledger-entry.entity.js';

/**
 * A ledger entry as the API serves it: with the two places that decide who may see it, its
 * fund's managing area and its project's place (README, "Object-level scope"). They are read
 * with the entry, by join, so the scope guard needs no query of its own; they are not copied
 * into the ledger, because a project can move and the ledger is never rewritten.
 */
export type LedgerEntryRow = LedgerEntry & {
  readonly fundAreaCode: string;
  readonly projectPlaceCode: string;
};

/** The select list of ledger rows from `ledger_entry e` with LEDGER_ROW_JOINS, named by property. */
export function ledgerRowColumns(ctx: TuopinContext): string {
  return `${ctx.db.columns(LedgerEntrySchema).select('e')}, lf.area_code as "fundAreaCode", lp.place_code as "projectPlaceCode"`;
}

/** The joins that bring an entry's fund area and project place. */
export const LEDGER_ROW_JOINS = 'join fund lf on lf.id = e.fund_id join project lp on lp.id = e.project_id';

/** One row selected with `ledgerRowColumns` (its dates converted in place). */
export function ledgerRowOf(ctx: TuopinContext, row: Record<string, unknown>): LedgerEntryRow {
  return ctx.db.columns(LedgerEntrySchema).finishRow(row) as LedgerEntryRow;
}

/**
 * Ledger rows matching a condition on `e` (the entry, `?` placeholders), in `order`. Inside a
 * caller's transaction (a plugin paying through `disburseFunds`) the read layer reads on that
 * transaction's connection, instead of taking a second one from the pool while holding the first.
 */
export async function selectLedgerRows(ctx: TuopinContext, where: string, params: unknown[], order = 'e.id'): Promise<LedgerEntryRow[]> {
  const sql = new SqlText().append(`select ${ledgerRowColumns(ctx)} from ledger_entry e ${LEDGER_ROW_JOINS} where ${where} order by ${order}`, ...params);
  return (await ctx.db.rows(sql)).map((row) => ledgerRowOf(ctx, row));
}

/** The areas a ledger entry lies in: visible to whoever sees its fund or its project. */
export const ledgerEntryAreas = (entry: LedgerEntryRow) => [entry.fundAreaCode, entry.projectPlaceCode];

/** A grant on the project an entry pays for shows the entry: its funding is part of what is granted. */
export const ledgerEntryGrantTargets = (entry: LedgerEntryRow) => [{ type: 'Project', id: entry.projectId }];
