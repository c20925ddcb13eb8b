import { defineMutation, ledgerEntryLoader, type TuopinBuilder } from '@tuopin/core';
import { AidKindEnum } from '../shared/pairing-enums.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { PairingAidSchema } from './aid.entity.js';
import { allocateAid, linkFund, receiveAid, recordGoods } from './aid.service.js';

export function registerAidMutations(builder: TuopinBuilder): void {
  const { PairingAid } = pairingRefs(builder);
  const aidPayload = (description: string) => ({
    description,
    fields: (t: any) => ({
      aid: t.field({
        type: PairingAid,
        description: '帮扶资金 The aid',
        resolve: (p: { aidId: number }, _args: unknown, ctx: any) => ctx.em.fork().findOneOrFail(PairingAidSchema, { id: p.aidId }),
      }),
    }),
  });

  defineMutation(builder, 'receivePairingAid', {
    description: '帮扶资金到位入账（受援地资金管理人员办理）：建立一笔东西部协作/对口帮扶来源的资金 Receive aid into the fund ledger, as a fund of the paired-assistance source; for the helped area\'s fund managers',
    input: {
      description: '到位的帮扶资金 Aid received',
      argumentDescription: '帮扶资金 The aid',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对关系全局 ID Pairing global ID' }),
        kind: t.field({ type: AidKindEnum, required: true, description: '类型 Kind' }),
        year: t.int({ required: true, description: '资金年度 Year' }),
        amount: t.field({ type: 'Money', required: true, description: '到位金额（实物按申报价值） Amount received; goods at their declared value' }),
        name: t.string({ description: '资金名称（默认由双方名称生成） Fund name; made from the parties\' names by default' }),
        documentNo: t.string({ description: '文号 Document number' }),
        provider: t.string({ description: '拨付单位（默认为帮扶方） Provider; the helper by default' }),
        inKindDescription: t.string({ description: '实物说明（实物必填） What the goods are; required in kind' }),
      }),
    },
    ids: { pairingId: 'Pairing' },
    resolve: async (input, ctx) => ({ aidId: await receiveAid(ctx, input) }),
    payload: aidPayload('帮扶资金已入账 The aid received'),
  });

  defineMutation(builder, 'linkPairingFund', {
    description: '将核心台账中已有的资金登记为结对帮扶资金（不复制金额） Link a fund already in the ledger to a pairing as its aid, without copying it',
    input: {
      description: '登记为帮扶资金的资金 A fund to link',
      argumentDescription: '资金 The fund and the pairing',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对关系全局 ID Pairing global ID' }),
        fundId: t.id({ required: true, description: '资金全局 ID Fund global ID' }),
        kind: t.field({ type: AidKindEnum, required: true, description: '类型 Kind' }),
      }),
    },
    ids: { pairingId: 'Pairing', fundId: 'Fund' },
    resolve: async (input, ctx) => ({ aidId: await linkFund(ctx, input) }),
    payload: aidPayload('资金已登记为帮扶资金 The fund linked'),
  });

  defineMutation(builder, 'recordPairingGoods', {
    description: '登记未申报价值的捐赠物资（只列示，不计入资金） Record goods given without a declared value; listed, never counted as money',
    input: {
      description: '捐赠物资 Goods given',
      argumentDescription: '物资 The goods',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对关系全局 ID Pairing global ID' }),
        year: t.int({ required: true, description: '年度 Year' }),
        goods: t.string({ required: true, description: '物资说明，如衣物 What the goods are, e.g. clothing' }),
        quantity: t.int({ description: '数量 Quantity' }),
      }),
    },
    ids: { pairingId: 'Pairing' },
    resolve: async (input, ctx) => ({ aidId: await recordGoods(ctx, input) }),
    payload: aidPayload('物资已登记 The goods recorded'),
  });

  defineMutation(builder, 'allocatePairingAid', {
    description: '将帮扶资金安排到受援地的项目（不超过到位金额） Allocate aid to a project in the helped area, never beyond what it received',
    input: {
      description: '帮扶资金安排 An allocation of aid',
      argumentDescription: '资金安排 The allocation',
      fields: (t) => ({
        aidId: t.id({ required: true, description: '帮扶资金全局 ID Aid global ID' }),
        projectId: t.id({ required: true, description: '受援地项目全局 ID Global ID of a project in the helped area' }),
        amount: t.field({ type: 'Money', required: true, description: '金额 Amount' }),
        date: t.field({ type: 'Date', description: '安排日期（默认今天） Date; today by default' }),
        voucherNo: t.string({ description: '凭证号 Voucher number' }),
        memo: t.string({ description: '备注 Memo' }),
      }),
    },
    ids: { aidId: 'PairingAid', projectId: 'Project' },
    resolve: async (input, ctx) => ({ allocationId: await allocateAid(ctx, input) }),
    payload: {
      description: '帮扶资金已安排 The aid allocated',
      fields: (t) => ({
        allocation: t.field({
          type: 'Allocation',
          description: '资金安排（核心台账记录） The allocation, an entry of the core ledger',
          resolve: async (p, _args, ctx) => (await ledgerEntryLoader(ctx).load(p.allocationId))!,
        }),
      }),
    },
  });
}
