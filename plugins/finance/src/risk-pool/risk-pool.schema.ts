import { areaLoader, checkDivisionCode, loadByDatabaseIds, loaderFields, moneyRatio, subtractMoney, type TuopinBuilder } from '@tuopin/core';
import { loanLoader } from '../loan/loan.loaders.js';
import { financeRefs } from '../shared/finance-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { claimLoader, claimsByLoanLoader, contributionsByPoolLoader, poolByCountyLoader, poolFiguresLoader, poolLoader } from './risk-pool.loaders.js';
import { lendingCapacity } from './risk-pool.sql.js';

export function registerRiskPoolSchema(builder: TuopinBuilder): void {
  const { RiskPool, RiskPoolContribution, RiskClaim, Loan } = financeRefs(builder);

  builder.objectType(RiskPoolContribution, {
    description: '注入风险补偿金 Money put into a risk pool',
    scope: 'contained',
    fields: (t) => ({
      amount: t.field({ type: 'Money', resolve: (c) => c.amount, description: '金额 Amount' }),
      fundedOn: t.field({ type: 'Date', resolve: (c) => c.fundedOn, description: '注入日期 Date' }),
      documentNo: t.exposeString('documentNo', { nullable: true, description: '文号 Document number' }),
    }),
  });

  builder.node(RiskPool, {
    description:
      '风险补偿金 A county\'s risk-compensation pool: it compensates lenders for defaulted loans, and its balance × the leverage multiple caps the county\'s outstanding lending',
    scope: { area: (pool) => pool.countyCode },
    id: { resolve: (pool) => pool.id },
    isTypeOf: (value) => hasProperties(value, 'leverageMultiple', 'countyCode'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => poolLoader(ctx).load(id)),
    fields: (t) => {
      const figures = loaderFields(t, { loader: poolFiguresLoader, key: (pool) => pool.id });
      return {
        countyCode: t.exposeString('countyCode', { description: '县代码 12-digit code of the county' }),
        county: t.field({
          type: 'Region',
          description: '县 The county',
          resolve: async (pool, _args, ctx) => (await areaLoader(ctx).load(pool.countyCode))!,
        }),
        leverageMultiple: t.float({ statistic: 'public', resolve: (pool) => Number(pool.leverageMultiple), description: '放大倍数 Leverage multiple, e.g. 10' }),
        // The pool is a county's public fund: its own ledger (what was put in, the claims it paid,
        // its balance and the cap it sets) is published like any fund's. What the loans it covers
        // owe is a figure about borrowers, protected like the area statistics.
        contributed: figures.field({ type: 'Money', statistic: 'public', description: '累计注入 Money put in', value: (f) => f.contributed }),
        claimed: figures.field({ type: 'Money', statistic: 'public', description: '累计代偿 Paid out in claims', value: (f) => f.claimed }),
        balance: figures.field({
          type: 'Money',
          statistic: 'public',
          description: '余额 = 注入 − 代偿 Balance: put in − claims',
          value: (f) => subtractMoney(f.contributed, f.claimed),
        }),
        lendingCapacity: figures.field({
          type: 'Money',
          statistic: 'public',
          description: '贷款余额上限 = 余额 × 放大倍数 The cap on the county\'s outstanding lending: balance × leverage multiple',
          value: (f, pool) => lendingCapacity(subtractMoney(f.contributed, f.claimed), pool.leverageMultiple),
        }),
        outstandingLoans: figures.count('全县贷款余额笔数（尚欠本金的贷款）', 'Loans in the county still owing principal', (f) => f.outstandingLoans),
        outstandingHouseholds: figures.count('全县贷款余额户数（尚欠本金的户）', 'Households in the county still owing principal on a loan', (f) => f.outstandingHouseholds),
        // Withheld with the households, not the loans: one household may hold several.
        outstanding: figures.sum('outstandingHouseholds', '全县贷款余额', "The county's outstanding lending", (f) => f.outstanding),
        capacityUsed: figures.ratio(
          ['outstanding', 'lendingCapacity'],
          '额度使用率（0–1）= 贷款余额 ÷ 贷款余额上限',
          'Share of the cap in use: outstanding ÷ lending capacity; null without capacity',
          (f, pool) => moneyRatio(f.outstanding, lendingCapacity(subtractMoney(f.contributed, f.claimed), pool.leverageMultiple)),
        ),
        claimCount: figures.field({ type: 'Int', statistic: 'public', description: '代偿笔数 Number of claims paid', value: (f) => f.claims }),
        contributions: t.field({
          type: [RiskPoolContribution],
          description: '注入记录 The money put in, by date',
          resolve: (pool, _args, ctx) => contributionsByPoolLoader(ctx).load(pool.id),
        }),
      };
    },
  });

  builder.node(RiskClaim, {
    description: '风险代偿 A lender compensated from the county\'s pool for a defaulted loan',
    // A claim follows its loan, and so the borrower's household, wherever it moves; the money
    // stays charged to the pool that paid it.
    scope: { area: (claim) => claim.villageCode },
    id: { resolve: (claim) => claim.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => hasProperties(value, 'claimedOn', 'poolId'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => claimLoader(ctx).load(id)),
    fields: (t) => ({
      amount: t.field({ type: 'Money', resolve: (c) => c.amount, description: '代偿金额 Amount' }),
      claimedOn: t.field({ type: 'Date', resolve: (c) => c.claimedOn, description: '代偿日期 Date' }),
      reason: t.exposeString('reason', { description: '原因 Reason' }),
      loan: t.field({
        type: Loan,
        description: '贷款 The loan',
        resolve: async (c, _args, ctx) => (await loanLoader(ctx).load(c.loanId))!,
      }),
      pool: t.field({
        type: RiskPool,
        nullable: true,
        description:
          '风险补偿金（所在县不在您的管辖范围内时为空，如村级用户或借款户迁往他县后） The pool that paid; null when its county lies outside your scope (a village officer, or after the borrower moved to another county)',
        resolve: (c, _args, ctx) => poolLoader(ctx).load(c.poolId),
      }),
    }),
  });

  builder.objectField(Loan, 'riskClaims', (t) =>
    t.field({
      type: [RiskClaim],
      description: '风险代偿记录 Claims paid from the pool for this loan',
      resolve: (loan, _args, ctx) => claimsByLoanLoader(ctx).load(loan.id),
    }),
  );

  builder.queryField('riskPool', (t) =>
    t.field({
      type: RiskPool,
      nullable: true,
      description: '县风险补偿金 A county\'s risk-compensation pool; null when it has none',
      args: { countyCode: t.arg.string({ required: true, description: '县12位代码 12-digit county code' }) },
      resolve: (_root, { countyCode }, ctx) => poolByCountyLoader(ctx).load(checkDivisionCode(countyCode, 'countyCode')),
    }),
  );
}
