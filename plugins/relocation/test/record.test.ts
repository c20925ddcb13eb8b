import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { CODES, insertAreas, insertHousehold, PRINCIPALS } from './world.js';

const AddRecord = graphql(`
  mutation RelocationAddRecord($input: AddRelocationRecordInput!) {
    addRelocationRecord(input: $input) {
      __typename
      ... on AddRelocationRecordPayload { record { id note villageCode } }
      ... on Error { code field messageZh messageEn }
    }
  }
`);

const Records = graphql(`
  query RelocationRecords {
    relocationRecords(first: 10) { totalCount edges { node { note villageCode } } }
  }
`);

const Stats = graphql(`
  query RelocationStats($code: String!) {
    region(code: $code) { stats { relocationRecords } }
  }
`);

let server: TestServer;
let baojingHousehold: string;
let lingyuanHousehold: string;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  baojingHousehold = await insertHousehold(server, CODES.baojingVillage);
  lingyuanHousehold = await insertHousehold(server, CODES.lingyuanVillage);
  // Three records in 保靖县, one in 凌源市, added through the mutation as each county's officer.
  for (const note of ['一', '二', '三']) {
    mustSucceed(await server.execute(AddRecord, { input: { householdId: baojingHousehold, note } }, { principal: PRINCIPALS.baojingOfficer }));
  }
  mustSucceed(await server.execute(AddRecord, { input: { householdId: lingyuanHousehold, note: '四' } }, { principal: PRINCIPALS.lingyuanOfficer }));
});
afterAll(() => server.close());

describe('addRelocationRecord', () => {
  it("adds a record in the household's village, as the plugin's own role", async () => {
    const { record } = mustSucceed(await server.execute(AddRecord, { input: { householdId: baojingHousehold, note: '走访' } }, { principal: PRINCIPALS.recorder }));
    expect(record).toMatchObject({ note: '走访', villageCode: CODES.baojingVillage });
  });

  const recordCount = async () => (await server.sql<{ n: string }>('select count(*) as n from relocation_record'))[0].n;

  it("refuses a household outside the caller's areas as one that does not exist, and writes nothing", async () => {
    const before = await recordCount();
    const result = await server.execute(AddRecord, { input: { householdId: lingyuanHousehold, note: 'x' } }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.data?.addRelocationRecord).toMatchObject({ __typename: 'NotFoundError', field: 'householdId' });
    expect(await recordCount()).toBe(before);
  });

  it('refuses a role without the permission, and writes nothing', async () => {
    const before = await recordCount();
    const result = await server.execute(AddRecord, { input: { householdId: baojingHousehold, note: 'x' } }, { principal: PRINCIPALS.auditor });
    expect(result.data?.addRelocationRecord).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await recordCount()).toBe(before);
  });

  it('refuses an empty note with a typed error naming the field in Chinese and English, and writes nothing', async () => {
    const before = await recordCount();
    const result = await server.execute(AddRecord, { input: { householdId: baojingHousehold, note: ' ' } }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.data?.addRelocationRecord).toMatchObject({ __typename: 'ValidationError', field: 'note', messageZh: '内容不能为空', messageEn: 'The note cannot be empty' });
    expect(await recordCount()).toBe(before);
  });
});

describe('scope', () => {
  it('shows an officer of another county nothing of this one', async () => {
    const result = await server.execute(Records, {}, { principal: PRINCIPALS.lingyuanOfficer });
    expect(result.errors).toBeUndefined();
    expect(result.data?.relocationRecords.totalCount).toBe(1);
    expect(result.data?.relocationRecords.edges.map((edge) => edge.node.villageCode)).toEqual([CODES.lingyuanVillage]);
    const stats = await server.execute(Stats, { code: '433125000000' }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(stats.data?.region?.stats.relocationRecords ?? 0).toBe(0);
  });
});

describe('the statistic', () => {
  it('is exact for an officer and suppressed for an NGO partner below the threshold', async () => {
    const officer = await server.execute(Stats, { code: '430000000000' }, { principal: PRINCIPALS.baojingOfficer });
    expect(officer.data?.region?.stats.relocationRecords).toBeGreaterThanOrEqual(3);
    const partner = await server.execute(Stats, { code: '430000000000' }, { principal: PRINCIPALS.ngo });
    expect(partner.errors).toBeUndefined();
    expect(partner.data?.region?.stats.relocationRecords).toBeNull();
  });
});
