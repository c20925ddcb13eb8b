import { decodeGlobalID } from '@pothos/plugin-relay';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { ValidationError } from '../kernel/errors.js';
import { numericIdOf } from '../kernel/global-id.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { FundSchema } from '../fund/fund.entity.js';
import { freshProject } from '../project/project.mutations.js';
import { ledgerEntryLoader } from './ledger.loaders.js';
import { allocateFunds, disburseFunds, reverseLedgerEntry, type EntryFields } from './ledger.service.js';

interface EntryPayload {
  entryId: number;
}

/** The entry just written, with the places that decide who sees it. */
async function entryOf(ctx: TuopinContext, id: number) {
  return (await ledgerEntryLoader(ctx).load(id))!;
}

/** An Allocation or Disbursement global ID: the kinds of entry a reversal may cancel. */
function reversibleIdOf(globalId: string | number): { entryId: number; entryKind: 'ALLOCATION' | 'DISBURSEMENT' } {
  try {
    const { typename } = decodeGlobalID(String(globalId));
    if (typename === 'Allocation' || typename === 'Disbursement') {
      return { entryId: numericIdOf(globalId, typename, 'entryId'), entryKind: typename === 'Allocation' ? 'ALLOCATION' : 'DISBURSEMENT' };
    }
  } catch {
    // fall through to the typed error
  }
  throw ValidationError.of('entryId', '只能冲销资金安排或报账记录', 'Only an Allocation or a Disbursement can be reversed');
}

export function registerLedgerMutations(builder: TuopinBuilder): void {
  const entryFields = (t: any, voucherRequired: boolean) => ({
    amount: t.field({ type: 'Money', required: true, description: '金额（元） Amount in yuan' }),
    date: t.field({ type: 'Date', description: '业务日期（默认今天，不能晚于今天） Business date; today if omitted, never in the future' }),
    voucherNo: t.string({
      required: voucherRequired,
      description: voucherRequired ? '报账凭证号 Voucher number of the payment' : '文号或凭证号 Document or voucher number',
    }),
    memo: t.string({ description: '摘要 Memo' }),
  });
  const entryPayload = (description: string, entryType: 'Allocation' | 'Disbursement' | 'Reversal', entryDescription: string) => ({
    description,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, EntryPayload>) => ({
      // The field is named after the entry's type: `allocation`, `disbursement` or `reversal`.
      [entryType[0].toLowerCase() + entryType.slice(1)]: t.field({
        type: entryType,
        description: entryDescription,
        resolve: (p, _args, ctx) => entryOf(ctx, p.entryId),
      }),
      fund: t.field({
        type: 'Fund',
        description: '资金（更新后） The fund, as it is now',
        resolve: async (p, _args, ctx) => ctx.em.findOneOrFail(FundSchema, { id: (await entryOf(ctx, p.entryId)).fundId }, { refresh: true }),
      }),
      project: t.field({
        type: 'Project',
        description: '项目（更新后） The project, as it is now',
        resolve: async (p, _args, ctx) => freshProject(ctx, (await entryOf(ctx, p.entryId)).projectId),
      }),
    }),
  });

  defineMutation(builder, 'allocateFunds', {
    description: '从资金向项目安排资金（不超过资金余额；项目须已批复） Allocate money from a fund to an approved project, never beyond what the fund has left',
    input: {
      description: '资金安排 Money to move from a fund to a project',
      argumentDescription: '资金安排 The allocation',
      fields: (t) => ({
        fundId: t.id({ required: true, description: '资金全局 ID Fund global ID' }),
        projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
        ...entryFields(t, false),
      }),
    },
    ids: { fundId: 'Fund', projectId: 'Project' },
    resolve: async (input, ctx) => ({ entryId: await allocateFunds(ctx, input as typeof input & EntryFields) }),
    payload: entryPayload('资金已安排 The allocation recorded', 'Allocation', '资金安排 The allocation'),
  });

  defineMutation(builder, 'disburseFunds', {
    description: '按资金安排报账（不超过该安排的余额；项目须已开工） Pay against an allocation, never beyond what is left of it; the project must have started',
    input: {
      description: '报账 A payment against an allocation',
      argumentDescription: '报账 The payment',
      fields: (t) => ({ allocationId: t.id({ required: true, description: '资金安排全局 ID Allocation global ID' }), ...entryFields(t, true) }),
    },
    ids: { allocationId: 'Allocation' },
    resolve: async (input, ctx) => ({ entryId: await disburseFunds(ctx, input as typeof input & EntryFields) }),
    payload: entryPayload('已报账 The disbursement recorded', 'Disbursement', '报账记录 The disbursement'),
  });

  defineMutation(builder, 'reverseLedgerEntry', {
    description:
      '冲销一条资金安排或报账（台账只增不改；有未冲销报账的安排须先冲销报账） Reverse an allocation or a disbursement; the ledger is never changed, and an allocation with live payments needs those reversed first',
    input: {
      description: '冲销 The correction of a wrong allocation or disbursement',
      argumentDescription: '冲销 The reversal',
      fields: (t) => ({
        entryId: t.id({ required: true, description: '被冲销记录（资金安排或报账）的全局 ID Global ID of the Allocation or Disbursement to reverse' }),
        reason: t.string({ required: true, description: '冲销原因 Why it is reversed' }),
        date: t.field({ type: 'Date', description: '冲销日期（默认今天） Date of the correction; today if omitted' }),
        voucherNo: t.string({ description: '冲销凭证号 Voucher number of the correction' }),
      }),
    },
    // `entryId` is one of two types, and the service needs to know which: decoded here, not in `ids`.
    resolve: async (input, ctx) => ({ entryId: await reverseLedgerEntry(ctx, { ...input, ...reversibleIdOf(input.entryId) }) }),
    payload: entryPayload('已冲销 The reversal recorded', 'Reversal', '冲销记录 The reversal'),
  });
}
