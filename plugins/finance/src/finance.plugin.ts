import { definePlugin } from '@tuopin/core';
import { FINANCE_EXTENDS_ROLES, FINANCE_PERMISSION_DECLARATIONS, FINANCE_ROLE_DECLARATIONS } from './access/finance-access.js';
import { registerCreditLineMutations } from './credit/credit-line.mutations.js';
import { registerCreditLineSchema } from './credit/credit-line.schema.js';
import { financeSettingsSchema } from './settings/finance-settings.js';
import { seedFinanceDemo } from './demo/finance-demo.js';
import { seedFinanceScale } from './demo/finance-scale.js';
import { financeEntities } from './finance.entities.js';
import { registerLenderMutations } from './lender/lender.mutations.js';
import { registerLenderSchema } from './lender/lender.schema.js';
import { registerLoanMutations } from './loan/loan.mutations.js';
import { registerLoanSchema } from './loan/loan.schema.js';
import { financeMigrations } from './migrations/index.js';
import { registerRatingMutations } from './rating/rating.mutations.js';
import { registerRatingSchema } from './rating/rating.schema.js';
import { registerRepaymentMutations } from './repayment/repayment.mutations.js';
import { registerRepaymentSchema } from './repayment/repayment.schema.js';
import { registerRiskPoolMutations } from './risk-pool/risk-pool.mutations.js';
import { registerRiskPoolSchema } from './risk-pool/risk-pool.schema.js';
import { registerFinanceStatsSchema } from './stats/finance-stats.schema.js';
import { registerSubsidyMutations } from './subsidy/subsidy.mutations.js';
import { registerSubsidySchema } from './subsidy/subsidy.schema.js';

/**
 * 金融扶贫: credit ratings (评级) → credit lines (授信) → poverty micro-loans (扶贫小额信贷) →
 * repayments, interest subsidies (贴息) paid through core's fund ledger, and county
 * risk-compensation pools (风险补偿金) that cover defaults and cap lending.
 *
 * It owns the finance_… tables (foreign keys to core's households, members, areas and ledger),
 * adds fields to core's Household and RegionStats, and its settings are the `plugins.finance`
 * block of tuopin.config.json, checked at start-up by `financeSettingsSchema` (finance-settings.ts).
 */
export const financePlugin = definePlugin({
  name: 'finance',
  title: '金融扶贫 Financial poverty relief',
  entities: financeEntities,
  migrations: financeMigrations,
  settings: financeSettingsSchema,
  // Lending is its own permission: a bank's loan officer lends in a county without registering households.
  permissions: FINANCE_PERMISSION_DECLARATIONS,
  roles: FINANCE_ROLE_DECLARATIONS,
  extendRoles: FINANCE_EXTENDS_ROLES,
  auditObjectTypes: {
    finance_lender: 'Lender',
    finance_credit_rating: 'CreditRating',
    finance_credit_line: 'CreditLine',
    finance_risk_pool: 'RiskPool',
    finance_risk_pool_contribution: 'RiskPoolContribution',
    finance_loan: 'Loan',
    finance_loan_installment: 'LoanInstallment',
    finance_repayment: 'Repayment',
    finance_loan_write_off: 'LoanWriteOff',
    finance_risk_claim: 'RiskClaim',
    finance_subsidy_payment: 'InterestSubsidyPayment',
  },
  registerSchema(builder) {
    registerLenderSchema(builder);
    registerRatingSchema(builder);
    registerCreditLineSchema(builder);
    registerLoanSchema(builder);
    registerRepaymentSchema(builder);
    registerSubsidySchema(builder);
    registerRiskPoolSchema(builder);
    registerFinanceStatsSchema(builder);
    registerLenderMutations(builder);
    registerRatingMutations(builder);
    registerCreditLineMutations(builder);
    registerLoanMutations(builder);
    registerRepaymentMutations(builder);
    registerSubsidyMutations(builder);
    registerRiskPoolMutations(builder);
  },
  seedDemo: seedFinanceDemo,
  seedScale: seedFinanceScale,
});
