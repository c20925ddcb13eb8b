import type { EntityManager } from '@mikro-orm/postgresql';
import { moneyFromSql, subtreeRange } from '@tuopin/core';

/**
 * Principal lenders have outstanding now, summed over a set of loans: principal − principal
 * repaid, written-off loans excepted (their loss is the pool's claim, not a debt that blocks
 * lending). What the credit-line and county limits are checked against, inside the transaction
 * that holds their lock. Write-side: they run on the transaction's entity manager beside the
 * locks and inserts they guard, so they stay on the ORM (the read layer serves what requests read).
 */
function outstandingSql(where: string): string {
  return `select coalesce(sum(l.principal - coalesce(paid.principal, 0)), 0)::text as outstanding
    from finance_loan l
    left join lateral (select sum(r.principal) as principal from finance_repayment r where r.loan_id = l.id) paid on true
    where ${where} and not exists (select 1 from finance_loan_write_off w where w.loan_id = l.id)`;
}

/** A household's outstanding principal. */
export async function householdOutstanding(em: EntityManager, householdId: number): Promise<string> {
  const [row] = await em.execute<{ outstanding: string }[]>(outstandingSql('l.household_id = ?'), [householdId]);
  return moneyFromSql(row.outstanding);
}

/** The outstanding principal of the loans made in an area and everything under it. */
export async function areaOutstanding(em: EntityManager, areaCode: string): Promise<string> {
  const { lo, hi } = subtreeRange(areaCode);
  const [row] = await em.execute<{ outstanding: string }[]>(outstandingSql('l.village_code between ? and ?'), [lo, hi]);
  return moneyFromSql(row.outstanding);
}
