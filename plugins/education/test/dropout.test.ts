import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { CODES, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock, type TestHousehold } from './world.js';

const Open = graphql(`
  mutation EducationOpenDropout($input: OpenDropoutCaseInput!) {
    openDropoutCase(input: $input) {
      __typename
      ... on OpenDropoutCasePayload { dropoutCase { id status openedOn } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const Visit = graphql(`
  mutation EducationVisit($input: RecordPersuasionVisitInput!) {
    recordPersuasionVisit(input: $input) {
      __typename
      ... on RecordPersuasionVisitPayload { dropoutCase { id visits { visitedOn visitors result } } }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field messageEn } }
    }
  }
`);

const Close = graphql(`
  mutation EducationCloseDropout($input: CloseDropoutCaseInput!) {
    closeDropoutCase(input: $input) {
      __typename
      ... on CloseDropoutCasePayload { dropoutCase { id status closedOn } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const DropoutStats = graphql(`
  query EducationDropoutStats($code: String!) { region(code: $code) { stats { education { dropoutsOpen dropoutsClosed } } } }
`);

const clock = new TestClock();
let server: TestServer;
let children: TestHousehold[];

const count = async (table: string) => Number((await server.sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  children = [];
  for (let i = 0; i < 2; i++) children.push(await insertHousehold(server, { birthDates: ['1975-01-01', '2003-05-01'] }));
});
afterAll(() => server.close());

describe('控辍保学', () => {
  it('opens a case, records visits and closes it when the child returns; one open case per child', async () => {
    const { dropoutCase } = mustSucceed(await server.execute(Open, { input: { memberId: children[0].members[1].id, status: 'SUSPECTED', reason: '外出务工' } }, { principal: PRINCIPALS.villageAOfficer }));
    const again = await server.execute(Open, { input: { memberId: children[0].members[1].id, status: 'CONFIRMED' } }, { principal: PRINCIPALS.villageAOfficer });
    expect(again.data?.openDropoutCase).toMatchObject({ __typename: 'ConflictError', field: 'memberId', messageEn: 'This child has an open dropout case already' });
    clock.setToday('2016-03-10');
    const visited = mustSucceed(await server.execute(Visit, { input: { caseId: dropoutCase.id, visitedOn: '2016-03-05', visitors: '村支书、班主任', result: '家长同意送回学校' } }, { principal: PRINCIPALS.villageAOfficer }));
    expect(visited.dropoutCase.visits).toEqual([{ visitedOn: '2016-03-05', visitors: '村支书、班主任', result: '家长同意送回学校' }]);
    const closed = mustSucceed(await server.execute(Close, { input: { caseId: dropoutCase.id, outcome: 'RETURNED_TO_SCHOOL' } }, { principal: PRINCIPALS.villageAOfficer }));
    expect(closed.dropoutCase).toMatchObject({ status: 'RETURNED_TO_SCHOOL', closedOn: '2016-03-10' });
    const before = await count('education_persuasion_visit');
    const late = await server.execute(Visit, { input: { caseId: dropoutCase.id, visitedOn: '2016-03-10', visitors: '村支书', result: '已复学' } }, { principal: PRINCIPALS.villageAOfficer });
    expect(late.data?.recordPersuasionVisit).toMatchObject({ __typename: 'RuleViolationError', field: 'caseId', messageEn: 'The case was closed on 2016-03-10' });
    expect(await count('education_persuasion_visit')).toBe(before);
  });

  it('refuses a visit dated before the case was opened, and a case for a child of another area, writing nothing', async () => {
    const { dropoutCase } = mustSucceed(await server.execute(Open, { input: { memberId: children[1].members[1].id, status: 'CONFIRMED' } }, { principal: PRINCIPALS.villageAOfficer }));
    const before = await count('education_persuasion_visit');
    const early = await server.execute(Visit, { input: { caseId: dropoutCase.id, visitedOn: '2016-03-01', visitors: '村支书', result: '未见到家长' } }, { principal: PRINCIPALS.villageAOfficer });
    expect(early.data?.recordPersuasionVisit).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'visitedOn', messageEn: 'A visit cannot be dated before the case was opened' }] });
    expect(await count('education_persuasion_visit')).toBe(before);
    const cases = await count('education_dropout_case');
    const other = await insertHousehold(server, { villageCode: CODES.villageC, birthDates: ['1975-01-01', '2003-05-01'] });
    const outside = await server.execute(Open, { input: { memberId: other.members[1].id, status: 'SUSPECTED' } }, { principal: PRINCIPALS.villageAOfficer });
    expect(outside.data?.openDropoutCase).toMatchObject({ __typename: 'NotFoundError', field: 'memberId' });
    expect(await count('education_dropout_case')).toBe(cases);
  });

  it('counts cases open and closed for the officer, and withholds the small counts from a partner', async () => {
    const officer = await server.execute(DropoutStats, { code: CODES.baojing }, { principal: PRINCIPALS.baojingOfficer });
    expect(officer.data!.region!.stats.education).toEqual({ dropoutsOpen: 1, dropoutsClosed: 1 });
    const partner = await server.execute(DropoutStats, { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(partner.data!.region!.stats.education).toEqual({ dropoutsOpen: null, dropoutsClosed: null });
  });
});

const CaseNode = graphql(`
  query EducationDropoutCaseNode($id: ID!) {
    node(id: $id) { ... on DropoutCase { status reason visits { visitors result } } }
  }
`);

describe('a closed case\'s health details', () => {
  it('shows how it closed and the free text (visitors included) to officers, and CLOSED and *** to roles that see personal data masked', async () => {
    clock.setToday('2016-04-01');
    const child = await insertHousehold(server, { birthDates: ['1976-01-01', '2004-05-01'] });
    const { dropoutCase } = mustSucceed(await server.execute(Open, { input: { memberId: child.members[1].id, status: 'CONFIRMED', reason: '脑瘫，无法到校' } }, { principal: PRINCIPALS.villageAOfficer }));
    mustSucceed(await server.execute(Visit, { input: { caseId: dropoutCase.id, visitedOn: '2016-04-01', visitors: '村支书、特教老师', result: '残联评定一级残疾，安排送教上门' } }, { principal: PRINCIPALS.villageAOfficer }));
    mustSucceed(await server.execute(Close, { input: { caseId: dropoutCase.id, outcome: 'HOME_TEACHING' } }, { principal: PRINCIPALS.villageAOfficer }));

    const officer = await server.execute(CaseNode, { id: dropoutCase.id }, { principal: PRINCIPALS.baojingOfficer });
    expect(officer.data?.node).toEqual({ status: 'HOME_TEACHING', reason: '脑瘫，无法到校', visits: [{ visitors: '村支书、特教老师', result: '残联评定一级残疾，安排送教上门' }] });
    // The national administrator reads the registry with personal data masked.
    const admin = await server.execute(CaseNode, { id: dropoutCase.id }, { principal: PRINCIPALS.admin });
    expect(admin.errors).toBeUndefined();
    // The visitors' names are free text too (they may name the child's relatives).
    expect(admin.data?.node).toEqual({ status: 'CLOSED', reason: '***', visits: [{ visitors: '***', result: '***' }] });
  });

  it('reads a case closed by returning to school as CLOSED too, so CLOSED says nothing of how, and an open case\'s status as it is', async () => {
    const cases = await server.sql<{ id: number; status: string }>(`select id, status from education_dropout_case order by id`);
    const read = async (id: number) => (await server.execute(CaseNode, { id: Buffer.from(`DropoutCase:${id}`).toString('base64') }, { principal: PRINCIPALS.admin })).data?.node as { status: string } | null;
    const returned = cases.find((c) => c.status === 'RETURNED_TO_SCHOOL')!;
    const open = cases.find((c) => c.status === 'CONFIRMED' || c.status === 'SUSPECTED')!;
    expect(await read(returned.id)).toMatchObject({ status: 'CLOSED' });
    expect(await read(open.id)).toMatchObject({ status: open.status });
  });
});
