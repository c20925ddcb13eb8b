import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * 风险补偿金: a county's risk-compensation pool. Its balance (contributions − claims) times its
 * leverage multiple caps what lenders may have outstanding in the county.
 */
export const RiskPoolSchema = defineEntity({
  name: 'FinanceRiskPool',
  tableName: 'finance_risk_pool',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    countyCode: p.string().length(12),
    /** Two decimals ("10.00"). */
    leverageMultiple: p.decimal('string').precision(5).scale(2),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type RiskPool = InferEntity<typeof RiskPoolSchema>;

/** Money put into a pool (注入风险补偿金). */
export const RiskPoolContributionSchema = defineEntity({
  name: 'FinanceRiskPoolContribution',
  tableName: 'finance_risk_pool_contribution',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    poolId: p.integer(),
    countyCode: p.string().length(12),
    amount: p.decimal('string').precision(14).scale(2),
    fundedOn: p.date(),
    documentNo: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type RiskPoolContribution = InferEntity<typeof RiskPoolContributionSchema>;

/** 风险代偿: a lender compensated from the pool for a defaulted loan. */
export const RiskClaimSchema = defineEntity({
  name: 'FinanceRiskClaim',
  tableName: 'finance_risk_claim',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    poolId: p.integer(),
    loanId: p.integer(),
    villageCode: p.string().length(12),
    amount: p.decimal('string').precision(14).scale(2),
    claimedOn: p.date(),
    reason: p.text(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type RiskClaim = InferEntity<typeof RiskClaimSchema>;
