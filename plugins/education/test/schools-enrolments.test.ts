import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { CODES, globalId, idOf, insertAreas, insertHousehold, insertSchool, PRINCIPALS, schoolStaff, settingsWith, TestClock, type TestHousehold } from './world.js';

const CreateSchool = graphql(`
  mutation EducationCreateSchool($input: CreateSchoolInput!) {
    createSchool(input: $input) {
      __typename
      ... on CreateSchoolPayload { school { id name kind pupils pupilsByStage { stage pupils } floorArea unsafeFloorArea } }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field messageZh messageEn } }
    }
  }
`);

const RecordEnrolment = graphql(`
  mutation EducationRecordEnrolment($input: RecordEnrolmentInput!) {
    recordEnrolment(input: $input) {
      __typename
      ... on RecordEnrolmentPayload { enrolment { id studentName schoolName stage status year term school { name } } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const ChangeStatus = graphql(`
  mutation EducationChangeEnrolmentStatus($input: ChangeEnrolmentStatusInput!) {
    changeEnrolmentStatus(input: $input) {
      __typename
      ... on ChangeEnrolmentStatusPayload { enrolment { id status } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const Enrolments = graphql(`
  query EducationEnrolments($schoolId: ID) {
    enrolments(schoolId: $schoolId, first: 50) { totalCount edges { node { studentName schoolName villageCode } } }
  }
`);

const Schools = graphql(`
  query EducationSchools { schools(first: 50) { totalCount edges { node { name } } } }
`);

let server: TestServer;
let student: TestHousehold;
let outsider: TestHousehold;
let lingyuanStudent: TestHousehold;
let vocational: number;
let middle: number;

const count = async (table: string) => Number((await server.sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(new TestClock()) });
  await insertAreas(server);
  student = await insertHousehold(server, { villageCode: CODES.villageA });
  outsider = await insertHousehold(server, { villageCode: CODES.villageC });
  lingyuanStudent = await insertHousehold(server, { villageCode: CODES.dalaoyemiao });
  vocational = await insertSchool(server, '保靖县职业中专学校');
  middle = await insertSchool(server, '保靖县民族中学', CODES.qianling, 'MIDDLE');
});
afterAll(() => server.close());

const enrolmentInput = (memberId: string, schoolId: number | null, term: 'SPRING' | 'AUTUMN' = 'AUTUMN') => ({
  memberId,
  ...(schoolId === null ? { schoolName: '湖南师范大学' } : { schoolId: globalId('School', schoolId) }),
  stage: 'SECONDARY_VOCATIONAL' as const,
  fullTime: true,
  boarder: true,
  year: 2016,
  term,
});

describe('createSchool', () => {
  const input = {
    name: '示例九年一贯制学校',
    kind: 'NINE_YEAR' as const,
    areaCode: CODES.qianling,
    teachersServing: 20,
    teachersRetired: 5,
    pupils: [{ stage: 'PRIMARY' as const, pupils: 300 }, { stage: 'JUNIOR_SECONDARY' as const, pupils: 120 }],
    floorArea: 3000,
    unsafeFloorArea: 400.5,
  };

  it('registers a school with its pupils by stage, as the education bureau', async () => {
    const { school } = mustSucceed(await server.execute(CreateSchool, { input }, { principal: PRINCIPALS.bureau }));
    expect(school).toMatchObject({ kind: 'NINE_YEAR', pupils: 420, floorArea: 3000, unsafeFloorArea: 400.5 });
    expect(school.pupilsByStage).toEqual([{ stage: 'PRIMARY', pupils: 300 }, { stage: 'JUNIOR_SECONDARY', pupils: 120 }]);
  });

  it('refuses an unsafe area larger than the floor area, naming the field in both languages, and writes nothing', async () => {
    const before = await count('education_school');
    const result = await server.execute(CreateSchool, { input: { ...input, unsafeFloorArea: 3001 } }, { principal: PRINCIPALS.bureau });
    expect(result.data?.createSchool).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'unsafeFloorArea', messageZh: 'D级危房面积不能大于校舍面积', messageEn: 'The unsafe floor area cannot exceed the floor area' }] });
    expect(await count('education_school')).toBe(before);
  });

  it('refuses a township officer (no school permission) and a county outside the caller\'s scope', async () => {
    const before = await count('education_school');
    expect((await server.execute(CreateSchool, { input }, { principal: PRINCIPALS.qianlingOfficer })).data?.createSchool).toMatchObject({ __typename: 'ForbiddenError', field: 'areaCode' });
    expect((await server.execute(CreateSchool, { input: { ...input, areaCode: '211382108000' } }, { principal: PRINCIPALS.bureau })).data?.createSchool).toMatchObject({ __typename: 'ForbiddenError', field: 'areaCode' });
    expect(await count('education_school')).toBe(before);
  });
});

describe('enrolments by school staff (a grant on their school)', () => {
  it('records an enrolment at the staff member\'s own school, for the student whose ID number they give', async () => {
    const input = { ...enrolmentInput(student.members[1].id, vocational), idNumber: student.members[1].idNumber.toLowerCase() };
    const { enrolment } = mustSucceed(await server.execute(RecordEnrolment, { input }, { principal: schoolStaff(vocational) }));
    expect(enrolment).toMatchObject({ studentName: student.members[1].name, schoolName: '保靖县职业中专学校', status: 'ENROLLED', school: { name: '保靖县职业中专学校' } });
  });

  it('learns no name by trying member ids: without the ID number refused alike for anyone, with a wrong one not found like a stranger, writing nothing', async () => {
    const before = await count('education_enrolment');
    const other = await insertHousehold(server);
    const [head, son] = other.members;
    // Without an ID number: the same refusal for a member of the township and for one outside it.
    for (const memberId of [son.id, outsider.members[1].id]) {
      const result = await server.execute(RecordEnrolment, { input: enrolmentInput(memberId, vocational) }, { principal: schoolStaff(vocational) });
      expect(result.data?.recordEnrolment).toMatchObject({ __typename: 'ValidationError', field: 'idNumber' });
    }
    // Another person's ID number (the head's, for the son): answered as a student who does not exist.
    const wrong = await server.execute(RecordEnrolment, { input: { ...enrolmentInput(son.id, vocational), idNumber: head.idNumber } }, { principal: schoolStaff(vocational) });
    expect(wrong.data?.recordEnrolment).toMatchObject({ __typename: 'NotFoundError', field: 'memberId' });
    const stranger = await server.execute(RecordEnrolment, { input: { ...enrolmentInput(outsider.members[1].id, vocational), idNumber: outsider.members[1].idNumber } }, { principal: schoolStaff(vocational) });
    expect(stranger.data?.recordEnrolment).toMatchObject({ __typename: 'NotFoundError', field: 'memberId', messageEn: (wrong.data?.recordEnrolment as { messageEn: string }).messageEn });
    expect(JSON.stringify([wrong, stranger])).not.toContain(son.name);
    expect(await count('education_enrolment')).toBe(before);
    // An officer, who reads personal data, records by member id alone.
    mustSucceed(await server.execute(RecordEnrolment, { input: enrolmentInput(son.id, null) }, { principal: PRINCIPALS.baojingOfficer }));
  });

  it('refuses another school, without writing', async () => {
    const before = await count('education_enrolment');
    const result = await server.execute(RecordEnrolment, { input: enrolmentInput(student.members[1].id, middle, 'SPRING') }, { principal: schoolStaff(vocational) });
    expect(result.data?.recordEnrolment).toMatchObject({ __typename: 'ForbiddenError', field: 'schoolId' });
    expect(await count('education_enrolment')).toBe(before);
  });

  it('refuses a student outside the areas the staff token names as one that does not exist', async () => {
    const before = await count('education_enrolment');
    const input = { ...enrolmentInput(outsider.members[1].id, vocational), idNumber: outsider.members[1].idNumber };
    const result = await server.execute(RecordEnrolment, { input }, { principal: schoolStaff(vocational) });
    expect(result.data?.recordEnrolment).toMatchObject({ __typename: 'NotFoundError', field: 'memberId' });
    expect(await count('education_enrolment')).toBe(before);
  });

  it('lists only its school\'s enrolments, and no other school', async () => {
    mustSucceed(await server.execute(RecordEnrolment, { input: { ...enrolmentInput(outsider.members[1].id, middle), stage: 'SENIOR_HIGH' } }, { principal: PRINCIPALS.baojingOfficer }));
    const listed = await server.execute(Enrolments, {}, { principal: schoolStaff(vocational) });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.enrolments.edges.map((edge) => edge.node.schoolName)).toEqual(['保靖县职业中专学校']);
    const schools = await server.execute(Schools, {}, { principal: schoolStaff(vocational, CODES.villageC) });
    expect(schools.data?.schools.edges.map((edge) => edge.node.name)).toEqual(['保靖县职业中专学校']);
  });

  it('changes the status of its own school\'s enrolment, not of another school\'s', async () => {
    const [own] = await server.sql<{ id: number }>('select id from education_enrolment where school_id = ? order by id limit 1', [vocational]);
    const [other] = await server.sql<{ id: number }>('select id from education_enrolment where school_id = ? order by id limit 1', [middle]);
    const changed = mustSucceed(await server.execute(ChangeStatus, { input: { enrolmentId: globalId('Enrolment', own.id), status: 'SUSPENDED' } }, { principal: schoolStaff(vocational) }));
    expect(changed.enrolment.status).toBe('SUSPENDED');
    mustSucceed(await server.execute(ChangeStatus, { input: { enrolmentId: globalId('Enrolment', own.id), status: 'ENROLLED' } }, { principal: schoolStaff(vocational) }));
    const refused = await server.execute(ChangeStatus, { input: { enrolmentId: globalId('Enrolment', other.id), status: 'DROPPED_OUT' } }, { principal: schoolStaff(vocational) });
    expect(refused.data?.changeEnrolmentStatus).toMatchObject({ __typename: 'NotFoundError', field: 'enrolmentId' });
    expect((await server.sql<{ status: string }>('select status from education_enrolment where id = ?', [other.id]))[0].status).toBe('ENROLLED');
  });
});

describe('enrolments by officers', () => {
  it('records a university enrolment by name for a student of the village, and refuses a second one in the same term', async () => {
    const input = { ...enrolmentInput(student.members[1].id, null, 'SPRING'), stage: 'UNDERGRADUATE' as const };
    const { enrolment } = mustSucceed(await server.execute(RecordEnrolment, { input }, { principal: PRINCIPALS.villageAOfficer }));
    expect(enrolment).toMatchObject({ schoolName: '湖南师范大学', school: null });
    const before = await count('education_enrolment');
    const again = await server.execute(RecordEnrolment, { input }, { principal: PRINCIPALS.villageAOfficer });
    expect(again.data?.recordEnrolment).toMatchObject({ __typename: 'ConflictError', field: 'term', messageEn: 'This student already has an enrolment for that term' });
    expect(await count('education_enrolment')).toBe(before);
  });

  it('refuses a student of another area as not found, and a school outside the registry without its name', async () => {
    const before = await count('education_enrolment');
    const other = await server.execute(RecordEnrolment, { input: enrolmentInput(lingyuanStudent.members[1].id, null) }, { principal: PRINCIPALS.baojingOfficer });
    expect(other.data?.recordEnrolment).toMatchObject({ __typename: 'NotFoundError', field: 'memberId' });
    const unnamed = await server.execute(RecordEnrolment, { input: { ...enrolmentInput(student.members[0].id, null), schoolName: ' ' } }, { principal: PRINCIPALS.baojingOfficer });
    expect(unnamed.data?.recordEnrolment).toMatchObject({ __typename: 'ValidationError', field: 'schoolName' });
    expect(await count('education_enrolment')).toBe(before);
  });

  it('shows a county officer of another province none of them, and refuses the NGO partner the list', async () => {
    const lingyuan = await server.execute(Enrolments, {}, { principal: PRINCIPALS.lingyuanOfficer });
    expect(lingyuan.data?.enrolments.totalCount).toBe(0);
    const ngo = await server.execute(Enrolments, {}, { principal: PRINCIPALS.ngo });
    expect(ngo.data?.enrolments.totalCount).toBe(0);
    expect(idOf(globalId('School', vocational))).toBe(vocational);
  });
});
