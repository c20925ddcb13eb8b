import { loaderFields, statisticDescription, sumMoney, type TuopinBuilder } from '@tuopin/core';
import { ExchangeCategoryEnum, ExchangeDirectionEnum } from '../shared/pairing-enums.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { pairingStatsLoader, statsKey, type ExchangeGroup, type PairingFigures, type PairingSide } from './pairing-stats.loader.js';

/**
 * `RegionStats.pairing` and `RegionStats.pairingAsHelper`: an area's paired assistance, as the
 * helped area (what it received) or as the helper (what it gave), over some years or all of them. Money received and allocated is fund money,
 * public as any fund's notice; pledges are shown apart and never counted as received. Counts of
 * people are protected for partners by the kernel.
 */
export function registerPairingStats(builder: TuopinBuilder): void {
  const { PairingStats } = pairingRefs(builder);

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
      const money = (zh: string, en: string, value: (f: PairingFigures) => string) =>
        figures.field({ type: 'Money', statistic: 'public', description: `${zh} ${en}`, value });
      return {
        fromYear: t.int({ nullable: true, statistic: 'public', resolve: (s) => s.fromYear, description: '起始年度（空为不限） First year counted; null for no limit' }),
        untilYear: t.int({ nullable: true, statistic: 'public', resolve: (s) => s.untilYear, description: '截止年度（空为不限） Last year counted; null for no limit' }),
        asHelper: t.boolean({ resolve: (s) => s.side === 'HELPER', description: '是否按帮扶方统计 Whether the figures are the area\'s as the helper' }),
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

  // Only Date arguments: the years are those of the dates (a statistics block takes no other kind).
  const block = (side: PairingSide, description: string) => (t: any) =>
    t.field({
      type: PairingStats,
      description,
      args: {
        from: t.arg({ type: 'Date', description: '自该日期所在年度起（不填为不限），如2016-01-01 From the year of this date; no limit if omitted' }),
        until: t.arg({ type: 'Date', description: '至该日期所在年度止（不填为不限），如2016-12-31 Until the year of this date; no limit if omitted' }),
      },
      resolve: ({ code }: { code: string }, { from, until }: { from?: string | null; until?: string | null }) => ({
        code,
        side,
        fromYear: from ? Number(from.slice(0, 4)) : null,
        untilYear: until ? Number(until.slice(0, 4)) : null,
      }),
    });
  builder.objectField('RegionStats', 'pairing', block('HELPED', '结对帮扶统计：该区划作为受援地（东西部协作、对口帮扶、定点帮扶、社会帮扶） Paired assistance the area received, as the helped area'));
  builder.objectField('RegionStats', 'pairingAsHelper', block('HELPER', '结对帮扶统计：该区划作为帮扶方 Paired assistance the area gave, as the helper'));
}
