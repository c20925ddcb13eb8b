import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { CASE_TYPES } from './workflow-registry.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { noticeLengthInDays } from '../project/notice-period.js';
import { raiseObjection, resolveObjection } from './workflow-objections.service.js';
import { stepOf, type WorkflowDefinition } from './workflow-definition.js';
import { workflowOf } from './workflow-registry.js';
import type { WorkflowCase } from './workflow.entity.js';
import { noticesOfCaseLoader, objectionsOfCaseLoader, stepsOfCaseLoader, workflowNoticeLoader, workflowObjectionLoader } from './workflow.loaders.js';
import { freshObjection } from './workflow-fresh.js';

function nextStepsOf(workflow: WorkflowDefinition, kase: WorkflowCase): string[] {
  if (kase.state !== 'OPEN') return [];
  const index = workflow.steps.findIndex((step) => step.key === kase.step);
  const next = workflow.steps[index + 1];
  return next ? [next.key] : [];
}

/** The records every workflow shares: steps taken, notices and their objections, and the objection mutations. */
export function registerWorkflowSchema(builder: TuopinBuilder): void {
  builder.interfaceType('WorkflowCase', {
    description: '流程事项（识别、退出、防返贫监测） A case of one of a household\'s workflows: identification, exit, monitoring',
    interfaces: [builder.nodeInterfaceRef()],
    resolveType: (c) => CASE_TYPES[c.workflow.kind],
    fields: (t) => ({
      step: t.string({ description: '当前环节 The step the case has reached', resolve: (c) => c.workflow.step }),
      stepTitle: t.string({ description: '当前环节名称 The title of that step, Chinese and English', resolve: (c) => stepOf(workflowOf(c.workflow.kind), c.workflow.step)!.title }),
      nextSteps: t.stringList({
        description: '下一环节（办结后为空） The step that may be taken next; empty once the case is finished',
        resolve: (c) => nextStepsOf(workflowOf(c.workflow.kind), c.workflow),
      }),
      state: t.string({
        description: '办理状态：OPEN 办理中、COMPLETED 办结、CLOSED 终止 State: OPEN, COMPLETED, or CLOSED (stopped before the last step)',
        resolve: (c) => c.workflow.state,
      }),
      version: t.int({ description: '版本（每办理一个环节加一；办理时须提交） Version; every step adds one, and a step names the version it read', resolve: (c) => c.workflow.version }),
      openedOn: t.field({ type: 'Date', description: '立案日期 Opened on', resolve: (c) => c.workflow.openedOn }),
      closedOn: t.field({ type: 'Date', nullable: true, description: '办结日期 Finished on', resolve: (c) => c.workflow.closedOn ?? null }),
      rejectedStep: t.string({
        nullable: true,
        description: '驳回环节（该环节的办理层级不予通过，事项终止） The step whose level rejected the case, which closed it; null unless rejected',
        resolve: (c) => c.workflow.rejectedStep ?? null,
      }),
      rejectionReason: t.string({ nullable: true, description: '驳回理由 Why it was rejected', resolve: (c) => c.workflow.rejectionReason ?? null }),
      history: t.field({ type: ['WorkflowStepRecord'], description: '已办理环节 Steps taken, in order', resolve: (c, _args, ctx) => stepsOfCaseLoader(ctx).load(c.id) }),
      notices: t.field({ type: ['WorkflowNotice'], description: '公示与公告 Notices posted, in order', resolve: (c, _args, ctx) => noticesOfCaseLoader(ctx).load(c.id) }),
      openObjections: t.int({
        description: '未处理的异议数 Objections still open; the next step waits until there are none',
        resolve: async (c, _args, ctx) => (await objectionsOfCaseLoader(ctx).load(c.id)).filter((o) => !o.resolvedOn).length,
      }),
    }),
  });

  builder.objectType('WorkflowStepRecord', {
    description: '已办理环节 A step taken in a case',
    scope: 'contained',
    fields: (t) => ({
      step: t.exposeString('step', { description: '环节 The step' }),
      takenOn: t.field({ type: 'Date', resolve: (s) => s.takenOn, description: '办理日期 Date taken' }),
      takenBy: t.exposeString('takenBy', { description: '办理人 Who took it (principal id)' }),
      takenRole: t.exposeString('takenRole', { description: '办理人角色 The role it was taken in' }),
      note: t.exposeString('note', { nullable: true, description: '说明 Note' }),
    }),
  });

  builder.node('WorkflowObjection', {
    description: '异议 An objection raised against a notice',
    scope: { area: (o) => o.villageCode },
    id: { resolve: (o) => o.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'raisedBy' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => workflowObjectionLoader(ctx).load(id)),
    fields: (t) => ({
      raisedOn: t.field({ type: 'Date', resolve: (o) => o.raisedOn, description: '提出日期 Raised on' }),
      content: t.exposeString('content', { description: '异议内容 What was objected' }),
      resolvedOn: t.field({ type: 'Date', nullable: true, resolve: (o) => o.resolvedOn ?? null, description: '处理日期 Resolved on; null while open' }),
      resolution: t.exposeString('resolution', { nullable: true, description: '核实处理结果 What was found and done' }),
    }),
  });

  builder.node('WorkflowNotice', {
    description: '公示/公告 A notice posted at a step of a case',
    scope: { area: (n) => n.villageCode },
    id: { resolve: (n) => n.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'location' in value && 'caseId' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => workflowNoticeLoader(ctx).load(id)),
    fields: (t) => ({
      step: t.exposeString('step', { description: '张贴公示的环节 The step that posted it' }),
      startDate: t.field({ type: 'Date', resolve: (n) => n.startDate, description: '公示开始日期 First day posted' }),
      endDate: t.field({ type: 'Date', resolve: (n) => n.endDate, description: '公示结束日期 Last day posted' }),
      days: t.int({ resolve: (n) => noticeLengthInDays(n), description: '公示天数（含首尾） Days posted, both ends included' }),
      location: t.exposeString('location', { description: '张贴地点 Where it was posted' }),
      objections: t.field({
        type: ['WorkflowObjection'],
        description: '异议 Objections raised against it',
        resolve: async (n, _args, ctx) => (await objectionsOfCaseLoader(ctx).load(n.caseId)).filter((o) => o.noticeId === n.id),
      }),
    }),
  });

  const objectionField = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { objectionId: number }>) =>
    t.field({ type: 'WorkflowObjection', description: '异议 The objection', resolve: (p, _args, ctx) => freshObjection(ctx, p.objectionId) });

  defineMutation(builder, 'raiseWorkflowObjection', {
    description: '登记公示异议（未处理前不能进入下一环节） Record an objection to a notice; the case waits until it is resolved',
    input: {
      description: '公示异议 An objection to a notice',
      argumentDescription: '异议 The objection',
      fields: (t) => ({
        noticeId: t.id({ required: true, description: '公示全局 ID The notice' }),
        raisedOn: t.field({ type: 'Date', description: '提出日期（默认今天） Raised on; today when omitted' }),
        content: t.string({ required: true, description: '异议内容 What is objected' }),
      }),
    },
    ids: { noticeId: 'WorkflowNotice' },
    resolve: async (input, ctx) => ({ objectionId: await raiseObjection(ctx, input) }),
    payload: { description: '异议已登记 The recorded objection', fields: (t) => ({ objection: objectionField(t) }) },
  });

  defineMutation(builder, 'resolveWorkflowObjection', {
    description: '处理公示异议 Resolve an objection to a notice',
    input: {
      description: '异议处理 How an objection was resolved',
      argumentDescription: '处理结果 The resolution',
      fields: (t) => ({
        objectionId: t.id({ required: true, description: '异议全局 ID The objection' }),
        resolvedOn: t.field({ type: 'Date', description: '处理日期（默认今天） Resolved on; today when omitted' }),
        resolution: t.string({ required: true, description: '核实处理结果 What was found and done' }),
      }),
    },
    ids: { objectionId: 'WorkflowObjection' },
    resolve: async (input, ctx) => ({ objectionId: await resolveObjection(ctx, input) }),
    payload: { description: '异议已处理 The resolved objection', fields: (t) => ({ objection: objectionField(t) }) },
  });
}
