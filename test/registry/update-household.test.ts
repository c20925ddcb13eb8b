import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { registryCounts } from '../fixtures/registry-counts.js';

const UpdateHousehold = graphql(`
  mutation UpdateHousehold($input: UpdateHouseholdInput!) {
    updateHousehold(input: $input) {
      __typename
      ... on UpdateHouseholdPayload {
        household { householdNo status exitYear otherCauses bankAccount village { code } group { name } assurances { allMet } housing { area safetyGrade } }
      }
      ... on Error { code field messageEn }
    }
  }
`);

let server: TestServer;
let groups: Record<string, number[]>;

beforeAll(async () => {
  server = await createTestServer();
  groups = await insertAreas(server);
});
afterAll(() => server.close());

async function registered(overrides = {}) {
  const input = registrationInput({ groupId: groups[AREAS.villageA][1], ...overrides });
  return mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR })).household;
}

describe('updateHousehold', () => {
  it('changes only what was sent, and clears what was nulled', async () => {
    const household = await registered({ bankAccount: '6230123412341234123', status: 'EXITED', exitYear: 2019 });
    const result = await server.execute(UpdateHousehold, {
      input: {
        id: household.id,
        // The values it has: sending them is not a change of status.
        status: 'EXITED',
        exitYear: 2019,
        assurances: { basicMedicalCare: true, safeHousing: true },
        housing: { safetyGrade: 'A' },
        bankAccount: null,
      },
    });
    expect(result.data!.updateHousehold).toMatchObject({
      __typename: 'UpdateHouseholdPayload',
      household: {
        householdNo: household.householdNo,
        status: 'EXITED',
        exitYear: 2019,
        otherCauses: ['LACK_OF_CAPITAL'],
        bankAccount: null,
        group: { name: '二组' },
        assurances: { allMet: true },
        housing: { area: 85.5, safetyGrade: 'A' },
      },
    });
  });

  it('moves a household to another village with its members, dropping the old group', async () => {
    const household = await registered();
    const result = await server.execute(UpdateHousehold, { input: { id: household.id, villageCode: AREAS.villageC } });
    expect(result.data!.updateHousehold).toMatchObject({ household: { village: { code: AREAS.villageC }, group: null } });
    const codes = await server.sql<{ village_code: string }>('select distinct village_code from member where household_id = (select id from household where household_no = ?)', [
      household.householdNo,
    ]);
    expect(codes).toEqual([{ village_code: AREAS.villageC }]);
  });

  it('refuses contradictions, duplicates and unknown places, writing nothing', async () => {
    const household = await registered();
    const other = await registered();
    const snapshot = async () => [await registryCounts(server), await server.sql('select * from household order by id'), await server.sql('select * from member order by id')];
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ householdNo: other.householdNo }, 'ConflictError', 'householdNo'],
      [{ villageCode: '433125101299' }, 'NotFoundError', 'villageCode'],
      [{ groupId: groups[AREAS.villageB][0] }, 'NotFoundError', 'groupId'],
      [{ otherCauses: ['ILLNESS'] }, 'ValidationError', 'otherCauses'],
      [{ housing: { area: -3 } }, 'ValidationError', 'housing.area'],
    ];
    for (const [patch, typename, field] of cases) {
      const result = await server.execute(UpdateHousehold, { input: { id: household.id, ...patch } });
      expect(result.data!.updateHousehold, JSON.stringify(patch)).toMatchObject({ __typename: typename, field });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a status or exit year changed outside its workflow, naming the field, writing nothing', async () => {
    const poor = await registered();
    const exited = await registered({ status: 'EXITED', exitYear: 2018 });
    const snapshot = async () => [await server.sql('select * from household order by id'), await server.sql('select count(*)::int as n from audit_log')];
    const before = await snapshot();
    const cases: [string, Record<string, unknown>, string][] = [
      [poor.id, { status: 'EXITED', exitYear: 2019 }, 'status'],
      [poor.id, { status: 'RETURNED' }, 'status'],
      [exited.id, { status: 'RETURNED' }, 'status'],
      [exited.id, { status: 'POOR', exitYear: null }, 'status'],
      [exited.id, { exitYear: 2019 }, 'exitYear'],
      [exited.id, { exitYear: null, arableLand: 3 }, 'exitYear'],
    ];
    for (const [id, patch, field] of cases) {
      const result = await server.execute(UpdateHousehold, { input: { id, ...patch } });
      expect(result.data!.updateHousehold, JSON.stringify(patch)).toMatchObject({ __typename: 'RuleViolationError', code: 'RULE_VIOLATION', field });
    }
    expect(await snapshot()).toEqual(before);
  });
});
