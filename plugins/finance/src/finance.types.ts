import type { CreditLine } from './credit/credit-line.entity.js';
import type { Lender } from './lender/lender.entity.js';
import type { Loan, LoanInstallment, LoanWriteOff } from './loan/loan.entity.js';
import type { CreditRating } from './rating/credit-rating.entity.js';
import type { Repayment } from './repayment/repayment.entity.js';
import type { RiskClaim, RiskPool, RiskPoolContribution } from './risk-pool/risk-pool.entity.js';
import type { FinanceStatsSource } from './stats/finance-stats.source.js';
import type { SubsidyPayment } from './subsidy/subsidy-payment.entity.js';

/**
 * Finance's GraphQL object types by name, with the row each one's resolvers receive. A plugin
 * that depends on finance extends them by name, typed: `builder.objectField('Loan', 'visits', …)`
 * gets a `Loan` as its parent. The names are the contract (refs belong to one builder).
 */
export interface FinanceObjectTypes {
  Lender: Lender;
  CreditRating: CreditRating;
  CreditLine: CreditLine;
  Loan: Loan;
  LoanInstallment: LoanInstallment;
  LoanWriteOff: LoanWriteOff;
  Repayment: Repayment;
  InterestSubsidyPayment: SubsidyPayment;
  RiskPool: RiskPool;
  RiskPoolContribution: RiskPoolContribution;
  RiskClaim: RiskClaim;
  FinanceStats: FinanceStatsSource;
}

// Declared into the builder's type map of every schema; the public entry loads this file.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends FinanceObjectTypes {}
}
