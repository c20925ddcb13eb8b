import { CreditLineSchema } from './credit/credit-line.entity.js';
import { LenderSchema } from './lender/lender.entity.js';
import { LoanInstallmentSchema, LoanSchema, LoanWriteOffSchema } from './loan/loan.entity.js';
import { CreditRatingSchema } from './rating/credit-rating.entity.js';
import { RepaymentSchema } from './repayment/repayment.entity.js';
import { RiskClaimSchema, RiskPoolContributionSchema, RiskPoolSchema } from './risk-pool/risk-pool.entity.js';
import { SubsidyPaymentSchema } from './subsidy/subsidy-payment.entity.js';

/** The plugin's entities, every table named finance_…. */
export const financeEntities = [
  LenderSchema,
  CreditRatingSchema,
  CreditLineSchema,
  LoanSchema,
  LoanInstallmentSchema,
  LoanWriteOffSchema,
  RepaymentSchema,
  SubsidyPaymentSchema,
  RiskPoolSchema,
  RiskPoolContributionSchema,
  RiskClaimSchema,
] as const;
