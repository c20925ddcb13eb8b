import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Locks a loan's row for the rest of the transaction. Everything that changes what a loan owes or
 * what has been done about it (repayments, subsidies, claims, the write-off) takes this lock
 * first, so that what it checks cannot change before it commits.
 */
export async function lockLoan(em: EntityManager, loanId: number): Promise<void> {
  await em.execute('select id from finance_loan where id = ? for update', [loanId]);
}
