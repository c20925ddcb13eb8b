import { provinceOf } from '../area/area-tree.js';
import { povertyLineFor } from '../core.settings.js';
import { householdLoader } from '../household/household.loaders.js';
import { setHouseholdStatus } from '../household/household-status.js';
import { incomesByHouseholdLoader } from '../income/income.loaders.js';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { compareMoney } from '../kernel/money.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { loadMonitoringCase } from '../monitoring/monitoring.loaders.js';
import { assertCanAct } from '../workflow/workflow-actors.js';

export type ReturnReason = 'INCOME_BELOW_LINE' | 'MONITORING_DECISION';

export interface ReturnToPovertyInput {
  householdId: number;
  /** The year whose income fell back under the line, or of the monitoring decision. */
  year: number;
  reason: ReturnReason;
  monitoringCaseId?: number | null;
  date?: string | null;
  note?: string | null;
}

/** What shows the household is poor again, checked before anything is written. */
async function evidenceOf(ctx: TuopinContext, input: ReturnToPovertyInput, householdId: number, villageCode: string) {
  if (input.reason === 'MONITORING_DECISION') {
    const kase = input.monitoringCaseId == null ? null : await loadMonitoringCase(ctx, input.monitoringCaseId);
    if (!kase || kase.workflow.householdId !== householdId) {
      throw new RuleViolationError('monitoringCaseId', '须选择该户的防返贫监测事项', 'Name a monitoring case of this household');
    }
    if (kase.decision !== 'IDENTIFIED') {
      throw new RuleViolationError('monitoringCaseId', '该监测事项尚未经县级审定为监测对象', 'The county has not identified the household in this monitoring case');
    }
    return { income: null, line: null, monitoringCaseId: kase.id };
  }
  const line = povertyLineFor(ctx.settings, input.year, provinceOf(villageCode));
  if (line === null) throw new RuleViolationError('year', `未配置${input.year}年的贫困线`, `No poverty line is configured for ${input.year}`);
  const record = (await incomesByHouseholdLoader(ctx).load(householdId)).find((income) => income.year === input.year);
  if (!record) throw new RuleViolationError('year', `该户没有${input.year}年的收入记录`, `The household has no income record for ${input.year}`);
  if (compareMoney(record.perCapitaNetIncome, line) > 0) {
    throw new RuleViolationError(
      'reason',
      `${input.year}年人均纯收入${record.perCapitaNetIncome}元高于贫困线${line}元，不属于返贫`,
      `Per-capita net income of ${input.year} (${record.perCapitaNetIncome} yuan) is above the line (${line} yuan): the household has not returned to poverty`,
    );
  }
  return { income: record.perCapitaNetIncome, line, monitoringCaseId: null };
}

/**
 * 返贫: the county decides that an exited household is poor again, in one audited step: its income
 * of a year fell back to or under that year's line, or a monitoring case identified it. The
 * household becomes RETURNED through `setHouseholdStatus`; its exit year stays on record, and
 * nothing of the help it had is removed (四个不摘). Two decisions at once: one wins, the other is a
 * ConflictError on `status`.
 */
export async function returnToPoverty(ctx: TuopinContext, input: ReturnToPovertyInput): Promise<number> {
  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertCanAct(ctx, 'COUNTY', household.villageCode, 'householdId', '县级认定返贫 County decision: returned to poverty');
  const date = input.date ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (date > todayOf(ctx.settings)) issues.add('date', '认定日期不能晚于今天', 'The decision cannot be dated in the future');
  if (!Number.isInteger(input.year) || input.year > Number(date.slice(0, 4))) issues.add('year', '年度不能晚于认定年度', 'The year cannot be after the decision\'s');
  if (input.reason === 'INCOME_BELOW_LINE' && input.monitoringCaseId != null) {
    issues.add('monitoringCaseId', '按收入认定返贫时不选择监测事项', 'A return by income names no monitoring case');
  }
  if (input.note != null && input.note.length > 2000) issues.add('note', '说明不能超过2000个字符', 'A note is at most 2,000 characters');
  issues.throwIfAny();
  if (household.status !== 'EXITED') throw new RuleViolationError('householdId', '只有已脱贫户才能认定返贫', 'Only an exited household can return to poverty');
  if (household.exitYear != null && input.year < household.exitYear) {
    throw new RuleViolationError('year', `返贫年度不能早于脱贫年度（${household.exitYear}）`, `A household returns after the year it exited (${household.exitYear})`);
  }
  const evidence = await evidenceOf(ctx, input, household.id, household.villageCode);

  return inTransaction(ctx, {}, async (em) => {
    await setHouseholdStatus(em, household, 'RETURNED', { year: input.year, reason: '返贫 Return to poverty' });
    const [row] = await em.execute<{ id: number }[]>(
      `insert into household_return (household_id, village_code, year, decided_on, reason, per_capita_income, poverty_line, monitoring_case_id, decided_by, note)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [household.id, household.villageCode, input.year, date, input.reason, evidence.income, evidence.line, evidence.monitoringCaseId, ctx.principal.id, input.note?.trim() || null],
    );
    return row.id;
  });
}
