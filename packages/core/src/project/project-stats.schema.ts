import type { TuopinBuilder } from '../kernel/builder.js';
import { loaderFields } from '../kernel/loader-field.js';
import { FundSourceTypeEnum } from '../fund/fund-enums.js';
import { moneyRatio } from '../ledger/ledger-sql.js';
import { ProjectStatusEnum } from './project-enums.js';
import { fundStatsLoader, projectStatsLoader, type SourceFigures, type StatusCount } from './project-stats.loader.js';

/** The project and fund figures of an area, as fields of `RegionStats`. */
export function registerProjectStatsSchema(builder: TuopinBuilder): void {
  const StatusCountRef = builder.objectRef<StatusCount>('ProjectStatusCount').implement({
    description: '按状态的项目数 Number of projects in one status',
    scope: 'contained',
    fields: (t) => ({
      status: t.field({ type: ProjectStatusEnum, resolve: (s) => s.status, description: '项目状态 Status' }),
      count: t.exposeInt('count', { statistic: 'public', description: '项目数 Projects' }),
    }),
  });

  const SourceFiguresRef = builder.objectRef<SourceFigures>('FundSourceStats').implement({
    description: '按来源的资金统计 Figures of the funds of one source type',
    scope: 'contained',
    fields: (t) => ({
      sourceType: t.field({ type: FundSourceTypeEnum, resolve: (s) => s.sourceType, description: '资金来源类型 Source type' }),
      fundCount: t.exposeInt('fundCount', { statistic: 'public', description: '资金笔数 Number of funds' }),
      amount: t.field({ type: 'Money', statistic: 'public', resolve: (s) => s.amount, description: '资金总额 Total amount' }),
      allocated: t.field({ type: 'Money', statistic: 'public', resolve: (s) => s.allocated, description: '已安排 Allocated to projects' }),
      disbursed: t.field({ type: 'Money', statistic: 'public', resolve: (s) => s.disbursed, description: '已报账 Paid out' }),
    }),
  });

  builder.objectFields('RegionStats', (t) => {
    const projects = loaderFields(t, { loader: projectStatsLoader, key: (area) => area.code });
    const funds = loaderFields(t, { loader: fundStatsLoader, key: (area) => area.code });
    // Projects and funds are public notices (公示): their numbers are published as they are.
    return {
      projectCount: projects.field({
        type: 'Int',
        statistic: 'public',
        description: '项目数（实施地点在本区划内） Projects placed in the area',
        value: (s) => s.projectCount,
      }),
      projectBudget: projects.field({ type: 'Money', statistic: 'public', description: '项目预算合计 Total budget of those projects', value: (s) => s.projectBudget }),
      projectsByStatus: projects.field({
        type: [StatusCountRef],
        statistic: 'public',
        description: '按状态的项目数（仅列出有项目的状态） Projects by status, for statuses with any project',
        value: (s) => s.byStatus,
      }),
      fundsBySource: funds.field({
        type: [SourceFiguresRef],
        statistic: 'public',
        description: '按来源的资金（管理区划在本区划内） Funds managed in the area, by source type',
        value: (s) => s.bySource,
      }),
      fundExecutionRate: funds.field({
        type: 'Float',
        nullable: true,
        statistic: 'public',
        description:
          '资金支出进度（0–1）= 已报账 ÷ 已安排，按本区划管理的资金 Execution rate of the funds managed in the area: disbursed ÷ allocated; null while nothing is allocated',
        value: (s) => moneyRatio(s.disbursed, s.allocated),
      }),
    };
  });
}
