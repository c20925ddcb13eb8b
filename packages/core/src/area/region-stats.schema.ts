import type { TuopinBuilder } from '../kernel/builder.js';
import { statisticDescription } from '../kernel/statistic-declaration.js';
import { ratioOfParts } from '../kernel/suppression.js';
import { coreStatsLoader } from './region-stats.loader.js';

/** What a `stats` field resolves to: just the area; each block loads its own figures in batches. */
export interface RegionStatsSource {
  readonly code: string;
}

export function registerRegionStatsSchema(builder: TuopinBuilder): void {
  builder.objectType('RegionStats', {
    description: '区划统计（含全部下级，限于调用者权限范围） Statistics of an area and its whole subtree, within the caller\'s scope',
    // Computed within the caller's scope (scopedRanges), and reached only through its area.
    scope: 'contained',
    fields: (t) => ({
      households: t.int({
        nullable: true,
        statistic: 'count',
        description: statisticDescription('count', '建档立卡户数', 'Registered households'),
        resolve: async ({ code }, _args, ctx) => (await coreStatsLoader(ctx).load(code)).households,
      }),
      people: t.int({
        nullable: true,
        statistic: 'count',
        description: statisticDescription('count', '建档立卡人数', 'Registered people'),
        resolve: async ({ code }, _args, ctx) => (await coreStatsLoader(ctx).load(code)).people,
      }),
      poorHouseholds: t.int({
        nullable: true,
        statistic: 'count',
        description: statisticDescription('count', '贫困户数（未脱贫及返贫）', 'Households still poor or returned to poverty'),
        resolve: async ({ code }, _args, ctx) => (await coreStatsLoader(ctx).load(code)).poorHouseholds,
      }),
      poorPeople: t.int({
        nullable: true,
        statistic: 'count',
        description: statisticDescription('count', '贫困人口（未脱贫及返贫）', 'People in households still poor or returned to poverty'),
        resolve: async ({ code }, _args, ctx) => (await coreStatsLoader(ctx).load(code)).poorPeople,
      }),
      ruralPopulation: t.int({
        statistic: 'public',
        description: '农村户籍人口（普查数，公开） Registered rural population of the villages in the area, from the census (public)',
        resolve: async ({ code }, _args, ctx) => (await coreStatsLoader(ctx).load(code)).ruralPopulation,
      }),
      povertyIncidence: t.float({
        nullable: true,
        statistic: { ratio: ['poorPeople', 'ruralPopulation'] },
        description: statisticDescription(
          'ratio',
          '贫困发生率（0–1）= 贫困人口 ÷ 农村户籍人口',
          'Poverty incidence as a ratio: poor people ÷ rural population; null when the population is unknown',
        ),
        resolve: async ({ code }, _args, ctx) => {
          const stats = await coreStatsLoader(ctx).load(code);
          return ratioOfParts(stats.poorPeople, stats.ruralPopulation);
        },
      }),
    }),
  });
}
