import { enumOf, loaderFields, registerEnum, statisticDescription, sumMoney, type TuopinBuilder } from '@tuopin/core';
import { ExchangeCategoryEnum, ExchangeDirectionEnum } from '../shared/pairing-enums.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { pairingStatsLoader, statsKey, type ExchangeGroup } from './pairing-stats.loader.js';

const PAIRING_SIDES = {
  HELPED: '作为受援地 As the helped area',
  HELPER: '作为帮扶方 As the helper',
} as const;
const PairingSideEnum = enumOf(PAIRING_SIDES);

/**
 * `RegionStats.pairing`: an area's paired assistance, as the helped area (what it received) or as
 * the helper (what it gave), for a year or all years. Money received and allocated is fund money,
 * public as any fund's notice; pledges are shown apart and never counted as received. Counts of
 * people are protected for partners by the kernel.
 */
export function registerPairingStats(builder: TuopinBuilder): void {
  const { PairingStats } = pairingRefs(builder);
  registerEnum(builder, PairingSideEnum, 'PairingSide', '统计口径 Which side of its pairings an area\'s figures are about', PAIRING_SIDES);

  const ExchangeGroupRef = builder.objectRef<ExchangeGroup>('PairingExchangeGroup').implement({
    description: '按类别和方向的交流人次 People exchanged in one category and direction',
    scope: 'contained',
    fields: (t) => ({
      category: t.field({ type: ExchangeCategoryEnum, resolve: (g) => g.category, description: '类别 Category' }),
      direction: t.field({ type: ExchangeDirectionEnum, resolve: (g) => g.direction, description: '方向 Direction' }),
      people: t.int({ nullable: true, statistic: 'count', resolve: (g) => g.people, description: statisticDescription('count', '人次', 'People') }),
    }),
  });

  builder.objectType(PairingStats, {
    description: '结对帮扶统计（含全部下级，限于调用者权限范围） Paired-assistance figures of an area and its whole subtree, within the caller\'s scope',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: pairingStatsLoader, key: statsKey });
      const money = (zh: string, en: string, value: (f: Parameters<Parameters<typeof figures.field>[0]['value']>[0]) => string) =>
        figures.field({ type: 'Money', statistic: 'public', description: `${zh} ${en}`, value });
      return {
        year: t.int({ nullable: true, resolve: (s) => s.year, description: '年度（空为全部年度） Year; null for every year' }),
        side: t.field({ type: PairingSideEnum, resolve: (s) => s.side, description: '统计口径 Side' }),
        pairings: figures.field({ type: 'Int', statistic: 'public', description: '结对关系数（公开） Pairings', value: (f) => f.pairings }),
        pledged: money('承诺资金（年度协议，不计入到位资金）', 'Aid pledged in the agreements; never counted as received', (f) => f.pledged),
        fiscalReceived: money('到位财政援助资金', 'Fiscal aid received into the fund ledger', (f) => f.received.FISCAL),
        socialDonationsReceived: money('到位社会帮扶捐赠', 'Social donations received', (f) => f.received.SOCIAL_DONATION),
        inKindReceived: money('到位实物（按申报价值）', 'Goods received in kind, at their declared value', (f) => f.received.IN_KIND),
        introduced: money('引进资金', 'Money introduced', (f) => f.received.INTRODUCED),
        received: money('到位资金合计', 'All aid received', (f) => sumMoney('0', ...Object.values(f.received))),
        allocated: money('已安排到项目的帮扶资金', 'Aid allocated to projects', (f) => f.allocated),
        projectsFunded: figures.field({ type: 'Int', statistic: 'public', description: '帮扶资金支持的项目数（公开） Projects funded by the aid', value: (f) => f.projectsFunded }),
        peopleExchanged: figures.count('人才交流人次（双向）', 'People exchanged, both ways', (f) => f.exchanges.reduce((total, g) => total + g.people, 0)),
        exchangesByCategory: figures.field({
          type: [ExchangeGroupRef],
          statistic: { groups: 'people' },
          description: '按类别和方向的交流人次（合作机构看不到人次不公布的组） People exchanged by category and direction; partners do not see groups whose count is withheld',
          value: (f) => f.exchanges,
        }),
        workersPlaced: figures.count('劳务协作就业人数', 'Workers of the helped area placed in jobs', (f) => f.workersPlaced),
        purchases: figures.count('消费帮扶笔数', 'Purchases of products of the helped area', (f) => f.purchases),
        purchaseAmount: figures.sum('purchases', '消费帮扶金额', 'Amount of those purchases', (f) => f.purchaseAmount),
        investments: figures.field({ type: 'Int', statistic: 'public', description: '产业合作项目数（公开） Investments by the helper\'s enterprises', value: (f) => f.investments }),
        investment: money('产业合作投资额', 'Amount invested', (f) => f.investment),
        jobsForRegistered: figures.count('产业合作吸纳建档立卡人员就业人数', 'Jobs for registered people from that investment', (f) => f.jobsForRegistered),
      };
    },
  });

  builder.objectField('RegionStats', 'pairing', (t) =>
    t.field({
      type: PairingStats,
      description: '结对帮扶统计（东西部协作、对口帮扶、定点帮扶、社会帮扶） Paired-assistance figures',
      args: {
        year: t.arg.int({ description: '年度（不填为全部年度） Year; every year if omitted' }),
        side: t.arg({ type: PairingSideEnum, defaultValue: 'HELPED', description: '统计口径：受援地（默认）或帮扶方 As the helped area (default) or as the helper' }),
      },
      resolve: ({ code }, { year, side }, ctx) => ({ code, year: year ?? null, side: side ?? 'HELPED' }),
    }),
  );
}
