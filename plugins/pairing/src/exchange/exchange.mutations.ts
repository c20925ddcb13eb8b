import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { ExchangeCategoryEnum, ExchangeDirectionEnum } from '../shared/pairing-enums.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { PairingExchangeSchema } from './exchange.entity.js';
import { recordExchange } from './exchange.service.js';

export function registerExchangeMutations(builder: TuopinBuilder): void {
  const { PairingExchange } = pairingRefs(builder);
  defineMutation(builder, 'recordPairingExchange', {
    description: '登记人才交流人员（双向） Record a person exchanged, either way',
    input: {
      description: '人才交流 A person exchanged',
      argumentDescription: '交流人员 The person',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对关系全局 ID Pairing global ID' }),
        direction: t.field({ type: ExchangeDirectionEnum, required: true, description: '方向 Direction' }),
        category: t.field({ type: ExchangeCategoryEnum, required: true, description: '类别 Category' }),
        personName: t.string({ required: true, description: '姓名 Name' }),
        hostInstitution: t.string({ required: true, description: '接收单位 Host institution' }),
        startDate: t.field({ type: 'Date', required: true, description: '开始日期（在结对年度之内） Start, within the pairing\'s years' }),
        endDate: t.field({ type: 'Date', description: '结束日期（不早于开始，在结对年度之内） End, not before the start, within the pairing\'s years' }),
        subjects: t.stringList({ description: '科目、专业 Subjects' }),
      }),
    },
    ids: { pairingId: 'Pairing' },
    resolve: async (input, ctx) => ({ exchangeId: await recordExchange(ctx, input) }),
    payload: {
      description: '交流人员已登记 The person recorded',
      fields: (t) => ({
        exchange: t.field({
          type: PairingExchange,
          description: '交流人员 The person exchanged',
          resolve: (p, _args, ctx) => ctx.em.fork().findOneOrFail(PairingExchangeSchema, { id: p.exchangeId }),
        }),
      }),
    },
  });
}
