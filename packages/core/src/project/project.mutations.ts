import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import type { TuopinContext } from '../kernel/context.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { ConstructionTypeEnum, ProjectCategoryEnum, ProjectStatusEnum } from './project-enums.js';
import { ProjectSchema, ProjectStatusChangeSchema } from './project.entity.js';
import { createProject, updateProject } from './project.service.js';
import { changeProjectStatus } from './project-status.service.js';

/** What project mutations return: the project, read fresh after the write. */
export interface ProjectPayload {
  projectId: number;
}

/** The project as stored now, bypassing anything this request loaded before the write. */
export function freshProject(ctx: TuopinContext, id: number) {
  return ctx.em.findOneOrFail(ProjectSchema, { id }, { refresh: true });
}

/** The `project` field every project payload has. */
export function projectPayloadField<Payload extends ProjectPayload>(t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, Payload>) {
  return t.field({
    type: 'Project',
    description: '项目 The project, as it is now',
    resolve: (p, _args, ctx) => freshProject(ctx, p.projectId),
  });
}

export function registerProjectMutations(builder: TuopinBuilder): void {
  const projectFields = (t: any, required: boolean) => ({
    name: t.string({ required, description: '项目名称 Name' }),
    category: t.field({ type: ProjectCategoryEnum, required, description: '项目类别 Category' }),
    constructionType: t.field({ type: ConstructionTypeEnum, required, description: '建设性质 Construction type' }),
    placeCode: t.string({ required, description: '实施地点：县、乡镇或行政村的12位代码 12-digit code of the county, township or village' }),
    responsibleUnit: t.string({ required, description: '责任单位 Responsible unit' }),
    budget: t.field({ type: 'Money', required, description: '预算（元） Budget in yuan' }),
    year: t.int({ required, description: '项目年度 Plan year' }),
    plannedStartDate: t.field({ type: 'Date', description: '计划开工日期 Planned start' }),
    plannedEndDate: t.field({ type: 'Date', description: '计划完工日期 Planned completion' }),
    actualStartDate: t.field({ type: 'Date', description: '实际开工日期（开工时自动填写） Actual start; filled in when work starts' }),
    actualEndDate: t.field({ type: 'Date', description: '实际完工日期（完工时自动填写） Actual completion; filled in on completion' }),
    performanceTargets: t.string({ description: '绩效目标 Performance targets' }),
    povertyLink: t.string({ description: '带贫机制 How the project lifts poor households' }),
    note: t.string({ description: '备注 Note' }),
  });

  defineMutation(builder, 'createProject', {
    description: '项目入库 Enter a project in the project library',
    input: { description: '项目入库 A project to enter in the library (status PLANNED)', argumentDescription: '项目 The project', fields: (t) => projectFields(t, true) },
    resolve: async (input, ctx) => ({ projectId: await createProject(ctx, input as never) }),
    payload: { description: '项目已入库 The project entered', fields: (t) => ({ project: projectPayloadField(t) }) },
  });

  defineMutation(builder, 'updateProject', {
    description: '修改项目信息（状态另有变更操作） Change a project\'s fields; its status has changeProjectStatus',
    input: {
      description: '修改项目 Changes to a project; absent fields stay as they are, null clears an optional one',
      argumentDescription: '修改内容 The changes',
      fields: (t) => ({ id: t.id({ required: true, description: '项目全局 ID Project global ID' }), ...projectFields(t, false) }),
    },
    ids: { id: 'Project' },
    resolve: async (input, ctx) => ({ projectId: await updateProject(ctx, input as never) }),
    payload: { description: '项目已修改 The changed project', fields: (t) => ({ project: projectPayloadField(t) }) },
  });

  defineMutation(builder, 'changeProjectStatus', {
    description:
      '变更项目状态：入库→批复→在建→完工→验收，可暂停（恢复到原状态）或撤销；批复前须完成项目计划公示 Move a project along its life cycle: PLANNED → APPROVED → UNDER_CONSTRUCTION → COMPLETED → ACCEPTED, or SUSPENDED (resumable) or CANCELLED; approval needs a project-plan notice that has run its period',
    input: {
      description: '变更项目状态 A move along the project life cycle',
      argumentDescription: '状态变更 The move',
      fields: (t) => ({
        projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
        status: t.field({
          type: ProjectStatusEnum,
          required: true,
          description: '新状态；恢复暂停的项目时填暂停前的状态 The new status; to resume a suspended project, the status it was suspended from',
        }),
        reason: t.string({ description: '原因或批复文号 Reason, or the approval document' }),
        effectiveDate: t.field({ type: 'Date', description: '生效日期（默认今天，不能晚于今天） Date it took effect; today if omitted, never in the future' }),
      }),
    },
    ids: { projectId: 'Project' },
    resolve: async (input, ctx) => ({ projectId: input.projectId, changeId: await changeProjectStatus(ctx, input) }),
    payload: {
      description: '状态已变更 The project with its new status',
      fields: (t) => ({
        project: projectPayloadField(t),
        change: t.field({
          type: 'ProjectStatusChange',
          description: '本次变更记录 The status change recorded',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(ProjectStatusChangeSchema, { id: p.changeId }),
        }),
      }),
    },
  });
}
