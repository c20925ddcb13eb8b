import type { TuopinBuilder } from '../kernel/builder.js';
import { ValidationError } from '../kernel/errors.js';
import { loaderFields } from '../kernel/loader-field.js';
import { statisticDescription } from '../kernel/statistic-declaration.js';
import { ratioOfParts } from '../kernel/suppression.js';
import type { registerMeasureSchema } from './measure.schema.js';
import { MonitoringCategoryEnum, MonitoringRiskEnum } from './monitoring-enums.js';
import { monitoringStatsLoader, type MeasureGroup, type MonitoredGroup } from './monitoring-stats.loader.js';

/**
 * `RegionStats.monitoring(year)`: return-to-poverty monitoring cases by category and risk, where
 * they stand (undecided, monitored, eliminated), how fast the county decided against the configured
 * limit, and the measures of help by type. Partners get every count protected by the kernel like
 * every statistic; a group whose count is withheld is not listed.
 */
export function registerMonitoringStats(builder: TuopinBuilder, measureTypeEnum: ReturnType<typeof registerMeasureSchema>): void {
  const caseGroup = (name: string, description: string, keyField: string, keyType: unknown, keyDescription: string) =>
    builder.objectRef<MonitoredGroup>(name).implement({
      description,
      scope: 'contained',
      fields: (t) => ({
        [keyField]: t.field({ type: keyType as never, resolve: (g) => g.key as never, description: keyDescription }),
        cases: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.cases, description: statisticDescription('count', '监测事项数', 'Monitoring cases') }),
        people: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.people, description: statisticDescription('count', '涉及人口', 'People in their households') }),
      }),
    });
  const ByCategory = caseGroup('MonitoredByCategory', '按监测对象类别的事项数和人数 Monitoring cases and people by category', 'category', MonitoringCategoryEnum, '监测对象类别 Category');
  const ByRisk = caseGroup('MonitoredByRisk', '按风险类型的事项数和人数（一事项可有多项风险） Monitoring cases and people by risk; a case may have several', 'risk', MonitoringRiskEnum, '风险类型 Risk');
  const ByMeasureType = builder.objectRef<MeasureGroup>('MeasuresByType').implement({
    description: '按类型的帮扶措施数 Measures of help by type',
    scope: 'contained',
    fields: (t) => ({
      measureType: t.field({ type: measureTypeEnum, resolve: (g) => g.key as never, description: '措施类型 Kind of help' }),
      measures: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.measures, description: statisticDescription('count', '措施数', 'Measures recorded') }),
      cases: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.cases, description: statisticDescription('count', '得到该类措施的监测事项数', 'Cases that got such a measure') }),
    }),
  });

  builder.objectType('MonitoringStats', {
    description: '防返贫监测统计（含全部下级，限于调用者权限范围） Return-to-poverty monitoring figures of an area and its whole subtree, within the caller\'s scope',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: monitoringStatsLoader, key: (source) => source });
      const { count, total } = figures;
      return {
        year: t.int({ nullable: true, statistic: 'public', resolve: (s) => s.year, description: '线索年度（为空则为全部年度） The lead year; null for every year on record' }),
        cases: count('监测事项数', 'Monitoring cases', (f) => f.cases),
        people: count('监测户人口', 'People in the monitored households', (f) => f.people),
        byCategory: figures.field({ type: [ByCategory], statistic: { groups: 'cases' }, description: '按类别 By category; partners do not see groups whose count is withheld', value: (f) => f.byCategory }),
        byRisk: figures.field({ type: [ByRisk], statistic: { groups: 'cases' }, description: '按风险类型 By risk; partners do not see groups whose count is withheld', value: (f) => f.byRisk }),
        open: count('未消除（办理中或已确定为监测对象）', 'Open: being processed, or identified and the risk not yet eliminated', (f) => f.undecided + f.monitored),
        undecided: count('办理中（未审定）', 'Being processed, not yet decided', (f) => f.undecided),
        monitored: count('已确定为监测对象、风险未消除', 'Identified for monitoring, the risk not yet eliminated', (f) => f.monitored),
        eliminated: count('风险已消除', 'Risk eliminated', (f) => f.eliminated),
        notIdentified: count('审定不纳入监测', 'Decided not to be taken into monitoring', (f) => f.notIdentified),
        closed: count('审定前被退回终止', 'Closed by a step before any decision', (f) => f.closed),
        decided: count('已审定', 'Decided by the county', (f) => f.decided),
        decidedInTime: count('在审定时限内审定（默认15天）', 'Decided within the limit (15 days unless configured)', (f) => f.decidedInTime),
        decidedLate: count('超过审定时限审定', 'Decided later than the limit', (f) => f.decidedLate),
        decisionDays: total('decided', '从线索到审定的天数合计', 'Days from lead to decision, summed over the decided cases', (f) => f.decisionDays),
        averageDaysToDecision: figures.ratio(['decisionDays', 'decided'], '平均审定天数 = 天数合计 ÷ 已审定', 'Average days from lead to decision: days summed ÷ decided', (f) => ratioOfParts(f.decisionDays, f.decided)),
        measuresByType: figures.field({
          type: [ByMeasureType],
          statistic: { groups: 'measures' },
          description: '按类型的帮扶措施（含插件类型） Measures of help by type, plugins\' types included; partners do not see groups whose count is withheld',
          value: (f) => f.measuresByType,
        }),
      };
    },
  });

  builder.objectField('RegionStats', 'monitoring', (t) =>
    t.field({
      type: 'MonitoringStats',
      description: '防返贫监测统计 Return-to-poverty monitoring: cases by category and risk, where they stand, time to decision, measures',
      args: { year: t.arg.int({ description: '线索年度（不填则为全部年度） The year of the cases\' leads; every year on record if omitted' }) },
      resolve: ({ code }, { year }) => {
        if (year != null && (year < 2000 || year > 2100)) throw ValidationError.of('year', '年度须在2000至2100之间', 'The year is between 2000 and 2100');
        return { code, year: year ?? null };
      },
    }),
  );
}
