import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { flatLoader, reloaded, siteLoader } from '../shared/relocation.loaders.js';
import { relocationRefs } from '../shared/relocation-refs.js';
import { BuildModeEnum, FacilityEnum, SiteKindEnum, SiteSettingEnum, SiteStatusEnum } from '../shared/vocabulary.js';
import { addFlats, changeSiteStatus, createSite, linkSiteProject } from './site.service.js';

export function registerSiteMutations(builder: TuopinBuilder): void {
  const { Site, Flat } = relocationRefs(builder);

  defineMutation(builder, 'createRelocationSite', {
    description: '新建集中安置点 Create a centralised resettlement site in a township or village of your areas',
    input: {
      description: '安置点 The site',
      argumentDescription: '安置点 The site',
      fields: (t) => ({
        areaCode: t.string({ required: true, description: '所在乡镇或村代码 12-digit code of the township or village it stands in' }),
        name: t.string({ required: true, description: '名称 Name' }),
        kind: t.field({ type: SiteKindEnum, required: true, description: '类型 Kind' }),
        setting: t.field({ type: SiteSettingEnum, required: true, description: '城乡属性 Urban or rural' }),
        buildMode: t.field({ type: BuildModeEnum, required: true, description: '建设方式 How the flats are built' }),
        plannedHouseholds: t.int({ required: true, description: '规划安置户数（容量） Households planned: the capacity' }),
        plannedPeople: t.int({ required: true, description: '规划安置人数 People planned' }),
        plannedFlats: t.int({ required: true, description: '规划住房套数 Flats planned' }),
        plannedFloorArea: t.string({ required: true, description: '规划建筑面积（平方米，如 "3240.00"） Planned floor area in m², e.g. "3240.00"' }),
        facilities: t.field({ type: [FacilityEnum], description: '配套设施 Facilities' }),
        planYear: t.int({ required: true, description: '计划年度 Plan year' }),
      }),
    },
    resolve: async (input, ctx) => ({ siteId: await createSite(ctx, input) }),
    payload: {
      description: '安置点已创建 The site created',
      fields: (t) => ({ site: t.field({ type: Site, description: '安置点 The site', resolve: async (p, _a, ctx) => (await reloaded(siteLoader(ctx), p.siteId))! }) }),
    },
  });

  defineMutation(builder, 'changeRelocationSiteStatus', {
    description: '推进安置点状态（规划→在建→竣工→验收→入住，逐级） Move a site one step: planned → under construction → completed → accepted → occupied',
    input: {
      description: '安置点状态 The new status',
      argumentDescription: '新状态 The change',
      fields: (t) => ({
        siteId: t.id({ required: true, description: '安置点全局 ID Site global ID' }),
        status: t.field({ type: SiteStatusEnum, required: true, description: '新状态 New status' }),
      }),
    },
    ids: { siteId: 'RelocationSite' },
    resolve: async (input, ctx) => {
      await changeSiteStatus(ctx, input.siteId, input.status);
      return { siteId: input.siteId };
    },
    payload: {
      description: '安置点状态已变更 The site moved on',
      fields: (t) => ({ site: t.field({ type: Site, description: '安置点 The site', resolve: async (p, _a, ctx) => (await reloaded(siteLoader(ctx), p.siteId))! }) }),
    },
  });

  defineMutation(builder, 'linkRelocationSiteProject', {
    description: '关联建设该安置点的项目 Link a core project that builds the site (housing, school, clinic…)',
    input: {
      description: '安置点与项目 The site and the project',
      argumentDescription: '关联 The link',
      fields: (t) => ({
        siteId: t.id({ required: true, description: '安置点全局 ID Site global ID' }),
        projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
      }),
    },
    ids: { siteId: 'RelocationSite', projectId: 'Project' },
    resolve: async (input, ctx) => {
      await linkSiteProject(ctx, input.siteId, input.projectId);
      return { siteId: input.siteId };
    },
    payload: {
      description: '已关联 The project linked',
      fields: (t) => ({ site: t.field({ type: Site, description: '安置点 The site', resolve: async (p, _a, ctx) => (await reloaded(siteLoader(ctx), p.siteId))! }) }),
    },
  });

  const FlatInput = builder.inputType('RelocationFlatInput', {
    description: '一套安置房 One flat',
    fields: (t) => ({
      unitNo: t.string({ required: true, description: '房号（同一安置点内唯一） Unit number, unique at the site' }),
      floorArea: t.string({ required: true, description: '建筑面积（平方米，如 "75.00"） Floor area in m², e.g. "75.00"' }),
    }),
  });
  defineMutation(builder, 'addRelocationFlats', {
    description: '登记安置房（不超过规划套数） Add flats to a site, never more than it is planned for',
    input: {
      description: '安置房 The flats',
      argumentDescription: '安置房 The flats',
      fields: (t) => ({
        siteId: t.id({ required: true, description: '安置点全局 ID Site global ID' }),
        flats: t.field({ type: [FlatInput], required: true, description: '安置房（每次1到500套） The flats, 1 to 500 at a time' }),
      }),
    },
    ids: { siteId: 'RelocationSite' },
    resolve: async (input, ctx) => ({ siteId: input.siteId, flatIds: await addFlats(ctx, input.siteId, input.flats) }),
    payload: {
      description: '安置房已登记 The flats added',
      fields: (t) => ({
        site: t.field({ type: Site, description: '安置点 The site', resolve: async (p, _a, ctx) => (await reloaded(siteLoader(ctx), p.siteId))! }),
        flats: t.field({ type: [Flat], description: '新登记的安置房 The flats added', resolve: async (p, _a, ctx) => (await Promise.all(p.flatIds.map((id) => flatLoader(ctx).load(id)))).filter((f) => f !== null) }),
      }),
    },
  });
}
