import { moneyRatio, subtractMoney, suppressSmallCount, sumMoney, todayOf, type TuopinBuilder, type TuopinContext } from '@tuopin/core';
import { LoanStatusEnum } from '../loan/loan-enums.js';
import { CreditGradeEnum } from '../rating/rating-grade.js';
import { financeRefs } from '../shared/finance-refs.js';
import { atLeastZero } from '../shared/money.js';
import { financeStatsLoader, statsKey, type FinanceFigures, type GradeCount, type StatusFigures } from './finance-stats.loader.js';
import type { FinanceStatsSource } from './finance-stats.source.js';

/** A ratio of two counts, rounded to four decimals (0.9176 is 91.76 %); null when the denominator is zero. */
function countRatio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

/** The outstanding principal of loans in some statuses. */
function outstandingIn(figures: FinanceFigures, statuses: readonly string[]): string {
  return sumMoney('0', ...figures.byStatus.filter((s) => statuses.includes(s.status)).map((s) => s.outstanding));
}

/**
 * `RegionStats.finance`: the figures a county's 金融扶贫 report quotes (评级, 授信, 放贷, 逾期,
 * 贴息, 风险补偿金), for an area and everything under it, as of a day — today unless asked,
 * year-end for an annual report.
 */
export function registerFinanceStatsSchema(builder: TuopinBuilder): void {
  const { FinanceStats } = financeRefs(builder);
  const load = (source: FinanceStatsSource, ctx: TuopinContext) => financeStatsLoader(ctx).load(statsKey(source.code, source.asOf));

  const GradeCountRef = builder.objectRef<GradeCount>('CreditGradeCount').implement({
    description: '按信用等级的户数 Households with one current grade',
    scope: 'contained',
    fields: (t) => ({
      grade: t.field({ type: CreditGradeEnum, resolve: (g) => g.grade, description: '信用等级 Grade' }),
      households: t.int({
        nullable: true,
        description: '户数（合作机构见不到小于5的数） Households; null for partners when below 5',
        resolve: (g, _args, ctx) => suppressSmallCount(ctx, g.households),
      }),
    }),
  });
  const StatusFiguresRef = builder.objectRef<StatusFigures>('LoanStatusFigures').implement({
    description: '按状态的贷款 Loans in one status',
    scope: 'contained',
    fields: (t) => ({
      status: t.field({ type: LoanStatusEnum, resolve: (s) => s.status, description: '状态 Status' }),
      count: t.exposeInt('count', { description: '笔数 Number of loans' }),
      principal: t.field({ type: 'Money', resolve: (s) => s.principal, description: '放款本金 Principal lent' }),
      outstanding: t.field({ type: 'Money', resolve: (s) => s.outstanding, description: '贷款余额 Principal still owed' }),
    }),
  });

  builder.objectType(FinanceStats, {
    description: '金融扶贫统计（含全部下级，限于调用者权限范围，截至某日） Financial poverty-relief figures of an area and its whole subtree, within the caller\'s scope, as of a day',
    scope: 'contained',
    fields: (t) => ({
      asOf: t.field({ type: 'Date', resolve: (s) => s.asOf, description: '统计截止日 The day the figures are for' }),
      registeredHouseholds: t.int({
        nullable: true,
        description: '建档立卡户数（评级率、授信率的分母） Registered households: the denominator of the rated and credit-line rates; null for partners when below 5',
        resolve: async (s, _args, ctx) => suppressSmallCount(ctx, (await load(s, ctx)).registeredHouseholds),
      }),
      ratedHouseholds: t.int({
        nullable: true,
        description: '已评级户数 Households rated by that day; null for partners when below 5',
        resolve: async (s, _args, ctx) => suppressSmallCount(ctx, (await load(s, ctx)).ratedHouseholds),
      }),
      ratedRate: t.float({
        nullable: true,
        description: '评级率（0–1）= 已评级户数 ÷ 建档立卡户数 Rated households ÷ registered households; null without households',
        resolve: async (s, _args, ctx) => {
          const f = await load(s, ctx);
          if (suppressSmallCount(ctx, f.ratedHouseholds) === null) return null;
          return countRatio(f.ratedHouseholds, f.registeredHouseholds);
        },
      }),
      householdsByGrade: t.field({
        type: [GradeCountRef],
        description: '按当日信用等级的户数 Households by their grade on that day',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).byGrade,
      }),
      creditLineHouseholds: t.int({
        nullable: true,
        description: '当日有有效授信的户数 Households with a credit line valid that day; null for partners when below 5',
        resolve: async (s, _args, ctx) => suppressSmallCount(ctx, (await load(s, ctx)).creditLineHouseholds),
      }),
      creditLineRate: t.float({
        nullable: true,
        description: '授信率（0–1）= 授信户数 ÷ 建档立卡户数 Households with a credit line ÷ registered households',
        resolve: async (s, _args, ctx) => {
          const f = await load(s, ctx);
          if (suppressSmallCount(ctx, f.creditLineHouseholds) === null) return null;
          return countRatio(f.creditLineHouseholds, f.registeredHouseholds);
        },
      }),
      creditLinePeople: t.int({
        nullable: true,
        description: '授信户人口 People in the households with a credit line; null for partners when below 5',
        resolve: async (s, _args, ctx) => suppressSmallCount(ctx, (await load(s, ctx)).creditLinePeople),
      }),
      creditGranted: t.field({
        type: 'Money',
        description: '授信总额（当日有效的授信） Total of the credit lines valid that day',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).creditGranted,
      }),
      loanCount: t.int({
        description: '累计放贷笔数 Loans disbursed by that day',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).loanCount,
      }),
      borrowingHouseholds: t.int({
        nullable: true,
        description: '累计获贷户数 Households that borrowed by that day; null for partners when below 5',
        resolve: async (s, _args, ctx) => suppressSmallCount(ctx, (await load(s, ctx)).borrowingHouseholds),
      }),
      amountLent: t.field({
        type: 'Money',
        description: '累计放贷金额 Principal lent by that day',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).amountLent,
      }),
      outstanding: t.field({
        type: 'Money',
        description: '贷款余额（未还本金，不含已结清、已核销） Principal still owed that day, repaid and written-off loans excepted',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).outstanding,
      }),
      loansByStatus: t.field({
        type: [StatusFiguresRef],
        description: '按当日状态的贷款 Loans by their status that day',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).byStatus,
      }),
      overdueRate: t.float({
        nullable: true,
        description: '逾期率（0–1）= 逾期及不良贷款余额 ÷ 贷款余额 Outstanding principal of overdue and defaulted loans ÷ all outstanding principal; null when nothing is outstanding',
        resolve: async (s, _args, ctx) => {
          const f = await load(s, ctx);
          return moneyRatio(outstandingIn(f, ['OVERDUE', 'DEFAULTED']), f.outstanding);
        },
      }),
      defaultRate: t.float({
        nullable: true,
        description: '不良率（0–1）= 不良贷款余额 ÷ 贷款余额 Outstanding principal of defaulted loans ÷ all outstanding principal',
        resolve: async (s, _args, ctx) => {
          const f = await load(s, ctx);
          return moneyRatio(outstandingIn(f, ['DEFAULTED']), f.outstanding);
        },
      }),
      subsidyPayments: t.int({
        description: '贴息笔数（不含已冲销） Interest subsidies paid, reversed ones excepted',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).subsidyPayments,
      }),
      subsidiesPaid: t.field({
        type: 'Money',
        description: '贴息金额（不含已冲销） Interest subsidies paid through the fund ledger, reversed ones excepted',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).subsidiesPaid,
      }),
      riskPoolBalance: t.field({
        type: 'Money',
        description: '风险补偿金余额（区划内各县之和；县以下为零） Balance of the risk pools of the counties in the area; zero below county level',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).riskPoolBalance,
      }),
      lendingCapacity: t.field({
        type: 'Money',
        description: '贷款余额上限 = 风险补偿金余额 × 放大倍数 The cap on outstanding lending: pool balance × leverage multiple, summed over the counties',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).lendingCapacity,
      }),
      lendingCapacityUsed: t.float({
        nullable: true,
        description:
          '额度使用率（0–1）= 贷款余额 ÷（风险补偿金余额 × 放大倍数） Share of the cap in use: outstanding ÷ (pool balance × leverage multiple); null without a pool (below county level)',
        resolve: async (s, _args, ctx) => {
          const f = await load(s, ctx);
          return f.riskPools === 0 ? null : moneyRatio(f.outstanding, f.lendingCapacity);
        },
      }),
      riskPoolCoverage: t.float({
        nullable: true,
        description:
          '风险覆盖率 = 风险补偿金余额 ÷ 贷款余额（每元贷款余额有多少元补偿金） Pool balance ÷ outstanding: yuan of compensation behind each yuan owed; null without a pool or without outstanding lending',
        resolve: async (s, _args, ctx) => {
          const f = await load(s, ctx);
          return f.riskPools === 0 ? null : moneyRatio(f.riskPoolBalance, f.outstanding);
        },
      }),
      riskClaims: t.int({
        description: '风险代偿笔数 Claims paid from the pools for loans made in the area',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).riskClaims,
      }),
      riskClaimsPaid: t.field({
        type: 'Money',
        description: '风险代偿金额 Amount of those claims',
        resolve: async (s, _args, ctx) => (await load(s, ctx)).riskClaimsPaid,
      }),
      poolHeadroom: t.field({
        type: 'Money',
        description: '尚可放贷额度 = 贷款余额上限 − 贷款余额（不低于零） Room left under the cap: capacity − outstanding, never below zero',
        resolve: async (s, _args, ctx) => {
          const f = await load(s, ctx);
          return atLeastZero(subtractMoney(f.lendingCapacity, f.outstanding));
        },
      }),
    }),
  });

  builder.objectField('RegionStats', 'finance', (t) =>
    t.field({
      type: FinanceStats,
      description: '金融扶贫统计 Financial poverty-relief figures (评级, 授信, 放贷, 贴息, 风险补偿金)',
      args: { asOf: t.arg({ type: 'Date', description: '统计截止日（默认今天），如年报用12月31日 The day the figures are for; today if omitted, e.g. 31 December for an annual report' }) },
      resolve: ({ code }, { asOf }, ctx) => ({ code, asOf: asOf ?? todayOf(ctx.settings) }),
    }),
  );
}
