import type { TuopinBuilder } from '../kernel/builder.js';
import { loaderFields } from '../kernel/loader-field.js';
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
    // A field returning it, and each block plugins add to it, runs a statement over a subtree: the
    // kernel weighs them as statistics blocks (query-cost.ts).
    statisticsBlocks: true,
    fields: (t) => {
      const stats = loaderFields(t, { loader: coreStatsLoader, key: (area) => area.code });
      return {
        households: stats.count('建档立卡户数', 'Registered households', (s) => s.households),
        people: stats.count('建档立卡人数', 'Registered people', (s) => s.people),
        poorHouseholds: stats.count('贫困户数（未脱贫及返贫）', 'Households still poor or returned to poverty', (s) => s.poorHouseholds),
        poorPeople: stats.count('贫困人口（未脱贫及返贫）', 'People in households still poor or returned to poverty', (s) => s.poorPeople),
        ruralPopulation: stats.field({
          type: 'Int',
          statistic: 'public',
          description: '农村户籍人口（普查数，公开） Registered rural population of the villages in the area, from the census (public)',
          value: (s) => s.ruralPopulation,
        }),
        povertyIncidence: stats.ratio(
          ['poorPeople', 'ruralPopulation'],
          '贫困发生率（0–1）= 贫困人口 ÷ 农村户籍人口',
          'Poverty incidence as a ratio: poor people ÷ rural population; null when the population is unknown',
          (s) => ratioOfParts(s.poorPeople, s.ruralPopulation),
        ),
      };
    },
  });
}
