import type { TuopinBuilder } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { isDivisionCode, type AreaLevel } from './division-code.js';
import { describedValues } from '../kernel/enum-values.js';
import { ValidationError } from '../kernel/errors.js';
import { loadAll } from '../kernel/load-all.js';
import type { Area, VillageGroup } from './area.entity.js';
import { areaLoader, villageGroupsLoader } from './area.loaders.js';
import { areaConnection } from './area.queries.js';


const LEVEL_DESCRIPTIONS: Record<AreaLevel, string> = {
  PROVINCE: '省 Province',
  PREFECTURE: '市/州 Prefecture',
  COUNTY: '县/市/区 County',
  TOWNSHIP: '乡/镇 Township',
  VILLAGE: '行政村 Administrative village',
};

/** A division-code argument: refused with a typed error unless it is 12 digits. */
export function checkDivisionCode(code: string, field: string): string {
  if (!isDivisionCode(code)) {
    throw ValidationError.of(field, `行政区划代码应为12位数字，收到“${code}”`, `A division code is 12 digits; got "${code}"`);
  }
  return code;
}

async function loadAreasOfLevel(ctx: TuopinContext, codes: readonly string[], village: boolean) {
  const areas = await loadAll(areaLoader(ctx), codes.filter(isDivisionCode));
  const byCode = new Map(areas.flatMap((area) => (area && (area.level === 'VILLAGE') === village ? [[area.code, area]] : [])));
  return codes.map((code) => byCode.get(code) ?? null);
}

export function registerAreaSchema(builder: TuopinBuilder): void {
  const AreaLevelEnum = builder.enumType('AreaLevel', {
    description: '行政层级 Administrative level',
    values: describedValues(LEVEL_DESCRIPTIONS),
  });

  const AreaConnection = builder.connectionObject({
    type: 'AdministrativeArea',
    name: 'AdministrativeAreaConnection',
    description: '行政区划分页列表 A page of administrative areas',
  });

  builder.interfaceType('AdministrativeArea', {
    description: '行政区划 An administrative area, keyed by its 12-digit statistical division code',
    interfaces: [builder.nodeInterfaceRef()],
    resolveType: (area) => (area.level === 'VILLAGE' ? 'Village' : 'Region'),
    fields: (t) => ({
      code: t.exposeString('code', { description: '统计用区划代码 12-digit statistical division code' }),
      name: t.exposeString('name', { description: '名称 Name' }),
      level: t.field({ type: AreaLevelEnum, resolve: (area) => area.level, description: '层级 Level' }),
      parent: t.field({
        type: 'AdministrativeArea',
        nullable: true,
        description: '上级区划 The parent area; null for a province',
        resolve: (area, _args, ctx) => (area.parentCode ? areaLoader(ctx).load(area.parentCode) : null),
      }),
      children: t.connection(
        {
          type: 'AdministrativeArea',
          description: '下级区划 The areas directly under this one, ordered by code',
          resolve: (area, args, ctx) => areaConnection(ctx, { parentCode: area.code, level: null }, args),
        },
        AreaConnection,
      ),
      stats: t.field({
        type: 'RegionStats',
        description: '统计 Statistics of this area and everything under it, within your scope',
        resolve: (area) => ({ code: area.code }),
      }),
    }),
  });

  builder.node('Region', {
    description: '行政区划（省、市、县、乡镇） A province, prefecture, county or township',
    // Names and codes of areas are published by the statistics bureau: anyone may read them.
    scope: 'public',
    interfaces: ['AdministrativeArea'],
    id: { resolve: (area) => area.code },
    isTypeOf: (area) => (area as Area).level !== 'VILLAGE',
    loadManyWithoutCache: (codes, ctx) => loadAreasOfLevel(ctx, codes, false),
    fields: () => ({}),
  });

  builder.objectType('VillageGroup', {
    description: '组/屯 A group or natural village inside an administrative village',
    scope: 'public',
    fields: (t) => ({
      id: t.exposeInt('id', { description: '组编号 Group id (unique in the registry)' }),
      name: t.exposeString('name', { description: '组名 Name of the group' }),
    }),
  });

  builder.node('Village', {
    description: '行政村 An administrative village',
    scope: 'public',
    interfaces: ['AdministrativeArea'],
    id: { resolve: (area) => area.code },
    isTypeOf: (area) => (area as Area).level === 'VILLAGE',
    loadManyWithoutCache: (codes, ctx) => loadAreasOfLevel(ctx, codes, true),
    fields: (t) => ({
      isPovertyVillage: t.boolean({
        description: '是否贫困村 Whether this is a designated poverty village',
        resolve: (area) => area.isPovertyVillage ?? false,
      }),
      exitYear: t.exposeInt('exitYear', { nullable: true, description: '出列年度 Year the village exited poverty' }),
      ruralPopulation: t.exposeInt('ruralPopulation', {
        nullable: true,
        description: '农村户籍人口 Registered rural population, the denominator of poverty incidence',
      }),
      groups: t.field({
        type: ['VillageGroup'],
        description: '组/屯 The groups of this village',
        resolve: (area, _args, ctx) => villageGroupsLoader(ctx).load(area.code),
      }),
    }),
  });

  builder.queryFields((t) => ({
    region: t.field({
      type: 'Region',
      nullable: true,
      description: '按代码查询省、市、县、乡镇 A province, prefecture, county or township by division code',
      args: { code: t.arg.string({ required: true, description: '12位区划代码 12-digit division code' }) },
      resolve: async (_root, { code }, ctx) => (await loadAreasOfLevel(ctx, [checkDivisionCode(code, 'code')], false))[0],
    }),
    village: t.field({
      type: 'Village',
      nullable: true,
      description: '按代码查询行政村 An administrative village by division code',
      args: { code: t.arg.string({ required: true, description: '12位区划代码 12-digit division code' }) },
      resolve: async (_root, { code }, ctx) => (await loadAreasOfLevel(ctx, [checkDivisionCode(code, 'code')], true))[0],
    }),
    regions: t.connection(
      {
        type: 'AdministrativeArea',
        description:
          '行政区划列表：不指定层级时为直接下级；指定层级时为该区划下该层级的全部区划 Areas: the direct children of parentCode (provinces when omitted), or with level every area of that level under parentCode',
        args: {
          parentCode: t.arg.string({ description: '上级区划代码 Parent division code' }),
          level: t.arg({ type: AreaLevelEnum, description: '层级 Level' }),
        },
        resolve: (_root, args, ctx) =>
          areaConnection(
            ctx,
            { parentCode: args.parentCode == null ? null : checkDivisionCode(args.parentCode, 'parentCode'), level: args.level ?? null },
            args,
          ),
      },
      AreaConnection,
    ),
  }));
}
