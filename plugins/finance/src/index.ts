/** @tuopin/plugin-finance: 金融扶贫, the financial poverty-relief programme, as a tuopin plugin. */
export { financePlugin } from './finance.plugin.js';
export { DEFAULT_FINANCE_SETTINGS, financeSettingsOf, financeSettingsSchema, type FinanceSettings } from './settings/finance-settings.js';
export { CREDIT_GRADES, gradeOfScore, type CreditGrade } from './rating/rating-grade.js';
export { LOAN_STATUSES, type LoanStatus } from './loan/loan-enums.js';
export { FINANCE_PERMISSIONS } from './access/finance-access.js';
