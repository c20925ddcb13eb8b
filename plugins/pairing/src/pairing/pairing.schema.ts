import { areaLoader, changeTimeDescription, changeTimeValue, checkDivisionCode, grantedIds, loadAll, loadByDatabaseIds, registerEnum, updatedAfterDescription, type TuopinBuilder } from '@tuopin/core';
import { hasProperties } from '../shared/node-ids.js';
import {
  HELPED_KINDS,
  HELPER_KINDS,
  HelpedKindEnum,
  HelperKindEnum,
  PAIRING_KINDS,
  PAIRING_STATUSES,
  PairingKindEnum,
  PairingStatusEnum,
  TWINNING_LEVELS,
  TwinningLevelEnum,
  UNIT_LEVELS,
  UnitLevelEnum,
} from '../shared/pairing-enums.js';
import { pairingRefs } from '../shared/pairing-refs.js';
import { pairingLoader } from './pairing.loaders.js';
import { pairingConnection } from './pairing.queries.js';

export function registerPairingSchema(builder: TuopinBuilder): void {
  const { Pairing } = pairingRefs(builder);
  registerEnum(builder, PairingKindEnum, 'PairingKind', '结对帮扶类型 Kind of pairing', PAIRING_KINDS);
  registerEnum(builder, TwinningLevelEnum, 'TwinningLevel', '携手奔小康结对层级 Level of a twinning', TWINNING_LEVELS);
  registerEnum(builder, HelperKindEnum, 'PairingHelperKind', '帮扶方类型 Kind of helper', HELPER_KINDS);
  registerEnum(builder, UnitLevelEnum, 'PairingUnitLevel', '帮扶单位级别 Level of a helping unit', UNIT_LEVELS);
  registerEnum(builder, HelpedKindEnum, 'PairingHelpedKind', '受援方类型 Kind of helped party', HELPED_KINDS);
  registerEnum(builder, PairingStatusEnum, 'PairingStatus', '结对状态 Status of a pairing', PAIRING_STATUSES);

  builder.node(Pairing, {
    description: '结对帮扶关系（东西部协作、对口帮扶、定点帮扶、携手奔小康、社会帮扶） A pairing: who helps whom, of which kind, over which years',
    // The helped side sees the pairings of its areas; a helper-side officer sees the one he is granted.
    scope: { area: (pairing) => pairing.areaCode, grantedThrough: (pairing) => [{ type: 'Pairing', id: pairing.id }] },
    authScopes: { permission: 'core.projects.read' },
    id: { resolve: (pairing) => pairing.id },
    isTypeOf: (value) => hasProperties(value, 'helperKind', 'helpedKind'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => pairingLoader(ctx).load(id)),
    fields: (t) => ({
      kind: t.field({ type: PairingKindEnum, resolve: (p) => p.kind as never, description: '类型 Kind' }),
      twinningLevel: t.field({ type: TwinningLevelEnum, nullable: true, resolve: (p) => p.twinningLevel as never, description: '携手奔小康层级（仅结对类型为 TWINNING） Level of a twinning; null for other kinds' }),
      helperKind: t.field({ type: HelperKindEnum, resolve: (p) => p.helperKind as never, description: '帮扶方类型 Kind of helper' }),
      helperName: t.exposeString('helperName', { description: '帮扶方名称，如济南市、市政协 Helper\'s name, e.g. 济南市 or a city\'s CPPCC' }),
      helperAreaCode: t.exposeString('helperAreaCode', { nullable: true, description: '帮扶地区代码（帮扶方为地区时） 12-digit code of the helping area; null for a unit or organisation' }),
      helperArea: t.field({
        type: 'AdministrativeArea',
        nullable: true,
        description: '帮扶地区 The helping area; null for a unit or organisation',
        resolve: (p, _args, ctx) => (p.helperAreaCode == null ? null : areaLoader(ctx).load(p.helperAreaCode)),
      }),
      helperUnitLevel: t.field({ type: UnitLevelEnum, nullable: true, resolve: (p) => p.helperUnitLevel as never, description: '帮扶单位级别（帮扶方为单位时） Level of a helping unit' }),
      helpedKind: t.field({ type: HelpedKindEnum, resolve: (p) => p.helpedKind as never, description: '受援方类型 Kind of helped party' }),
      helpedName: t.exposeString('helpedName', { description: '受援方名称（地区名或学校、医院名） Name of the helped area, school or hospital' }),
      helpedAreaCode: t.exposeString('areaCode', { description: '受援地区代码（学校、医院所在地） 12-digit code of the helped area, or where the school or hospital lies' }),
      helpedArea: t.field({
        type: 'AdministrativeArea',
        description: '受援地区 The helped area',
        resolve: async (p, _args, ctx) => (await areaLoader(ctx).load(p.areaCode))!,
      }),
      startYear: t.exposeInt('startYear', { description: '开始年度 First year' }),
      endYear: t.exposeInt('endYear', { nullable: true, description: '结束年度（进行中可为空） Last year; null while open' }),
      status: t.field({ type: PairingStatusEnum, resolve: (p) => p.status as never, description: '状态 Status' }),
      createdAt: t.field({ type: 'DateTime', resolve: (p) => p.createdAt, description: '建立时间 Set up at' }),
      updatedAt: t.field({
        type: 'DateTime',
        resolve: (p, _args, ctx) => changeTimeValue(ctx, p.updatedAt),
        description: changeTimeDescription('最后变化时间（含其下任何登记）', 'Last change, anything recorded on it included'),
      }),
    }),
  });

  const PairingConnection = builder.connectionObject({ type: Pairing, name: 'PairingConnection', description: '结对帮扶关系分页列表 A page of pairings' });

  builder.queryFields((t) => ({
    pairings: t.connection(
      {
        type: Pairing,
        authScopes: { permission: 'core.projects.read' },
        description:
          '受援地在该区划（含下级）的结对关系：默认按受援地排序；指定 updatedAfter 时按更新时间排序，供增量同步。不列出授权的结对关系（见 grantedPairings） Pairings helping an area and everything under it, by helped area; with updatedAfter, only the changed ones, by (updatedAt, id). Granted pairings are not listed here (see grantedPairings)',
        args: {
          regionCode: t.arg.string({ description: '受援区划代码（含下级） Division code of the helped area; the area and everything under it' }),
          kind: t.arg({ type: PairingKindEnum, description: '类型 Kind' }),
          status: t.arg({ type: PairingStatusEnum, description: '状态 Status' }),
          updatedAfter: t.arg({
            type: 'DateTime',
            description: updatedAfterDescription('只取此时间之后有变化的结对关系；请重叠拉取并按 ID 去重', 'Only pairings changed after this moment; overlap your pulls by a few minutes and deduplicate by id'),
          }),
        },
        resolve: (_root, args, ctx) =>
          pairingConnection(ctx, { ...args, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') }, args),
      },
      PairingConnection,
    ),
    grantedPairings: t.field({
      type: [Pairing],
      description: '授权给您的结对关系（帮扶方干部） The pairings granted to you beyond your areas (a helper-side officer\'s)',
      authScopes: { permission: 'core.projects.read' },
      resolve: async (_root, _args, ctx) => (await loadAll(pairingLoader(ctx), grantedIds(ctx.principal, 'Pairing').map(Number))).filter((p) => p !== null),
    }),
  }));
}
