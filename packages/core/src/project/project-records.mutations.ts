import type { TuopinBuilder } from '../kernel/builder.js';
import { numericIdOf } from '../kernel/global-id.js';
import { mutationErrors } from '../kernel/mutation-errors.js';
import { NoticeTypeEnum } from './project-enums.js';
import { ProjectNoticeSchema } from './project-records.entity.js';
import { projectPayloadField, type ProjectPayload } from './project.mutations.js';
import { recordProjectNotice, setProjectOutputs } from './project-records.service.js';
import { linkProjectBeneficiaries, unlinkProjectBeneficiaries } from './project-beneficiary.service.js';

export function registerProjectRecordMutations(builder: TuopinBuilder): void {
  const NoticeInput = builder.inputType('RecordProjectNoticeInput', {
    description: '记录项目公示 A public notice about a project',
    fields: (t) => ({
      projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
      noticeType: t.field({ type: NoticeTypeEnum, required: true, description: '公示类型 Kind of notice' }),
      startDate: t.field({ type: 'Date', required: true, description: '公示开始日期 First day posted' }),
      endDate: t.field({ type: 'Date', required: true, description: '公示结束日期 Last day posted' }),
      location: t.string({ required: true, description: '公示地点 Where it was posted, e.g. 村务公开栏' }),
      content: t.string({ description: '公示内容摘要 Summary of what it announced' }),
    }),
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
  const OutputsInput = builder.inputType('SetProjectOutputsInput', {
    description: '设置项目产出指标（整体替换） A project\'s outputs, replacing those it has',
    fields: (t) => ({
      projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
      outputs: t.field({ type: [OutputInput], required: true, description: '产出指标（空列表即清除） The outputs; an empty list clears them' }),
    }),
  });
  const beneficiariesInput = (name: string, description: string) =>
    builder.inputType(name, {
      description,
      fields: (t) => ({
        projectId: t.id({ required: true, description: '项目全局 ID Project global ID' }),
        householdIds: t.idList({ required: true, description: '户全局 ID（最多500个） Household global IDs, at most 500' }),
      }),
    });
  const LinkInput = beneficiariesInput('LinkProjectBeneficiariesInput', '关联受益户 Households to link as beneficiaries');
  const UnlinkInput = beneficiariesInput('UnlinkProjectBeneficiariesInput', '解除受益户 Households to unlink');

  const NoticePayload = builder.objectType(builder.objectRef<ProjectPayload & { noticeId: number }>('RecordProjectNoticePayload'), {
    description: '公示已记录 The recorded notice',
    fields: (t) => ({
      project: projectPayloadField(t),
      notice: t.field({
        type: 'ProjectNotice',
        description: '公示 The notice',
        resolve: (p, _args, ctx) => ctx.em.findOneOrFail(ProjectNoticeSchema, { id: p.noticeId }),
      }),
    }),
  });
  const OutputsPayload = builder.objectType(builder.objectRef<ProjectPayload>('SetProjectOutputsPayload'), {
    description: '产出指标已设置 The project with its outputs',
    fields: (t) => ({ project: projectPayloadField(t) }),
  });
  const countPayload = (name: string, description: string, countDescription: string) =>
    builder.objectType(builder.objectRef<ProjectPayload & { count: number }>(name), {
      description,
      fields: (t) => ({ project: projectPayloadField(t), count: t.exposeInt('count', { description: countDescription }) }),
    });
  const LinkPayload = countPayload('LinkProjectBeneficiariesPayload', '受益户已关联 The project with its beneficiaries', '新关联的户数 Households newly linked');
  const UnlinkPayload = countPayload('UnlinkProjectBeneficiariesPayload', '受益户已解除 The project with its beneficiaries', '解除关联的户数 Households unlinked');

  const householdIds = (ids: readonly (string | number)[]) => ids.map((id, i) => numericIdOf(id, 'Household', `householdIds[${i}]`));

  builder.mutationFields((t) => ({
    recordProjectNotice: t.field({
      type: NoticePayload,
      errors: mutationErrors('recordProjectNotice'),
      description: '记录项目公示（公示期、地点） Record a public notice of a project: its kind, period and place',
      args: { input: t.arg({ type: NoticeInput, required: true, description: '公示 The notice' }) },
      resolve: async (_root, { input }, ctx) => {
        const projectId = numericIdOf(input.projectId, 'Project', 'projectId');
        return { projectId, noticeId: await recordProjectNotice(ctx, { ...input, projectId }) };
      },
    }),
    setProjectOutputs: t.field({
      type: OutputsPayload,
      errors: mutationErrors('setProjectOutputs'),
      description: '设置项目产出指标（计划与实际） Set a project\'s outputs, planned and actual',
      args: { input: t.arg({ type: OutputsInput, required: true, description: '产出指标 The outputs' }) },
      resolve: async (_root, { input }, ctx) => ({
        projectId: await setProjectOutputs(ctx, { projectId: numericIdOf(input.projectId, 'Project', 'projectId'), outputs: input.outputs }),
      }),
    }),
    linkProjectBeneficiaries: t.field({
      type: LinkPayload,
      errors: mutationErrors('linkProjectBeneficiaries'),
      description: '关联受益户（须为项目实施地点内的建档立卡户） Link registered households of the project\'s place as beneficiaries',
      args: { input: t.arg({ type: LinkInput, required: true, description: '受益户 The households' }) },
      resolve: async (_root, { input }, ctx) => {
        const projectId = numericIdOf(input.projectId, 'Project', 'projectId');
        return { projectId, count: await linkProjectBeneficiaries(ctx, { projectId, householdIds: householdIds(input.householdIds) }) };
      },
    }),
    unlinkProjectBeneficiaries: t.field({
      type: UnlinkPayload,
      errors: mutationErrors('unlinkProjectBeneficiaries'),
      description: '解除受益户关联 Unlink beneficiary households',
      args: { input: t.arg({ type: UnlinkInput, required: true, description: '受益户 The households' }) },
      resolve: async (_root, { input }, ctx) => {
        const projectId = numericIdOf(input.projectId, 'Project', 'projectId');
        return { projectId, count: await unlinkProjectBeneficiaries(ctx, { projectId, householdIds: householdIds(input.householdIds) }) };
      },
    }),
  }));
}
