import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { keysOf } from '../shared/vocabulary.js';
import { LOAN_INDUSTRIES, REPAYMENT_METHODS } from './loan-enums.js';

/** 扶贫小额信贷: a loan to a household's member, drawn on the household's credit line. Never changed once made. */
export const LoanSchema = defineEntity({
  name: 'FinanceLoan',
  tableName: 'finance_loan',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer(),
    memberId: p.integer(),
    villageCode: p.string().length(12),
    lenderId: p.integer(),
    creditLineId: p.integer(),
    principal: p.decimal('string').precision(14).scale(2),
    termMonths: p.smallint(),
    /** Percent a year, two decimals ("4.35"). */
    annualRate: p.decimal('string').precision(5).scale(2),
    repaymentMethod: p.enum(keysOf(REPAYMENT_METHODS)).columnType('text'),
    disbursedOn: p.date(),
    maturityDate: p.date(),
    purpose: p.text(),
    industry: p.enum(keysOf(LOAN_INDUSTRIES)).columnType('text'),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type Loan = InferEntity<typeof LoanSchema>;

/** One instalment of a loan's schedule, with the running totals due up to and including it. */
export const LoanInstallmentSchema = defineEntity({
  name: 'FinanceLoanInstallment',
  tableName: 'finance_loan_installment',
  properties: (p) => ({
    loanId: p.integer().primary(),
    seq: p.smallint().primary(),
    dueDate: p.date(),
    principalDue: p.decimal('string').precision(14).scale(2),
    interestDue: p.decimal('string').precision(14).scale(2),
    principalThrough: p.decimal('string').precision(14).scale(2),
    interestThrough: p.decimal('string').precision(14).scale(2),
  }),
});
export type LoanInstallment = InferEntity<typeof LoanInstallmentSchema>;

/** 核销: a defaulted loan taken off the books; at most one per loan. */
export const LoanWriteOffSchema = defineEntity({
  name: 'FinanceLoanWriteOff',
  tableName: 'finance_loan_write_off',
  properties: (p) => ({
    loanId: p.integer().primary(),
    villageCode: p.string().length(12),
    writtenOffOn: p.date(),
    reason: p.text(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type LoanWriteOff = InferEntity<typeof LoanWriteOffSchema>;
