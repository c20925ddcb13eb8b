/**
 * 保靖县's funds, after its report: 五千余万 of central and provincial poverty funds issued by the
 * province, the county's own, 537万 from 岳阳市 (its east–west partner), 180万 pledged by a
 * Singapore company for drinking water, bank credit for industry, and — sized after the fact —
 * the agricultural funds the county integrated (统筹整合) to finance the rest of its 729 projects.
 * A Hong Kong foundation has given 7,500万 over eight years, one fund a year.
 */
import type { FundSourceType } from '@tuopin/core';
import { yuan, type DemoBook, type DemoFund } from './demo-book.js';
import { FundPool } from './funding.js';

export interface BaojingPools {
  central: FundPool;
  provincial: FundPool;
  county: FundPool;
  oneMatter: FundPool;
  eastWest: FundPool;
  donation: FundPool;
  credit: FundPool;
  roads: FundPool;
  water: FundPool;
  industry: FundPool;
  power: FundPool;
  other: FundPool;
  /** 自筹: one sized fund per village, made when first needed. */
  selfRaised(villageCode: string): FundPool;
  foundation: Map<number, FundPool>;
  central2017: FundPool;
  integrated2017: FundPool;
}

export const FOUNDATION = '香港郭氏基金会';
/** The foundation's years, the projects and the 万 yuan of each: 323 projects, 7,500万. */
export const FOUNDATION_YEARS: [year: number, projects: number, wan: number][] = [
  [2009, 30, 600],
  [2010, 35, 750],
  [2011, 38, 850],
  [2012, 40, 900],
  [2013, 42, 1_000],
  [2014, 44, 1_050],
  [2015, 46, 1_150],
  [2016, 48, 1_200],
];

export function createBaojingFunds(book: DemoBook, county: string): BaojingPools {
  const fund = (sourceType: FundSourceType, name: string, documentNo: string | null, provider: string | null, wan: number | null, createdDate: string, year = 2016, areaCode = county) =>
    book.addFund({ sourceType, name, documentNo, year, areaCode, provider, inKindDescription: null, amount: wan === null ? null : yuan(wan * 10_000), createdDate });

  const other = new FundPool([fund('INTEGRATED_AGRICULTURAL', '2016年统筹整合财政涉农资金（其他）', '保政办发〔2016〕21号', '保靖县人民政府', null, '2016-03-01')]);
  const integrated = (what: string, doc: string) => new FundPool([fund('INTEGRATED_AGRICULTURAL', `2016年统筹整合财政涉农资金（${what}）`, doc, '保靖县人民政府', null, '2016-03-01')], other);
  const selfRaised = new Map<string, FundPool>();
  const industry = integrated('农业产业', '保政办发〔2016〕25号');

  return {
    central: new FundPool(
      [
        fund('CENTRAL_FISCAL', '2016年中央财政专项扶贫资金（第一批）', '湘财农指〔2016〕18号', '湖南省财政厅 湖南省扶贫开发办公室', 1_800, '2016-02-25'),
        fund('CENTRAL_FISCAL', '2016年中央财政专项扶贫资金（第二批）', '湘财农指〔2016〕96号', '湖南省财政厅 湖南省扶贫开发办公室', 1_200, '2016-06-15'),
      ],
      other,
    ),
    provincial: new FundPool([fund('PROVINCIAL_FISCAL', '2016年省级财政专项扶贫资金', '湘财农指〔2016〕25号', '湖南省财政厅 湖南省扶贫开发办公室', 2_100, '2016-03-05')], other),
    county: new FundPool([fund('COUNTY_FISCAL', '2016年县级财政专项扶贫资金', '保财农〔2016〕8号', '保靖县财政局', null, '2016-02-20')]),
    oneMatter: new FundPool([fund('ONE_MATTER_ONE_DISCUSSION', '2016年村级公益事业一事一议财政奖补资金', '湘财农〔2016〕33号', '湖南省财政厅', 800, '2016-04-10')], other),
    eastWest: new FundPool([fund('EAST_WEST_COOPERATION', '岳阳市对口帮扶保靖县资金', '岳保协〔2016〕2号', '岳阳市人民政府', 537, '2016-03-20')]),
    donation: new FundPool([fund('SOCIAL_DONATION', '新加坡连氏集团农村饮水工程捐赠', null, '新加坡连氏集团', 180, '2016-09-20')]),
    credit: new FundPool([fund('BANK_CREDIT', '产业扶贫贷款（保靖县农村商业银行）', '保金发〔2016〕6号', '保靖县农村商业银行', 500, '2016-03-25')], industry),
    roads: integrated('交通', '保政办发〔2016〕23号'),
    water: integrated('水利', '保政办发〔2016〕24号'),
    industry,
    power: integrated('农网', '保政办发〔2016〕26号'),
    other,
    selfRaised(villageCode: string): FundPool {
      let pool = selfRaised.get(villageCode);
      if (!pool) {
        pool = new FundPool([fund('SELF_RAISED', '村民自筹资金', null, '村民委员会', null, '2016-03-01', 2016, villageCode)]);
        selfRaised.set(villageCode, pool);
      }
      return pool;
    },
    foundation: new Map(
      FOUNDATION_YEARS.map(([year]) => [
        year,
        new FundPool([fund('SOCIAL_DONATION', `${FOUNDATION}${year}年度扶贫项目捐赠`, null, FOUNDATION, null, `${year}-01-10`, year)]),
      ]),
    ),
    central2017: new FundPool([fund('CENTRAL_FISCAL', '2017年中央财政专项扶贫资金（第一批）', '湘财农指〔2017〕7号', '湖南省财政厅 湖南省扶贫开发办公室', null, '2017-02-20', 2017)]),
    integrated2017: new FundPool([fund('INTEGRATED_AGRICULTURAL', '2017年统筹整合财政涉农资金', '保政办发〔2017〕5号', '保靖县人民政府', null, '2017-02-25', 2017)]),
  };
}

/** Left over in a sized fund: none for the foundation (it gives what it funds), a little elsewhere. */
export function slackOf(fund: DemoFund): number {
  if (fund.provider === FOUNDATION) return 0;
  return fund.sourceType === 'SELF_RAISED' ? 0 : 0.02;
}
