import { enumOf } from '@tuopin/core';

/** The institutions that lend to poor households (承贷机构), most often the county's 农村信用合作联社. */
export const LENDER_KINDS = {
  RURAL_CREDIT_COOPERATIVE: '农村信用合作联社 Rural credit cooperative union',
  RURAL_COMMERCIAL_BANK: '农村商业银行 Rural commercial bank',
  AGRICULTURAL_BANK: '中国农业银行 Agricultural Bank of China branch',
  POSTAL_SAVINGS_BANK: '中国邮政储蓄银行 Postal Savings Bank of China branch',
  VILLAGE_BANK: '村镇银行 Village and township bank',
  OTHER: '其他金融机构 Other lender',
} as const;
export type LenderKind = keyof typeof LENDER_KINDS;
export const LenderKindEnum = enumOf(LENDER_KINDS);
