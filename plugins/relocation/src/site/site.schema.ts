import { areaPullConnection, changeTimeDescription, changeTimeValue, checkDivisionCode, loadAll, loadByDatabaseIds, projectLoader, statisticDescription, updatedAfterDescription, type TuopinBuilder } from '@tuopin/core';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { flatsOfSiteLoader, householdsOfSiteLoader, siteLoader } from '../shared/relocation.loaders.js';
import { relocationRefs } from '../shared/relocation-refs.js';
import { BuildModeEnum, FacilityEnum, SiteKindEnum, SiteSettingEnum, SiteStatusEnum, type SiteStatus } from '../shared/vocabulary.js';
import { RelocationSiteSchema, type RelocationSite } from './site.entity.js';
import { siteProgressLoader } from './site-progress.loader.js';
import { keyMatch, SqlText, type TuopinContext } from '@tuopin/core';

/** The core projects linked to sites, by site id: one statement per batch. */
const projectIdsOfSiteLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, number[]>(async (ids) => {
      const sites = keyMatch('site_id', ids);
      const rows = await ctx.db.rows<{ siteId: number; projectId: number }>(
        new SqlText().append(`select site_id as "siteId", project_id as "projectId" from relocation_site_project where ${sites.sql} order by project_id`, ...sites.params),
      );
      return ids.map((id) => rows.filter((row) => row.siteId === id).map((row) => row.projectId));
    }),
);

export function registerSiteSchema(builder: TuopinBuilder): void {
  const { Site, SiteProgress, Flat, RelocatedHousehold } = relocationRefs(builder);

  // A site is a public notice (安置点公示): whoever's areas hold it reads it, partners included.
  // Its households are registry data; its progress is counts of people, protected for partners.
  builder.node(Site, {
    description: '易地扶贫搬迁集中安置点 A centralised resettlement site',
    scope: { area: (site) => site.areaCode },
    id: { resolve: (site) => site.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'plannedFlats' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => siteLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '安置点名称 Name' }),
      areaCode: t.exposeString('areaCode', { description: '所在乡镇或村代码 12-digit code of the township or village it stands in' }),
      kind: t.field({ type: SiteKindEnum, resolve: (s) => s.kind as never, description: '安置点类型 Kind' }),
      setting: t.field({ type: SiteSettingEnum, resolve: (s) => s.setting as never, description: '城乡属性 Urban or rural' }),
      buildMode: t.field({ type: BuildModeEnum, resolve: (s) => s.buildMode as never, description: '建设方式 How the flats are built' }),
      status: t.field({ type: SiteStatusEnum, resolve: (s) => s.status, description: '状态 Status' }),
      plannedHouseholds: t.exposeInt('plannedHouseholds', { description: '规划安置户数（容量） Households planned: the site\'s capacity' }),
      plannedPeople: t.exposeInt('plannedPeople', { description: '规划安置人数 People planned' }),
      plannedFlats: t.exposeInt('plannedFlats', { description: '规划住房套数（容量） Flats planned: the most that may be built' }),
      plannedFloorArea: t.exposeString('plannedFloorArea', { description: '规划建筑面积（平方米，两位小数） Planned floor area in m², two decimals' }),
      facilities: t.field({ type: [FacilityEnum], resolve: (s) => s.facilities as never, description: '配套设施 Facilities' }),
      planYear: t.exposeInt('planYear', { description: '计划年度 Plan year' }),
      updatedAt: t.field({
        type: 'DateTime',
        resolve: (s, _args, ctx) => changeTimeValue(ctx, s.updatedAt),
        description: changeTimeDescription('更新时间（含分房、入住等进度变化）', 'Last change of the site or its progress'),
      }),
      progress: t.field({ type: SiteProgress, resolve: (s) => s, description: '建设和入住进度 What was built, placed and moved in' }),
      flats: t.field({
        type: [Flat],
        description: '安置房 The flats built',
        resolve: (s, _args, ctx) => flatsOfSiteLoader(ctx).load(s.id),
      }),
      households: t.field({
        type: [RelocatedHousehold],
        authScopes: { permission: 'core.registry.read' },
        description: '在此安置的搬迁户（限于您的管辖范围） The households placed at the site, within your areas',
        resolve: (s, _args, ctx) => householdsOfSiteLoader(ctx).load(s.id),
      }),
      projects: t.field({
        type: ['Project'],
        description: '建设该安置点的项目（限于您的管辖范围） The core projects that build it, within your areas',
        resolve: async (s, _args, ctx) => (await loadAll(projectLoader(ctx), await projectIdsOfSiteLoader(ctx).load(s.id))).filter((p) => p !== null),
      }),
    }),
  });

  builder.objectType(SiteProgress, {
    description: '安置点进度（合作机构看到的人数、户数受小数保护） A site\'s progress; counts of people protected for partners',
    scope: 'contained',
    fields: (t) => {
      const count = (zh: string, en: string, pick: (p: Awaited<ReturnType<ReturnType<typeof siteProgressLoader>['load']>>) => number) =>
        t.int({
          nullable: true,
          statistic: 'count',
          description: statisticDescription('count', zh, en),
          resolve: async (site, _args, ctx) => pick(await siteProgressLoader(ctx).load(site.id)),
        });
      return {
        households: count('已安置户数', 'Households placed at the site', (p) => p.households),
        people: count('已安置人数', 'People placed at the site', (p) => p.people),
        flatsBuilt: t.int({
          statistic: 'public',
          description: '已建住房套数（公开） Flats built: buildings, not people',
          resolve: async (site, _args, ctx) => (await siteProgressLoader(ctx).load(site.id)).flats,
        }),
        flatsAssigned: count('已分配住房套数', 'Flats assigned to households', (p) => p.flatsAssigned),
        movedInHouseholds: count('已入住户数', 'Households moved in', (p) => p.movedInHouseholds),
        movedInPeople: count('已入住人数', 'People moved in', (p) => p.movedInPeople),
      };
    },
  });

  const SiteConnection = builder.connectionObject({ type: Site, name: 'RelocationSiteConnection', description: '安置点分页列表 A page of resettlement sites' });

  builder.queryField('relocationSites', (t) =>
    t.connection(
      {
        type: Site,
        description:
          '安置点：默认按所在地代码排序；指定 updatedAfter 时按更新时间排序，供合作机构增量同步 Resettlement sites of an area and everything under it, by place; with updatedAfter, only those changed (progress included), by (updatedAt, id), for partners\' incremental pulls (overlap your pulls and deduplicate by id)',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          status: t.arg({ type: SiteStatusEnum, description: '状态 Status' }),
          updatedAfter: t.arg({ type: 'DateTime', description: updatedAfterDescription('只取此时间之后有变化的安置点', 'Only sites changed after this moment') }),
        },
        resolve: (_root, args, ctx) =>
          areaPullConnection<RelocationSite>(
            ctx,
            {
              entity: RelocationSiteSchema,
              alias: 'r',
              code: { property: 'areaCode', column: 'area_code' },
              regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode'),
              updatedAfter: args.updatedAfter ?? null,
              where: args.status ? (sql) => sql.append(' and r.status = ?', args.status as SiteStatus) : undefined,
            },
            args,
          ),
      },
      SiteConnection,
    ),
  );
}
