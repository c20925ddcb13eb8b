import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { pairingRefs } from '../shared/pairing-refs.js';
import { PairingAgreementSchema } from './agreement.entity.js';
import { recordAgreement } from './agreement.service.js';

export function registerAgreementMutations(builder: TuopinBuilder): void {
  const { PairingAgreement } = pairingRefs(builder);
  defineMutation(builder, 'recordPairingAgreement', {
    description: '登记年度帮扶协议（承诺资金与目标） Record a yearly agreement: the aid pledged and the targets',
    input: {
      description: '年度帮扶协议 A yearly agreement',
      argumentDescription: '年度协议 The agreement',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对关系全局 ID Pairing global ID' }),
        year: t.int({ required: true, description: '协议年度（在结对年度之内） Year, within the pairing\'s years' }),
        signedOn: t.field({ type: 'Date', description: '签订日期 Signed on' }),
        pledgedAmount: t.field({ type: 'Money', required: true, description: '承诺帮扶资金 Aid pledged' }),
        purpose: t.string({ description: '用途 What the aid is for' }),
        targetExchanges: t.int({ description: '人才交流目标人次 Target of people exchanged' }),
        targetWorkers: t.int({ description: '劳务协作目标人数 Target of workers placed' }),
        targetPurchases: t.field({ type: 'Money', description: '消费帮扶目标金额 Target of purchases' }),
        targetInvestment: t.field({ type: 'Money', description: '产业合作目标投资额 Target of investment' }),
      }),
    },
    ids: { pairingId: 'Pairing' },
    resolve: async (input, ctx) => ({ agreementId: await recordAgreement(ctx, input) }),
    payload: {
      description: '年度协议已登记 The agreement recorded',
      fields: (t) => ({
        agreement: t.field({
          type: PairingAgreement,
          description: '年度协议 The agreement',
          resolve: (p, _args, ctx) => ctx.em.fork().findOneOrFail(PairingAgreementSchema, { id: p.agreementId }),
        }),
      }),
    },
  });
}
