import { areaLoader } from '../area/area.loaders.js';
import { householdLoader } from '../household/household.loaders.js';
import { freshHousehold } from '../household/household.mutations.js';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { registerEnum } from '../kernel/enum-values.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { membersByHouseholdLoader } from '../member/member.loaders.js';
import { loadMonitoringCase } from '../monitoring/monitoring.loaders.js';
import { workflowInputFields } from '../workflow/workflow-inputs.js';
import { noticesOfCaseLoader } from '../workflow/workflow.loaders.js';
import { RETURN_REASONS, ReturnReasonEnum } from './exit-enums.js';
import { HOUSEHOLD_EXIT_WORKFLOW } from './exit.workflows.js';
import { exitsOfHouseholdLoader, freshHouseholdExit, householdReturnLoader, loadHouseholdExit, returnsOfHouseholdLoader, withWorkflow } from './household-exit.loaders.js';
import { proposeHouseholdExit, takeHouseholdExitStep } from './household-exit.service.js';
import { returnToPoverty } from './household-return.service.js';

/**
 * The village notice of an exit names the head of household and the household's size, nothing
 * else: villagers can object only to a household they can recognise (that is what the notice is
 * for), and the head's name is what the village knows anyway. No ID number, phone, account,
 * income or health, which the notice rules forbid.
 */
function villageNoticeText(villageName: string, headName: string | null, people: number, exitYear: number, start: string, end: string): string {
  return `${villageName}拟退出贫困户公示：户主${headName ?? '（未登记）'}，共${people}人，${exitYear}年度脱贫。公示期${start}至${end}，如有异议请向村委会反映。`;
}

/** 贫困户退出 and 返贫: the exit case type, the return record, their mutations, and the household's links to them. */
export function registerHouseholdExitSchema(builder: TuopinBuilder): void {
  registerEnum(builder, ReturnReasonEnum, 'ReturnReason', '返贫认定依据 What shows a household is poor again', RETURN_REASONS);
  const StepEnum = builder.enumType('HouseholdExitStep', {
    description: '贫困户退出环节（按顺序） The steps of a household\'s exit, in order',
    values: Object.fromEntries(HOUSEHOLD_EXIT_WORKFLOW.steps.map((step) => [step.key, { description: step.title }])),
  });

  builder.node('HouseholdExit', {
    description: '贫困户退出事项 A household\'s exit from poverty',
    scope: { area: (e) => e.villageCode },
    interfaces: ['WorkflowCase'],
    id: { resolve: (e) => e.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'povertyLine' in value && 'consentSignedOn' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => loadHouseholdExit(ctx, id)),
    fields: (t) => ({
      household: t.field({ type: 'Household', description: '退出的户 The household', resolve: async (e, _args, ctx) => (await householdLoader(ctx).load(e.householdId))! }),
      exitYear: t.exposeInt('exitYear', { description: '脱贫年度 The year it leaves poverty' }),
      perCapitaIncome: t.field({
        type: 'Money',
        nullable: true,
        resolve: (e) => e.perCapitaIncome ?? null,
        description: '评议时该年度人均纯收入（补录的历史退出为空） Per-capita net income of the exit year, as assessed; null for a historical exit entered without it',
      }),
      povertyLine: t.field({ type: 'Money', resolve: (e) => e.povertyLine, description: '该年度贫困线 That year\'s poverty line in the province' }),
      consentSignedOn: t.field({ type: 'Date', nullable: true, resolve: (e) => e.consentSignedOn ?? null, description: '户签字认可日期 Day the household signed its agreement' }),
      villageNotice: t.string({
        nullable: true,
        description: '村内公示文本（仅户主姓名和人数） The village notice as posted: the head\'s name and the household\'s size only; null before it is posted',
        resolve: async (e, _args, ctx) => {
          const notice = (await noticesOfCaseLoader(ctx).load(e.id)).find((n) => n.step === 'VILLAGE_NOTICE');
          if (!notice) return null;
          const [village, members] = await Promise.all([areaLoader(ctx).load(e.villageCode), membersByHouseholdLoader(ctx).load(e.householdId)]);
          const head = members.find((m) => m.relationToHead === 'HEAD');
          return villageNoticeText(village!.name, head?.name ?? null, members.length, e.exitYear, notice.startDate, notice.endDate);
        },
      }),
    }),
  });

  builder.node('HouseholdReturn', {
    description: '返贫认定 A county\'s decision that an exited household is poor again',
    scope: { area: (r) => r.villageCode },
    id: { resolve: (r) => r.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'decidedBy' in value && 'reason' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => householdReturnLoader(ctx).load(id)),
    fields: (t) => ({
      household: t.field({ type: 'Household', description: '返贫的户（认定后的状态） The household, as it is now', resolve: (r, _args, ctx) => freshHousehold(ctx, r.householdId) }),
      year: t.exposeInt('year', { description: '返贫年度 The year it fell back' }),
      decidedOn: t.field({ type: 'Date', resolve: (r) => r.decidedOn, description: '县级认定日期 Day the county decided' }),
      reason: t.field({ type: ReturnReasonEnum, resolve: (r) => r.reason, description: '认定依据 What showed it' }),
      perCapitaIncome: t.field({ type: 'Money', nullable: true, resolve: (r) => r.perCapitaIncome ?? null, description: '该年度人均纯收入（按收入认定） Per-capita net income of the year, for a return by income' }),
      povertyLine: t.field({ type: 'Money', nullable: true, resolve: (r) => r.povertyLine ?? null, description: '该年度贫困线（按收入认定） That year\'s line, for a return by income' }),
      monitoringCase: t.field({
        type: 'MonitoringCase',
        nullable: true,
        description: '依据的监测事项 The monitoring case that identified it, if that was the reason',
        resolve: async (r, _args, ctx) => (r.monitoringCaseId == null ? null : loadMonitoringCase(ctx, r.monitoringCaseId)),
      }),
      note: t.exposeString('note', { nullable: true, description: '说明 Note' }),
    }),
  });

  builder.objectFields('Household', (t) => ({
    exitCases: t.field({
      type: ['HouseholdExit'],
      description: '退出事项（办理中和已办结） Exit cases of the household, under way or done, oldest first',
      resolve: async (h, _args, ctx) => (await Promise.all((await exitsOfHouseholdLoader(ctx).load(h.id)).map((row) => withWorkflow(ctx, row)))).filter((row) => row !== null),
    }),
    returns: t.field({
      type: ['HouseholdReturn'],
      description: '返贫认定 Returns to poverty, oldest first',
      resolve: (h, _args, ctx) => returnsOfHouseholdLoader(ctx).load(h.id),
    }),
  }));

  const exitField = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { caseId: number }>) =>
    t.field({ type: 'HouseholdExit', description: '退出事项 The exit', resolve: (p, _args, ctx) => freshHouseholdExit(ctx, p.caseId) });

  defineMutation(builder, 'proposeHouseholdExit', {
    description: '村委会和驻村工作队评议贫困户退出 The village and its work team assess a household for exit: income above the year\'s line, 两不愁三保障 met',
    input: {
      description: '退出评议 The assessment',
      argumentDescription: '评议 The assessment',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID The household' }),
        exitYear: t.int({ required: true, description: '脱贫年度（评议该年度收入） The exit year; its income is assessed' }),
        date: t.field({ type: 'Date', description: '评议日期（默认今天） Day of the assessment; today when omitted' }),
        note: t.string({ description: '说明 Note' }),
      }),
    },
    ids: { householdId: 'Household' },
    resolve: async (input, ctx) => ({ caseId: await proposeHouseholdExit(ctx, input) }),
    payload: { description: '退出事项已立案 The exit opened', fields: (t) => ({ householdExit: exitField(t) }) },
  });

  defineMutation(builder, 'takeHouseholdExitStep', {
    description: '办理贫困户退出的下一环节 Take the next step of a household\'s exit',
    input: {
      description: '办理环节 A step to take',
      argumentDescription: '环节 The step',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '退出事项全局 ID The exit' }),
        step: t.field({ type: StepEnum, required: true, description: '环节 The step' }),
        ...workflowInputFields(builder, t),
        consentSignedOn: t.field({ type: 'Date', description: '户签字认可日期（户签字认可环节必填） Day the household signed (HOUSEHOLD_CONSENT step)' }),
      }),
    },
    ids: { caseId: 'HouseholdExit' },
    resolve: async (input, ctx) => {
      await takeHouseholdExitStep(ctx, input as never);
      return { caseId: input.caseId };
    },
    payload: { description: '环节已办理 The exit after the step', fields: (t) => ({ householdExit: exitField(t) }) },
  });

  defineMutation(builder, 'returnHouseholdToPoverty', {
    description: '县级认定返贫 The county decides that an exited household is poor again (返贫); the help it had stays',
    input: {
      description: '返贫认定 The decision',
      argumentDescription: '认定 The decision',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID The household' }),
        year: t.int({ required: true, description: '返贫年度（按收入认定时评议该年度收入） The year; for a return by income, that year\'s income is compared with its line' }),
        reason: t.field({ type: ReturnReasonEnum, required: true, description: '认定依据 What shows it' }),
        monitoringCaseId: t.id({ description: '监测事项全局 ID（按监测审定时必填） The monitoring case, for MONITORING_DECISION' }),
        date: t.field({ type: 'Date', description: '认定日期（默认今天） Day of the decision; today when omitted' }),
        note: t.string({ description: '说明 Note' }),
      }),
    },
    ids: { householdId: 'Household', monitoringCaseId: 'MonitoringCase' },
    resolve: async (input, ctx) => ({ returnId: await returnToPoverty(ctx, input as never) }),
    payload: {
      description: '返贫已认定 The recorded return',
      fields: (t) => ({
        householdReturn: t.field({
          type: 'HouseholdReturn',
          description: '返贫认定 The return',
          resolve: async (p, _args, ctx) => (await householdReturnLoader(ctx).load(p.returnId))!,
        }),
      }),
    },
  });
}
