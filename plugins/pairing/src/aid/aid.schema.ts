import { fundLoader, loadByDatabaseIds, registerEnum, subtractMoney, type TuopinBuilder } from '@tuopin/core';
import { pairingLoader } from '../pairing/pairing.loaders.js';
import { hasProperties } from '../shared/node-ids.js';
import { AID_KINDS, AidKindEnum } from '../shared/pairing-enums.js';
import { recordedOnPairing } from '../shared/pairing-rows.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import type { PairingAid } from './aid.entity.js';
import { aidByPairingLoader, aidFundLoader, aidLoader, type AidFund } from './aid.loaders.js';

export function registerAidSchema(builder: TuopinBuilder): void {
  const { Pairing, PairingAid } = pairingRefs(builder);
  registerEnum(builder, AidKindEnum, 'PairingAidKind', '帮扶资金类型 Kind of aid', AID_KINDS);

  const fundOf = async (aid: PairingAid, ctx: Parameters<typeof aidFundLoader>[0]): Promise<AidFund | null> => (aid.fundId == null ? null : aidFundLoader(ctx).load(aid.fundId));

  builder.node(PairingAid, {
    description: '帮扶资金（物资）：到位的资金是核心资金台账中的一笔资金 Aid a pairing brought: money received is a fund of the core ledger, linked, never copied',
    scope: recordedOnPairing,
    authScopes: { permission: 'core.projects.read' },
    id: { resolve: (aid) => aid.id },
    isTypeOf: (value) => hasProperties(value, 'fundId', 'goods', 'pairingId'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => aidLoader(ctx).load(id)),
    fields: (t) => ({
      pairing: t.field({ type: Pairing, description: '结对关系 The pairing', resolve: async (a, _args, ctx) => (await pairingLoader(ctx).load(a.pairingId))! }),
      kind: t.field({ type: AidKindEnum, resolve: (a) => a.kind as never, description: '类型 Kind' }),
      year: t.exposeInt('year', { description: '年度 Year' }),
      name: t.string({ nullable: true, description: '资金名称（核心资金） Name of the fund that received it', resolve: async (a, _args, ctx) => (await fundOf(a, ctx))?.name ?? null }),
      documentNo: t.string({ nullable: true, description: '文号 Document number', resolve: async (a, _args, ctx) => (await fundOf(a, ctx))?.documentNo ?? null }),
      provider: t.string({ nullable: true, description: '拨付单位 Provider', resolve: async (a, _args, ctx) => (await fundOf(a, ctx))?.provider ?? null }),
      amount: t.field({ type: 'Money', nullable: true, description: '到位金额（实物按申报价值；未申报价值的实物为空） Amount received; goods at their declared value; null for goods without one', resolve: async (a, _args, ctx) => (await fundOf(a, ctx))?.amount ?? null }),
      allocated: t.field({ type: 'Money', nullable: true, description: '已安排到项目 Allocated to projects', resolve: async (a, _args, ctx) => (await fundOf(a, ctx))?.allocated ?? null }),
      disbursed: t.field({ type: 'Money', nullable: true, description: '已报账支出 Paid out', resolve: async (a, _args, ctx) => (await fundOf(a, ctx))?.disbursed ?? null }),
      unallocated: t.field({
        type: 'Money',
        nullable: true,
        description: '尚未安排 Not yet allocated',
        resolve: async (a, _args, ctx) => {
          const fund = await fundOf(a, ctx);
          return fund ? subtractMoney(fund.amount, fund.allocated) : null;
        },
      }),
      fund: t.field({
        type: 'Fund',
        nullable: true,
        description: '核心资金（在您的权限范围内时） The core fund, when it is in your scope',
        resolve: (a, _args, ctx) => (a.fundId == null ? null : fundLoader(ctx).load(a.fundId)),
      }),
      goods: t.exposeString('goods', { nullable: true, description: '未申报价值的实物 Goods given without a declared value' }),
      quantity: t.exposeInt('quantity', { nullable: true, description: '实物数量 Quantity of those goods' }),
    }),
  });

  builder.objectField(Pairing, 'aid', (t) =>
    t.field({
      type: [PairingAid],
      description: '到位的帮扶资金与物资（不含承诺） Aid received, money and goods; pledges are on the agreements',
      resolve: (pairing, _args, ctx) => aidByPairingLoader(ctx).load(pairing.id),
    }),
  );
}
