import {
  areaLoader,
  checkDivisionCode,
  compareMoney,
  householdLoader,
  loadByDatabaseIds,
  membersByHouseholdLoader,
  numericIdOf,
  registerEnum,
  subtractMoney,
  type TuopinBuilder,
} from '@tuopin/core';
import { creditLineLoader } from '../credit/credit-line.loaders.js';
import { lenderRefLoader } from '../lender/lender.loaders.js';
import { financeRefs } from '../shared/finance-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { subsidisedInstallmentsLoader } from '../subsidy/subsidy.loaders.js';
import {
  LOAN_INDUSTRIES,
  LOAN_STATUSES,
  LoanIndustryEnum,
  LoanStatusEnum,
  REPAYMENT_METHODS,
  RepaymentMethodEnum,
} from './loan-enums.js';
import { installmentsLoader, loanLoader, loanPositionLoader, loansByHouseholdLoader, writeOffLoader } from './loan.loaders.js';
import { loanConnection } from './loan.queries.js';

export function registerLoanSchema(builder: TuopinBuilder): void {
  const { Loan, LoanInstallment, LoanWriteOff, Lender, CreditLine } = financeRefs(builder);
  registerEnum(builder, LoanIndustryEnum, 'LoanIndustry', '贷款用途（产业） What the loan finances', LOAN_INDUSTRIES);
  registerEnum(builder, RepaymentMethodEnum, 'RepaymentMethod', '还款方式 How the loan is repaid', REPAYMENT_METHODS);
  registerEnum(builder, LoanStatusEnum, 'LoanStatus', '贷款状态（由还款计划和还款记录推算） Loan status, derived from the schedule and the repayments', LOAN_STATUSES);

  builder.objectType(LoanInstallment, {
    description: '还款计划中的一期 One instalment of a loan\'s schedule',
    scope: 'contained',
    fields: (t) => ({
      seq: t.exposeInt('seq', { description: '期次（从1开始） Number of the instalment, from 1' }),
      dueDate: t.field({ type: 'Date', resolve: (i) => i.dueDate, description: '应还日期 Due date' }),
      principalDue: t.field({ type: 'Money', resolve: (i) => i.principalDue, description: '应还本金 Principal due' }),
      interestDue: t.field({ type: 'Money', resolve: (i) => i.interestDue, description: '应付利息 Interest due' }),
      isPaid: t.boolean({
        description: '是否已还清（按还款顺序抵扣） Whether the repayments so far cover it, applied in order',
        resolve: async (i, _args, ctx) => {
          const position = await loanPositionLoader(ctx).load(i.loanId);
          return compareMoney(position.principalRepaid, i.principalThrough) >= 0 && compareMoney(position.interestRepaid, i.interestThrough) >= 0;
        },
      }),
      isSubsidised: t.boolean({
        description: '利息是否已贴息 Whether its interest has been subsidised',
        resolve: async (i, _args, ctx) => (await subsidisedInstallmentsLoader(ctx).load(i.loanId)).has(i.seq),
      }),
    }),
  });

  builder.objectType(LoanWriteOff, {
    description: '核销 The write-off of a defaulted loan',
    scope: 'contained',
    fields: (t) => ({
      writtenOffOn: t.field({ type: 'Date', resolve: (w) => w.writtenOffOn, description: '核销日期 Date written off' }),
      reason: t.exposeString('reason', { description: '核销原因 Reason' }),
      recordedBy: t.exposeString('recordedBy', { description: '录入人 Who recorded it (principal id)' }),
    }),
  });

  builder.node(Loan, {
    description: '扶贫小额信贷 A poverty micro-loan to a member of a registered household, drawn on its credit line',
    scope: { area: (loan) => loan.villageCode },
    id: { resolve: (loan) => loan.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => hasProperties(value, 'termMonths', 'creditLineId'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => loanLoader(ctx).load(id)),
    fields: (t) => ({
      household: t.field({
        type: 'Household',
        description: '借款户 The borrowing household',
        resolve: async (loan, _args, ctx) => (await householdLoader(ctx).load(loan.householdId))!,
      }),
      borrower: t.field({
        type: 'Member',
        description: '借款人（家庭成员） The member who borrowed',
        resolve: async (loan, _args, ctx) => (await membersByHouseholdLoader(ctx).load(loan.householdId)).find((m) => m.id === loan.memberId)!,
      }),
      villageCode: t.exposeString('villageCode', { description: '借款户现在所在村代码（户迁移时随之变更） Code of the borrowing household\'s village; follows the household when it moves' }),
      village: t.field({
        type: 'Village',
        description: '借款户现在所在村 The borrowing household\'s village; follows the household when it moves',
        resolve: async (loan, _args, ctx) => (await areaLoader(ctx).load(loan.villageCode))!,
      }),
      lender: t.field({
        type: Lender,
        description: '贷款机构 The lender',
        resolve: async (loan, _args, ctx) => (await lenderRefLoader(ctx).load(loan.lenderId))!,
      }),
      creditLine: t.field({
        type: CreditLine,
        description: '所用授信 The credit line the loan was drawn on',
        resolve: async (loan, _args, ctx) => (await creditLineLoader(ctx).load(loan.creditLineId))!,
      }),
      principal: t.field({ type: 'Money', resolve: (loan) => loan.principal, description: '贷款本金（元） Principal in yuan' }),
      termMonths: t.exposeInt('termMonths', { description: '期限（月） Term in months' }),
      annualRate: t.float({ resolve: (loan) => Number(loan.annualRate), description: '年利率（%），如4.35 Annual rate in percent, e.g. 4.35' }),
      repaymentMethod: t.field({ type: RepaymentMethodEnum, resolve: (loan) => loan.repaymentMethod, description: '还款方式 Repayment method' }),
      disbursedOn: t.field({ type: 'Date', resolve: (loan) => loan.disbursedOn, description: '放款日期 Date disbursed' }),
      maturityDate: t.field({ type: 'Date', resolve: (loan) => loan.maturityDate, description: '到期日 Maturity date' }),
      purpose: t.exposeString('purpose', { description: '贷款用途说明 What the money is for' }),
      industry: t.field({ type: LoanIndustryEnum, resolve: (loan) => loan.industry, description: '产业 Industry' }),
      status: t.field({
        type: LoanStatusEnum,
        description: '今天的状态 Status today',
        resolve: async (loan, _args, ctx) => (await loanPositionLoader(ctx).load(loan.id)).status,
      }),
      outstandingPrincipal: t.field({
        type: 'Money',
        description: '贷款余额（未还本金；结清或核销后为零） Principal still owed; zero once repaid or written off',
        resolve: async (loan, _args, ctx) => (await loanPositionLoader(ctx).load(loan.id)).outstanding,
      }),
      principalRepaid: t.field({
        type: 'Money',
        description: '已还本金 Principal repaid',
        resolve: async (loan, _args, ctx) => (await loanPositionLoader(ctx).load(loan.id)).principalRepaid,
      }),
      interestRepaid: t.field({
        type: 'Money',
        description: '已付利息 Interest paid',
        resolve: async (loan, _args, ctx) => (await loanPositionLoader(ctx).load(loan.id)).interestRepaid,
      }),
      interestOutstanding: t.field({
        type: 'Money',
        description: '计划内未付利息 Scheduled interest not yet paid',
        resolve: async (loan, _args, ctx) => {
          const position = await loanPositionLoader(ctx).load(loan.id);
          return subtractMoney(position.interestScheduled, position.interestRepaid);
        },
      }),
      daysOverdue: t.int({
        description: '逾期天数（未逾期为0） Days the oldest unpaid instalment is past due; 0 when none is',
        resolve: async (loan, _args, ctx) => (await loanPositionLoader(ctx).load(loan.id)).daysOverdue,
      }),
      nextDueDate: t.field({
        type: 'Date',
        nullable: true,
        description: '最早未还清一期的应还日期 Due date of the first instalment not yet covered; null when every one is',
        resolve: async (loan, _args, ctx) => (await loanPositionLoader(ctx).load(loan.id)).firstUnpaidDue,
      }),
      schedule: t.field({
        type: [LoanInstallment],
        description: '还款计划 The repayment schedule',
        resolve: (loan, _args, ctx) => installmentsLoader(ctx).load(loan.id),
      }),
      writeOff: t.field({
        type: LoanWriteOff,
        nullable: true,
        description: '核销记录 The write-off, if the loan was written off',
        resolve: (loan, _args, ctx) => writeOffLoader(ctx).load(loan.id),
      }),
    }),
  });

  builder.objectField('Household', 'loans', (t) =>
    t.field({
      type: [Loan],
      description: '扶贫小额信贷，按放款先后 The household\'s poverty micro-loans, oldest first',
      resolve: (household, _args, ctx) => loansByHouseholdLoader(ctx).load(household.id),
    }),
  );

  const LoanConnection = builder.connectionObject({ type: Loan, name: 'LoanConnection', description: '贷款分页列表 A page of loans' });

  builder.queryField('loans', (t) =>
    t.connection(
      {
        type: Loan,
        authScopes: { permission: 'core.registry.read' },
        description: '扶贫小额信贷列表，按村代码排序 Poverty micro-loans made in an area and everything under it, ordered by village',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          status: t.arg({ type: LoanStatusEnum, description: '今天的状态 Status today' }),
          lenderId: t.arg.id({ description: '贷款机构全局 ID Lender global ID' }),
          industry: t.arg({ type: LoanIndustryEnum, description: '产业 Industry' }),
          year: t.arg.int({ description: '放款年度 Year disbursed' }),
        },
        resolve: (_root, args, ctx) =>
          loanConnection(
            ctx,
            {
              regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode'),
              status: args.status,
              lenderId: args.lenderId == null ? null : numericIdOf(args.lenderId, 'Lender', 'lenderId'),
              industry: args.industry,
              year: args.year,
            },
            args,
          ),
      },
      LoanConnection,
    ),
  );
}
