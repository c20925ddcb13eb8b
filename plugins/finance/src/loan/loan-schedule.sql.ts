import { pgIntArray } from '@tuopin/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * 还款计划: the schedule of loans, computed once at disbursement from the loan's own columns. One
 * statement serves a single loan (disburseLoan) and thousands (the demo), so there is exactly one
 * implementation of how instalments fall and how interest is counted:
 *
 * - an instalment every three months from disbursement, the last on the maturity date (a term
 *   that is not a multiple of three ends with a shorter period);
 * - interest of a period = principal still owed during it × annual rate × months ÷ 12, rounded
 *   to the fen, in exact numeric arithmetic;
 * - QUARTERLY_INTEREST repays the principal at maturity; EQUAL_PRINCIPAL_QUARTERLY an equal share
 *   (truncated to the fen) every quarter, the last one taking what rounding left over.
 *
 * Month arithmetic is PostgreSQL's: 31 January + 1 month is the end of February.
 */
const INSERT_SCHEDULES_SQL = `
  insert into finance_loan_installment (loan_id, seq, due_date, principal_due, interest_due, principal_through, interest_through)
  select loan_id, seq, due_date, principal_due, interest_due,
         sum(principal_due) over w, sum(interest_due) over w
  from (
    select l.id as loan_id, k as seq,
           (l.disbursed_on + make_interval(months => least(3 * k, l.term_months)))::date as due_date,
           case when l.repayment_method = 'QUARTERLY_INTEREST' then case when k = n.installments then l.principal else 0 end
                else n.share + case when k = n.installments then l.principal - n.share * n.installments else 0 end
           end as principal_due,
           round(case when l.repayment_method = 'QUARTERLY_INTEREST' then l.principal else l.principal - n.share * (k - 1) end
                 * l.annual_rate * (least(3 * k, l.term_months) - 3 * (k - 1)) / 1200, 2) as interest_due
    from finance_loan l
    cross join lateral (
      select ceil(l.term_months / 3.0)::int as installments, trunc(l.principal / ceil(l.term_months / 3.0), 2) as share
    ) n
    cross join lateral generate_series(1, n.installments) k
    where l.id = any(?::int[])
  ) s
  window w as (partition by loan_id order by seq)`;

/** Writes the schedules of loans that have none yet; inside the caller's transaction. */
export async function insertSchedules(em: EntityManager, loanIds: readonly number[]): Promise<void> {
  await em.execute(INSERT_SCHEDULES_SQL, [pgIntArray(loanIds)]);
}
