import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney, moneyFromSql, parseMoney } from '@tuopin/core';

/** A pool locked for the rest of the transaction, with its balance as it stands under the lock. */
export interface LockedPool {
  id: number;
  countyCode: string;
  leverageMultiple: string;
  /** Contributions − claims. */
  balance: string;
}

/**
 * Locks a county's pool (SELECT … FOR UPDATE) and reads its balance. Every write that depends on
 * or changes a pool's balance or the county's lending takes this lock, so they queue per county.
 * Lock order in the plugin: credit lines or the loan first, then the pool, then core's ledger.
 * Write-side (a lock and the balance under it), so it stays on the transaction's entity manager.
 */
export async function lockPool(em: EntityManager, countyCode: string): Promise<LockedPool | null> {
  const [pool] = await em.execute<{ id: number; leverage_multiple: string }[]>(
    'select id, leverage_multiple::text from finance_risk_pool where county_code = ? for update',
    [countyCode],
  );
  if (!pool) return null;
  const [row] = await em.execute<{ balance: string }[]>(
    `select ((select coalesce(sum(amount), 0) from finance_risk_pool_contribution where pool_id = ?)
           - (select coalesce(sum(amount), 0) from finance_risk_claim where pool_id = ?))::text as balance`,
    [pool.id, pool.id],
  );
  return { id: pool.id, countyCode, leverageMultiple: pool.leverage_multiple, balance: moneyFromSql(row.balance) };
}

/**
 * What lenders may have outstanding in the county: balance × leverage multiple, exactly (in fen,
 * rounded down). The multiple has two decimals, so it is an integer count of hundredths.
 */
export function lendingCapacity(balance: string, leverageMultiple: string): string {
  return formatMoney((parseMoney(balance)! * parseMoney(leverageMultiple)!) / 100n);
}
