import { areaLoader, checkDivisionCode, loadByDatabaseIds, registerEnum, type TuopinBuilder } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { LENDER_KINDS, LenderKindEnum } from './lender-enums.js';
import { lenderRefLoader } from './lender.loaders.js';
import { lenderConnection } from './lender.queries.js';

export function registerLenderSchema(builder: TuopinBuilder): void {
  const { Lender } = financeRefs(builder);
  registerEnum(builder, LenderKindEnum, 'LenderKind', '贷款机构类型 Kind of lender', LENDER_KINDS);

  builder.node(Lender, {
    description: '承贷机构 A lender of poverty micro-loans, placed at the area it serves',
    // A lender is a public institution, named on every contract a borrower signs.
    scope: 'public',
    id: { resolve: (lender) => lender.id },
    isTypeOf: (value) => hasProperties(value, 'kind', 'areaCode', 'createdBy') && !hasProperties(value, 'sourceType'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => lenderRefLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '机构名称 Name, e.g. 保靖县农村信用合作联社' }),
      kind: t.field({ type: LenderKindEnum, resolve: (lender) => lender.kind, description: '机构类型 Kind' }),
      areaCode: t.exposeString('areaCode', { description: '服务区划代码 12-digit code of the area it serves' }),
      area: t.field({
        type: 'AdministrativeArea',
        description: '服务区划 The area it serves (and everything under it)',
        resolve: async (lender, _args, ctx) => (await areaLoader(ctx).load(lender.areaCode))!,
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (lender) => lender.createdAt, description: '登记时间 Registered at' }),
    }),
  });

  const LenderConnection = builder.connectionObject({
    type: Lender,
    name: 'LenderConnection',
    description: '贷款机构分页列表 A page of lenders',
  });

  builder.queryField('lenders', (t) =>
    t.connection(
      {
        type: Lender,
        description: '贷款机构：服务于该区划的机构（设在区划内或其上级区划） Lenders that serve an area: placed in it or at an area above it; all lenders without regionCode',
        args: {
          regionCode: t.arg.string({ description: '区划代码 Division code of the area served' }),
          kind: t.arg({ type: LenderKindEnum, description: '机构类型 Kind of lender' }),
        },
        resolve: (_root, args, ctx) =>
          lenderConnection(ctx, { regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode'), kind: args.kind }, args),
      },
      LenderConnection,
    ),
  );
}
