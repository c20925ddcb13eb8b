import type { TuopinBuilder } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { FundSourceTypeEnum } from './fund-enums.js';
import { FundSchema } from './fund.entity.js';
import { createFund } from './fund.service.js';

export function registerFundMutations(builder: TuopinBuilder): void {
  defineMutation(builder, 'createFund', {
    description: '登记资金（含实物捐赠） Register a fund, or goods donated in kind at their declared value',
    input: {
      description: '登记资金 A fund to register',
      argumentDescription: '资金 The fund',
      fields: (t) => ({
        sourceType: t.field({ type: FundSourceTypeEnum, required: true, description: '资金来源类型 Source type' }),
        name: t.string({ required: true, description: '资金名称 Name' }),
        documentNo: t.string({ description: '文号 Number of the document that issued it, e.g. 保贫字〔2016〕12号' }),
        year: t.int({ required: true, description: '资金年度 Budget year' }),
        amount: t.field({ type: 'Money', required: true, description: '金额；实物捐赠填申报价值 Amount; for goods in kind, their declared value' }),
        areaCode: t.string({ required: true, description: '管理区划的12位代码 12-digit code of the managing area' }),
        earmarkAreaCode: t.string({
          description: '专款用途区划的12位代码（可选，登记后只能缩小） 12-digit code of the area whose projects alone the fund may pay for; optional, and only ever narrowed afterwards',
        }),
        provider: t.string({ description: '下达或捐赠单位 Who issued or donated it' }),
        inKindDescription: t.string({ description: '捐赠物品（实物捐赠必填） What was donated; required for donations in kind' }),
      }),
    },
    resolve: async (input, ctx) => ({ fundId: await createFund(ctx, input) }),
    payload: {
      description: '资金已登记 The registered fund',
      fields: (t) => ({
        fund: t.field({
          type: 'Fund',
          description: '资金 The fund',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(FundSchema, { id: p.fundId }, { refresh: true }),
        }),
      }),
    },
  });
}
