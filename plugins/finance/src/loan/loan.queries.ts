import { codeRangeSql, type ConnectionArgs, readableRanges, resolveKeysetConnection, SqlText, todayOf, type TuopinContext } from '@tuopin/core';
import { financeSettingsOf } from '../settings/finance-settings.js';
import type { LoanIndustry, LoanStatus } from './loan-enums.js';
import { LoanSchema, type Loan } from './loan.entity.js';
import { LOAN_POSITION_JOINS } from './loan-position.sql.js';

export interface LoanFilter {
  /** The area (and everything under it); null for everywhere the caller may see. */
  regionCode: string | null;
  /** The status today. */
  status?: LoanStatus | null;
  lenderId?: number | null;
  industry?: LoanIndustry | null;
  /** Loans disbursed in this year. */
  year?: number | null;
}

interface LoanQuery {
  /** FROM … WHERE … of the filtered loans `l`, with its parameters. */
  sql: string;
  params: unknown[];
}

function filteredLoans(ctx: TuopinContext, filter: LoanFilter): LoanQuery | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  const area = codeRangeSql('l.village_code', ranges);
  const clauses = [area.sql];
  const params: unknown[] = [todayOf(ctx.settings), financeSettingsOf(ctx.settings).defaultAfterDays, ...area.params];
  if (filter.status) {
    clauses.push('lp.status = ?');
    params.push(filter.status);
  }
  if (filter.lenderId != null) {
    clauses.push('l.lender_id = ?');
    params.push(filter.lenderId);
  }
  if (filter.industry) {
    clauses.push('l.industry = ?');
    params.push(filter.industry);
  }
  if (filter.year != null) {
    clauses.push('l.disbursed_on between ?::date and ?::date');
    params.push(`${filter.year}-01-01`, `${filter.year}-12-31`);
  }
  // The status is derived, so filtering on it needs the position; without that filter the joins
  // are left out and the page is a plain range scan.
  return {
    sql: `from finance_loan l cross join (select ?::date as as_of, ?::int as default_days) lp_params
          ${filter.status ? LOAN_POSITION_JOINS : ''} where ${clauses.join(' and ')}`,
    params,
  };
}

/**
 * A keyset page of loans ordered by (village code, id): the order of the index that serves the
 * area filter. Status filters compare each loan's status as of today.
 */
export function loanConnection(ctx: TuopinContext, filter: LoanFilter, args: ConnectionArgs) {
  return resolveKeysetConnection<Loan>(
    args,
    ['code', 'id'],
    (loan) => [loan.villageCode, loan.id],
    async ({ after, before, limit, descending }) => {
      const query = filteredLoans(ctx, filter);
      if (!query) return [];
      const sql = new SqlText().append(`select ${ctx.db.columns(LoanSchema).select('l')} ${query.sql}`, ...query.params);
      if (after) sql.append(' and (l.village_code, l.id) > (?, ?)', String(after[0]), Number(after[1]));
      if (before) sql.append(' and (l.village_code, l.id) < (?, ?)', String(before[0]), Number(before[1]));
      const direction = descending ? 'desc' : 'asc';
      sql.append(` order by l.village_code ${direction}, l.id ${direction} limit ?`, limit);
      return ctx.db.entityRows(LoanSchema, sql);
    },
    async () => {
      const query = filteredLoans(ctx, filter);
      if (!query) return 0;
      const [row] = await ctx.db.rows<{ n: string }>(new SqlText().append(`select count(*) as n ${query.sql}`, ...query.params));
      return Number(row.n);
    },
  );
}
