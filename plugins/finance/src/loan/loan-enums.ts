import { enumOf } from '@tuopin/core';

/** 贷款用途: the productive uses 扶贫小额信贷 may finance (it is not for consumption). */
export const LOAN_INDUSTRIES = {
  PLANTING: '种植业 Crop farming: tea, fruit, vegetables, herbs',
  LIVESTOCK: '养殖业 Livestock and aquaculture',
  PROCESSING: '农产品加工 Processing of farm produce',
  RURAL_TOURISM: '乡村旅游 Rural tourism and homestays',
  COMMERCE: '商贸流通 Trade, shops and transport',
  OTHER: '其他生产经营 Other productive use',
} as const;
export type LoanIndustry = keyof typeof LOAN_INDUSTRIES;

/** 还款方式: instalments fall due every three months from disbursement, the last at maturity. */
export const REPAYMENT_METHODS = {
  QUARTERLY_INTEREST: '按季付息、到期还本 Interest every quarter, the principal at maturity',
  EQUAL_PRINCIPAL_QUARTERLY: '按季等额还本付息 An equal share of the principal every quarter, with the interest on what is left',
} as const;
export type RepaymentMethod = keyof typeof REPAYMENT_METHODS;

/**
 * 贷款状态, derived from the schedule and the repayments as of a date, never stored: a write-off
 * is final; a loan whose principal is repaid is repaid; otherwise the first instalment the
 * repayments do not cover decides between current, overdue and defaulted.
 */
export const LOAN_STATUSES = {
  CURRENT: '正常 Current: nothing that has fallen due is unpaid',
  OVERDUE: '逾期 Overdue: an instalment is past its due date and unpaid',
  DEFAULTED: '不良 Defaulted: an instalment has been unpaid longer than the configured days (90 by default)',
  REPAID: '已结清 Repaid: the principal is paid in full',
  WRITTEN_OFF: '已核销 Written off after default',
} as const;
export type LoanStatus = keyof typeof LOAN_STATUSES;

export const LoanIndustryEnum = enumOf(LOAN_INDUSTRIES);
export const RepaymentMethodEnum = enumOf(REPAYMENT_METHODS);
export const LoanStatusEnum = enumOf(LOAN_STATUSES);
