import { provinceOf } from '../area/area-tree.js';
import { povertyLineFor } from '../core.settings.js';
import { householdLoader } from '../household/household.loaders.js';
import type { Household } from '../household/household.entity.js';
import { setHouseholdStatus } from '../household/household-status.js';
import { incomesByHouseholdLoader } from '../income/income.loaders.js';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { IssueCollector, RuleViolationError } from '../kernel/errors.js';
import { compareMoney } from '../kernel/money.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { assertCanAct } from '../workflow/workflow-actors.js';
import { openCase, takeStep, type StepRequest } from '../workflow/workflow-steps.service.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { HOUSEHOLD_EXIT_WORKFLOW } from './exit.workflows.js';

export interface ProposeHouseholdExitInput {
  householdId: number;
  /** The year the household leaves poverty: its income of that year is assessed. */
  exitYear: number;
  date?: string | null;
  note?: string | null;
}

/** 两不愁三保障 as the registry records them, in the order the rule names them. */
export const ASSURANCE_FLAGS = [
  ['foodSecure', '不愁吃', 'enough to eat'],
  ['clothingSecure', '不愁穿', 'enough to wear'],
  ['compulsoryEducationSecure', '义务教育有保障', 'compulsory education'],
  ['basicMedicalSecure', '基本医疗有保障', 'basic medical care'],
  ['housingSecure', '住房安全有保障', 'safe housing'],
] as const satisfies readonly (readonly [keyof Household, string, string])[];

const ONE_OPEN = {
  workflow_case_one_open: () => new RuleViolationError('householdId', '该户已有办理中的退出事项', 'An exit of this household is already under way'),
};

/**
 * The assessment's tests: per-capita net income of the exit year (the household's income record)
 * above that year's poverty line in its province, and each of 两不愁三保障 met. Returns the income
 * and the line, recorded with the exit.
 */
async function assessHousehold(ctx: TuopinContext, household: Household, exitYear: number): Promise<{ income: string; line: string }> {
  const line = povertyLineFor(ctx.settings, exitYear, provinceOf(household.villageCode));
  if (line === null) throw new RuleViolationError('exitYear', `未配置${exitYear}年的贫困线，不能评议退出`, `No poverty line is configured for ${exitYear}: an exit cannot be assessed`);
  const record = (await incomesByHouseholdLoader(ctx).load(household.id)).find((income) => income.year === exitYear);
  if (!record) throw new RuleViolationError('exitYear', `该户没有${exitYear}年的收入记录`, `The household has no income record for ${exitYear}`);
  if (compareMoney(record.perCapitaNetIncome, line) <= 0) {
    throw new RuleViolationError(
      'perCapitaNetIncome',
      `${exitYear}年人均纯收入${record.perCapitaNetIncome}元未超过当年贫困线${line}元`,
      `Per-capita net income of ${exitYear} (${record.perCapitaNetIncome} yuan) is not above that year's poverty line (${line} yuan)`,
    );
  }
  const unmet = ASSURANCE_FLAGS.filter(([flag]) => !household[flag]);
  if (unmet.length > 0) {
    throw new RuleViolationError(
      unmet[0][0],
      `“两不愁三保障”未达标：${unmet.map(([, zh]) => zh).join('、')}`,
      `Not yet secured: ${unmet.map(([, , en]) => en).join(', ')} (两不愁三保障)`,
    );
  }
  return { income: record.perCapitaNetIncome, line };
}

/**
 * Opens a household's exit at its village assessment. Refused, naming the field: a household
 * neither POOR nor RETURNED; an exit year after the assessment's or before identification; no
 * income record or no line for the year; income not above the line; a 两不愁三保障 flag unmet; an
 * exit already under way.
 */
export async function proposeHouseholdExit(ctx: TuopinContext, input: ProposeHouseholdExitInput): Promise<number> {
  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  const first = HOUSEHOLD_EXIT_WORKFLOW.steps[0];
  assertCanAct(ctx, first.actor, household.villageCode, 'householdId', first.title);
  const date = input.date ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  if (date > todayOf(ctx.settings)) issues.add('date', '评议日期不能晚于今天', 'The assessment cannot be dated in the future');
  if (!Number.isInteger(input.exitYear) || input.exitYear > Number(date.slice(0, 4)) || input.exitYear < household.yearIdentified) {
    issues.add('exitYear', `退出年度须在识别年度（${household.yearIdentified}）与评议年度之间`, `The exit year lies between the year identified (${household.yearIdentified}) and the year of the assessment`);
  }
  note(issues, input.note);
  issues.throwIfAny();
  if (household.status !== 'POOR' && household.status !== 'RETURNED') {
    throw new RuleViolationError('householdId', '只有未脱贫或返贫户才能申请退出', 'Only a poor or returned household can exit');
  }
  const { income, line } = await assessHousehold(ctx, household, input.exitYear);

  return inTransaction(ctx, ONE_OPEN, async (em) => {
    const id = await openCase(em, ctx, HOUSEHOLD_EXIT_WORKFLOW, { householdId: household.id, villageCode: household.villageCode, date, note: input.note });
    await em.execute(
      `insert into household_exit (id, household_id, village_code, exit_year, per_capita_income, poverty_line) values (?, ?, ?, ?, ?, ?)`,
      [id, household.id, household.villageCode, input.exitYear, income, line],
    );
    return id;
  });
}

function note(issues: IssueCollector, text: string | null | undefined): void {
  if (text != null && text.length > 2000) issues.add('note', '说明不能超过2000个字符', 'A note is at most 2,000 characters');
}

export interface HouseholdExitStepInput extends StepRequest {
  caseId: number;
  /** HOUSEHOLD_CONSENT: the day the household signed its agreement to exit. */
  consentSignedOn?: string | null;
}

/**
 * Takes the next step of a household's exit. HOUSEHOLD_CONSENT records the day the household
 * signed (refused without it); COUNTY_REMOVAL makes it EXITED with its exit year through
 * `setHouseholdStatus`, in the step's transaction.
 */
export async function takeHouseholdExitStep(ctx: TuopinContext, input: HouseholdExitStepInput): Promise<number> {
  const kase = await workflowCaseLoader(ctx).load(input.caseId);
  if (!kase || kase.kind !== HOUSEHOLD_EXIT_WORKFLOW.kind) throw notFound('caseId', '退出事项', 'Household exit');
  const issues = new IssueCollector();
  const consentStep = input.step === 'HOUSEHOLD_CONSENT';
  if (consentStep && !input.consentSignedOn) issues.add('consentSignedOn', '须登记农户签字认可退出的日期', 'Give the day the household signed its agreement to exit');
  if (!consentStep && input.consentSignedOn) issues.add('consentSignedOn', '仅“户签字认可”环节登记签字日期', 'Only the HOUSEHOLD_CONSENT step records the household\'s signature');
  if (input.consentSignedOn && input.consentSignedOn > (input.date ?? todayOf(ctx.settings))) {
    issues.add('consentSignedOn', '签字日期不能晚于办理日期', 'The household cannot sign after the step is taken');
  }
  issues.throwIfAny();

  return inTransaction(ctx, {}, (em) =>
    takeStep(em, ctx, HOUSEHOLD_EXIT_WORKFLOW, kase, input, {
      apply: async () => {
        if (consentStep) await em.execute(`update household_exit set consent_signed_on = ? where id = ?`, [input.consentSignedOn, kase.id]);
        if (input.step !== 'COUNTY_REMOVAL') return;
        const [row] = await em.execute<{ id: number; status: Household['status']; year_identified: number; exit_year: number }[]>(
          `select h.id, h.status, h.year_identified, e.exit_year from household_exit e join household h on h.id = e.household_id where e.id = ?`,
          [kase.id],
        );
        await setHouseholdStatus(em, { id: row.id, status: row.status, yearIdentified: row.year_identified }, 'EXITED', { year: row.exit_year, reason: '退出 Exit' });
      },
    }),
  );
}
