import { loadByDatabaseIds, loaderFields, type TuopinBuilder } from '@tuopin/core';
import { pairingLoader } from '../pairing/pairing.loaders.js';
import { hasProperties } from '../shared/node-ids.js';
import { recordedOnPairing } from '../shared/pairing-rows.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import type { PairingAgreement } from './agreement.entity.js';
import { agreementActualLoader, agreementLoader, agreementsByPairingLoader } from './agreement.loaders.js';

export function registerAgreementSchema(builder: TuopinBuilder): void {
  const { Pairing, PairingAgreement } = pairingRefs(builder);

  // The actual, computed from the records of the agreement's year; figures about people are
  // protected for partners by the kernel like every statistic.
  const Actual = builder.objectRef<PairingAgreement>('PairingAgreementActual').implement({
    description: '协议年度的实际完成情况（由登记记录计算） What the pairing achieved in the agreement\'s year, computed from its records',
    scope: 'contained',
    fields: (t) => {
      const figures = loaderFields(t, { loader: agreementActualLoader, key: (agreement: PairingAgreement) => `${agreement.pairingId}:${agreement.year}` });
      return {
        received: figures.field({ type: 'Money', statistic: 'public', description: '实际到位资金（入账资金，不含承诺） Aid received into the fund ledger that year; pledges excluded', value: (a) => a.received }),
        exchanges: figures.count('当年开始的人才交流人次', 'People exchanged whose stay began that year', (a) => a.exchanges),
        workers: figures.count('当年开始就业的劳务协作人数', 'Workers placed whose job began that year', (a) => a.workers),
        purchases: figures.count('消费帮扶笔数', 'Purchases recorded for that year', (a) => a.purchases),
        purchaseAmount: figures.sum('purchases', '消费帮扶金额', 'Amount of those purchases', (a) => a.purchaseAmount),
        investment: figures.field({ type: 'Money', statistic: 'public', description: '产业合作投资额（企业公开项目） Investment by the helper\'s enterprises that year', value: (a) => a.investment }),
      };
    },
  });

  builder.node(PairingAgreement, {
    description: '年度帮扶协议：承诺资金与目标 A yearly agreement: the aid pledged and the targets',
    scope: recordedOnPairing,
    authScopes: { permission: 'core.projects.read' },
    id: { resolve: (agreement) => agreement.id },
    isTypeOf: (value) => hasProperties(value, 'pledgedAmount', 'pairingId'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => agreementLoader(ctx).load(id)),
    fields: (t) => ({
      pairing: t.field({ type: Pairing, description: '结对关系 The pairing', resolve: async (a, _args, ctx) => (await pairingLoader(ctx).load(a.pairingId))! }),
      year: t.exposeInt('year', { description: '协议年度 Year' }),
      signedOn: t.field({ type: 'Date', nullable: true, resolve: (a) => a.signedOn ?? null, description: '签订日期 Signed on' }),
      pledgedAmount: t.field({ type: 'Money', resolve: (a) => a.pledgedAmount, description: '承诺帮扶资金（未到位前不计入资金） Aid pledged; not money received until it is' }),
      purpose: t.exposeString('purpose', { nullable: true, description: '用途 What the aid is for' }),
      targetExchanges: t.exposeInt('targetExchanges', { nullable: true, description: '人才交流目标人次 Target of people exchanged' }),
      targetWorkers: t.exposeInt('targetWorkers', { nullable: true, description: '劳务协作目标人数 Target of workers placed' }),
      targetPurchases: t.field({ type: 'Money', nullable: true, resolve: (a) => a.targetPurchases ?? null, description: '消费帮扶目标金额 Target of purchases' }),
      targetInvestment: t.field({ type: 'Money', nullable: true, resolve: (a) => a.targetInvestment ?? null, description: '产业合作目标投资额 Target of investment' }),
      actual: t.field({ type: Actual, resolve: (a) => a, description: '实际完成（与承诺、目标对照） What was achieved, to set against the pledge and targets' }),
    }),
  });

  builder.objectField(Pairing, 'agreements', (t) =>
    t.field({
      type: [PairingAgreement],
      description: '年度协议（按登记顺序） The yearly agreements, in the order recorded',
      resolve: (pairing, _args, ctx) => agreementsByPairingLoader(ctx).load(pairing.id),
    }),
  );
}
