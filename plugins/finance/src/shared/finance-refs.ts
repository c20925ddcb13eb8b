import { perBuilder, type TuopinBuilder } from '@tuopin/core';
import type { CreditLine } from '../credit/credit-line.entity.js';
import type { Lender } from '../lender/lender.entity.js';
import type { Loan, LoanInstallment, LoanWriteOff } from '../loan/loan.entity.js';
import type { Repayment } from '../repayment/repayment.entity.js';
import type { RiskClaim, RiskPool, RiskPoolContribution } from '../risk-pool/risk-pool.entity.js';
import type { CreditRating } from '../rating/credit-rating.entity.js';
import type { FinanceStatsSource } from '../stats/finance-stats.source.js';
import type { SubsidyPayment } from '../subsidy/subsidy-payment.entity.js';

/**
 * The plugin's own GraphQL types, one set per builder. Each concept implements its type in its
 * own file and refers to the others' through these refs; a ref belongs to the builder that made
 * it, so they are made per builder, like every plugin type (see README, "Writing a plugin").
 */
export const financeRefs = perBuilder((builder: TuopinBuilder) => ({
  Lender: builder.objectRef<Lender>('Lender'),
  CreditRating: builder.objectRef<CreditRating>('CreditRating'),
  CreditLine: builder.objectRef<CreditLine>('CreditLine'),
  Loan: builder.objectRef<Loan>('Loan'),
  LoanInstallment: builder.objectRef<LoanInstallment>('LoanInstallment'),
  LoanWriteOff: builder.objectRef<LoanWriteOff>('LoanWriteOff'),
  Repayment: builder.objectRef<Repayment>('Repayment'),
  InterestSubsidyPayment: builder.objectRef<SubsidyPayment>('InterestSubsidyPayment'),
  RiskPool: builder.objectRef<RiskPool>('RiskPool'),
  RiskPoolContribution: builder.objectRef<RiskPoolContribution>('RiskPoolContribution'),
  RiskClaim: builder.objectRef<RiskClaim>('RiskClaim'),
  FinanceStats: builder.objectRef<FinanceStatsSource>('FinanceStats'),
}));

export type FinanceRefs = ReturnType<typeof financeRefs>;
