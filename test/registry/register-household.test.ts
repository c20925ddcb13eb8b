import type { Principal } from '@tuopin/core';
import { createTestServer, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { freshIdNumber, memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { graphql } from '../../schema/generated/index.js';
import { registryCounts } from '../fixtures/registry-counts.js';
import { CALLERS } from '../fixtures/principals.js';
import type { RegisterHouseholdInput } from '../../schema/generated/graphql.js';

/** Every column of a household and its members, as the registry reads them; the two documents below spread it by name. */
const HOUSEHOLD_WHOLE = graphql(`
  fragment HouseholdWhole on Household {
    id householdNo category status yearIdentified exitYear povertyStandard assistanceClass primaryCause otherCauses
    assurances { food clothing compulsoryEducation basicMedicalCare safeHousing allMet }
    housing { area safetyGrade safeDrinkingWater }
    arableLand bankAccount memberCount createdAt updatedAt personalDataMasked
    village { code name } group { id name }
    members {
      id name idNumber sex birthDate relationToHead isHead ethnicity education schoolStatus health labourAbility
      employment employmentMonths disabilityGrade insurance { medical criticalIllness pension } personalDataMasked
    }
  }
`);
const RegisterHouseholdWhole = graphql(`
  mutation RegisterHouseholdWhole($input: RegisterHouseholdInput!) {
    registerHousehold(input: $input) {
      __typename
      ... on RegisterHouseholdPayload { household { ...HouseholdWhole } }
      ... on Error { code field messageEn }
    }
  }
`);
const HouseholdWhole = graphql(`
  query HouseholdWhole($id: ID!) { node(id: $id) { ...HouseholdWhole } }
`);

let server: TestServer;
let groups: Record<string, number[]>;

beforeAll(async () => {
  server = await createTestServer();
  groups = await insertAreas(server);
});
afterAll(() => server.close());

/** Registers as an officer unless told otherwise: roles that see ID numbers masked do not enter them. */
async function register(input: RegisterHouseholdInput, principal: Principal = TEST_REGISTRAR) {
  const result = await server.execute(RegisterHousehold, { input }, { principal });
  expect(result.errors).toBeUndefined();
  return result.data!.registerHousehold;
}

/** Registers, expects a typed error on `field`, and checks that nothing at all was written. */
async function expectRefused(input: RegisterHouseholdInput, typename: string, field: string) {
  const before = await registryCounts(server);
  const outcome = await register(input);
  expect(outcome).toMatchObject({ __typename: typename, field });
  if ('messageZh' in outcome) {
    expect(outcome.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(outcome.messageEn).toMatch(/[A-Za-z]/);
  }
  expect(await registryCounts(server)).toEqual(before);
  return outcome;
}

describe('registerHousehold', () => {
  it('checks, writes and reads back the registration in one statement, with no transaction around it', async () => {
    const input = registrationInput();
    const { count, statements } = await server.countStatements(async () => {
      expect((await register(input)).__typename).toBe('RegisterHouseholdPayload');
    });
    // the registration (checks, audit stamp, household, members, and the rows back with the
    // village's): no BEGIN, no COMMIT, no reads back, and no read record — the members' ID numbers
    // in the payload are what the officer just sent (test/access/audit-reads-per-request.test.ts)
    expect(count, statements.join('\n')).toBe(1);
    expect(statements[0]).toMatch(/^with stamp as \(select set_config\('tuopin\.actor'/);
  });

  it('answers from the rows it wrote exactly what a later read of the household returns', async () => {
    // The payload is built from the registration statement's own rows, not read back: it must
    // show what was stored (arable land given to three places is stored to two), every kind of
    // column written, and what the database filled in (ids, timestamps).
    const input = registrationInput({ groupId: groups[AREAS.villageA][1], arableLand: 2.345, bankAccount: '6230000011112222' });
    input.members[2] = { ...input.members[2], education: 'JUNIOR_HIGH', employment: 'IN_PROVINCE', employmentMonths: 7, disabilityGrade: 3 };
    const outcome = await server.execute(RegisterHouseholdWhole, { input }, { principal: CALLERS.baojingOfficer });
    expect(outcome.errors).toBeUndefined();
    const payload = outcome.data!.registerHousehold;
    if (payload.__typename !== 'RegisterHouseholdPayload') throw new Error(`refused: ${JSON.stringify(payload)}`);
    expect(payload.household.arableLand).toBe(2.35);
    expect(payload.household.members[2]).toMatchObject({ employmentMonths: 7, disabilityGrade: 3, ethnicity: null });
    const read = await server.execute(HouseholdWhole, { id: payload.household.id }, { principal: CALLERS.baojingOfficer });
    expect(read.errors).toBeUndefined();
    expect(read.data!.node).toEqual(payload.household);
  });

  it('stamps the household and member rows\' audit records with the officer and the mutation', async () => {
    const input = registrationInput();
    const outcome = await register(input, CALLERS.baojingOfficer);
    expect(outcome.__typename).toBe('RegisterHouseholdPayload');
    const records = await server.sql<{ object_type: string; actor: string; operation: string; request_id: string | null }>(
      `select object_type, actor, operation, request_id from audit_log
        where action = 'INSERT' and (object_type, object_id) in (select 'household', id::text from household where household_no = ?
                                                                union all select 'member', m.id::text from member m join household h on h.id = m.household_id where h.household_no = ?)
        order by object_type`,
      [input.householdNo, input.householdNo],
    );
    expect(records.map((r) => r.object_type)).toEqual(['household', 'member', 'member', 'member']);
    for (const record of records) {
      expect(record).toMatchObject({ actor: CALLERS.baojingOfficer.id, operation: 'registerHousehold' });
      expect(record.request_id).toBeTruthy();
    }
  });

  it('registers a household with its members in one go, deriving birth date and sex', async () => {
    const input = registrationInput({ groupId: groups[AREAS.villageA][0] });
    // An officer: administrators see birth dates masked.
    const outcome = await register(input, CALLERS.baojingOfficer);
    expect(outcome.__typename).toBe('RegisterHouseholdPayload');
    if (outcome.__typename !== 'RegisterHouseholdPayload') return;
    const { household } = outcome;
    expect(household).toMatchObject({
      householdNo: input.householdNo,
      status: 'POOR',
      memberCount: 3,
      village: { code: AREAS.villageA, name: '甲村' },
      head: { name: '彭大山', sex: 'MALE', birthDate: '1968-03-15' },
    });
    expect(household.members.map((m) => [m.relationToHead, m.sex, m.birthDate])).toEqual([
      ['HEAD', 'MALE', '1968-03-15'],
      ['SPOUSE', 'FEMALE', '1970-07-02'],
      ['SON', 'MALE', '2005-09-09'],
    ]);
    const rows = await server.sql<{ member_count: number; group_id: number }>('select member_count, group_id from household where household_no = ?', [input.householdNo]);
    expect(rows).toEqual([{ member_count: 3, group_id: groups[AREAS.villageA][0] }]);
  });

  it('accepts sex and birth date when they agree with the ID number, and a lower-case x', async () => {
    const head = freshIdNumber({ birthDate: '1975-05-05', sex: 'FEMALE' });
    const outcome = await register(
      registrationInput({
        members: [memberInput({ idNumber: head.toLowerCase(), relationToHead: 'HEAD', sex: 'FEMALE', birthDate: '1975-05-05' })],
      }),
    );
    expect(outcome.__typename).toBe('RegisterHouseholdPayload');
  });

  it('refuses a wrong check character', async () => {
    const good = freshIdNumber();
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const outcome = await expectRefused(registrationInput({ members: [memberInput({ idNumber: wrong, relationToHead: 'HEAD' })] }), 'ValidationError', 'members[0].idNumber');
    expect(outcome).toMatchObject({ messageEn: expect.stringContaining('check character') });
  });

  it('refuses a sex or birth date that contradicts the ID number', async () => {
    const id = freshIdNumber({ birthDate: '1980-02-02', sex: 'MALE' });
    await expectRefused(registrationInput({ members: [memberInput({ idNumber: id, relationToHead: 'HEAD', sex: 'FEMALE' })] }), 'ValidationError', 'members[0].sex');
    await expectRefused(
      registrationInput({ members: [memberInput({ idNumber: id, relationToHead: 'HEAD', birthDate: '1980-02-03' })] }),
      'ValidationError',
      'members[0].birthDate',
    );
  });

  it('refuses a duplicate household number', async () => {
    const first = registrationInput();
    await register(first);
    await expectRefused(registrationInput({ householdNo: first.householdNo }), 'ConflictError', 'householdNo');
  });

  it('refuses an ID number already registered in another household', async () => {
    const first = registrationInput();
    await register(first);
    const taken = first.members[1].idNumber;
    await expectRefused(
      registrationInput({ members: [memberInput({ relationToHead: 'HEAD' }), memberInput({ idNumber: taken })] }),
      'ConflictError',
      'members[1].idNumber',
    );
  });

  it('refuses the same person twice in one registration', async () => {
    const id = freshIdNumber();
    await expectRefused(
      registrationInput({ members: [memberInput({ idNumber: id, relationToHead: 'HEAD' }), memberInput({ idNumber: id })] }),
      'ValidationError',
      'members[1].idNumber',
    );
  });

  it('refuses a second head, and a household without one', async () => {
    await expectRefused(
      registrationInput({ members: [memberInput({ relationToHead: 'HEAD' }), memberInput({ relationToHead: 'HEAD' })] }),
      'ValidationError',
      'members[1].relationToHead',
    );
    await expectRefused(registrationInput({ members: [memberInput({ relationToHead: 'SPOUSE' })] }), 'ValidationError', 'members');
    await expectRefused(registrationInput({ members: [] }), 'ValidationError', 'members');
  });

  it('refuses an unknown village code, and a code that is not a village', async () => {
    await expectRefused(registrationInput({ villageCode: '433125100299' }), 'NotFoundError', 'villageCode');
    await expectRefused(registrationInput({ villageCode: AREAS.qianling }), 'ValidationError', 'villageCode');
    await expectRefused(registrationInput({ villageCode: '4331251002' }), 'ValidationError', 'villageCode');
  });

  it('refuses a group that belongs to another village', async () => {
    await expectRefused(registrationInput({ groupId: groups[AREAS.villageB][0] }), 'NotFoundError', 'groupId');
  });

  it('refuses inconsistent status, years and causes, reporting every problem at once', async () => {
    const outcome = await expectRefused(
      registrationInput({ status: 'EXITED', yearIdentified: 2016, exitYear: null, otherCauses: ['ILLNESS', 'DISASTER', 'LACK_OF_WATER'], bankAccount: '12ab' }),
      'ValidationError',
      'exitYear',
    );
    if (outcome.__typename !== 'ValidationError') return;
    expect(outcome.issues.map((issue) => issue.field).sort()).toEqual(['bankAccount', 'exitYear', 'otherCauses', 'otherCauses']);
    await expectRefused(registrationInput({ yearIdentified: 2016, exitYear: 2015, status: 'EXITED' }), 'ValidationError', 'exitYear');
    await expectRefused(registrationInput({ status: 'POOR', exitYear: 2018 }), 'ValidationError', 'exitYear');
  });

  it('keeps ID numbers unique when two registrations race for the same person', async () => {
    const shared = freshIdNumber();
    const a = registrationInput({ members: [memberInput({ idNumber: shared, relationToHead: 'HEAD' })] });
    const b = registrationInput({ members: [memberInput({ idNumber: shared, relationToHead: 'HEAD' })] });
    const outcomes = await Promise.all([register(a), register(b), register({ ...b, householdNo: `${b.householdNo.slice(0, 12)}9999` })]);
    expect(outcomes.filter((o) => o.__typename === 'RegisterHouseholdPayload')).toHaveLength(1);
    expect(outcomes.filter((o) => o.__typename === 'ConflictError')).toHaveLength(2);
    const rows = await server.sql('select id from member where id_number = ?', [shared]);
    expect(rows).toHaveLength(1);
    const orphans = await server.sql("select h.id from household h where not exists (select 1 from member m where m.household_id = h.id and m.relation_to_head = 'HEAD')");
    expect(orphans).toEqual([]);
  });
});
