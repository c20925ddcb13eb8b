import { provinceOf } from '../area/area-tree.js';
import { areaLoader } from '../area/area.loaders.js';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertCanAct } from '../workflow/workflow-actors.js';
import { openCase, takeStep, type StepRequest } from '../workflow/workflow-steps.service.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { countyExitRatesOf, exitIncidenceThresholdFor } from './exit.settings.js';
import { COUNTY_EXIT_WORKFLOW } from './exit.workflows.js';
import { assertIncidenceUnder, incidenceOf } from './poverty-incidence.js';

export interface ProposeCountyExitInput {
  countyCode: string;
  exitYear: number;
  /** 错退率, percent. */
  wrongExitRate: number;
  /** 漏评率, percent. */
  missedRate: number;
  /** 群众认可度, percent. */
  approvalRate: number;
  date?: string | null;
  note?: string | null;
}

const ONCE = {
  county_exit_once: () => new RuleViolationError('countyCode', '该县当年已申请摘帽', 'This county has already applied to exit in that year'),
};

/** The last day of February of a year: applications for a year's exit are made by then. */
export function endOfFebruary(year: number): string {
  return new Date(Date.UTC(year, 2, 0)).toISOString().slice(0, 10);
}

const isPercent = (n: number) => Number.isFinite(n) && n >= 0 && n <= 100 && Math.round(n * 100) === n * 100;

/**
 * Opens a county's exit (摘帽). Refused, naming the field: a proposal dated after the end of
 * February of the exit year; a rate not a percentage with at most two decimals; 错退率 or 漏评率 not
 * under its limit, 群众认可度 not above its floor (settings); incidence not under the threshold.
 */
export async function proposeCountyExit(ctx: TuopinContext, input: ProposeCountyExitInput): Promise<number> {
  const county = await areaLoader(ctx).load(input.countyCode);
  if (!county || county.level !== 'COUNTY') throw notFound('countyCode', '县', 'County');
  const first = COUNTY_EXIT_WORKFLOW.steps[0];
  assertCanAct(ctx, first.actor, county.code, 'countyCode', first.title);
  const date = input.date ?? todayOf(ctx.settings);
  const rates = countyExitRatesOf(ctx.settings);
  const issues = new IssueCollector();
  if (date > todayOf(ctx.settings)) issues.add('date', '申请日期不能晚于今天', 'The proposal cannot be dated in the future');
  const deadline = endOfFebruary(input.exitYear);
  if (!Number.isInteger(input.exitYear) || input.exitYear < 2000 || input.exitYear > 2100) issues.add('exitYear', '摘帽年度无效', 'The exit year is not a valid year');
  else if (date > deadline) issues.add('date', `摘帽申请须在退出年度2月底（${deadline}）前提出`, `A county applies to exit by the end of February of the exit year (${deadline})`);
  for (const field of ['wrongExitRate', 'missedRate', 'approvalRate'] as const) {
    if (!isPercent(input[field])) issues.add(field, '须为0–100之间、最多两位小数的百分数', 'A percentage from 0 to 100 with at most two decimals');
  }
  if (isPercent(input.wrongExitRate) && input.wrongExitRate >= rates.wrongExitMax) {
    issues.add('wrongExitRate', `错退率${input.wrongExitRate}%须低于${rates.wrongExitMax}%`, `The wrongly-exited rate ${input.wrongExitRate} % must be under ${rates.wrongExitMax} %`);
  }
  if (isPercent(input.missedRate) && input.missedRate >= rates.missedMax) {
    issues.add('missedRate', `漏评率${input.missedRate}%须低于${rates.missedMax}%`, `The wrongly-left-out rate ${input.missedRate} % must be under ${rates.missedMax} %`);
  }
  if (isPercent(input.approvalRate) && input.approvalRate <= rates.approvalMin) {
    issues.add('approvalRate', `群众认可度${input.approvalRate}%须高于${rates.approvalMin}%`, `People's approval ${input.approvalRate} % must be above ${rates.approvalMin} %`);
  }
  if (input.note != null && input.note.length > 2000) issues.add('note', '说明不能超过2000个字符', 'A note is at most 2,000 characters');
  issues.throwIfAny();
  const threshold = exitIncidenceThresholdFor(ctx.settings, provinceOf(county.code));

  return inTransaction(ctx, ONCE, async (em) => {
    const incidence = await incidenceOf(em, county.code);
    assertIncidenceUnder(incidence, threshold, 'countyCode');
    const id = await openCase(em, ctx, COUNTY_EXIT_WORKFLOW, { householdId: null, villageCode: county.code, date, note: input.note });
    await em.execute(
      `insert into county_exit (id, area_code, exit_year, poor_people, rural_population, threshold, wrong_exit_rate, missed_rate, approval_rate) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, county.code, input.exitYear, incidence.poorPeople, incidence.ruralPopulation, threshold, input.wrongExitRate, input.missedRate, input.approvalRate],
    );
    return id;
  });
}

/** Takes the next step of a county's exit; the province's approval records the day it was approved. */
export async function takeCountyExitStep(ctx: TuopinContext, input: StepRequest & { caseId: number }): Promise<number> {
  const kase = await workflowCaseLoader(ctx).load(input.caseId);
  if (!kase || kase.kind !== COUNTY_EXIT_WORKFLOW.kind) throw notFound('caseId', '摘帽事项', 'County exit');
  return inTransaction(ctx, {}, (em) =>
    takeStep(em, ctx, COUNTY_EXIT_WORKFLOW, kase, input, {
      apply: async (_em, date) => {
        if (input.step === 'PROVINCE_APPROVAL') await em.execute(`update county_exit set approved_on = ? where id = ?`, [date, kase.id]);
      },
    }),
  );
}
