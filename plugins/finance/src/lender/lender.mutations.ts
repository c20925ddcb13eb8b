import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { LenderKindEnum } from './lender-enums.js';
import { LenderSchema } from './lender.entity.js';
import { createLender } from './lender.service.js';

export function registerLenderMutations(builder: TuopinBuilder): void {
  const { Lender } = financeRefs(builder);
  defineMutation(builder, 'createLender', {
    description: '登记承贷机构（由资金管理人员办理） Register a lender; for the officers who manage the area\'s funds',
    input: {
      description: '登记贷款机构 A lender to register',
      argumentDescription: '贷款机构 The lender',
      fields: (t) => ({
        name: t.string({ required: true, description: '机构名称 Name' }),
        kind: t.field({ type: LenderKindEnum, required: true, description: '机构类型 Kind' }),
        areaCode: t.string({ required: true, description: '服务区划（县、市州或省）的12位代码 12-digit code of the county, prefecture or province it serves' }),
      }),
    },
    resolve: async (input, ctx) => ({ lenderId: await createLender(ctx, input) }),
    payload: {
      description: '贷款机构已登记 The registered lender',
      fields: (t) => ({
        lender: t.field({
          type: Lender,
          description: '贷款机构 The lender',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(LenderSchema, { id: p.lenderId }),
        }),
      }),
    },
  });
}
