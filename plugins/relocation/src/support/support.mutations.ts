import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { relocationRefs } from '../shared/relocation-refs.js';
import { subsidyPaymentLoader, supportLoader } from '../shared/relocation.loaders.js';
import { SupportKindEnum } from '../shared/vocabulary.js';
import { payRelocationSubsidy } from '../subsidy/subsidy.service.js';
import { addSupport } from './support.service.js';

export function registerSupportAndSubsidyMutations(builder: TuopinBuilder): void {
  const { Support, SubsidyPayment } = relocationRefs(builder);

  defineMutation(builder, 'addRelocationSupport', {
    description: '登记后续扶持（入住后） Record a follow-up support measure for a household that has moved in',
    input: {
      description: '后续扶持 The measure',
      argumentDescription: '后续扶持 The measure',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        kind: t.field({ type: SupportKindEnum, required: true, description: '类型 Kind' }),
        people: t.int({ description: '涉及人数（就业至少1人） People reached; at least one for employment' }),
        startedOn: t.field({ type: 'Date', description: '开始日期（默认今天） Started on; today if omitted' }),
        note: t.string({ required: true, description: '内容 What is done' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold' },
    resolve: async (input, ctx) => ({ supportId: await addSupport(ctx, input) }),
    payload: {
      description: '后续扶持已登记 The measure recorded',
      fields: (t) => ({ support: t.field({ type: Support, description: '后续扶持 The measure', resolve: async (p, _a, ctx) => (await supportLoader(ctx).load(p.supportId))! }) }),
    },
  });

  defineMutation(builder, 'payRelocationSubsidy', {
    description:
      '发放搬迁补助：从覆盖迁出地的易地扶贫搬迁项目的资金安排中报账（记入资金台账） Pay a relocation subsidy as a disbursement against an allocation to a RELOCATION project covering the household\'s village, in the fund ledger',
    input: {
      description: '搬迁补助 The subsidy',
      argumentDescription: '搬迁补助 The subsidy',
      fields: (t) => ({
        relocatedHouseholdId: t.id({ required: true, description: '搬迁户全局 ID Relocated household global ID' }),
        allocationId: t.id({ required: true, description: '支付所用的资金安排 The Allocation that pays' }),
        amount: t.field({ type: 'Money', required: true, description: '金额 Amount' }),
        paidOn: t.field({ type: 'Date', description: '发放日期（默认今天） Paid on; today if omitted' }),
        voucherNo: t.string({ required: true, description: '报账凭证号 Voucher number' }),
      }),
    },
    ids: { relocatedHouseholdId: 'RelocatedHousehold', allocationId: 'Allocation' },
    resolve: async (input, ctx) => ({ paymentId: await payRelocationSubsidy(ctx, input) }),
    payload: {
      description: '搬迁补助已发放 The subsidy paid',
      fields: (t) => ({ payment: t.field({ type: SubsidyPayment, description: '发放记录 The payment', resolve: async (p, _a, ctx) => (await subsidyPaymentLoader(ctx).load(p.paymentId))! }) }),
    },
  });
}
