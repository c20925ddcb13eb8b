import { createContextCache } from '@pothos/core';
import { rowsWhereIn, groupRows, keyMatch, moneyFromSql, SqlText, scopedLoaderByCode, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { RiskClaimSchema, RiskPoolContributionSchema, RiskPoolSchema, type RiskClaim, type RiskPoolContribution } from './risk-pool.entity.js';

/** Pools by county code within the caller's scope. */
export const poolByCountyLoader = scopedLoaderByCode(RiskPoolSchema, 'countyCode', 'countyCode');

/** Pools by id within the caller's scope, for `node`. */
export const poolLoader = scopedLoaderByCode(RiskPoolSchema, 'id', 'countyCode');

/** Claims by id within the caller's scope (by the loan's village), for `node` and payloads. */
export const claimLoader = scopedLoaderByCode(RiskClaimSchema, 'id', 'villageCode');

export interface PoolFigures {
  contributed: string;
  claimed: string;
  claims: number;
  /** Outstanding principal of the loans made in the county, now. */
  outstanding: string;
  /** How many of those loans still owe principal. */
  outstandingLoans: number;
  /** The households those loans belong to, each once: what partners' outstanding is withheld with. */
  outstandingHouseholds: number;
}

/** The figures of pools, now: one statement per batch of pools. */
export const poolFiguresLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, PoolFigures>(async (poolIds) => {
      const pools = keyMatch('p.id', poolIds, 'int');
      const rows = await ctx.db.rows<{ id: number; contributed: string; claimed: string; claims: string; outstanding: string; outstanding_loans: string; outstanding_households: string }>(
        new SqlText().append(
        `select p.id,
                (select coalesce(sum(c.amount), 0) from finance_risk_pool_contribution c where c.pool_id = p.id)::text as contributed,
                x.claimed::text, x.claims, o.outstanding::text, o.outstanding_loans, o.outstanding_households
         from finance_risk_pool p
         cross join lateral (select coalesce(sum(amount), 0) as claimed, count(*) as claims from finance_risk_claim where pool_id = p.id) x
         cross join lateral (
           select coalesce(sum(owed), 0) as outstanding, count(*) filter (where owed > 0) as outstanding_loans,
                  count(distinct household_id) filter (where owed > 0) as outstanding_households
           from (select l.household_id, l.principal - coalesce((select sum(r.principal) from finance_repayment r where r.loan_id = l.id), 0) as owed
                 from finance_loan l
                 where l.village_code between p.county_code and left(p.county_code, 6) || '999999'
                   and not exists (select 1 from finance_loan_write_off w where w.loan_id = l.id)) owing
         ) o
         where ${pools.sql}`,
          ...pools.params,
        ),
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return poolIds.map((id) => {
        const row = byId.get(id);
        return {
          contributed: moneyFromSql(row?.contributed),
          claimed: moneyFromSql(row?.claimed),
          claims: Number(row?.claims ?? 0),
          outstanding: moneyFromSql(row?.outstanding),
          outstandingLoans: Number(row?.outstanding_loans ?? 0),
          outstandingHouseholds: Number(row?.outstanding_households ?? 0),
        };
      });
    }),
);

/** Each pool's contributions in date order; one query per batch. */
export const contributionsByPoolLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, RiskPoolContribution[]>(async (poolIds) => {
      const rows = await rowsWhereIn(ctx, RiskPoolContributionSchema, 'poolId', poolIds, { orderBy: [['poolId', 'asc'], ['fundedOn', 'asc'], ['id', 'asc']] });
      return groupRows(poolIds, rows, (row) => row.poolId);
    }),
);

/** Each loan's claims; one query per batch. */
export const claimsByLoanLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, RiskClaim[]>(async (loanIds) => {
      const rows = await rowsWhereIn(ctx, RiskClaimSchema, 'loanId', loanIds, { orderBy: [['loanId', 'asc'], ['id', 'asc']] });
      return groupRows(loanIds, rows, (row) => row.loanId);
    }),
);
