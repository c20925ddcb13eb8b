import type { EntityManager } from '@mikro-orm/postgresql';
import { requireGroupOfVillage, requireVillage } from '../area/area.lookup.js';
import { provinceOf } from '../area/area-tree.js';
import type { HouseholdCategory, PovertyCause, PovertyStandard, AssistanceClass } from '../household/household-enums.js';
import { assertCanEnterIdNumbers, HOUSEHOLD_CONSTRAINT_ERRORS, prepareHouseholdRegistration, throwIfAnyRegistered } from '../household/household.service.js';
import { insertRegistration, type CheckedRegistration } from '../household/registration-statement.js';
import { notFound } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { ConflictError, IssueCollector } from '../kernel/errors.js';
import { todayOf } from '../kernel/settings.js';
import { inTransaction } from '../kernel/transaction.js';
import { checkIdNumber } from '../member/id-number.js';
import { assertCanAct } from '../workflow/workflow-actors.js';
import { checkStepAllowed, openCase, rejectCase, takeStep, type RejectRequest, type StepRequest } from '../workflow/workflow-steps.service.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { assertExclusionsClear, assertVotePassed, checkExclusions, checkVote, type ExclusionCheckInput, type VoteInput } from './identification-checks.js';
import { exclusionsOfApplicationLoader, loadApplication } from './identification.loaders.js';
import { IDENTIFICATION_WORKFLOW } from './identification.workflow.js';

export interface ApplyForIdentificationInput {
  villageCode: string;
  groupId?: number | null;
  headName: string;
  idNumber: string;
  people: number;
  primaryCause: PovertyCause;
  otherCauses?: PovertyCause[] | null;
  category: HouseholdCategory;
  appliedOn?: string | null;
  note?: string | null;
}

const duplicateApplication = () =>
  new ConflictError('idNumber', '该身份证号已有办理中的识别申请', 'An application for this ID number is already being processed');

/** One open application per ID number: two filed at once meet this index. */
const APPLICATION_CONSTRAINTS = { identification_application_one_open: duplicateApplication };

/**
 * Records a household's application (户主申请), taken by the village. Refused, naming the field: a
 * malformed ID number or cause, an applicant already registered in any household (one person,
 * one household), an application for the same person already open.
 */
export async function applyForIdentification(ctx: TuopinContext, input: ApplyForIdentificationInput): Promise<number> {
  // Whether an ID number is registered is personal data: refused to masked roles first (see assertCanEnterIdNumbers).
  assertCanEnterIdNumbers(ctx, 'idNumber');
  const appliedOn = input.appliedOn ?? todayOf(ctx.settings);
  const otherCauses = input.otherCauses ?? [];
  const issues = new IssueCollector();
  const name = input.headName.trim();
  if (!name || name.length > 64) issues.add('headName', '户主姓名须为1–64个字符', 'The head\'s name is 1–64 characters');
  const id = checkIdNumber(input.idNumber);
  if (!id.valid) issues.add('idNumber', id.messageZh, id.messageEn);
  if (!Number.isInteger(input.people) || input.people < 1 || input.people > 30) issues.add('people', '家庭人口须为1–30人', 'The household has 1–30 people');
  if (otherCauses.length > 2 || new Set(otherCauses).size !== otherCauses.length || otherCauses.includes(input.primaryCause)) {
    issues.add('otherCauses', '其他致贫原因最多两项，不重复，且不同于主要致贫原因', 'At most two other causes, distinct, and different from the main cause');
  }
  if (appliedOn > todayOf(ctx.settings)) issues.add('appliedOn', '申请日期不能晚于今天', 'The application cannot be dated in the future');
  if (input.note != null && input.note.length > 2000) issues.add('note', '说明不能超过2000个字符', 'A note is at most 2,000 characters');
  issues.throwIfAny();
  const first = IDENTIFICATION_WORKFLOW.steps[0];
  assertCanAct(ctx, first.actor, input.villageCode, 'villageCode', first.title);
  await requireVillage(ctx.em, input.villageCode, 'villageCode');
  if (input.groupId != null) await requireGroupOfVillage(ctx.em, input.groupId, input.villageCode, 'groupId');
  const idNumber = (id as { idNumber: string }).idNumber;
  await throwIfAnyRegistered(ctx.em, [idNumber], () => 'idNumber');

  return inTransaction(ctx, APPLICATION_CONSTRAINTS, async (em) => {
    const caseId = await openCase(em, ctx, IDENTIFICATION_WORKFLOW, { householdId: null, villageCode: input.villageCode, date: appliedOn, note: input.note });
    await em.execute(
      `insert into identification_application (id, village_code, group_id, head_name, id_number, people, primary_cause, other_causes, category, applied_on)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [caseId, input.villageCode, input.groupId ?? null, name, idNumber, input.people, input.primaryCause, `{${otherCauses.join(',')}}`, input.category, appliedOn],
    );
    return caseId;
  });
}

export interface IdentificationStepInput extends StepRequest {
  caseId: number;
  /** REPRESENTATIVES_VOTE: the vote, required there and only there. */
  votes?: VoteInput | null;
  /** REPRESENTATIVES_VOTE or VILLAGE_REVIEW: exclusions checked (a later check of the same one replaces it). */
  exclusions?: ExclusionCheckInput[] | null;
  /** COUNTY_APPROVAL: the line the household is identified under, and its class. */
  povertyStandard?: PovertyStandard | null;
  assistanceClass?: AssistanceClass | null;
}

/** Which step takes which of the step-specific inputs; anything sent elsewhere is refused on its field. */
function checkStepInputs(ctx: TuopinContext, input: IdentificationStepInput, villageCode: string): void {
  const issues = new IssueCollector();
  const at = (step: string) => input.step === step;
  if (at('REPRESENTATIVES_VOTE') && !input.votes) issues.add('votes', '村民代表评议须登记表决结果', 'The representatives\' assessment records their vote');
  if (!at('REPRESENTATIVES_VOTE') && input.votes) issues.add('votes', '仅“村民代表评议和表决”环节登记表决', 'Only the REPRESENTATIVES_VOTE step records a vote');
  if (input.votes) checkVote(issues, input.votes);
  if (input.exclusions && !at('REPRESENTATIVES_VOTE') && !at('VILLAGE_REVIEW')) {
    issues.add('exclusions', '“十个不纳入”在村民代表评议或村委会审查时核查', 'The ten exclusions are checked at the representatives\' assessment or the village committee\'s review');
  }
  if (input.exclusions) checkExclusions(issues, input.exclusions);
  for (const field of ['povertyStandard', 'assistanceClass'] as const) {
    if (at('COUNTY_APPROVAL') && !input[field]) issues.add(field, '县政府审批须确定识别标准和帮扶分类', 'The approval names the standard used and the assistance class');
    if (!at('COUNTY_APPROVAL') && input[field]) issues.add(field, '仅“县政府审批”环节确定', 'Only the COUNTY_APPROVAL step sets it');
  }
  const year = Number((input.date ?? todayOf(ctx.settings)).slice(0, 4));
  if (input.povertyStandard === 'PROVINCIAL' && !ctx.settings.provincePovertyLines[provinceOf(villageCode)]?.[String(year)]) {
    issues.add('povertyStandard', `本省未配置${year}年的省定扶贫标准`, `The province has no provincial poverty line configured for ${year}`);
  }
  issues.throwIfAny();
}

/** Writes the exclusions checked at this step; a later check of one replaces the earlier. */
async function writeExclusions(em: EntityManager, applicationId: number, villageCode: string, step: string, date: string, checks: readonly ExclusionCheckInput[]) {
  for (const check of checks) {
    await em.execute(
      `insert into identification_exclusion (application_id, village_code, exclusion, applies, evidence, exception, checked_step, checked_on) values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (application_id, exclusion) do update set applies = excluded.applies, evidence = excluded.evidence, exception = excluded.exception,
         checked_step = excluded.checked_step, checked_on = excluded.checked_on`,
      [applicationId, villageCode, check.exclusion, check.applies, check.evidence.trim(), check.exception ?? null, step, date],
    );
  }
}

/**
 * Takes the next of the seven steps. The representatives' step records the vote (refused when its
 * numbers do not add up or it failed) and the exclusions; the village committee may complete the
 * exclusions; the county government's approval — refused while an exclusion is unchecked or
 * applies — registers the household as poor through core's registration, in the step's transaction.
 */
export async function takeIdentificationStep(ctx: TuopinContext, input: IdentificationStepInput): Promise<number> {
  const application = await loadApplication(ctx, input.caseId);
  if (!application) throw notFound('caseId', '识别申请', 'Identification application');
  const kase = application.workflow;
  checkStepAllowed(ctx, IDENTIFICATION_WORKFLOW, kase, input);
  checkStepInputs(ctx, input, application.villageCode);
  if (input.votes) assertVotePassed(input.votes);

  let register: CheckedRegistration | null = null;
  const date = input.date ?? todayOf(ctx.settings);
  if (input.step === 'COUNTY_APPROVAL') {
    assertExclusionsClear(await exclusionsOfApplicationLoader(ctx).load(application.id));
    register = prepareHouseholdRegistration(ctx, {
      // Numbered after the village and the application: unique, and apart from the 16-digit numbers of older rolls.
      householdNo: `${application.villageCode}-S${application.id}`,
      villageCode: application.villageCode,
      groupId: application.groupId ?? null,
      category: application.category,
      status: 'POOR',
      yearIdentified: Number(date.slice(0, 4)),
      primaryCause: application.primaryCause,
      otherCauses: application.otherCauses,
      members: [{ name: application.headName, idNumber: application.idNumber, relationToHead: 'HEAD' }],
    });
  }

  return inTransaction(ctx, HOUSEHOLD_CONSTRAINT_ERRORS, (em) =>
    takeStep(em, ctx, IDENTIFICATION_WORKFLOW, kase, input, {
      apply: async (_em, day) => {
        if (input.votes) {
          const v = input.votes;
          await em.execute(
            `update identification_application set representatives = ?, present = ?, votes_for = ?, votes_against = ?, abstentions = ?, voted_on = ? where id = ?`,
            [v.representatives, v.present, v.votesFor, v.votesAgainst, v.abstentions, day, application.id],
          );
        }
        if (input.exclusions) await writeExclusions(em, application.id, application.villageCode, input.step, day, input.exclusions);
        if (register) {
          const householdId = (await insertRegistration(ctx, register)).household.id;
          await em.execute(`update household set poverty_standard = ?, assistance_class = ? where id = ?`, [input.povertyStandard, input.assistanceClass, householdId]);
          await em.execute(`update workflow_case set household_id = ? where id = ?`, [householdId, application.id]);
          await em.execute(`update identification_application set outcome = 'APPROVED', poverty_standard = ?, assistance_class = ? where id = ?`, [
            input.povertyStandard,
            input.assistanceClass,
            application.id,
          ]);
        }
      },
    }),
  );
}

/** Rejects an application at the step it waits for, by that step's level, with a reason; it stays on record, closed. */
export async function rejectIdentification(ctx: TuopinContext, input: RejectRequest & { caseId: number }): Promise<number> {
  const kase = await workflowCaseLoader(ctx).load(input.caseId);
  if (!kase || kase.kind !== IDENTIFICATION_WORKFLOW.kind) throw notFound('caseId', '识别申请', 'Identification application');
  return inTransaction(ctx, {}, async (em) => {
    const version = await rejectCase(em, ctx, IDENTIFICATION_WORKFLOW, kase, input);
    await em.execute(`update identification_application set outcome = 'REJECTED' where id = ?`, [kase.id]);
    return version;
  });
}
