/** @tuopin/plugin-finance: 金融扶贫, the financial poverty-relief programme, as a tuopin plugin. */
export { financePlugin } from './finance.plugin.js';
export { DEFAULT_FINANCE_SETTINGS, financeSettingsOf, financeSettingsSchema, type FinanceSettings } from './settings/finance-settings.js';
export { CREDIT_GRADES, gradeOfScore, type CreditGrade } from './rating/rating-grade.js';
export { LOAN_STATUSES, type LoanStatus } from './loan/loan-enums.js';
export { FINANCE_PERMISSIONS } from './access/finance-access.js';

// Finance's object types by name and their rows, for plugins that extend them (`builder.objectField('Loan', …)`).
import './finance.types.js';
export type { FinanceObjectTypes } from './finance.types.js';
export type { CreditLine } from './credit/credit-line.entity.js';
export type { Lender } from './lender/lender.entity.js';
export type { Loan, LoanInstallment, LoanWriteOff } from './loan/loan.entity.js';
export type { CreditRating } from './rating/credit-rating.entity.js';
export type { Repayment } from './repayment/repayment.entity.js';
export type { RiskClaim, RiskPool, RiskPoolContribution } from './risk-pool/risk-pool.entity.js';
export type { FinanceStatsSource } from './stats/finance-stats.source.js';
export type { SubsidyPayment } from './subsidy/subsidy-payment.entity.js';
