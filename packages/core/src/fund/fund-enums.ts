/** The sources money for poverty relief comes from (资金来源), as the reports name them. */

import { enumOf } from '../kernel/enum-values.js';

export const FUND_SOURCE_TYPES = {
  CENTRAL_FISCAL: '中央财政专项扶贫资金 Central government poverty-relief funds',
  PROVINCIAL_FISCAL: '省级财政专项扶贫资金 Provincial poverty-relief funds',
  CITY_FISCAL: '市级财政资金 Prefecture or city funds (incl. department funds such as 组织部)',
  COUNTY_FISCAL: '县级财政资金 County funds',
  TOWNSHIP_FISCAL: '乡镇财政资金 Township funds',
  INTEGRATED_AGRICULTURAL: '统筹整合涉农资金 Integrated agricultural funds',
  ONE_MATTER_ONE_DISCUSSION: '一事一议奖补资金 "One matter, one discussion" awards',
  EAST_WEST_COOPERATION: '东西部协作/对口帮扶资金 East–west cooperation and paired assistance',
  SOCIAL_DONATION: '社会捐赠 Donations from companies, foundations and people',
  IN_KIND_DONATION: '实物捐赠 Donations in kind, at their declared value',
  SELF_RAISED: '自筹 Raised by the village or the households themselves',
  BANK_CREDIT: '银行信贷 Bank credit',
} as const;
export type FundSourceType = keyof typeof FUND_SOURCE_TYPES;

export const FundSourceTypeEnum = enumOf(FUND_SOURCE_TYPES);
