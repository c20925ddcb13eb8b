import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { membersByHouseholdLoader } from '../member/member.loaders.js';
import { assertCanAct } from '../workflow/workflow-actors.js';
import { openCase, takeStep, type StepRequest } from '../workflow/workflow-steps.service.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { RISK_ELIMINATION_WORKFLOW } from './elimination.workflow.js';
import { loadMonitoringCase } from './monitoring.loaders.js';
import { riskEliminationMonthsOf } from './monitoring.settings.js';

export interface ProposeEliminationInput {
  monitoringCaseId: number;
  date?: string | null;
  /** The village's findings, each required: income stably above the range for about half a year. */
  incomeStable: boolean;
  /** Rigid spending (medical bills, a rebuilt house) resolved. */
  rigidSpendingResolved: boolean;
  /** 三保障 and safe drinking water secured. */
  assurancesSecured: boolean;
  note?: string | null;
}

const ONE_OPEN = {
  workflow_case_one_open: () => new RuleViolationError('monitoringCaseId', '该户已有办理中的风险消除', 'A risk elimination of this household is already under way'),
};

function monthsAfter(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Opens a risk elimination at its village assessment. Refused, naming the field: a finding not
 * met; a case not identified or already eliminated; too soon after identification (6 months, a
 * setting); no measure carried out; a household with no member able to work (it stays monitored).
 */
export async function proposeElimination(ctx: TuopinContext, input: ProposeEliminationInput): Promise<number> {
  const kase = await loadMonitoringCase(ctx, input.monitoringCaseId);
  if (!kase) throw notFound('monitoringCaseId', '监测事项', 'Monitoring case');
  const first = RISK_ELIMINATION_WORKFLOW.steps[0];
  assertCanAct(ctx, first.actor, kase.villageCode, 'monitoringCaseId', first.title);
  const date = input.date ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (date > todayOf(ctx.settings)) issues.add('date', '日期不能晚于今天', 'The date cannot be in the future');
  if (!input.incomeStable) issues.add('incomeStable', '收入须稳定高于监测范围约半年', 'Income must have stayed above the monitoring range for about half a year');
  if (!input.rigidSpendingResolved) issues.add('rigidSpendingResolved', '刚性支出问题须已解决', 'Rigid spending must be resolved');
  if (!input.assurancesSecured) issues.add('assurancesSecured', '“三保障”和饮水安全须有保障', 'The three guarantees and safe water must be secured');
  issues.throwIfAny();
  if (kase.decision !== 'IDENTIFIED' || kase.eliminatedOn) {
    throw new RuleViolationError('monitoringCaseId', '只有已确定且未消除风险的监测对象才能标注风险消除', 'Only a household identified for monitoring, its risk not yet eliminated, can have it eliminated');
  }
  const months = riskEliminationMonthsOf(ctx.settings);
  const earliest = monthsAfter(kase.decidedOn!, months);
  if (date < earliest) {
    throw new RuleViolationError('monitoringCaseId', `确定为监测对象满${months}个月（${earliest}）后方可消除风险`, `Risk is eliminated at least ${months} months after identification (from ${earliest})`);
  }
  const [done] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from monitoring_measure where case_id = ? and carried_out_on is not null and carried_out_on <= ?`, [kase.id, date]);
  if (done.n === 0) throw new RuleViolationError('monitoringCaseId', '至少落实一项帮扶措施后方可消除风险', 'At least one measure of help must have been carried out');
  const householdId = (await workflowCaseLoader(ctx).load(kase.id))!.householdId ?? null;
  if (householdId != null) {
    const members = await membersByHouseholdLoader(ctx).load(householdId);
    if (members.every((member) => member.labourAbility === 'NONE' || member.labourAbility === 'LOST')) {
      throw new RuleViolationError('monitoringCaseId', '无劳动力的家庭不标注风险消除，继续监测帮扶', 'A household without anyone able to work stays monitored: its risk is not eliminated');
    }
  }
  return inTransaction(ctx, ONE_OPEN, async (em) => {
    const id = await openCase(em, ctx, RISK_ELIMINATION_WORKFLOW, { householdId, villageCode: kase.villageCode, date, note: input.note });
    await em.execute(`insert into monitoring_elimination (id, monitoring_case_id, village_code) values (?, ?, ?)`, [id, kase.id, kase.villageCode]);
    return id;
  });
}

/** Takes the next step of a risk elimination; the county's decision marks the monitoring case eliminated. */
export async function takeEliminationStep(ctx: TuopinContext, input: StepRequest & { caseId: number }): Promise<number> {
  const kase = await workflowCaseLoader(ctx).load(input.caseId);
  if (!kase || kase.kind !== RISK_ELIMINATION_WORKFLOW.kind) throw notFound('caseId', '风险消除事项', 'Risk elimination');
  return inTransaction(ctx, {}, (em) =>
    takeStep(em, ctx, RISK_ELIMINATION_WORKFLOW, kase, input, {
      apply: async (_em, date) => {
        if (input.step !== 'COUNTY_DECISION') return;
        await em.execute(
          `update monitoring_case set eliminated_on = ? where id = (select monitoring_case_id from monitoring_elimination where id = ?)`,
          [date, kase.id],
        );
      },
    }),
  );
}
