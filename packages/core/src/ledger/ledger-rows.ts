import type { EntityManager } from '@mikro-orm/postgresql';
import { mapRow } from '../kernel/plain-rows.js';
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

/** The select list of ledger rows from `ledger_entry e` with LEDGER_ROW_JOINS. */
export const LEDGER_ROW_COLUMNS = 'e.*, lf.area_code as fund_area_code, lp.place_code as project_place_code';

/** The joins that bring an entry's fund area and project place. */
export const LEDGER_ROW_JOINS = 'join fund lf on lf.id = e.fund_id join project lp on lp.id = e.project_id';

/** One raw row selected with LEDGER_ROW_COLUMNS, mapped to its properties (unmanaged). */
export function ledgerRowOf(em: EntityManager, row: Record<string, unknown>): LedgerEntryRow {
  return {
    ...mapRow(em, LedgerEntrySchema, row),
    fundAreaCode: row.fund_area_code as string,
    projectPlaceCode: row.project_place_code as string,
  };
}

/** Ledger rows matching a condition on `e` (the entry), in `order`. */
export async function selectLedgerRows(em: EntityManager, where: string, params: unknown[], order = 'e.id'): Promise<LedgerEntryRow[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${LEDGER_ROW_COLUMNS} from ledger_entry e ${LEDGER_ROW_JOINS} where ${where} order by ${order}`,
    params,
  );
  return rows.map((row) => ledgerRowOf(em, row));
}

/** The areas a ledger entry lies in: visible to whoever sees its fund or its project. */
export const ledgerEntryAreas = (entry: LedgerEntryRow) => [entry.fundAreaCode, entry.projectPlaceCode];

/** A grant on the project an entry pays for shows the entry: its funding is part of what is granted. */
export const ledgerEntryGrantTargets = (entry: LedgerEntryRow) => [{ type: 'Project', id: entry.projectId }];
