import {
  assertKnowsPerson,
  ConflictError,
  ForbiddenError,
  grantAllows,
  hasPermission,
  inTransaction,
  isWithinScope,
  IssueCollector,
  MemberSchema,
  notFound,
  rowsWhereIn,
  type Member,
  type TuopinContext,
} from '@tuopin/core';
import { EDUCATION_PERMISSIONS } from '../access/education-access.js';
import { schoolLoader } from '../school/school.loaders.js';
import { checkText, checkYear, optionalText } from '../shared/checks.js';
import type { EnrolmentStatus, Stage, Term } from '../shared/vocabulary.js';
import { EnrolmentSchema } from './enrolment.entity.js';
import { enrolmentLoader } from './enrolment.loaders.js';

export interface RecordEnrolmentInput {
  memberId: number;
  /** The student's ID number: required of callers who see it masked (school staff), checked against the member. */
  idNumber?: string | null;
  schoolId?: number | null;
  schoolName?: string | null;
  stage: Stage;
  studentNo?: string | null;
  fullTime: boolean;
  boarder: boolean;
  year: number;
  term: Term;
  status?: EnrolmentStatus | null;
}

const ENROLMENT_ERRORS = {
  education_enrolment_member_term_key: () => new ConflictError('term', '该学生本学期已有学籍记录', 'This student already has an enrolment for that term'),
};

/** Whether the caller holds the enrolment permission at a school through a grant (its staff). */
function staffOf(ctx: TuopinContext, schoolId: number | null | undefined): boolean {
  return schoolId != null && grantAllows(ctx.principal, 'School', schoolId, EDUCATION_PERMISSIONS.recordEnrolments);
}

/**
 * The student, who must live in the caller's areas: officers record their own students, a
 * school's staff the students of the areas their token names, by their ID number too. Anyone
 * else is not found.
 */
async function studentInScope(ctx: TuopinContext, memberId: number, idNumber: string | null | undefined): Promise<Member> {
  const [row] = await rowsWhereIn(ctx, MemberSchema, 'id', [memberId]);
  const member = row && isWithinScope(row.villageCode, ctx.principal.areaScopes) ? row : null;
  // School staff see ID numbers masked: they enrol a student who showed them the ID card, so the
  // payload's name tells them nothing they did not know, and trying member ids yields no name.
  assertKnowsPerson(ctx, member, idNumber, { person: 'memberId', idNumber: 'idNumber' }, ['学生', 'Student']);
  if (!member) throw notFound('memberId', '学生', 'Student');
  return member;
}

/**
 * 学籍登记: records a member's enrolment in a term. A school's staff record it at their own
 * school (a grant of the permission on it); officers and the education bureau record it for the
 * students of their areas, at a school of the registry or one named in `schoolName`.
 */
export async function recordEnrolment(ctx: TuopinContext, input: RecordEnrolmentInput): Promise<number> {
  const schoolId = input.schoolId ?? null;
  const byStaff = staffOf(ctx, schoolId);
  if (!byStaff && !hasPermission(ctx.principal, EDUCATION_PERMISSIONS.recordEnrolments)) {
    throw new ForbiddenError(schoolId === null ? 'memberId' : 'schoolId', '您不能登记该学校的学籍', 'You may not record enrolments at this school');
  }
  const issues = new IssueCollector();
  checkYear(issues, 'year', input.year);
  const studentNo = optionalText(input.studentNo);
  checkText(issues, 'studentNo', studentNo, 40, false);
  const givenName = optionalText(input.schoolName);
  if (schoolId === null) checkText(issues, 'schoolName', givenName, 200, true);
  issues.throwIfAny();

  const school = schoolId === null ? null : await schoolLoader(ctx).load(schoolId);
  if (schoolId !== null && !school) throw notFound('schoolId', '学校', 'School');
  const member = await studentInScope(ctx, input.memberId, input.idNumber);

  return inTransaction(ctx, ENROLMENT_ERRORS, async (em) => {
    const row = em.create(EnrolmentSchema, {
      memberId: member.id,
      householdId: member.householdId,
      villageCode: member.villageCode,
      schoolId,
      schoolName: school?.name ?? givenName!,
      stage: input.stage,
      studentNo,
      fullTime: input.fullTime,
      boarder: input.boarder,
      year: input.year,
      term: input.term,
      status: input.status ?? 'ENROLLED',
      recordedBy: ctx.principal.id,
    } as never);
    await em.flush();
    return (row as { id: number }).id;
  });
}

/** Changes an enrolment's status in its term (休学, 入伍, 辍学, 毕业 …), by its school's staff or an officer of the student's area. */
export async function changeEnrolmentStatus(ctx: TuopinContext, input: { enrolmentId: number; status: EnrolmentStatus }): Promise<number> {
  const enrolment = await enrolmentLoader(ctx).load(input.enrolmentId);
  if (!enrolment) throw notFound('enrolmentId', '学籍', 'Enrolment');
  const byStaff = staffOf(ctx, enrolment.schoolId);
  if (!byStaff && !(hasPermission(ctx.principal, EDUCATION_PERMISSIONS.recordEnrolments) && isWithinScope(enrolment.villageCode, ctx.principal.areaScopes))) {
    throw new ForbiddenError('enrolmentId', '您不能修改该学籍', 'You may not change this enrolment');
  }
  await inTransaction(ctx, {}, async (em) => {
    await em.execute('update education_enrolment set status = ?, updated_at = now() where id = ?', [input.status, enrolment.id]);
  });
  // The payload reads the enrolment again, as stored now.
  enrolmentLoader(ctx).clear(enrolment.id);
  return enrolment.id;
}
