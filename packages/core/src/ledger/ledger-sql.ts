import { normalizeMoney, parseMoney } from '../kernel/money.js';

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

/**
 * A ratio of two amounts rounded to four decimals (0.8734 is 87.34 %), computed on integer fen so
 * that no binary fraction of a yuan is ever involved; null when the denominator is zero.
 */
export function moneyRatio(numerator: string, denominator: string): number | null {
  const top = parseMoney(numerator)!;
  const bottom = parseMoney(denominator)!;
  if (bottom <= 0n) return null;
  // Round half up at the fourth decimal: (2·top·10⁴ + bottom) ÷ (2·bottom).
  const scaled = (2n * top * 10_000n + bottom) / (2n * bottom);
  return Number(scaled) / 10_000;
}
