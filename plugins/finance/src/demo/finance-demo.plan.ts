/**
 * What the finance demo reproduces. 保靖县's figures come from its report (篇6 of the source
 * reports, /work/shared/seeds): "金融扶贫：全县建档立卡贫困户21011户，已评级19279户（91.76%），
 * 授信8132户31670人18211万元，累计发放扶贫小额信贷3000余万元". The rest — lenders, the pool, who
 * was late, who defaulted, the subsidy fund — is invented in proportion, and every person is
 * synthetic. 大老爷庙村 (辽宁凌源) gets a small programme of its own a year later.
 */

export interface PoolPlan {
  leverageMultiple: string;
  contributions: { amount: string; fundedOn: string; documentNo: string }[];
}

export interface LenderPlan {
  name: string;
  kind: 'RURAL_CREDIT_COOPERATIVE' | 'POSTAL_SAVINGS_BANK';
  /** Share of the credit lines it grants; the shares of a campaign add up to 1. */
  share: number;
}

/** Borrowers who fell behind, and what the county did about it. */
export interface TroublePlan {
  /** Share of borrowers who stopped paying (their loans default). */
  defaultShare: number;
  /** They pay no instalment due on or after this day. */
  stopPayingFrom: string;
  /** Share of borrowers who paid the instalments due in the late window only afterwards. */
  lateShare: number;
  lateWindow: [from: string, to: string];
  latePaidOn: string;
  /** The pool compensates this share of the unpaid principal, 100 days after the first missed instalment. */
  claimShare: string;
  /** Loans are written off this many days after their claim. */
  writeOffAfterDays: number;
}

/** 贴息: a county project of category FINANCIAL_SERVICES, funded by a fund, paying the interest due by `through`. */
export interface SubsidyPlan {
  projectName: string;
  responsibleUnit: string;
  fund: { name: string; sourceType: 'PROVINCIAL_FISCAL'; documentNo: string; provider: string; amount: string };
  allocation: { amount: string; date: string };
  /** Interest of instalments due by this day is subsidised, 15 days after the borrower paid it. */
  through: string;
  year: number;
}

export interface CampaignPlan {
  countyCode: string;
  /** The households' area: the county, or one village. */
  regionCode: string;
  lenders: LenderPlan[];
  pool: PoolPlan;
  /** How many households are rated (all when null), during `ratingPeriod` (first day, days). */
  ratedHouseholds: number | null;
  ratingPeriod: [string, number];
  /** How many rated households of grade A or better get a three-year line, their people (when exact), and the total. */
  creditLines: { households: number; people: number | null; total: string };
  /** Loans until at least this much is lent, disbursed over `days` from `from`. */
  lending: { atLeast: string; from: string; days: number };
  troubles: TroublePlan | null;
  subsidy: SubsidyPlan | null;
}

export const BAOJING_CAMPAIGN: CampaignPlan = {
  countyCode: '433125000000',
  regionCode: '433125000000',
  lenders: [
    { name: '保靖县农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', share: 0.85 },
    { name: '中国邮政储蓄银行保靖县支行', kind: 'POSTAL_SAVINGS_BANK', share: 0.15 },
  ],
  pool: {
    leverageMultiple: '10.00',
    contributions: [
      { amount: '3000000.00', fundedOn: '2016-02-26', documentNo: '保财金〔2016〕7号' },
      { amount: '2000000.00', fundedOn: '2016-08-30', documentNo: '保财金〔2016〕31号' },
    ],
  },
  ratedHouseholds: 19_279,
  ratingPeriod: ['2016-01-05', 115],
  creditLines: { households: 8_132, people: 31_670, total: '182110000.00' },
  lending: { atLeast: '31500000.00', from: '2016-03-01', days: 180 },
  troubles: {
    defaultShare: 0.006,
    stopPayingFrom: '2016-07-01',
    lateShare: 0.045,
    lateWindow: ['2016-10-01', '2016-12-31'],
    latePaidOn: '2017-01-20',
    claimShare: '0.80',
    writeOffAfterDays: 90,
  },
  subsidy: {
    projectName: '2016年扶贫小额信贷贴息',
    responsibleUnit: '保靖县扶贫开发办公室',
    fund: {
      name: '2016年扶贫小额信贷贴息资金',
      sourceType: 'PROVINCIAL_FISCAL',
      documentNo: '湘财农指〔2016〕45号',
      provider: '湖南省财政厅 湖南省扶贫开发办公室',
      amount: '1200000.00',
    },
    allocation: { amount: '1000000.00', date: '2016-03-15' },
    through: '2016-12-31',
    year: 2016,
  },
};

export const DALAOYEMIAO_CAMPAIGN: CampaignPlan = {
  countyCode: '211382000000',
  regionCode: '211382108201',
  lenders: [{ name: '凌源市农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', share: 1 }],
  pool: { leverageMultiple: '8.00', contributions: [{ amount: '1000000.00', fundedOn: '2017-03-01', documentNo: '凌财金〔2017〕5号' }] },
  ratedHouseholds: null,
  ratingPeriod: ['2017-03-06', 20],
  creditLines: { households: 60, people: null, total: '1050000.00' },
  lending: { atLeast: '300000.00', from: '2017-04-20', days: 60 },
  troubles: null,
  subsidy: null,
};
