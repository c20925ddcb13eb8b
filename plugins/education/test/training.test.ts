import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { CODES, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock, type TestHousehold } from './world.js';

const CreateCourse = graphql(`
  mutation EducationCreateCourse($input: CreateTrainingCourseInput!) {
    createTrainingCourse(input: $input) {
      __typename
      ... on CreateTrainingCoursePayload { course { id name kind startDate endDate cost } }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field messageZh messageEn } }
    }
  }
`);

const Enrol = graphql(`
  mutation EducationEnrolTrainee($input: EnrolTraineeInput!) {
    enrolTrainee(input: $input) {
      __typename
      ... on EnrolTraineePayload { trainee { id status } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const Outcome = graphql(`
  mutation EducationTraineeOutcome($input: RecordTraineeOutcomeInput!) {
    recordTraineeOutcome(input: $input) {
      __typename
      ... on RecordTraineeOutcomePayload { trainee { id status employed employer employedFrom } }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field messageZh messageEn } }
    }
  }
`);

const TrainingStats = graphql(`
  query EducationTrainingStats($code: String!) {
    region(code: $code) { stats { education { trainees completedTrainees completionRate employedTrainees employmentRate traineesByKind { kind trainees completed employed } } } }
  }
`);

const Courses = graphql(`
  query EducationCourses($updatedAfter: DateTime) {
    trainingCourses(regionCode: "433125000000", updatedAfter: $updatedAfter, first: 10) { totalCount edges { node { name venue cost updatedAt } } }
  }
`);

const CoursePage = graphql(`
  query EducationCoursePage($updatedAfter: DateTime, $after: String) {
    trainingCourses(regionCode: "433125000000", updatedAfter: $updatedAfter, first: 1, after: $after) { totalCount pageInfo { endCursor } }
  }
`);

const CourseTrainees = graphql(`
  query EducationCourseTrainees { trainingCourses(regionCode: "433125000000", first: 10) { edges { node { trainees { status } } } } }
`);

const clock = new TestClock();
let server: TestServer;
let households: TestHousehold[];
let course: { id: string };

const courseInput = { name: '致富带头人培训班', kind: 'LEADERS' as const, areaCode: CODES.baojing, venue: '长沙', provider: '湖南农业大学', startDate: '2016-04-11', endDate: '2016-04-25', cost: '80000.00' };
const count = async (table: string) => Number((await server.sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);

beforeAll(async () => {
  clock.setToday('2016-04-01');
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  households = [];
  for (let i = 0; i < 3; i++) households.push(await insertHousehold(server, { birthDates: ['1980-01-01'] }));
  ({ course } = mustSucceed(await server.execute(CreateCourse, { input: courseInput }, { principal: PRINCIPALS.bureau })));
});
afterAll(() => server.close());

const enrol = async (household: TestHousehold) => mustSucceed(await server.execute(Enrol, { input: { courseId: course.id, memberId: household.members[0].id } }, { principal: PRINCIPALS.villageAOfficer })).trainee.id;

describe('courses and trainees', () => {
  it('rule 5: refuses a course that ends before it starts, naming endDate, and writes nothing', async () => {
    const before = await count('education_course');
    const result = await server.execute(CreateCourse, { input: { ...courseInput, endDate: '2016-04-10' } }, { principal: PRINCIPALS.bureau });
    expect(result.data?.createTrainingCourse).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'endDate', messageZh: '结束日期不能早于开始日期', messageEn: 'A course cannot end before it starts' }] });
    expect(await count('education_course')).toBe(before);
  });

  it('refuses a trainee of another area as not found', async () => {
    const other = await insertHousehold(server, { villageCode: CODES.villageC });
    const before = await count('education_trainee');
    const result = await server.execute(Enrol, { input: { courseId: course.id, memberId: other.members[0].id } }, { principal: PRINCIPALS.villageAOfficer });
    expect(result.data?.enrolTrainee).toMatchObject({ __typename: 'NotFoundError', field: 'memberId' });
    expect(await count('education_trainee')).toBe(before);
  });

  it('rule 5: refuses a trainee marked employed before the course ends, or from a day before its end, and writes nothing', async () => {
    const trainee = await enrol(households[0]);
    clock.setToday('2016-04-20');
    const early = await server.execute(Outcome, { input: { traineeId: trainee, status: 'ENROLLED', employed: true, employer: '黄金茶合作社', employedFrom: '2016-04-19' } }, { principal: PRINCIPALS.villageAOfficer });
    expect(early.data?.recordTraineeOutcome).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'employedFrom',
      messageZh: '培训班2016-04-25结束，学员就业须在培训结束之后',
      messageEn: 'The course ends on 2016-04-25; a trainee is employed only after it',
    });
    clock.setToday('2016-06-01');
    const before = await server.execute(Outcome, { input: { traineeId: trainee, status: 'COMPLETED', employed: true, employer: '黄金茶合作社', employedFrom: '2016-04-20' } }, { principal: PRINCIPALS.villageAOfficer });
    expect(before.data?.recordTraineeOutcome).toMatchObject({ __typename: 'RuleViolationError', field: 'employedFrom' });
    const [row] = await server.sql<{ status: string; employed: boolean | null }>('select status, employed from education_trainee where id = ?', [Number(Buffer.from(trainee, 'base64').toString().split(':')[1])]);
    expect(row).toEqual({ status: 'ENROLLED', employed: null });
  });

  it('records completion and employment after the course, and counts them', async () => {
    clock.setToday('2016-04-01');
    const second = await enrol(households[1]);
    const third = await enrol(households[2]);
    clock.setToday('2016-06-01');
    const [first] = await server.sql<{ id: number }>('select id from education_trainee order by id limit 1');
    const firstId = Buffer.from(`Trainee:${first.id}`).toString('base64');
    const done = mustSucceed(await server.execute(Outcome, { input: { traineeId: firstId, status: 'COMPLETED', certificateNo: 'YL-1', employed: true, employer: '黄金茶合作社', employedFrom: '2016-05-10' } }, { principal: PRINCIPALS.villageAOfficer }));
    expect(done.trainee).toMatchObject({ status: 'COMPLETED', employed: true, employedFrom: '2016-05-10' });
    mustSucceed(await server.execute(Outcome, { input: { traineeId: second, status: 'COMPLETED', employed: false } }, { principal: PRINCIPALS.villageAOfficer }));
    mustSucceed(await server.execute(Outcome, { input: { traineeId: third, status: 'NOT_COMPLETED' } }, { principal: PRINCIPALS.villageAOfficer }));
    const stats = await server.execute(TrainingStats, { code: CODES.baojing }, { principal: PRINCIPALS.baojingOfficer });
    expect(stats.data!.region!.stats.education).toEqual({
      trainees: 3,
      completedTrainees: 2,
      completionRate: 0.6667,
      employedTrainees: 1,
      employmentRate: 0.5,
      traineesByKind: [{ kind: 'LEADERS', trainees: 3, completed: 2, employed: 1 }],
    });
    const partner = await server.execute(TrainingStats, { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(partner.data!.region!.stats.education).toMatchObject({ trainees: null, completionRate: null, traineesByKind: [] });
  });

  it('gives a partner the courses changed from the day of a moment, without their trainees', async () => {
    const pulled = await server.execute(Courses, { updatedAfter: '2000-01-01T00:00:00Z' }, { principal: PRINCIPALS.ngo });
    expect(pulled.errors).toBeUndefined();
    expect(pulled.data?.trainingCourses.edges.map((edge) => edge.node)).toMatchObject([{ name: '致富带头人培训班', venue: '长沙', cost: '80000.00' }]);
    // He reads when it changed to the day (00:00 in China), so a pull from there overlaps that day.
    const changed = pulled.data!.trainingCourses.edges[0].node.updatedAt;
    expect(new Date(Date.parse(changed) + 8 * 3_600_000).toISOString()).toMatch(/T00:00:00\.000Z$/);
    const later = await server.execute(Courses, { updatedAfter: changed }, { principal: PRINCIPALS.ngo });
    expect(later.data?.trainingCourses.totalCount).toBe(1);
    // An officer reads the exact moment: nothing changed after it.
    const exact = (await server.execute(Courses, { updatedAfter: '2000-01-01T00:00:00Z' }, { principal: PRINCIPALS.baojingOfficer })).data!.trainingCourses.edges[0].node.updatedAt;
    expect(exact).not.toBe(changed);
    expect((await server.execute(Courses, { updatedAfter: exact }, { principal: PRINCIPALS.baojingOfficer })).data?.trainingCourses.totalCount).toBe(0);
    const trainees = await server.execute(CourseTrainees, {}, { principal: PRINCIPALS.ngo });
    expect(trainees.errors?.[0]?.message).toBeDefined();
  });

  it('refuses a cursor of the other ordering as a validation error on `after`, not a failed cast', async () => {
    const byArea = await server.execute(CoursePage, {}, { principal: PRINCIPALS.ngo });
    expect(byArea.errors).toBeUndefined();
    expect(byArea.data!.trainingCourses.pageInfo.endCursor).toEqual(expect.any(String));
    const mixed = await server.execute(CoursePage, { updatedAfter: '2000-01-01T00:00:00Z', after: byArea.data!.trainingCourses.pageInfo.endCursor }, { principal: PRINCIPALS.ngo });
    expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
  });
});
