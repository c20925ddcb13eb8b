import { FundSourceTypeEnum, loaderFields, ratioOfParts, statisticDescription, type TuopinBuilder } from '@tuopin/core';
import { relocationRefs } from '../shared/relocation-refs.js';
import { relocationStatsLoader, type SourceFigures } from './relocation-stats.loader.js';

/**
 * `RegionStats.relocation`: the figures a county's relocation report quotes, for an area and
 * everything under it (households by the village they move from; sites and flats by where they
 * stand). Every number declares what it is and the kernel protects it for partners.
 */
export function registerRelocationStatsSchema(builder: TuopinBuilder): void {
  const { Stats } = relocationRefs(builder);

  const SourceRef = builder.objectRef<SourceFigures>('RelocationSubsidySource').implement({
    description: '按资金来源的搬迁补助 Relocation subsidies paid from one kind of fund',
    scope: 'contained',
    fields: (t) => ({
      sourceType: t.field({ type: FundSourceTypeEnum, resolve: (g) => g.sourceType, description: '资金来源类型 Source type' }),
      payments: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.payments, description: statisticDescription('count', '发放笔数', 'Payments') }),
      households: t.int({
        nullable: true,
        statistic: 'count',
        resolve: (g) => g.households,
        description: statisticDescription('count', '获补助户数（不含已冲销）', 'Households paid from this kind of fund, reversed payments excepted'),
      }),
      // With the households, not the payments: one household paid in several instalments would pass a payment threshold.
      amount: t.field({
        type: 'Money',
        nullable: true,
        statistic: { sum: 'households' },
        resolve: (g) => g.amount,
        description: statisticDescription('sum', '金额', 'Amount paid'),
      }),
    }),
  });

  builder.objectType(Stats, {
    description: '易地扶贫搬迁统计（含全部下级，限于调用者权限范围） Relocation figures of an area and its whole subtree, within the caller\'s scope',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: relocationStatsLoader, key: (source) => source.code });
      const { count, sum, total, ratio } = figures;
      const scattered = (f: { households: number; centralisedHouseholds: number }) => f.households - f.centralisedHouseholds;
      return {
        households: count('搬迁户数（含同步搬迁户，按迁出地）', 'Households relocated, registered or not, by the village they move from', (f) => f.households),
        people: count('搬迁人数', 'People relocated', (f) => f.people),
        centralisedHouseholds: count('集中安置户数', 'Households relocated to a site', (f) => f.centralisedHouseholds),
        centralisedPeople: count('集中安置人数', 'People relocated to a site', (f) => f.centralisedPeople),
        scatteredHouseholds: count('分散安置户数', 'Households relocated without a site', scattered),
        scatteredPeople: count('分散安置人数', 'People relocated without a site', (f) => f.people - f.centralisedPeople),
        registeredHouseholds: count('其中建档立卡户数', 'Of them, registered poor households', (f) => f.registeredHouseholds),
        registeredPeople: count('其中建档立卡人数', 'Of them, people of registered households', (f) => f.registeredPeople),
        movedInHouseholds: count('已入住户数', 'Households moved in', (f) => f.movedInHouseholds),
        movedInPeople: count('已入住人数', 'People moved in', (f) => f.movedInPeople),
        sites: figures.field({ type: 'Int', statistic: 'public', description: '安置点个数（按所在地；公开） Resettlement sites standing in the area (a public notice)', value: (f) => f.sites }),
        flats: figures.field({ type: 'Int', statistic: 'public', description: '已建安置房套数（公开） Flats built at those sites (buildings, not people)', value: (f) => f.flats }),
        housedPeople: count('已分房（建房）户的搬迁人数', 'People of the households housed', (f) => f.housedPeople),
        housedFloorArea: total('housedPeople', '已分房（建房）总面积（整平方米）', 'Floor area of their homes, whole m²', (f) => f.housedFloorArea),
        floorAreaPerPerson: ratio(['housedFloorArea', 'housedPeople'], '人均住房面积（平方米）', 'Floor area per person housed, m²', (f) => ratioOfParts(f.housedFloorArea, f.housedPeople)),
        demolitionDue: count('应拆旧户数（已入住、未批准保留）', 'Old houses due for demolition: households moved in whose house was not retained', (f) => f.demolitionDue),
        demolished: count('已拆旧户数', 'Old houses demolished', (f) => f.demolished),
        demolitionRate: ratio(['demolished', 'demolitionDue'], '拆旧率（0–1）', 'Demolished ÷ due', (f) => ratioOfParts(f.demolished, f.demolitionDue)),
        retained: count('经县级批准保留旧房户数', 'Old houses retained with the county\'s approval', (f) => f.retained),
        reclaimed: count('已复垦户数（应复垦为已拆旧户数）', 'Homesteads reclaimed; those due are the demolished ones', (f) => f.reclaimed),
        reclamationRate: ratio(['reclaimed', 'demolished'], '复垦率（0–1）', 'Reclaimed ÷ demolished', (f) => ratioOfParts(f.reclaimed, f.demolished)),
        labourHouseholds: count('已入住的有劳动力户数', 'Households moved in that have labour', (f) => f.labourHouseholds),
        employedLabourHouseholds: count('其中至少一人就业的户数', 'Of them, households with at least one person employed', (f) => f.employedLabourHouseholds),
        employmentRate: ratio(['employedLabourHouseholds', 'labourHouseholds'], '有劳动力搬迁户就业率（0–1）', 'Share of households with labour that have someone employed', (f) =>
          ratioOfParts(f.employedLabourHouseholds, f.labourHouseholds),
        ),
        subsidyPayments: count('搬迁补助发放笔数（不含已冲销）', 'Relocation subsidies paid, reversed ones excepted', (f) => f.subsidyPayments),
        subsidisedHouseholds: count('获得搬迁补助户数（不含已冲销）', 'Households paid a relocation subsidy, reversed payments excepted', (f) => f.subsidisedHouseholds),
        // Withheld with the households paid, not the payments: one household's instalments from several funds would pass a payment threshold.
        subsidiesPaid: sum('subsidisedHouseholds', '搬迁补助金额（资金台账）', 'Relocation subsidies paid through the fund ledger', (f) => f.subsidiesPaid),
        subsidiesBySource: figures.field({
          type: [SourceRef],
          statistic: { groups: 'households' },
          description: '按资金来源的搬迁补助（合作机构看不到获补助户数不公布的来源） Subsidies by fund source; partners do not see sources whose households paid are withheld',
          value: (f) => f.bySource,
        }),
        selfRaisingHouseholds: count('有自筹资金的搬迁户数', 'Households that raised part of the cost themselves (a self-raised amount above 0)', (f) => f.selfRaisingHouseholds),
        // Withheld with the households that raised money, not all households: one household's money among four that raised none would pass.
        selfRaised: sum('selfRaisingHouseholds', '搬迁户自筹金额', 'Amount the households raised themselves', (f) => f.selfRaised),
      };
    },
  });

  builder.objectField('RegionStats', 'relocation', (t) =>
    t.field({
      type: Stats,
      description: '易地扶贫搬迁统计 Relocation figures (搬迁, 安置, 拆旧复垦, 后续扶持, 补助)',
      resolve: ({ code }) => ({ code }),
    }),
  );
}
