import { normalizeMoney } from '../kernel/money.js';

/**
 * SQL shared by the ledger's readers and writers. An entry is live while no reversal points at
 * it; every figure (allocated, disbursed, balances) sums live entries only, so a reversal undoes
 * an entry without anything being updated or deleted.
 */
export function liveEntry(alias: string): string {
  return `not exists (select 1 from ledger_entry rev where rev.reverses_id = ${alias}.id)`;
}

/** A numeric sum from PostgreSQL ("0", "1234.5", null) as a canonical Money string. */
export function moneyFromSql(value: string | number | null | undefined): string {
  return normalizeMoney(value == null ? '0' : String(value));
}

// The ratio of two amounts is money arithmetic, not ledger SQL: it lives with the kernel's money helpers.
export { moneyRatio } from '../kernel/money.js';
