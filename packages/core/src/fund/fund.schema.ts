import { areaLoader } from '../area/area.loaders.js';
import { checkDivisionCode } from '../area/area.schema.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { loaderFields } from '../kernel/loader-field.js';
import { changeTimeDescription, changeTimeValue, updatedAfterDescription } from '../kernel/change-times.js';
import { registerEnum } from '../kernel/enum-values.js';
import { loadByDatabaseIds, numericIdOf } from '../kernel/global-id.js';
import { subtractMoney } from '../kernel/money.js';
import { allocationConnection, allocationConnectionType } from '../ledger/allocation-page.loader.js';
import { moneyRatio } from '../ledger/ledger-sql.js';
import { FUND_SOURCE_TYPES, FundSourceTypeEnum } from './fund-enums.js';
import { fundTotalsLoader } from './fund-figures.loader.js';
import { fundLoader } from './fund.loaders.js';
import { fundConnection } from './fund.queries.js';

export function registerFundSchema(builder: TuopinBuilder): void {
  registerEnum(builder, FundSourceTypeEnum, 'FundSourceType', '资金来源类型 Source of a fund', FUND_SOURCE_TYPES);

  const AllocationConnection = allocationConnectionType(builder);

  builder.node('Fund', {
    description: '资金 A fund: money (or goods at their declared value) for poverty relief, managed by an area',
    scope: { area: (fund) => fund.areaCode },
    id: { resolve: (fund) => fund.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'sourceType' in value && 'areaCode' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => fundLoader(ctx).load(id)),
    fields: (t) => {
      const totals = loaderFields(t, { loader: fundTotalsLoader, key: (fund) => fund.id });
      return {
        sourceType: t.field({ type: FundSourceTypeEnum, resolve: (f) => f.sourceType, description: '资金来源类型 Source type' }),
        name: t.exposeString('name', { description: '资金名称 Name' }),
        documentNo: t.exposeString('documentNo', { nullable: true, description: '文号 Number of the document that issued it' }),
        year: t.exposeInt('year', { description: '资金年度 Budget year' }),
        amount: t.field({ type: 'Money', resolve: (f) => f.amount, description: '金额（实物为申报价值） Amount; for goods in kind, their declared value' }),
        areaCode: t.exposeString('areaCode', { description: '管理区划代码 12-digit code of the managing area' }),
        area: t.field({
          type: 'AdministrativeArea',
          description: '管理区划 The area that manages the fund',
          resolve: async (f, _args, ctx) => (await areaLoader(ctx).load(f.areaCode))!,
        }),
        earmarkAreaCode: t.exposeString('earmarkAreaCode', {
          nullable: true,
          description: '专款用途区划代码：资金只能安排给该区划内的项目，只能缩小 12-digit code of the area whose projects alone the fund may pay for (earmark); null when not earmarked; never widened',
        }),
        earmarkArea: t.field({
          type: 'AdministrativeArea',
          nullable: true,
          description: '专款用途区划 The area the fund is earmarked for',
          resolve: async (f, _args, ctx) => (f.earmarkAreaCode ? areaLoader(ctx).load(f.earmarkAreaCode) : null),
        }),
        provider: t.exposeString('provider', { nullable: true, description: '下达或捐赠单位 Who issued or donated it' }),
        inKindDescription: t.exposeString('inKindDescription', {
          nullable: true,
          description: '捐赠物品（实物捐赠） What was donated, for donations in kind',
        }),
        allocated: totals.field({ type: 'Money', description: '已安排（不含已冲销） Allocated to projects: live allocations', value: (f) => f.allocated }),
        disbursed: totals.field({ type: 'Money', description: '已报账（不含已冲销） Paid out: live disbursements', value: (f) => f.disbursed }),
        balance: totals.field({
          type: 'Money',
          description: '未安排余额 Not yet allocated: amount − allocated',
          value: (totals, fund) => subtractMoney(fund.amount, totals.allocated),
        }),
        executionRate: totals.field({
          type: 'Float',
          nullable: true,
          description: '支出进度（0–1）= 已报账 ÷ 已安排 Execution rate as a ratio: disbursed ÷ allocated; null while nothing is allocated',
          value: (f) => moneyRatio(f.disbursed, f.allocated),
        }),
        allocations: t.connection(
          {
            type: 'Allocation',
            description: '资金安排（含已冲销的），按记账顺序 Allocations from this fund, reversed ones included, in the order recorded',
            resolve: (f, args, ctx) => allocationConnection(ctx, 'fund', f.id, args),
          },
          AllocationConnection,
        ),
        createdBy: t.exposeString('createdBy', { description: '登记人 Who registered the fund (principal id)' }),
        createdAt: t.field({ type: 'DateTime', resolve: (f) => f.createdAt, description: '登记时间 Registered at' }),
        updatedAt: t.field({
          type: 'DateTime',
          resolve: (f, _args, ctx) => changeTimeValue(ctx, f.updatedAt),
          description: changeTimeDescription('更新时间（含新的台账记录）', 'Last change of the fund or its ledger'),
        }),
      };
    },
  });

  const FundConnection = builder.connectionObject({
    type: 'Fund',
    name: 'FundConnection',
    description: '资金分页列表 A page of funds',
  });

  builder.queryFields((t) => ({
    fund: t.field({
      type: 'Fund',
      nullable: true,
      description: '按全局 ID 查询资金 A fund by global ID',
      args: { id: t.arg.id({ required: true, description: '资金全局 ID Fund global ID' }) },
      resolve: (_root, { id }, ctx) => fundLoader(ctx).load(numericIdOf(id, 'Fund', 'id')),
    }),
    funds: t.connection(
      {
        type: 'Fund',
        description:
          '资金列表：默认按管理区划排序；指定 updatedAfter 时按更新时间排序，供增量同步 Funds managed in an area and everything under it, by area code; with updatedAfter, only the changed ones, by (updatedAt, id)',
        args: {
          regionCode: t.arg.string({ description: '管理区划代码（含下级） Division code of the managing area; the area and everything under it' }),
          sourceType: t.arg({ type: FundSourceTypeEnum, description: '资金来源类型 Source type' }),
          year: t.arg.int({ description: '资金年度 Budget year' }),
          updatedAfter: t.arg({
            type: 'DateTime',
            description:
              updatedAfterDescription('只取此时间之后有变化的资金；请重叠拉取并按 ID 去重', 'Only funds changed after this moment; overlap your pulls by a few minutes and deduplicate by id, as commits can land out of updatedAt order'),
          }),
        },
        resolve: (_root, args, ctx) =>
          fundConnection(ctx, { ...args, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') }, args),
      },
      FundConnection,
    ),
  }));
}
