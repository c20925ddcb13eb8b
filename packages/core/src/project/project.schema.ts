import { areaLoader } from '../area/area.loaders.js';
import { checkDivisionCode } from '../area/area.schema.js';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { changeTimeDescription, changeTimeValue, updatedAfterDescription } from '../kernel/change-times.js';
import { registerEnum } from '../kernel/enum-values.js';
import { loadByDatabaseIds, numericIdOf } from '../kernel/global-id.js';
import { FundSourceTypeEnum } from '../fund/fund-enums.js';
import type { Project } from './project.entity.js';
import { CONSTRUCTION_TYPES, ConstructionTypeEnum, NOTICE_TYPES, NoticeTypeEnum, PROJECT_CATEGORIES, PROJECT_STATUSES, ProjectCategoryEnum, ProjectStatusEnum } from './project-enums.js';
import { projectLoader } from './project.loaders.js';
import { projectConnection } from './project.queries.js';
import { countyCodeOf } from './node-ids.js';

export function registerProjectSchema(builder: TuopinBuilder): void {
  registerEnum(builder, ProjectCategoryEnum, 'ProjectCategory', '项目类别 Project category', PROJECT_CATEGORIES);
  registerEnum(builder, ConstructionTypeEnum, 'ConstructionType', '建设性质 Construction type', CONSTRUCTION_TYPES);
  registerEnum(builder, ProjectStatusEnum, 'ProjectStatus', '项目状态 Project status', PROJECT_STATUSES);
  registerEnum(builder, NoticeTypeEnum, 'NoticeType', '公示类型 Kind of public notice', NOTICE_TYPES);

  builder.node('Project', {
    description: '扶贫项目 A poverty-relief project at a village, a township or a county',
    // Visible in the caller's areas, or to a caller granted this one project (README, "Grants").
    scope: { area: (project) => project.placeCode, grantedThrough: (project) => [{ type: 'Project', id: project.id }] },
    id: { resolve: (project) => project.id },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'responsibleUnit' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => projectLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '项目名称 Name' }),
      category: t.field({ type: ProjectCategoryEnum, resolve: (p) => p.category, description: '项目类别 Category' }),
      constructionType: t.field({ type: ConstructionTypeEnum, resolve: (p) => p.constructionType, description: '建设性质 Construction type' }),
      placeCode: t.exposeString('placeCode', { description: '实施地点区划代码 12-digit code of the place (village, township or county)' }),
      place: t.field({
        type: 'AdministrativeArea',
        description: '实施地点 The village, township or county where the project is carried out',
        resolve: async (p, _args, ctx) => (await areaLoader(ctx).load(p.placeCode))!,
      }),
      county: t.field({
        type: 'Region',
        nullable: true,
        description: '所在县 The county the place lies in',
        resolve: (p, _args, ctx) => areaLoader(ctx).load(countyCodeOf(p.placeCode)),
      }),
      responsibleUnit: t.exposeString('responsibleUnit', { description: '责任单位 Responsible unit' }),
      budget: t.field({ type: 'Money', statistic: 'public', resolve: (p) => p.budget, description: '预算（元） Budget in yuan' }),
      year: t.exposeInt('year', { statistic: 'public', description: '项目年度 Plan year' }),
      plannedStartDate: dateField(t, 'plannedStartDate', '计划开工日期 Planned start'),
      plannedEndDate: dateField(t, 'plannedEndDate', '计划完工日期 Planned completion'),
      actualStartDate: dateField(t, 'actualStartDate', '实际开工日期 Actual start'),
      actualEndDate: dateField(t, 'actualEndDate', '实际完工日期 Actual completion'),
      performanceTargets: t.exposeString('performanceTargets', { nullable: true, description: '绩效目标 Performance targets' }),
      povertyLink: t.exposeString('povertyLink', { nullable: true, description: '带贫机制 How the project lifts poor households' }),
      note: t.exposeString('note', { nullable: true, description: '备注 Note, e.g. how a funding gap was bridged' }),
      status: t.expose('status', { type: ProjectStatusEnum, description: '项目状态 Status' }),
      suspendedFrom: t.field({
        type: ProjectStatusEnum,
        nullable: true,
        resolve: (p) => p.suspendedFrom ?? null,
        description: '暂停前状态（恢复时回到此状态） While suspended: the status a resume returns to',
      }),
      createdBy: t.exposeString('createdBy', { description: '入库人 Who entered the project (principal id)' }),
      createdAt: t.field({ type: 'DateTime', resolve: (p) => p.createdAt, description: '入库时间 Entered at' }),
      updatedAt: t.field({
        type: 'DateTime',
        resolve: (p, _args, ctx) => changeTimeValue(ctx, p.updatedAt),
        description: changeTimeDescription('更新时间（含资金、公示、产出、受益户的变化）', 'Last change of the project or anything about it (ledger, notices, outputs, beneficiaries)'),
      }),
    }),
  });

  const ProjectConnection = builder.connectionObject({
    type: 'Project',
    name: 'ProjectConnection',
    description: '项目分页列表 A page of projects',
  });

  builder.queryFields((t) => ({
    project: t.field({
      type: 'Project',
      nullable: true,
      description: '按全局 ID 查询项目 A project by global ID',
      args: { id: t.arg.id({ required: true, description: '项目全局 ID Project global ID' }) },
      resolve: (_root, { id }, ctx) => projectLoader(ctx).load(numericIdOf(id, 'Project', 'id')),
    }),
    projects: t.connection(
      {
        type: 'Project',
        description:
          '项目列表：默认按地点代码排序；指定 updatedAfter 时按更新时间排序，供增量同步 Projects of an area and everything under it, by place code; with updatedAfter, only the changed ones, by (updatedAt, id), for incremental pulls (overlap your pulls: see updatedAfter)',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          status: t.arg({ type: ProjectStatusEnum, description: '项目状态 Status' }),
          category: t.arg({ type: ProjectCategoryEnum, description: '项目类别 Category' }),
          year: t.arg.int({ description: '项目年度 Plan year' }),
          fundSourceType: t.arg({ type: FundSourceTypeEnum, description: '资金来源类型：有该类资金安排的项目 Projects with a live allocation from a fund of this source type' }),
          updatedAfter: t.arg({
            type: 'DateTime',
            description: updatedAfterDescription(
              '只取此时间之后有变化的项目；提交顺序可能与更新时间不一致，请重叠拉取并按 ID 去重',
              'Only projects changed after this moment. Commits can land out of updatedAt order: start each pull a few minutes before the newest updatedAt you hold, and deduplicate by id',
            ),
          }),
        },
        resolve: (_root, args, ctx, info) =>
          projectConnection(
            ctx,
            { ...args, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') },
            args,
            info,
          ),
      },
      ProjectConnection,
    ),
  }));
}

type DateKey = 'plannedStartDate' | 'plannedEndDate' | 'actualStartDate' | 'actualEndDate';

function dateField(t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, Project>, key: DateKey, description: string) {
  return t.field({ type: 'Date', nullable: true, description, resolve: (p) => p[key] ?? null });
}
