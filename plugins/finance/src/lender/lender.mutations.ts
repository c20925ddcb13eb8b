import { mutationErrors, type TuopinBuilder } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { LenderKindEnum } from './lender-enums.js';
import { LenderSchema } from './lender.entity.js';
import { createLender } from './lender.service.js';

export function registerLenderMutations(builder: TuopinBuilder): void {
  const { Lender } = financeRefs(builder);
  const Input = builder.inputType('CreateLenderInput', {
    description: '登记贷款机构 A lender to register',
    fields: (t) => ({
      name: t.string({ required: true, description: '机构名称 Name' }),
      kind: t.field({ type: LenderKindEnum, required: true, description: '机构类型 Kind' }),
      areaCode: t.string({ required: true, description: '服务区划（县、市州或省）的12位代码 12-digit code of the county, prefecture or province it serves' }),
    }),
  });
  const Payload = builder.objectType(builder.objectRef<{ lenderId: number }>('CreateLenderPayload'), {
    description: '贷款机构已登记 The registered lender',
    fields: (t) => ({
      lender: t.field({
        type: Lender,
        description: '贷款机构 The lender',
        resolve: (p, _args, ctx) => ctx.em.findOneOrFail(LenderSchema, { id: p.lenderId }),
      }),
    }),
  });

  builder.mutationField('createLender', (t) =>
    t.field({
      type: Payload,
      errors: mutationErrors('createLender'),
      description: '登记承贷机构（由资金管理人员办理） Register a lender; for the officers who manage the area\'s funds',
      args: { input: t.arg({ type: Input, required: true, description: '贷款机构 The lender' }) },
      resolve: async (_root, { input }, ctx) => ({ lenderId: await createLender(ctx, input) }),
    }),
  );
}
