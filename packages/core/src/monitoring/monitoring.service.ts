import { requireVillage } from '../area/area.lookup.js';
import { provinceOf } from '../area/area-tree.js';
import { isDivisionCode, levelOfCode } from '../area/division-code.js';
import { householdLoader } from '../household/household.loaders.js';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { parseMoney } from '../kernel/money.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertCanAct } from '../workflow/workflow-actors.js';
import { openCase, takeStep, type StepRequest } from '../workflow/workflow-steps.service.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import type { LeadSource, MonitoringCategory, MonitoringDecision, MonitoringRisk } from './monitoring-enums.js';
import { monitoringRangeFor } from './monitoring.settings.js';
import { MONITORING_WORKFLOW } from './monitoring.workflow.js';

export interface OpenMonitoringCaseInput {
  category: MonitoringCategory;
  householdId?: number | null;
  villageCode?: string | null;
  people?: number | null;
  riskTypes: MonitoringRisk[];
  leadSource: LeadSource;
  leadDate: string;
  income12Months?: string | null;
  compliantSpending?: string | null;
  note?: string | null;
}

/**
 * The first day a lead can have: the monitoring mechanism (防止返贫监测和帮扶机制) began in 2020. A lead
 * before it is a slip of the keyboard (1921 for 2021), which a sudden hardship, needing no year's
 * range, would otherwise take.
 */
const MONITORING_SINCE = '2020-01-01';

/** A household has at most one open monitoring case; two opened at once meet this index. */
const ONE_OPEN_CASE = {
  workflow_case_one_open: () => new RuleViolationError('householdId', '该户已有办理中的监测事项', 'This household already has an open monitoring case'),
};

/** Where the case belongs and how many people it concerns: the household's, or what was sent for one never registered. */
async function placeOf(ctx: TuopinContext, input: OpenMonitoringCaseInput) {
  if (input.householdId != null) {
    const household = await householdLoader(ctx).load(input.householdId);
    if (!household) throw notFound('householdId', '户', 'Household');
    return { householdId: household.id, villageCode: household.villageCode, people: household.memberCount, status: household.status };
  }
  const issues = new IssueCollector();
  if (!input.villageCode) issues.add('villageCode', '未建档立卡的农户须填写所在行政村', 'A household not in the registry needs its village');
  // A code padded or cut short in a spreadsheet is a slip, told as such, not an area outside the scope.
  else if (!isDivisionCode(input.villageCode) || levelOfCode(input.villageCode) !== 'VILLAGE') {
    issues.add('villageCode', '须为12位行政村区划代码', 'Must be the 12-digit division code of a village');
  }
  if (input.people == null || !Number.isInteger(input.people) || input.people < 1 || input.people > 30) {
    issues.add('people', '家庭人口须为1–30人', 'The household has 1–30 people');
  }
  issues.throwIfAny();
  return { householdId: null, villageCode: input.villageCode!, people: input.people!, status: null };
}

/**
 * The category's test (监测范围): an exited household at risk and a household on the edge count
 * when their net income of the 12 months before the lead, less compliant out-of-pocket spending,
 * is per person within that year's range; a sudden hardship counts whatever its income. Compared
 * in fen: net ≤ range × people. Returns the range used, or null when the category needs none.
 */
function checkIncomeTest(ctx: TuopinContext, input: OpenMonitoringCaseInput, villageCode: string, people: number): string | null {
  if (input.category === 'SUDDEN_HARDSHIP') return null;
  const year = Number(input.leadDate.slice(0, 4));
  const range = monitoringRangeFor(ctx.settings, year, provinceOf(villageCode));
  if (range === null) {
    throw new RuleViolationError('leadDate', `未配置${year}年的监测范围，不能按收入识别`, `No monitoring range is configured for ${year}: a household cannot be identified by its income`);
  }
  const issues = new IssueCollector();
  if (input.income12Months == null) issues.add('income12Months', '须填写申请前12个月家庭纯收入', 'Give the household\'s net income of the 12 months before the lead');
  issues.throwIfAny();
  const income = parseMoney(input.income12Months!)!;
  const spending = parseMoney(input.compliantSpending ?? '0.00')!;
  if (income - spending > parseMoney(range)! * BigInt(people)) {
    throw new RuleViolationError(
      'income12Months',
      `扣除合规自付支出后人均纯收入高于${year}年监测范围（${range}元）`,
      `Net income less compliant spending is above ${year}'s monitoring range (${range} yuan per person)`,
    );
  }
  return range;
}

/**
 * Opens a monitoring case at its first step (风险预警), taken by the village. Refused, with the
 * field named: an exited-household case for a household that has not exited, an edge case for a
 * registered household, an income above the range, a range not configured for the year.
 */
export async function openMonitoringCase(ctx: TuopinContext, input: OpenMonitoringCaseInput): Promise<number> {
  const issues = new IssueCollector();
  const today = todayOf(ctx.settings);
  if (input.leadDate > today) issues.add('leadDate', '线索日期不能晚于今天', 'The lead cannot be dated in the future');
  if (input.leadDate < MONITORING_SINCE) {
    issues.add('leadDate', `防返贫监测自2020年起实施，线索日期不能早于${MONITORING_SINCE}`, `Return-to-poverty monitoring began in 2020: a lead cannot be dated before ${MONITORING_SINCE}`);
  }
  if (input.riskTypes.length === 0 || input.riskTypes.length > 5 || new Set(input.riskTypes).size !== input.riskTypes.length) {
    issues.add('riskTypes', '风险类型须为1–5项且不重复', 'Give 1–5 distinct risk types');
  }
  for (const field of ['income12Months', 'compliantSpending'] as const) {
    const amount = input[field];
    if (amount != null && parseMoney(amount)! < 0n) issues.add(field, '金额不能为负数', 'The amount cannot be negative');
  }
  if (input.category === 'EDGE' && input.householdId != null) {
    issues.add('householdId', '边缘易致贫户是未建档立卡的农户，不能选择已登记的户', 'A household on the edge was never registered: it names no registered household');
  }
  if (input.category === 'UNSTABLE_EXITED' && input.householdId == null) {
    issues.add('householdId', '脱贫不稳定户须选择已脱贫的建档立卡户', 'An exited household at risk names its registered household');
  }
  issues.throwIfAny();

  const place = await placeOf(ctx, input);
  const first = MONITORING_WORKFLOW.steps[0];
  assertCanAct(ctx, first.actor, place.villageCode, place.householdId === null ? 'villageCode' : 'householdId', first.title);
  if (place.householdId === null) await requireVillage(ctx.em, place.villageCode, 'villageCode');
  if (input.category === 'UNSTABLE_EXITED' && place.status !== 'EXITED') {
    throw new RuleViolationError('householdId', '该户未脱贫，不属于脱贫不稳定户', 'This household has not exited poverty: it is not an exited household at risk');
  }
  const range = checkIncomeTest(ctx, input, place.villageCode, place.people);

  return inTransaction(ctx, ONE_OPEN_CASE, async (em) => {
    const id = await openCase(em, ctx, MONITORING_WORKFLOW, { householdId: place.householdId, villageCode: place.villageCode, date: input.leadDate, note: input.note });
    await em.execute(
      `insert into monitoring_case (id, village_code, category, risk_types, lead_source, lead_date, people, income_12_months, compliant_spending, monitoring_range)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, place.villageCode, input.category, `{${input.riskTypes.join(',')}}`, input.leadSource, input.leadDate, place.people, input.income12Months ?? null, input.compliantSpending ?? null, range],
    );
    return id;
  });
}

export interface MonitoringStepInput extends StepRequest {
  caseId: number;
  /** CONSENT: the day the household signed its consent to data checks (承诺授权书). */
  consentSignedOn?: string | null;
  /** COUNTY_DECISION: identified, or not (which ends the case). */
  decision?: MonitoringDecision | null;
}

/** Takes the next of the nine steps; the CONSENT and COUNTY_DECISION steps record what they decide. */
export async function takeMonitoringStep(ctx: TuopinContext, input: MonitoringStepInput): Promise<number> {
  const kase = await workflowCaseLoader(ctx).load(input.caseId);
  if (!kase || kase.kind !== MONITORING_WORKFLOW.kind) throw notFound('caseId', '监测事项', 'Monitoring case');
  const issues = new IssueCollector();
  if (input.step === 'CONSENT' && !input.consentSignedOn) issues.add('consentSignedOn', '须登记农户签署承诺授权书的日期', 'Give the day the household signed its consent to data checks');
  if (input.step !== 'CONSENT' && input.consentSignedOn) issues.add('consentSignedOn', '仅“承诺授权”环节登记授权日期', 'Only the CONSENT step records the consent');
  if (input.step === 'COUNTY_DECISION' && !input.decision) issues.add('decision', '县级审定须给出结论', 'The county decision says whether the household is identified');
  if (input.step !== 'COUNTY_DECISION' && input.decision) issues.add('decision', '仅“县级审定”环节给出结论', 'Only the COUNTY_DECISION step decides');
  if (input.consentSignedOn && input.consentSignedOn > (input.date ?? todayOf(ctx.settings))) {
    issues.add('consentSignedOn', '授权日期不能晚于办理日期', 'The consent cannot be signed after the step is taken');
  }
  issues.throwIfAny();

  return inTransaction(ctx, {}, (em) =>
    takeStep(em, ctx, MONITORING_WORKFLOW, kase, input, {
      closes: input.decision === 'NOT_IDENTIFIED',
      apply: async (_em, date) => {
        if (input.consentSignedOn) await em.execute(`update monitoring_case set consent_signed_on = ? where id = ?`, [input.consentSignedOn, kase.id]);
        if (input.decision) await em.execute(`update monitoring_case set decision = ?, decided_on = ? where id = ?`, [input.decision, date, kase.id]);
      },
    }),
  );
}
