import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { NoticeTypeEnum } from './project-enums.js';
import { ProjectNoticeSchema } from './project-records.entity.js';
import { projectPayloadField, type ProjectPayload } from './project.mutations.js';
import { recordProjectNotice, setProjectOutputs } from './project-records.service.js';
import { linkProjectBeneficiaries, unlinkProjectBeneficiaries } from './project-beneficiary.service.js';

export function registerProjectRecordMutations(builder: TuopinBuilder): void {
  defineMutation(builder, 'recordProjectNotice', {
    description: '记录项目公示（公示期、地点） Record a public notice of a project: its kind, period and place',
    input: {
      description: '记录项目公示 A public notice about a project',
      argumentDescription: '公示 The notice',
      fields: (t) => ({
        projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
        noticeType: t.field({ type: NoticeTypeEnum, required: true, description: '公示类型 Kind of notice' }),
        startDate: t.field({ type: 'Date', required: true, description: '公示开始日期 First day posted' }),
        endDate: t.field({ type: 'Date', required: true, description: '公示结束日期 Last day posted' }),
        location: t.string({ required: true, description: '公示地点 Where it was posted, e.g. 村务公开栏' }),
        content: t.string({ description: '公示内容摘要 Summary of what it announced' }),
      }),
    },
    ids: { projectId: 'Project' },
    resolve: async (input, ctx) => ({ projectId: input.projectId, noticeId: await recordProjectNotice(ctx, input) }),
    payload: {
      description: '公示已记录 The recorded notice',
      fields: (t) => ({
        project: projectPayloadField(t),
        notice: t.field({
          type: 'ProjectNotice',
          description: '公示 The notice',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(ProjectNoticeSchema, { id: p.noticeId }),
        }),
      }),
    },
  });

  const OutputInput = builder.inputType('ProjectOutputInput', {
    description: '产出指标 An output of a project',
    fields: (t) => ({
      indicator: t.string({ required: true, description: '指标 Indicator, e.g. 道路硬化长度' }),
      unit: t.string({ required: true, description: '单位 Unit, e.g. 公里' }),
      planned: t.float({ required: true, description: '计划数量 Planned quantity' }),
      actual: t.float({ description: '实际数量 Actual quantity' }),
    }),
  });
  defineMutation(builder, 'setProjectOutputs', {
    description: '设置项目产出指标（计划与实际） Set a project\'s outputs, planned and actual',
    input: {
      description: '设置项目产出指标（整体替换） A project\'s outputs, replacing those it has',
      argumentDescription: '产出指标 The outputs',
      fields: (t) => ({
        projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
        outputs: t.field({ type: [OutputInput], required: true, description: '产出指标（空列表即清除） The outputs; an empty list clears them' }),
      }),
    },
    ids: { projectId: 'Project' },
    resolve: async (input, ctx) => ({ projectId: await setProjectOutputs(ctx, input) }),
    payload: { description: '产出指标已设置 The project with its outputs', fields: (t) => ({ project: projectPayloadField(t) }) },
  });

  /** Link and unlink take the same input and answer alike: the project and how many households changed. */
  const beneficiaries = (description: string, payloadDescription: string, countDescription: string) => ({
    input: {
      description,
      argumentDescription: '受益户 The households',
      fields: (t: PothosSchemaTypes.InputFieldBuilder<TuopinTypes, 'InputObject'>) => ({
        projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
        householdIds: t.idList({ required: true, description: '户全局 ID（最多500个） Household global IDs, at most 500' }),
      }),
    },
    ids: { projectId: 'Project', householdIds: 'Household' } as const,
    payload: {
      description: payloadDescription,
      fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, ProjectPayload & { count: number }>) => ({
        project: projectPayloadField(t),
        count: t.exposeInt('count', { description: countDescription }),
      }),
    },
  });

  defineMutation(builder, 'linkProjectBeneficiaries', {
    description: '关联受益户（须为项目实施地点内的建档立卡户） Link registered households of the project\'s place as beneficiaries',
    ...beneficiaries('关联受益户 Households to link as beneficiaries', '受益户已关联 The project with its beneficiaries', '新关联的户数 Households newly linked'),
    resolve: async (input, ctx) => ({ projectId: input.projectId, count: await linkProjectBeneficiaries(ctx, input) }),
  });

  defineMutation(builder, 'unlinkProjectBeneficiaries', {
    description: '解除受益户关联 Unlink beneficiary households',
    ...beneficiaries('解除受益户 Households to unlink', '受益户已解除 The project with its beneficiaries', '解除关联的户数 Households unlinked'),
    resolve: async (input, ctx) => ({ projectId: input.projectId, count: await unlinkProjectBeneficiaries(ctx, input) }),
  });
}
