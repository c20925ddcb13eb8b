import type { TuopinBuilder } from '../kernel/builder.js';
import { loaderFields } from '../kernel/loader-field.js';
import { compareMoney, subtractMoney } from '../kernel/money.js';
import { FundSourceTypeEnum } from '../fund/fund-enums.js';
import { projectFundingLoader, type SourceFunding } from '../fund/fund-figures.loader.js';
import { allocationConnection, allocationConnectionType } from './allocation-page.loader.js';
import { moneyRatio } from './ledger-sql.js';

/** A project's money: where it comes from, what is paid, what is missing against the budget. */
export function registerProjectFundingSchema(builder: TuopinBuilder): void {
  const FundingSource = builder.objectRef<SourceFunding>('ProjectFundingSource').implement({
    description: '按来源的项目资金 A project\'s funding from one source type',
    scope: 'contained',
    fields: (t) => ({
      sourceType: t.field({ type: FundSourceTypeEnum, resolve: (s) => s.sourceType, description: '资金来源类型 Source type' }),
      allocated: t.field({ type: 'Money', resolve: (s) => s.allocated, description: '已安排 Allocated (live allocations)' }),
      disbursed: t.field({ type: 'Money', resolve: (s) => s.disbursed, description: '已报账 Paid out (live disbursements)' }),
    }),
  });

  builder.objectFields('Project', (t) => {
    const funding = loaderFields(t, { loader: projectFundingLoader, key: (project) => project.id });
    return {
      fundingBySource: funding.field({
        type: [FundingSource],
        description: '按来源的资金 Funding by source type, for sources with any allocation',
        value: (f) => f.bySource,
      }),
      totalFunded: funding.field({
        type: 'Money',
        statistic: 'public',
        description: '已落实资金 Total funded: live allocations from every source',
        value: (f) => f.allocated,
      }),
      totalDisbursed: funding.field({ type: 'Money', statistic: 'public', description: '已报账资金 Total paid out: live disbursements', value: (f) => f.disbursed }),
      fundingGap: funding.field({
        type: 'Money',
        statistic: 'public',
        description: '资金缺口 = 预算 − 已落实资金（不低于零） Funding gap: budget − total funded, never below zero',
        value: (f, project) => {
          const gap = subtractMoney(project.budget, f.allocated);
          return compareMoney(gap, '0') > 0 ? gap : '0.00';
        },
      }),
      executionRate: funding.field({
        type: 'Float',
        nullable: true,
        statistic: 'public',
        description: '支出进度（0–1）= 已报账 ÷ 已安排 Execution rate as a ratio: disbursed ÷ allocated; null while nothing is allocated',
        value: (f) => moneyRatio(f.disbursed, f.allocated),
      }),
      allocations: t.connection(
        {
          type: 'Allocation',
          description: '资金安排（含已冲销的），按记账顺序 Allocations to this project, reversed ones included, in the order recorded',
          resolve: (p, args, ctx) => allocationConnection(ctx, 'project', p.id, args),
        },
        allocationConnectionType(builder),
      ),
    };
  });
}
