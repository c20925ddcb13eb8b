import { loaderFields, ratioOfParts, subtractMoney, sumMoney, todayOf, unlocks, type TuopinBuilder } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { atLeastZero } from '../shared/money.js';
import { registerFinanceStatsGroups } from './finance-stats-groups.schema.js';
import { financeStatsLoader, statsKey, type FinanceFigures } from './finance-stats.loader.js';
import { blocksRead } from './finance-stats.selection.js';
import { STATUS_SETS, type StatusSet } from './loan-status-sets.js';

/** How many loans are in a set of statuses, and the principal they still owe. */
function loansIn(figures: FinanceFigures, set: StatusSet): { count: number; outstanding: string } {
  const statuses: readonly string[] = STATUS_SETS[set];
  const groups = figures.byStatus.filter((s) => statuses.includes(s.status));
  return { count: groups.reduce((total, s) => total + s.count, 0), outstanding: sumMoney('0', ...groups.map((s) => s.outstanding)) };
}

/**
 * `RegionStats.finance`: the figures a county's 金融扶贫 report quotes (评级, 授信, 放贷, 逾期,
 * 贴息, 风险补偿金), for an area and everything under it, as of a day — today unless asked,
 * year-end for an annual report. Every number declares what it is (`statistic`), and the kernel
 * protects it for partners: counts of households and loans, the money summed over the households
 * it belongs to (never over loans, payments or claims: one household may have several, and five
 * loans of two households would show what two households owe), and the ratios between them. The risk pools' own ledger (balance, capacity) is a public fund's.
 */
export function registerFinanceStatsSchema(builder: TuopinBuilder): void {
  const { FinanceStats } = financeRefs(builder);
  const { GradeCountRef, StatusFiguresRef } = registerFinanceStatsGroups(builder);

  builder.objectType(FinanceStats, {
    description: '金融扶贫统计（含全部下级，限于调用者权限范围，截至某日） Financial poverty-relief figures of an area and its whole subtree, within the caller\'s scope, as of a day',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: financeStatsLoader, key: (source) => statsKey(source.code, source.asOf, source.blocks) });
      const { count, sum, ratio } = figures;
      const poolFigure = (zh: string, en: string, value: (f: FinanceFigures) => string) =>
        figures.field({ type: 'Money', statistic: 'public', description: `${zh} ${en}`, value });

      return {
        asOf: t.field({ type: 'Date', resolve: (s) => s.asOf, description: '统计截止日 The day the figures are for' }),
        registeredHouseholds: count('建档立卡户数（评级率、授信率的分母）', 'Registered households: the denominator of the rated and credit-line rates', (f) => f.registeredHouseholds),
        ratedHouseholds: count('已评级户数', 'Households rated by that day', (f) => f.ratedHouseholds),
        ratedRate: ratio(['ratedHouseholds', 'registeredHouseholds'], '评级率（0–1）= 已评级户数 ÷ 建档立卡户数', 'Rated households ÷ registered households; null without households', (f) =>
          ratioOfParts(f.ratedHouseholds, f.registeredHouseholds),
        ),
        householdsByGrade: figures.field({
          type: [GradeCountRef],
          statistic: { groups: 'households' },
          description: '按当日信用等级的户数（合作机构看不到户数不公布的等级） Households by their grade on that day; partners do not see grades whose count is withheld',
          value: (f) => f.byGrade,
        }),
        creditLineHouseholds: count('当日有有效授信的户数', 'Households with a credit line valid that day', (f) => f.creditLineHouseholds),
        creditLineRate: ratio(['creditLineHouseholds', 'registeredHouseholds'], '授信率（0–1）= 授信户数 ÷ 建档立卡户数', 'Households with a credit line ÷ registered households', (f) =>
          ratioOfParts(f.creditLineHouseholds, f.registeredHouseholds),
        ),
        creditLinePeople: count('授信户人口', 'People in the households with a credit line', (f) => f.creditLinePeople),
        creditGranted: sum('creditLineHouseholds', '授信总额（当日有效的授信）', 'Total of the credit lines valid that day', (f) => f.creditGranted),
        loanCount: count('累计放贷笔数', 'Loans disbursed by that day', (f) => f.loanCount),
        borrowingHouseholds: count('累计获贷户数', 'Households that borrowed by that day', (f) => f.borrowingHouseholds),
        // Withheld with the borrowing households, not the loans: one household's several loans would pass a loan threshold.
        amountLent: sum('borrowingHouseholds', '累计放贷金额', 'Principal lent by that day', (f) => f.amountLent),
        outstandingLoans: count('贷款余额笔数（尚欠本金的贷款）', 'Loans still owing principal that day', (f) => loansIn(f, 'OWING').count),
        outstandingHouseholds: count('贷款余额户数（尚欠本金的户）', 'Households still owing principal on a loan that day', (f) => f.householdsIn.OWING),
        outstanding: sum('outstandingHouseholds', '贷款余额（未还本金，不含已结清、已核销）', 'Principal still owed that day, repaid and written-off loans excepted', (f) => f.outstanding),
        loansByStatus: figures.field({
          type: [StatusFiguresRef],
          statistic: { groups: 'households' },
          description: '按当日状态的贷款（合作机构看不到户数不公布的状态） Loans by their status that day; partners do not see statuses whose household count is withheld',
          value: (f) => f.byStatus,
        }),
        overdueLoans: count('逾期及不良贷款笔数', 'Overdue and defaulted loans that day', (f) => loansIn(f, 'PAST_DUE').count),
        overdueHouseholds: count('有逾期或不良贷款的户数', 'Households with an overdue or defaulted loan that day', (f) => f.householdsIn.PAST_DUE),
        overdueOutstanding: sum('overdueHouseholds', '逾期及不良贷款余额', 'Principal still owed on overdue and defaulted loans', (f) => loansIn(f, 'PAST_DUE').outstanding),
        overdueRate: ratio(
          ['overdueOutstanding', 'outstanding'],
          '逾期率（0–1）= 逾期及不良贷款余额 ÷ 贷款余额',
          'Outstanding principal of overdue and defaulted loans ÷ all outstanding principal; null when nothing is outstanding',
          (f) => ratioOfParts(loansIn(f, 'PAST_DUE').outstanding, f.outstanding),
        ),
        defaultedLoans: count('不良贷款笔数', 'Defaulted loans that day', (f) => loansIn(f, 'DEFAULTED').count),
        defaultedHouseholds: count('有不良贷款的户数', 'Households with a defaulted loan that day', (f) => f.householdsIn.DEFAULTED),
        defaultedOutstanding: sum('defaultedHouseholds', '不良贷款余额', 'Principal still owed on defaulted loans', (f) => loansIn(f, 'DEFAULTED').outstanding),
        defaultRate: ratio(['defaultedOutstanding', 'outstanding'], '不良率（0–1）= 不良贷款余额 ÷ 贷款余额', 'Outstanding principal of defaulted loans ÷ all outstanding principal', (f) =>
          ratioOfParts(loansIn(f, 'DEFAULTED').outstanding, f.outstanding),
        ),
        subsidyPayments: count('贴息笔数（不含已冲销）', 'Interest subsidies paid, reversed ones excepted', (f) => f.subsidyPayments),
        subsidisedHouseholds: count('获贴息户数（不含已冲销）', 'Households whose loans got interest subsidies, reversed ones excepted', (f) => f.subsidisedHouseholds),
        subsidiesPaid: sum('subsidisedHouseholds', '贴息金额（不含已冲销）', 'Interest subsidies paid through the fund ledger, reversed ones excepted', (f) => f.subsidiesPaid),
        riskPoolBalance: poolFigure(
          '风险补偿金余额（区划内各县之和；县以下为零；公开）',
          'Balance of the risk pools of the counties in the area; zero below county level (a public fund\'s figure)',
          (f) => f.riskPoolBalance,
        ),
        lendingCapacity: poolFigure(
          '贷款余额上限 = 风险补偿金余额 × 放大倍数（公开）',
          'The cap on outstanding lending: pool balance × leverage multiple, summed over the counties (a public fund\'s figure)',
          (f) => f.lendingCapacity,
        ),
        lendingCapacityUsed: ratio(
          ['outstanding', 'lendingCapacity'],
          '额度使用率（0–1）= 贷款余额 ÷（风险补偿金余额 × 放大倍数）',
          'Share of the cap in use: outstanding ÷ (pool balance × leverage multiple); null without a pool (below county level)',
          (f) => (f.riskPools === 0 ? null : ratioOfParts(f.outstanding, f.lendingCapacity)),
        ),
        riskPoolCoverage: ratio(
          ['riskPoolBalance', 'outstanding'],
          '风险覆盖率 = 风险补偿金余额 ÷ 贷款余额（每元贷款余额有多少元补偿金）',
          'Pool balance ÷ outstanding: yuan of compensation behind each yuan owed; null without a pool or without outstanding lending',
          (f) => (f.riskPools === 0 ? null : ratioOfParts(f.riskPoolBalance, f.outstanding)),
        ),
        riskClaims: count('风险代偿笔数（按借款户所在地）', 'Claims paid from the pools for loans made in the area', (f) => f.riskClaims),
        claimHouseholds: count('获风险代偿的借款户数', 'Households whose loans had claims paid from the pools', (f) => f.claimHouseholds),
        riskClaimsPaid: sum('claimHouseholds', '风险代偿金额', 'Amount of those claims', (f) => f.riskClaimsPaid),
        // Capacity is public, so the headroom gives the outstanding back: withheld with the same households.
        poolHeadroom: sum(
          'outstandingHouseholds',
          '尚可放贷额度 = 贷款余额上限 − 贷款余额（不低于零）',
          'Room left under the cap: capacity − outstanding, never below zero',
          (f) => atLeastZero(subtractMoney(f.lendingCapacity, f.outstanding)),
        ),
      };
    },
  });

  builder.objectField('RegionStats', 'finance', (t) =>
    t.field({
      type: FinanceStats,
      description: '金融扶贫统计 Financial poverty-relief figures (评级, 授信, 放贷, 贴息, 风险补偿金)',
      args: { asOf: t.arg({ type: 'Date', description: '统计截止日（默认今天），如年报用12月31日 The day the figures are for; today if omitted, e.g. 31 December for an annual report' }) },
      // Only the blocks of the statement that the selected fields read (finance-stats.selection.ts).
      // Callers whose statistics are protected (the kernel's check) also read the household counts the protection withholds by.
      resolve: ({ code }, { asOf }, ctx, info) => ({
        code,
        asOf: asOf ?? todayOf(ctx.settings),
        blocks: blocksRead(info, !unlocks(ctx.principal, 'exact-statistics')),
      }),
    }),
  );
}
