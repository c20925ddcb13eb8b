import { keyMatch, moneyFromSql, SqlText, type TuopinContext } from '@tuopin/core';
import type { LoanStatus } from './loan-enums.js';

/**
 * A loan's position as of a date, derived in SQL from its schedule, repayments and write-off —
 * never stored, so it cannot drift from them, and "today" can be any day: the loan pages ask as of
 * today, the region statistics as of the date a report is for.
 *
 * The fragment joins onto a `finance_loan` row aliased `l` and reads `lp_params.as_of` (date) and
 * `lp_params.default_days` (int) from a relation the caller provides, e.g.
 * `with lp_params as (select ?::date as as_of, ?::int as default_days)`. It exposes `lp`:
 * principal_repaid, interest_repaid, interest_scheduled, first_unpaid_due, written_off, status,
 * outstanding (principal still owed; zero once repaid or written off) and days_overdue.
 *
 * Repayments are applied to the schedule in order: an instalment is covered once the repaid
 * principal and the repaid interest each reach the running totals due through it. A loan is repaid
 * once its principal is (interest is settled with the last payment); a write-off is final.
 */
export const LOAN_POSITION_JOINS = `
  cross join lateral (
    select coalesce(sum(r.principal), 0) as principal_repaid, coalesce(sum(r.interest), 0) as interest_repaid
    from finance_repayment r where r.loan_id = l.id and r.repaid_on <= lp_params.as_of
  ) lp_paid
  cross join lateral (
    select min(i.due_date) filter (where i.principal_through > lp_paid.principal_repaid or i.interest_through > lp_paid.interest_repaid)
             as first_unpaid_due,
           max(i.interest_through) as interest_scheduled
    from finance_loan_installment i where i.loan_id = l.id
  ) lp_due
  cross join lateral (
    select exists (select 1 from finance_loan_write_off w where w.loan_id = l.id and w.written_off_on <= lp_params.as_of) as written_off
  ) lp_off
  cross join lateral (
    select lp_paid.principal_repaid, lp_paid.interest_repaid, lp_due.interest_scheduled, lp_due.first_unpaid_due, lp_off.written_off,
           case
             when lp_off.written_off then 'WRITTEN_OFF'
             when lp_paid.principal_repaid >= l.principal then 'REPAID'
             when lp_due.first_unpaid_due < lp_params.as_of - lp_params.default_days then 'DEFAULTED'
             when lp_due.first_unpaid_due < lp_params.as_of then 'OVERDUE'
             else 'CURRENT'
           end as status,
           case when lp_off.written_off or lp_paid.principal_repaid >= l.principal then 0
                else l.principal - lp_paid.principal_repaid end as outstanding,
           case when lp_off.written_off or lp_paid.principal_repaid >= l.principal then 0
                else greatest(lp_params.as_of - lp_due.first_unpaid_due, 0) end as days_overdue
  ) lp`;

/** The columns of `lp` as a select list, for queries that return positions. */
export const LOAN_POSITION_COLUMNS = `lp.status, lp.outstanding::text as outstanding, lp.principal_repaid::text as principal_repaid,
  lp.interest_repaid::text as interest_repaid, lp.interest_scheduled::text as interest_scheduled, lp.first_unpaid_due, lp.days_overdue`;

/** A loan's position as the SQL above reports it. */
export interface LoanPosition {
  status: LoanStatus;
  /** Principal still owed (Money); zero once repaid or written off. */
  outstanding: string;
  principalRepaid: string;
  interestRepaid: string;
  /** The interest of the whole schedule. */
  interestScheduled: string;
  /** The due date of the first instalment not covered, null once every one is. */
  firstUnpaidDue: string | null;
  daysOverdue: number;
}

/** A row selected with LOAN_POSITION_COLUMNS. */
export interface LoanPositionRow {
  status: LoanStatus;
  outstanding: string;
  principal_repaid: string;
  interest_repaid: string;
  interest_scheduled: string | null;
  first_unpaid_due: string | null;
  days_overdue: number | string;
}

export function positionOf(row: LoanPositionRow): LoanPosition {
  return {
    status: row.status,
    outstanding: moneyFromSql(row.outstanding),
    principalRepaid: moneyFromSql(row.principal_repaid),
    interestRepaid: moneyFromSql(row.interest_repaid),
    interestScheduled: moneyFromSql(row.interest_scheduled),
    firstUnpaidDue: row.first_unpaid_due,
    daysOverdue: Number(row.days_overdue),
  };
}

/**
 * The as-of date that counts everything recorded, whatever its date: what a write checks against
 * ("can this repayment be more than is owed?") is the loan as it stands, not as of a day.
 */
export const ALL_RECORDED = '9999-12-31';

/**
 * Positions of loans as of a date, in one statement. Called inside a service's transaction, the
 * read layer reads on that transaction's connection, so what it reads includes what was locked and
 * written there.
 */
export async function positionsAsOf(ctx: TuopinContext, loanIds: readonly number[], asOf: string, defaultDays: number): Promise<Map<number, LoanPosition>> {
  const loans = keyMatch('l.id', loanIds, 'int');
  const rows = await ctx.db.rows<LoanPositionRow & { id: number }>(
    new SqlText().append(
    `with lp_params as (select ?::date as as_of, ?::int as default_days)
     select l.id, ${LOAN_POSITION_COLUMNS}
     from finance_loan l cross join lp_params ${LOAN_POSITION_JOINS}
     where ${loans.sql}`,
      asOf,
      defaultDays,
      ...loans.params,
    ),
  );
  return new Map(rows.map((row) => [row.id, positionOf(row)]));
}
