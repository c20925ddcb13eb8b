import { mustSucceed, type TestServer } from '@tuopin/testing';
import { graphql } from './generated/index.js';
import { CODES, globalId, insertHousehold, PRINCIPALS, type TestClock, type TestHousehold } from './world.js';

/** The operations of the aid procedure, shared by the aid tests. */

export const RecordEnrolment = graphql(`
  mutation EducationFlowRecordEnrolment($input: RecordEnrolmentInput!) {
    recordEnrolment(input: $input) {
      __typename
      ... on RecordEnrolmentPayload { enrolment { id } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const Apply = graphql(`
  mutation EducationApply($input: ApplyForEducationAidInput!) {
    applyForEducationAid(input: $input) {
      __typename
      ... on ApplyForEducationAidPayload { application { id status scheme year studentName } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

export const Review = graphql(`
  mutation EducationReview($input: ReviewEducationAidApplicationInput!) {
    reviewEducationAidApplication(input: $input) {
      __typename
      ... on ReviewEducationAidApplicationPayload { application { id status noticeFrom noticeUntil } }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field messageZh messageEn } }
    }
  }
`);

export const Pay = graphql(`
  mutation EducationPay($input: PayEducationAidInput!) {
    payEducationAid(input: $input) {
      __typename
      ... on PayEducationAidPayload { payment { id amount term isReversed bankAccount accountHolder disbursement { id amount } } }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field messageZh messageEn } }
    }
  }
`);

/** An EDUCATION project of 保靖县 under way, a 雨露计划 fund and an allocation of `amount` to it, inserted directly (core's ledger is tested in core); the allocation's global ID. */
export async function educationAllocation(server: TestServer, amount: string, category = 'EDUCATION'): Promise<string> {
  const [project] = await server.sql<{ id: number }>(
    `insert into project (name, category, construction_type, place_code, responsible_unit, budget, year, status, created_by)
     values ('雨露计划', ?, 'OTHER', ?, '县扶贫办', ?, 2016, 'UNDER_CONSTRUCTION', 'test') returning id`,
    [category, CODES.baojing, amount],
  );
  const [fund] = await server.sql<{ id: number }>(
    `insert into fund (source_type, name, year, amount, area_code, created_by) values ('CENTRAL_FISCAL', '雨露计划资金', 2016, ?, ?, 'test') returning id`,
    [amount, CODES.baojing],
  );
  const [allocation] = await server.sql<{ id: number }>(
    `insert into ledger_entry (kind, fund_id, project_id, amount, entry_date, recorded_by) values ('ALLOCATION', ?, ?, ?, '2016-08-01', 'test') returning id`,
    [fund.id, project.id, amount],
  );
  return globalId('Allocation', allocation.id);
}

export interface Student {
  household: TestHousehold;
  memberId: string;
  name: string;
  enrolmentId: string;
}

/** A student of a household of village A, enrolled full-time in a vocational school in the autumn of 2016 (or as given). */
export async function enrolledStudent(
  server: TestServer,
  options: { status?: string; stage?: string; fullTime?: boolean; year?: number; enrolmentStatus?: string; villageCode?: string } = {},
): Promise<Student> {
  const household = await insertHousehold(server, { villageCode: options.villageCode ?? CODES.villageA, status: options.status });
  const [, student] = household.members;
  const { enrolment } = mustSucceed(
    await server.execute(
      RecordEnrolment,
      {
        input: {
          memberId: student.id,
          schoolName: '湘西州职业技术学校',
          stage: (options.stage ?? 'SECONDARY_VOCATIONAL') as never,
          fullTime: options.fullTime ?? true,
          boarder: true,
          year: options.year ?? 2016,
          term: 'AUTUMN',
          status: (options.enrolmentStatus ?? 'ENROLLED') as never,
        },
      },
      { principal: PRINCIPALS.baojingOfficer },
    ),
  );
  return { household, memberId: student.id, name: student.name, enrolmentId: enrolment.id };
}

/** Takes the student's 雨露计划 application through village, township and county, the notice from `noticeFrom` for five days; the application's global ID. */
export async function approvedApplication(server: TestServer, student: Student, noticeFrom: string, noticeUntil: string): Promise<string> {
  const { application } = mustSucceed(await server.execute(Apply, { input: { memberId: student.memberId, enrolmentId: student.enrolmentId, scheme: 'YULU_VOCATIONAL' } }, { principal: PRINCIPALS.villageAOfficer }));
  mustSucceed(await server.execute(Review, { input: { applicationId: application.id, decision: 'APPROVE' } }, { principal: PRINCIPALS.villageAOfficer }));
  mustSucceed(await server.execute(Review, { input: { applicationId: application.id, decision: 'APPROVE' } }, { principal: PRINCIPALS.qianlingOfficer }));
  mustSucceed(await server.execute(Review, { input: { applicationId: application.id, decision: 'APPROVE', noticeFrom, noticeUntil } }, { principal: PRINCIPALS.bureau }));
  return application.id;
}

/** A payment's input: the student's own account unless given. */
export function payInput(student: Student, applicationId: string, allocationId: string, overrides: Record<string, unknown> = {}) {
  return { applicationId, allocationId, term: 'AUTUMN' as const, amount: '1500.00', voucherNo: 'YL-001', accountHolder: student.name, bankAccount: '6230901234567890123', ...overrides };
}

/**
 * `count` students of village A, each enrolled and approved (notice 1–5 September 2016) and paid
 * 1,500 on 10 September 2016 for each of `terms`, from the allocation, by the county's bureau.
 */
export async function paidStudents(server: TestServer, clock: TestClock, allocationId: string, count: number, terms: readonly ('AUTUMN' | 'SPRING')[] = ['AUTUMN']): Promise<void> {
  for (let i = 0; i < count; i++) {
    clock.setToday('2016-09-01');
    const student = await enrolledStudent(server);
    const applicationId = await approvedApplication(server, student, '2016-09-01', '2016-09-05');
    clock.setToday('2016-09-10');
    for (const term of terms) {
      mustSucceed(await server.execute(Pay, { input: payInput(student, applicationId, allocationId, { term, voucherNo: `S-${i}-${term}` }) }, { principal: PRINCIPALS.bureau }));
    }
  }
}
