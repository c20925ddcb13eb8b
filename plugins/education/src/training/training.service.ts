import {
  ConflictError,
  hasPermission,
  ForbiddenError,
  inTransaction,
  isDivisionCode,
  IssueCollector,
  notFound,
  requireArea,
  RuleViolationError,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { assertMayAt } from '../access/education-checks.js';
import { EDUCATION_PERMISSIONS } from '../access/education-access.js';
import { studentOf } from '../aid/application.service.js';
import { checkPositiveAmount, checkText, optionalText } from '../shared/checks.js';
import type { CourseKind, TraineeStatus } from '../shared/vocabulary.js';
import { CourseSchema, TraineeSchema } from './training.entity.js';
import { courseLoader, traineeLoader } from './training.loaders.js';

export interface CourseInput {
  name: string;
  kind: CourseKind;
  areaCode: string;
  venue: string;
  provider: string;
  startDate: string;
  endDate: string;
  cost: string;
}

/** 开班: a course run for an area of the caller's (rule 5: it cannot end before it starts). */
export async function createCourse(ctx: TuopinContext, input: CourseInput): Promise<number> {
  if (!isDivisionCode(input.areaCode)) throw notFound('areaCode', `区划 ${input.areaCode} `, `Area ${input.areaCode}`);
  assertMayAt(ctx, EDUCATION_PERMISSIONS.manageSchools, input.areaCode, 'areaCode', '举办培训班', 'run training courses');
  const issues = new IssueCollector();
  for (const field of ['name', 'venue', 'provider'] as const) checkText(issues, field, optionalText(input[field]), 200, true);
  if (input.endDate < input.startDate) issues.add('endDate', '结束日期不能早于开始日期', 'A course cannot end before it starts');
  if (input.cost !== '0.00') checkPositiveAmount(issues, 'cost', input.cost);
  issues.throwIfAny();
  return inTransaction(ctx, {}, async (em) => {
    await requireArea(em, input.areaCode, 'areaCode');
    const row = em.create(CourseSchema, { ...input, name: input.name.trim(), venue: input.venue.trim(), provider: input.provider.trim(), createdBy: ctx.principal.id } as never);
    await em.flush();
    return (row as { id: number }).id;
  });
}

/** 报名: a member of the caller's areas joins a course. */
export async function enrolTrainee(ctx: TuopinContext, input: { courseId: number; memberId: number }): Promise<number> {
  if (!hasPermission(ctx.principal, EDUCATION_PERMISSIONS.manageAid)) throw new ForbiddenError('memberId', '您的角色不能登记培训学员', 'Your role may not enrol trainees');
  const course = await courseLoader(ctx).load(input.courseId);
  if (!course) throw notFound('courseId', '培训班', 'Course');
  const member = await studentOf(ctx, input.memberId);
  return inTransaction(ctx, { education_trainee_course_member_key: () => new ConflictError('memberId', '该成员已在此培训班', 'This member is on the course already') }, async (em) => {
    const row = em.create(TraineeSchema, { courseId: course.id, memberId: member.id, householdId: member.householdId, villageCode: member.villageCode, status: 'ENROLLED', createdBy: ctx.principal.id } as never);
    await em.flush();
    return (row as { id: number }).id;
  });
}

export interface OutcomeInput {
  traineeId: number;
  status: TraineeStatus;
  certificateNo?: string | null;
  employed?: boolean | null;
  employer?: string | null;
  employedFrom?: string | null;
}

/**
 * 结业与就业: records whether a trainee completed the course (with the certificate) and, later,
 * his employment. Rule 5: neither completion nor employment before the course has ended, and no
 * employment that starts before its end ("培训一人，就业一人" counts jobs found after training).
 */
export async function recordTraineeOutcome(ctx: TuopinContext, input: OutcomeInput): Promise<number> {
  const trainee = await traineeLoader(ctx).load(input.traineeId);
  if (!trainee) throw notFound('traineeId', '培训学员', 'Trainee');
  assertMayAt(ctx, EDUCATION_PERMISSIONS.manageAid, trainee.villageCode, 'traineeId', '登记培训结果', 'record training outcomes');
  const course = (await courseLoader(ctx).load(trainee.courseId))!;
  const today = todayOf(ctx.settings);
  const certificateNo = optionalText(input.certificateNo);
  const employer = optionalText(input.employer);
  const issues = new IssueCollector();
  checkText(issues, 'certificateNo', certificateNo, 64, false);
  checkText(issues, 'employer', employer, 200, input.employed === true);
  if (input.employed === true && !input.employedFrom) issues.add('employedFrom', '就业须登记起始日期', 'Employment needs the day it started');
  issues.throwIfAny();
  if (input.status !== 'ENROLLED' && today <= course.endDate) {
    throw new RuleViolationError('status', `培训班${course.endDate}结束，结束后才能登记结业`, `The course ends on ${course.endDate}; record completion after it`);
  }
  if (input.employed === true && (today <= course.endDate || input.employedFrom! <= course.endDate)) {
    throw new RuleViolationError('employedFrom', `培训班${course.endDate}结束，学员就业须在培训结束之后`, `The course ends on ${course.endDate}; a trainee is employed only after it`);
  }
  if (input.employedFrom && input.employedFrom > today) throw new RuleViolationError('employedFrom', '就业起始日期不能晚于今天', 'Employment cannot start in the future');
  await inTransaction(ctx, {}, async (em) => {
    await em.execute(
      `update education_trainee set status = ?, certificate_no = ?, employed = ?, employer = ?, employed_from = ?, updated_at = now() where id = ?`,
      [input.status, certificateNo, input.employed ?? null, input.employed ? employer : null, input.employed ? input.employedFrom : null, trainee.id],
    );
    // A course's trainees changing moves the course in partners' pulls.
    await em.execute('update education_course set updated_at = now() where id = ?', [course.id]);
  });
  traineeLoader(ctx).clear(trainee.id);
  return trainee.id;
}
