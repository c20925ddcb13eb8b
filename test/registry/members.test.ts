import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { insertAreas } from '../fixtures/areas.js';
import { freshIdNumber, globalId, memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { registryCounts } from '../fixtures/registry-counts.js';

const AddMember = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      __typename
      ... on AddMemberPayload { member { id name sex birthDate relationToHead } household { memberCount } }
      ... on Error { code field messageEn }
    }
  }
`);
const UpdateMember = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      __typename
      ... on UpdateMemberPayload { member { name idNumber sex birthDate relationToHead ethnicity employmentMonths } }
      ... on Error { code field messageEn }
    }
  }
`);
const RemoveMember = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      __typename
      ... on RemoveMemberPayload { removedMemberId household { memberCount members { name } } }
      ... on Error { code field messageEn }
    }
  }
`);
const ChangeHead = graphql(`
  mutation ChangeHead($input: ChangeHouseholdHeadInput!) {
    changeHouseholdHead(input: $input) {
      __typename
      ... on ChangeHouseholdHeadPayload { household { head { name } members { name relationToHead } } }
      ... on Error { code field messageEn }
    }
  }
`);

let server: TestServer;
let household: { id: string; members: { id: string; name: string; relationToHead: string }[] };

beforeAll(async () => {
  // A county officer: the role that keeps members up to date, and sees their ID numbers.
  server = await createTestServer({ principal: { id: 'test:baojing-officer', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' } });
  await insertAreas(server);
});
afterAll(() => server.close());

beforeEach(async () => {
  household = mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput() })).household;
});

const [head, spouse, child] = [0, 1, 2];

async function expectNothingWritten<T>(work: () => Promise<T>): Promise<T> {
  const before = await registryCounts(server);
  const beforeMembers = await server.sql('select * from member order by id');
  const result = await work();
  expect(await registryCounts(server)).toEqual(before);
  expect(await server.sql('select * from member order by id')).toEqual(beforeMembers);
  return result;
}

describe('members', () => {
  it('adds a member and counts it', async () => {
    const idNumber = freshIdNumber({ birthDate: '2012-06-01', sex: 'FEMALE' });
    const result = await server.execute(AddMember, { input: { householdId: household.id, member: memberInput({ name: '彭小花', idNumber, relationToHead: 'DAUGHTER' }) } });
    expect(result.data!.addMember).toMatchObject({
      __typename: 'AddMemberPayload',
      member: { name: '彭小花', sex: 'FEMALE', birthDate: '2012-06-01', relationToHead: 'DAUGHTER' },
      household: { memberCount: 4 },
    });
  });

  it('never adds a second head, a registered person, or a member to an unknown household', async () => {
    const secondHead = await expectNothingWritten(() =>
      server.execute(AddMember, { input: { householdId: household.id, member: memberInput({ relationToHead: 'HEAD' }) } }),
    );
    expect(secondHead.data!.addMember).toMatchObject({ __typename: 'RuleViolationError', field: 'member.relationToHead' });

    const [{ id_number }] = await server.sql<{ id_number: string }>('select id_number from member order by id limit 1');
    const taken = await expectNothingWritten(() => server.execute(AddMember, { input: { householdId: household.id, member: memberInput({ idNumber: id_number }) } }));
    expect(taken.data!.addMember).toMatchObject({ __typename: 'ConflictError', field: 'member.idNumber' });

    const unknown = await expectNothingWritten(() => server.execute(AddMember, { input: { householdId: globalId('Household', 987654), member: memberInput() } }));
    expect(unknown.data!.addMember).toMatchObject({ __typename: 'NotFoundError', field: 'householdId' });

    const badId = await expectNothingWritten(() => server.execute(AddMember, { input: { householdId: household.id, member: memberInput({ idNumber: '43312519800101001' }) } }));
    expect(badId.data!.addMember).toMatchObject({ __typename: 'ValidationError', field: 'member.idNumber' });
  });

  it('never grows a household past the 30 members a registration may have, one member at a time or at once', async () => {
    const full = mustSucceed(
      await server.execute(RegisterHousehold, {
        input: registrationInput({
          members: [memberInput({ name: '彭大家', relationToHead: 'HEAD' }), ...Array.from({ length: 29 }, () => memberInput({ relationToHead: 'OTHER' }))],
        }),
      }),
    ).household;
    const added = await expectNothingWritten(() => server.execute(AddMember, { input: { householdId: full.id, member: memberInput({ relationToHead: 'OTHER' }) } }));
    expect(added.data!.addMember).toMatchObject({ __typename: 'RuleViolationError', field: 'householdId', messageEn: expect.stringMatching(/30/) });
    // Two clerks adding the 30th member of a household of 29 at once: one lands.
    const [removed] = full.members.slice(-1);
    mustSucceed(await server.execute(RemoveMember, { input: { id: removed.id } }));
    const racing = await Promise.all([0, 1].map(() => server.execute(AddMember, { input: { householdId: full.id, member: memberInput({ relationToHead: 'OTHER' }) } })));
    expect(racing.map((r) => r.data!.addMember.__typename).sort()).toEqual(['AddMemberPayload', 'RuleViolationError']);
    expect((await server.sql<{ n: number }>('select member_count as n from household where id = ?', [Number(Buffer.from(full.id, 'base64').toString().split(':')[1])]))[0].n).toBe(30);
  });

  it('updates a member, re-deriving birth date and sex from a corrected ID number', async () => {
    const corrected = freshIdNumber({ birthDate: '1971-01-20', sex: 'FEMALE' });
    const result = await server.execute(UpdateMember, {
      input: { id: household.members[spouse].id, idNumber: corrected, ethnicity: '苗族', employmentMonths: 8 },
    });
    expect(result.data!.updateMember).toMatchObject({
      __typename: 'UpdateMemberPayload',
      member: { idNumber: corrected, birthDate: '1971-01-20', sex: 'FEMALE', ethnicity: '苗族', employmentMonths: 8, relationToHead: 'SPOUSE' },
    });
    const cleared = await server.execute(UpdateMember, { input: { id: household.members[spouse].id, ethnicity: null } });
    expect(cleared.data!.updateMember).toMatchObject({ member: { ethnicity: null, employmentMonths: 8 } });
  });

  it('refuses to make a member head, or the head something else, through updateMember', async () => {
    const promote = await expectNothingWritten(() => server.execute(UpdateMember, { input: { id: household.members[child].id, relationToHead: 'HEAD' } }));
    expect(promote.data!.updateMember).toMatchObject({ __typename: 'RuleViolationError', field: 'relationToHead' });
    const demote = await expectNothingWritten(() => server.execute(UpdateMember, { input: { id: household.members[head].id, relationToHead: 'SON' } }));
    expect(demote.data!.updateMember).toMatchObject({ __typename: 'RuleViolationError' });
    const badMonths = await expectNothingWritten(() => server.execute(UpdateMember, { input: { id: household.members[child].id, employmentMonths: 13 } }));
    expect(badMonths.data!.updateMember).toMatchObject({ __typename: 'ValidationError', field: 'employmentMonths' });
  });

  it('removes a member but never the head', async () => {
    const removed = await server.execute(RemoveMember, { input: { id: household.members[child].id } });
    expect(removed.data!.removeMember).toMatchObject({ __typename: 'RemoveMemberPayload', removedMemberId: household.members[child].id, household: { memberCount: 2 } });
    const headRemoval = await expectNothingWritten(() => server.execute(RemoveMember, { input: { id: household.members[head].id } }));
    expect(headRemoval.data!.removeMember).toMatchObject({ __typename: 'RuleViolationError', field: 'id' });
    const again = await server.execute(RemoveMember, { input: { id: household.members[child].id } });
    expect(again.data!.removeMember).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('changes the head; the former head takes the relation given', async () => {
    const result = await server.execute(ChangeHead, {
      input: { householdId: household.id, newHeadId: household.members[child].id, formerHeadRelation: 'FATHER' },
    });
    expect(result.data!.changeHouseholdHead).toMatchObject({ __typename: 'ChangeHouseholdHeadPayload', household: { head: { name: '彭小军' } } });
    const heads = await server.sql("select count(*)::int as n from member where relation_to_head = 'HEAD' and household_id = (select household_id from member where id = ?)", [
      Number(Buffer.from(household.members[child].id, 'base64').toString().split(':')[1]),
    ]);
    expect(heads).toEqual([{ n: 1 }]);
    const notMember = await expectNothingWritten(() =>
      server.execute(ChangeHead, { input: { householdId: household.id, newHeadId: globalId('Member', 999999), formerHeadRelation: 'FATHER' } }),
    );
    expect(notMember.data!.changeHouseholdHead).toMatchObject({ __typename: 'NotFoundError', field: 'newHeadId' });
    const headAgain = await expectNothingWritten(() =>
      server.execute(ChangeHead, { input: { householdId: household.id, newHeadId: household.members[spouse].id, formerHeadRelation: 'HEAD' } }),
    );
    expect(headAgain.data!.changeHouseholdHead).toMatchObject({ __typename: 'RuleViolationError', field: 'formerHeadRelation' });
  });

  it('keeps the member count exact and one head under concurrent writes', async () => {
    const adds = Array.from({ length: 12 }, () =>
      server.execute(AddMember, { input: { householdId: household.id, member: memberInput() } }),
    );
    const removes = [server.execute(RemoveMember, { input: { id: household.members[child].id } })];
    const heads = [spouse, child].map((m) =>
      server.execute(ChangeHead, { input: { householdId: household.id, newHeadId: household.members[m].id, formerHeadRelation: 'OTHER' } }),
    );
    const [added, [removed]] = await Promise.all([Promise.all(adds), Promise.all(removes), Promise.all(heads)]);
    // Every add is of a new person and must land; the removal races the head changes (the child
    // may be head by then, or gone), so either outcome is right, but the count must follow it.
    expect(added.map((result) => result.data?.addMember.__typename)).toEqual(Array(12).fill('AddMemberPayload'));
    const removedOne = removed.data?.removeMember.__typename === 'RemoveMemberPayload';
    const [row] = await server.sql<{ member_count: number; actual: string; heads: string }>(
      `select h.member_count, (select count(*) from member m where m.household_id = h.id) as actual,
              (select count(*) from member m where m.household_id = h.id and m.relation_to_head = 'HEAD') as heads
       from household h where h.household_no = (select household_no from household order by id desc limit 1)`,
    );
    expect(row.member_count).toBe(Number(row.actual));
    expect(row.member_count).toBe(3 + 12 - (removedOne ? 1 : 0));
    expect(Number(row.heads)).toBe(1);
  });
});
