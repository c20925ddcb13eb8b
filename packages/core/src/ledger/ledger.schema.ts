import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { changeTimeDescription, changeTimeValue } from '../kernel/change-times.js';
import { subtractMoney } from '../kernel/money.js';
import { freeTextValue } from '../kernel/personal-data.js';
import { readsProperties } from '../kernel/read/selected-properties.js';
import { fundLoader } from '../fund/fund.loaders.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { projectLoader } from '../project/project.loaders.js';
import type { LedgerKind } from './ledger-entry.entity.js';
import { ledgerEntryAreas, ledgerEntryGrantTargets, type LedgerEntryRow } from './ledger-rows.js';
import { fundedProjectSummaryLoader, fundSummaryLoader, registerLedgerSummarySchema } from './ledger-summaries.js';
import { allocationDisbursedLoader, disbursementsLoader, ledgerEntryLoader, reversalLoader, visibleLedgerEntryLoader } from './ledger.loaders.js';

const TYPE_OF_KIND: Record<LedgerKind, 'Allocation' | 'Disbursement' | 'Reversal'> = {
  ALLOCATION: 'Allocation',
  DISBURSEMENT: 'Disbursement',
  REVERSAL: 'Reversal',
};

/** Loads ledger nodes of one kind; an id of another kind's entry is not this type's node. */
function nodesOfKind(kind: LedgerKind) {
  return (ids: readonly string[], ctx: TuopinContext) =>
    loadByDatabaseIds(ids, async (id) => {
      const entry = await visibleLedgerEntryLoader(ctx).load(id);
      return entry?.kind === kind ? entry : null;
    });
}

export function registerLedgerSchema(builder: TuopinBuilder): void {
  const { FundSummaryRef, ProjectSummaryRef } = registerLedgerSummarySchema(builder);

  builder.interfaceType('LedgerEntry', {
    description: '资金台账记录（只增不改，错账以冲销更正） An entry of the append-only fund ledger; a wrong entry is corrected by a reversal',
    interfaces: [builder.nodeInterfaceRef()],
    resolveType: (entry) => TYPE_OF_KIND[entry.kind],
    fields: (t) => ({
      amount: t.expose('amount', { type: 'Money', description: '金额（元） Amount in yuan' }),
      date: t.field({ extensions: readsProperties<LedgerEntryRow>('entryDate'), type: 'Date', resolve: (e) => e.entryDate, description: '业务日期 Date of the allocation, payment or correction' }),
      voucherNo: t.exposeString('voucherNo', { nullable: true, description: '凭证号/文号 Voucher or document number' }),
      memo: t.string({
        nullable: true,
        extensions: readsProperties<LedgerEntryRow>('memo'),
        resolve: (e, _args, ctx) => freeTextValue(ctx, e.memo),
        description: '摘要（自由填写，可能涉及个人；看不到个人信息的角色如合作机构只见 ***） Memo: free text that may name people, *** to roles that see personal data masked, such as partners',
      }),
      recordedBy: t.exposeString('recordedBy', { description: '记账人 Who recorded the entry (principal id)' }),
      // A disbursement is a payment to a household or a student: when it was recorded times that event.
      recordedAt: t.field({
        extensions: readsProperties<LedgerEntryRow>('recordedAt'),
        type: 'DateTime',
        resolve: (e, _args, ctx) => changeTimeValue(ctx, e.recordedAt),
        description: changeTimeDescription('记账时间', 'Recorded at'),
      }),
      // An entry is visible from either side; the other side may lie outside the caller's
      // scope. The scope guard then makes it null, and its public summary says what it is.
      fund: t.field({
        extensions: readsProperties<LedgerEntryRow>('fundId'),
        type: 'Fund',
        nullable: true,
        description: '资金（不在您的管辖范围内时为空，见 fundSummary） The fund the money comes from; null when it lies outside your scope (see fundSummary)',
        resolve: (e, _args, ctx) => fundLoader(ctx).load(e.fundId),
      }),
      fundSummary: t.field({
        extensions: readsProperties<LedgerEntryRow>('fundId'),
        type: FundSummaryRef,
        description: '资金公开信息 What anyone who sees this entry may know of its fund',
        resolve: async (e, _args, ctx) => (await fundSummaryLoader(ctx).load(e.fundId))!,
      }),
      project: t.field({
        extensions: readsProperties<LedgerEntryRow>('projectId'),
        type: 'Project',
        nullable: true,
        description: '项目（不在您的管辖范围内时为空，见 projectSummary） The project the money is for; null when it lies outside your scope (see projectSummary)',
        resolve: (e, _args, ctx) => projectLoader(ctx).load(e.projectId),
      }),
      projectSummary: t.field({
        extensions: readsProperties<LedgerEntryRow>('projectId'),
        type: ProjectSummaryRef,
        description: '项目公开信息（名称与所在县） What anyone who sees this entry may know of its project: its name and county',
        resolve: async (e, _args, ctx) => (await fundedProjectSummaryLoader(ctx).load(e.projectId))!,
      }),
    }),
  });

  const reversalFields = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, LedgerEntryRow>) => ({
    reversal: t.field({
      extensions: readsProperties<LedgerEntryRow>('id'),
      type: 'Reversal',
      nullable: true,
      description: '冲销记录（未冲销时为空） The reversal of this entry; null while it stands',
      resolve: (e, _args, ctx) => reversalLoader(ctx).load(e.id),
    }),
    isReversed: t.boolean({
      extensions: readsProperties<LedgerEntryRow>('id'),
      description: '是否已冲销 Whether this entry has been reversed',
      resolve: async (e, _args, ctx) => (await reversalLoader(ctx).load(e.id)) !== null,
    }),
  });

  builder.node('Allocation', {
    scope: { area: ledgerEntryAreas, grantedThrough: ledgerEntryGrantTargets },
    description: '资金安排 An allocation: money moved from a fund to a project',
    interfaces: ['LedgerEntry'],
    id: { resolve: (e) => e.id },
    isTypeOf: (value) => (value as LedgerEntryRow).kind === 'ALLOCATION',
    loadManyWithoutCache: nodesOfKind('ALLOCATION'),
    fields: (t) => ({
      ...reversalFields(t),
      disbursements: t.field({
        extensions: readsProperties<LedgerEntryRow>('id'),
        type: ['Disbursement'],
        description: '报账记录（含已冲销的） Disbursements paid against this allocation, reversed ones included, oldest first',
        resolve: (e, _args, ctx) => disbursementsLoader(ctx).load(e.id),
      }),
      disbursed: t.field({
        extensions: readsProperties<LedgerEntryRow>('id'),
        type: 'Money',
        description: '已报账（不含已冲销） Paid out: live disbursements',
        resolve: (e, _args, ctx) => allocationDisbursedLoader(ctx).load(e.id),
      }),
      balance: t.field({
        extensions: readsProperties<LedgerEntryRow>('id', 'amount'),
        type: 'Money',
        description: '可报账余额（已冲销的安排为零） Still payable: amount − paid; zero once the allocation is reversed',
        resolve: async (e, _args, ctx) => {
          if (await reversalLoader(ctx).load(e.id)) return '0.00';
          return subtractMoney(e.amount, await allocationDisbursedLoader(ctx).load(e.id));
        },
      }),
    }),
  });

  builder.node('Disbursement', {
    scope: { area: ledgerEntryAreas, grantedThrough: ledgerEntryGrantTargets },
    description: '报账 A disbursement: a payment against an allocation',
    interfaces: ['LedgerEntry'],
    id: { resolve: (e) => e.id },
    isTypeOf: (value) => (value as LedgerEntryRow).kind === 'DISBURSEMENT',
    loadManyWithoutCache: nodesOfKind('DISBURSEMENT'),
    fields: (t) => ({
      ...reversalFields(t),
      allocation: t.field({
        type: 'Allocation',
        description: '所属资金安排 The allocation it was paid against',
        resolve: async (e, _args, ctx) => (await ledgerEntryLoader(ctx).load(e.allocationId!))!,
      }),
    }),
  });

  builder.node('Reversal', {
    scope: { area: ledgerEntryAreas, grantedThrough: ledgerEntryGrantTargets },
    description: '冲销 A reversal: cancels one allocation or disbursement, which then counts no more',
    interfaces: ['LedgerEntry'],
    id: { resolve: (e) => e.id },
    isTypeOf: (value) => (value as LedgerEntryRow).kind === 'REVERSAL',
    loadManyWithoutCache: nodesOfKind('REVERSAL'),
    fields: (t) => ({
      reverses: t.field({
        type: 'LedgerEntry',
        description: '被冲销的记录 The entry this reversal cancels',
        resolve: async (e, _args, ctx) => (await ledgerEntryLoader(ctx).load(e.reversesId!))!,
      }),
    }),
  });
}
