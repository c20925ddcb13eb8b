import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { groupRows } from '../kernel/group-rows.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import type { TuopinContext } from '../kernel/context.js';
import { scopedLoaderBy } from '../access/registry-loader.js';
import { WorkflowCaseSchema } from '../workflow/workflow.entity.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { workflowInputFields } from '../workflow/workflow-inputs.js';
import { MonitoringEliminationSchema, type MonitoringElimination, type RiskEliminationRow } from './elimination.entity.js';
import { proposeElimination, takeEliminationStep } from './elimination.service.js';
import { RISK_ELIMINATION_WORKFLOW } from './elimination.workflow.js';
import { loadMonitoringCase } from './monitoring.loaders.js';

const eliminationRowLoader = scopedLoaderBy(MonitoringEliminationSchema, 'id');

/** The eliminations of monitoring cases (the last is the one that counts), batched by case. */
const eliminationsOfCaseLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, MonitoringElimination[]>(async (caseIds) =>
      groupRows(caseIds, await rowsWhereIn(ctx, MonitoringEliminationSchema, 'monitoringCaseId', caseIds, { orderBy: [['id', 'asc']] }), (row) => row.monitoringCaseId),
    ),
);

async function loadElimination(ctx: TuopinContext, id: number): Promise<RiskEliminationRow | null> {
  const row = await eliminationRowLoader(ctx).load(id);
  const workflow = row ? await workflowCaseLoader(ctx).load(id) : null;
  return row && workflow ? { ...row, workflow } : null;
}

/** As stored now, for a payload (the request's loaders may hold it from before the write). */
async function freshElimination(ctx: TuopinContext, id: number): Promise<RiskEliminationRow> {
  const [[row], [workflow]] = await Promise.all([rowsWhereIn(ctx, MonitoringEliminationSchema, 'id', [id]), rowsWhereIn(ctx, WorkflowCaseSchema, 'id', [id])]);
  if (!row || !workflow) throw new Error(`risk elimination ${id} vanished after its write`);
  return { ...row, workflow };
}

/** 风险消除: its case type, its two mutations, and the monitoring case's day of elimination. */
export function registerEliminationSchema(builder: TuopinBuilder): void {
  const StepEnum = builder.enumType('RiskEliminationStep', {
    description: '风险消除环节（按顺序） The steps of a risk elimination, in order',
    values: Object.fromEntries(RISK_ELIMINATION_WORKFLOW.steps.map((step) => [step.key, { description: step.title }])),
  });

  builder.node('RiskElimination', {
    description: '风险消除事项 A risk elimination of a monitored household',
    scope: { area: (e) => e.villageCode },
    interfaces: ['WorkflowCase'],
    id: { resolve: (e) => e.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'monitoringCaseId' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => loadElimination(ctx, id)),
    fields: (t) => ({
      monitoringCase: t.field({
        type: 'MonitoringCase',
        description: '所消除风险的监测事项 The monitoring case whose risk it ends',
        resolve: async (e, _args, ctx) => (await loadMonitoringCase(ctx, e.monitoringCaseId))!,
      }),
    }),
  });

  builder.objectField('MonitoringCase', 'riskElimination', (t) =>
    t.field({
      type: 'RiskElimination',
      nullable: true,
      description: '最近一次风险消除事项 The latest risk elimination of this case, under way or done; null when none',
      resolve: async (c, _args, ctx) => {
        const last = (await eliminationsOfCaseLoader(ctx).load(c.id)).at(-1);
        const workflow = last ? await workflowCaseLoader(ctx).load(last.id) : null;
        return last && workflow ? { ...last, workflow } : null;
      },
    }),
  );

  builder.objectField('MonitoringCase', 'eliminatedOn', (t) =>
    t.field({ type: 'Date', nullable: true, description: '风险消除日期（县级审定） Day the risk was eliminated, by the county\'s decision', resolve: (c) => c.eliminatedOn ?? null }),
  );

  const field = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { caseId: number }>) =>
    t.field({ type: 'RiskElimination', description: '风险消除事项 The risk elimination', resolve: (p, _args, ctx) => freshElimination(ctx, p.caseId) });

  defineMutation(builder, 'proposeRiskElimination', {
    description: '村级评议并提出风险消除 The village assesses a monitored household and proposes to eliminate its risk',
    input: {
      description: '风险消除评议 The village\'s assessment',
      argumentDescription: '评议 The assessment',
      fields: (t) => ({
        monitoringCaseId: t.id({ required: true, description: '监测事项全局 ID The monitoring case' }),
        date: t.field({ type: 'Date', description: '评议日期（默认今天） Day of the assessment; today when omitted' }),
        incomeStable: t.boolean({ required: true, description: '收入稳定高于监测范围约半年 Income stably above the range for about half a year' }),
        rigidSpendingResolved: t.boolean({ required: true, description: '刚性支出问题已解决 Rigid spending resolved' }),
        assurancesSecured: t.boolean({ required: true, description: '“三保障”和饮水安全有保障 The three guarantees and safe water secured' }),
        note: t.string({ description: '说明 Note' }),
      }),
    },
    ids: { monitoringCaseId: 'MonitoringCase' },
    resolve: async (input, ctx) => ({ caseId: await proposeElimination(ctx, input) }),
    payload: { description: '风险消除已提出 The risk elimination opened', fields: (t) => ({ riskElimination: field(t) }) },
  });

  defineMutation(builder, 'takeRiskEliminationStep', {
    description: '办理风险消除的下一环节 Take the next step of a risk elimination',
    input: {
      description: '办理环节 A step to take',
      argumentDescription: '环节 The step',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '风险消除事项全局 ID The risk elimination' }),
        step: t.field({ type: StepEnum, required: true, description: '环节 The step' }),
        ...workflowInputFields(builder, t),
      }),
    },
    ids: { caseId: 'RiskElimination' },
    resolve: async (input, ctx) => {
      await takeEliminationStep(ctx, input as never);
      return { caseId: input.caseId };
    },
    payload: { description: '环节已办理 The risk elimination after the step', fields: (t) => ({ riskElimination: field(t) }) },
  });
}
