import type { TuopinBuilder } from '../kernel/builder.js';
import { ValidationError } from '../kernel/errors.js';
import { loaderFields } from '../kernel/loader-field.js';
import { statisticDescription } from '../kernel/statistic-declaration.js';
import { ratioOfParts } from '../kernel/suppression.js';
import { exitStatsLoader, type ExitStatsSource, type TownshipExitFigures } from './exit-stats.loader.js';

/**
 * `RegionStats.exits(year)`: people and households out of poverty in a year, against the reduction
 * target each township signed with its county, and the villages and counties that exited. Partners
 * get every count protected by the kernel like every statistic.
 */
export function registerExitStats(builder: TuopinBuilder): void {
  const TownshipRef = builder.objectRef<TownshipExitFigures>('TownshipExitFigures').implement({
    description: '乡镇年度减贫目标与完成 A township\'s reduction target for the year and the people who exited',
    scope: 'contained',
    fields: (t) => ({
      code: t.exposeString('code', { description: '乡镇代码 The township\'s code' }),
      name: t.exposeString('name', { description: '乡镇名称 The township\'s name' }),
      targetPeople: t.int({ nullable: true, statistic: 'count', resolve: (f) => f.targetPeople, description: statisticDescription('count', '减贫目标人数', 'People the township is to bring out of poverty') }),
      exitedPeople: t.int({ nullable: true, statistic: 'count', resolve: (f) => f.exitedPeople, description: statisticDescription('count', '脱贫人数', 'People who exited poverty in the year') }),
      reachedShare: t.float({
        nullable: true,
        statistic: { ratio: ['exitedPeople', 'targetPeople'] },
        resolve: (f) => ratioOfParts(f.exitedPeople, f.targetPeople),
        description: statisticDescription('ratio', '目标完成率 = 脱贫人数 ÷ 目标人数（1及以上为完成）', 'Exited ÷ target; 1 or more when the target is reached'),
      }),
    }),
  });

  builder.objectType('ExitStats', {
    description: '脱贫退出统计（含全部下级，限于调用者权限范围） Exits from poverty in a year, of an area and its whole subtree, within the caller\'s scope',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: exitStatsLoader, key: (source: ExitStatsSource) => source });
      const { count } = figures;
      return {
        year: t.int({ nullable: true, statistic: 'public', resolve: (s) => s.year, description: '年度（为空则为全部年度） The year; null for every year on record' }),
        households: count('脱贫户数', 'Households that exited poverty in the year', (f) => f.households),
        people: count('脱贫人数', 'People in those households', (f) => f.people),
        targetPeople: count('减贫目标人数（各乡镇责任书合计）', 'People the townships\' reduction targets ask for, summed', (f) => f.targetPeople),
        reachedShare: figures.ratio(['people', 'targetPeople'], '目标完成率 = 脱贫人数 ÷ 目标人数', 'People exited ÷ the targets; 1 or more when reached', (f) => ratioOfParts(f.people, f.targetPeople)),
        byTownship: figures.field({
          type: [TownshipRef],
          statistic: { groups: 'exitedPeople' },
          description: '按乡镇：减贫目标与完成 By township: its target and the people who exited; partners do not see townships whose count is withheld',
          value: (f) => f.byTownship,
        }),
        returnedHouseholds: count('当年认定返贫户数', 'Households the county decided had returned to poverty that year', (f) => f.returnedHouseholds),
        returnedNow: count('现返贫户数（不限年度）', 'Households returned to poverty now, whatever the year', (f) => f.returnedNow),
        villagesExited: count('当年出列贫困村数', 'Poverty villages that exited in the year', (f) => f.villagesExited),
        countiesExited: count('当年摘帽贫困县数（省级已批准）', 'Poverty counties whose exit in the year the province approved', (f) => f.countiesExited),
      };
    },
  });

  builder.objectField('RegionStats', 'exits', (t) =>
    t.field({
      type: 'ExitStats',
      description: '脱贫退出统计 Exits from poverty in a year: households, villages, counties, against the townships\' reduction targets',
      args: { year: t.arg.int({ description: '年度（不填则为全部年度，目标按年合计） The year; every year on record if omitted, targets summed over the years' }) },
      resolve: ({ code }, { year }) => {
        if (year != null && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw ValidationError.of('year', '年度须在2000–2100之间', 'The year lies between 2000 and 2100');
        return { code, year: year ?? null };
      },
    }),
  );
}
