import {
  ConflictError,
  ForbiddenError,
  hasPermission,
  householdLoader,
  inTransaction,
  isWithinScope,
  IssueCollector,
  levelOfScope,
  MemberSchema,
  noticeLengthInDays,
  noticeRecordingGraceDaysOf,
  earliestNoticeStart,
  notFound,
  rowsWhereIn,
  RuleViolationError,
  todayOf,
  ValidationError,
  type Member,
  type TuopinContext,
} from '@tuopin/core';
import { EDUCATION_PERMISSIONS } from '../access/education-access.js';
import { enrolmentLoader } from '../enrolment/enrolment.loaders.js';
import type { Enrolment } from '../enrolment/enrolment.entity.js';
import { educationSettingsOf, schemeRulesFor, type SchemeRules } from '../settings/education-settings.js';
import { checkNotFuture, checkText, optionalText } from '../shared/checks.js';
import { STAGES, type AidScheme } from '../shared/vocabulary.js';
import type { ApplicationStatus } from './aid-enums.js';
import { ApplicationSchema } from './application.entity.js';
import { applicationLoader } from './aid.loaders.js';

const APPLICATION_ERRORS = {
  education_aid_application_live_key: () => new ConflictError('scheme', '该学生本年度已申请该资助项目', 'This student has applied for this scheme in that year already'),
};

/** A student of the caller's areas, or not found: an application for a member of another area is refused. */
export async function studentOf(ctx: TuopinContext, memberId: number, field = 'memberId'): Promise<Member> {
  const [member] = await rowsWhereIn(ctx, MemberSchema, 'id', [memberId]);
  if (!member || !isWithinScope(member.villageCode, ctx.principal.areaScopes)) throw notFound(field, '学生', 'Student');
  return member;
}

/**
 * Rule 4: aid only for an enrolment in school, full-time where the scheme says so — never for one
 * suspended (休学), dropped out, on military leave or part-time.
 */
export function assertEnrolmentEligible(enrolment: Enrolment, rules: SchemeRules): void {
  if (enrolment.status !== 'ENROLLED') {
    throw new RuleViolationError('enrolmentId', `该学籍状态为${enrolment.status}，不能享受资助（休学、辍学、入伍保留学籍、毕业均不享受）`, `An enrolment in status ${enrolment.status} gets no aid: only students in school do`);
  }
  if (rules.fullTimeOnly && !enrolment.fullTime) {
    throw new RuleViolationError('enrolmentId', '非全日制学生不能享受该资助', 'Part-time students are not eligible for this scheme');
  }
}

/** The year's amount of a scheme for an enrolment's stage (rule 1: a stage the scheme does not cover is refused). */
export function amountFor(rules: SchemeRules, scheme: AidScheme, enrolment: Enrolment): string {
  const amount = rules.amounts[enrolment.stage];
  if (amount === undefined) {
    const stageZh = STAGES[enrolment.stage].split(' ')[0];
    throw new RuleViolationError('scheme', `该资助项目本年度在本省不资助${stageZh}学生`, `The scheme ${scheme} does not cover ${enrolment.stage} students in this province and year`);
  }
  return amount;
}

export interface ApplyForAidInput {
  memberId: number;
  enrolmentId: number;
  scheme: AidScheme;
  appliedOn?: string | null;
}

/**
 * 申请: a student (or the family) applies through the village for one scheme, for the enrolment
 * of that year. Refused, with nothing written: a student outside the caller's areas; an enrolment
 * not in school or part-time; a stage the scheme does not cover; a household whose status the
 * scheme does not admit; a second live application for the same scheme and year.
 */
export async function applyForAid(ctx: TuopinContext, input: ApplyForAidInput): Promise<number> {
  if (!hasPermission(ctx.principal, EDUCATION_PERMISSIONS.manageAid)) {
    throw new ForbiddenError('memberId', '您的角色不能受理教育资助申请', 'Your role may not take education-aid applications');
  }
  const today = todayOf(ctx.settings);
  const appliedOn = input.appliedOn ?? today;
  const issues = new IssueCollector();
  checkNotFuture(issues, 'appliedOn', appliedOn, today);
  issues.throwIfAny();

  const member = await studentOf(ctx, input.memberId);
  const enrolment = await enrolmentLoader(ctx).load(input.enrolmentId);
  if (!enrolment) throw notFound('enrolmentId', '学籍', 'Enrolment');
  if (enrolment.memberId !== member.id) throw ValidationError.of('enrolmentId', '该学籍不是这名学生的', 'This enrolment is not the student\'s');
  const rules = schemeRulesFor(educationSettingsOf(ctx.settings), input.scheme, member.villageCode, enrolment.year);
  assertEnrolmentEligible(enrolment, rules);
  amountFor(rules, input.scheme, enrolment);
  const household = (await householdLoader(ctx).load(member.householdId))!;
  if (!rules.householdStatuses.includes(household.status)) {
    throw new RuleViolationError(
      'memberId',
      `该生家庭（${household.status}）不属于本年度该资助项目的资助对象`,
      `The student's household (${household.status}) is not among those the scheme aids in ${enrolment.year}: ${rules.householdStatuses.join(', ')}`,
    );
  }

  return inTransaction(ctx, APPLICATION_ERRORS, async (em) => {
    const row = em.create(ApplicationSchema, {
      memberId: member.id,
      householdId: member.householdId,
      villageCode: member.villageCode,
      enrolmentId: enrolment.id,
      scheme: input.scheme,
      year: enrolment.year,
      status: 'SUBMITTED',
      appliedOn,
      createdBy: ctx.principal.id,
    } as never);
    await em.flush();
    return (row as { id: number }).id;
  });
}

/** Which level checks an application next, and the status it moves to. */
const STEPS: Partial<Record<ApplicationStatus, { level: 'VILLAGE' | 'TOWNSHIP' | 'COUNTY'; next: ApplicationStatus; column: string }>> = {
  SUBMITTED: { level: 'VILLAGE', next: 'VILLAGE_CHECKED', column: 'village_checked_on' },
  VILLAGE_CHECKED: { level: 'TOWNSHIP', next: 'TOWNSHIP_CHECKED', column: 'township_checked_on' },
  TOWNSHIP_CHECKED: { level: 'COUNTY', next: 'APPROVED', column: 'approved_on' },
};

const LEVEL_ZH = { VILLAGE: '村', TOWNSHIP: '乡镇', COUNTY: '县' } as const;

export interface ReviewInput {
  applicationId: number;
  decision: 'APPROVE' | 'REJECT';
  reason?: string | null;
  noticeFrom?: string | null;
  noticeUntil?: string | null;
}

/**
 * 审核: the next step of the procedure, by an officer of that level whose area holds the student
 * (village check and stamp → township check → county review). The county's approval records the
 * public notice in village and township, of at least `noticeDays`; payment waits for its end.
 */
export async function reviewAidApplication(ctx: TuopinContext, input: ReviewInput): Promise<number> {
  const application = await applicationLoader(ctx).load(input.applicationId);
  if (!application) throw notFound('applicationId', '资助申请', 'Aid application');
  if (!hasPermission(ctx.principal, EDUCATION_PERMISSIONS.manageAid)) {
    throw new ForbiddenError('applicationId', '您的角色不能审核教育资助申请', 'Your role may not check education-aid applications');
  }
  const step = STEPS[application.status];
  if (!step) throw new RuleViolationError('applicationId', '该申请已审结', `This application has been decided already (${application.status})`);
  const atLevel = ctx.principal.areaScopes.some((scope) => levelOfScope(scope) === step.level && isWithinScope(application.villageCode, [scope]));
  if (!atLevel) {
    throw new ForbiddenError('applicationId', `该申请待${LEVEL_ZH[step.level]}级审核，须由学生所在地的${LEVEL_ZH[step.level]}级干部办理`, `This application awaits the ${step.level.toLowerCase()} check, by an officer of the student's ${step.level.toLowerCase()}`);
  }
  const today = todayOf(ctx.settings);
  const reason = optionalText(input.reason);
  const issues = new IssueCollector();
  if (input.decision === 'REJECT') checkText(issues, 'reason', reason, 500, true);
  const approvesForCounty = input.decision === 'APPROVE' && step.level === 'COUNTY';
  if (approvesForCounty) {
    const { noticeFrom, noticeUntil } = input;
    const noticeDays = educationSettingsOf(ctx.settings).noticeDays;
    if (!noticeFrom) issues.add('noticeFrom', '县级复核通过须登记公示开始日期', 'The county\'s approval records when the public notice started');
    if (!noticeUntil) issues.add('noticeUntil', '县级复核通过须登记公示结束日期', 'The county\'s approval records when the public notice ends');
    if (noticeFrom && noticeUntil) {
      if (noticeUntil < noticeFrom) issues.add('noticeUntil', '公示结束日期不能早于开始日期', 'The notice cannot end before it starts');
      else if (noticeLengthInDays({ startDate: noticeFrom, endDate: noticeUntil }) < noticeDays) {
        issues.add('noticeUntil', `公示期不少于${noticeDays}天`, `The public notice must run at least ${noticeDays} days`);
      }
      const earliest = earliestNoticeStart(today, noticeRecordingGraceDaysOf(ctx.settings));
      if (noticeFrom < earliest) issues.add('noticeFrom', `公示开始日期不能早于${earliest}（公示须在登记时张贴）`, `A notice recorded today cannot have started before ${earliest}`);
      if (noticeFrom > today) issues.add('noticeFrom', '公示开始日期不能晚于今天', 'The notice cannot start in the future');
    }
  }
  issues.throwIfAny();

  await inTransaction(ctx, {}, async (em) => {
    // The status it moves from is part of the condition, so two reviewers never both move it.
    const updated =
      input.decision === 'REJECT'
        ? await em.execute(`update education_aid_application set status = 'REJECTED', rejection_reason = ?, updated_at = now() where id = ? and status = ?`, [reason, application.id, application.status], 'run')
        : await em.execute(
            `update education_aid_application set status = ?, ${step.column} = ?, notice_from = coalesce(?, notice_from), notice_until = coalesce(?, notice_until), updated_at = now()
             where id = ? and status = ?`,
            [step.next, today, approvesForCounty ? input.noticeFrom : null, approvesForCounty ? input.noticeUntil : null, application.id, application.status],
            'run',
          );
    if ((updated as { affectedRows?: number }).affectedRows !== 1) throw new ConflictError('applicationId', '该申请已被他人审核', 'Someone else has just checked this application');
  });
  applicationLoader(ctx).clear(application.id);
  return application.id;
}
