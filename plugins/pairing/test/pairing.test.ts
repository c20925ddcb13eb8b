import { createHttpTestServer, mustSucceed, type HttpTestServer } from '@tuopin/testing';
import type { Principal } from '@tuopin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatePairing, createPairing, JINAN_XIANGXI, YUEYANG_BAOJING } from './fixtures.js';
import { graphql } from './generated/index.js';
import { CODES, countRows, grantedOfficer, insertAreas, PRINCIPALS, registerHousehold } from './world.js';

/**
 * Pairings and who may see and record on them, through HTTP with real tokens: the helped side
 * sees the pairings of its areas; a 山东 officer on the helper side of 济南 → 湘西州 sees and records
 * exactly the pairing he is granted, and nothing of 保靖县's registry.
 */
let server: HttpTestServer;
let yueyang: string;
let jinan: string;
let household: string;
let member: string;

async function ask(caller: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  return response.body;
}

const EndPairing = graphql(`
  mutation PairingEnd($input: EndPairingInput!) {
    endPairing(input: $input) { __typename ... on EndPairingPayload { pairing { status endYear } } ... on Error { code field } }
  }
`);

beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
  yueyang = await createPairing(server, YUEYANG_BAOJING);
  jinan = await createPairing(server, JINAN_XIANGXI);
  ({ household, member } = await registerHousehold(server, CODES.villageA));
});
afterAll(() => server.close());

describe('createPairing', () => {
  it('sets up a pairing of the caller\'s area, named after its areas', async () => {
    const pairing = await ask(PRINCIPALS.baojingOfficer, 'query($id: ID!) { node(id: $id) { ... on Pairing { kind helperName helpedName helpedAreaCode status helperArea { name } } } }', { id: yueyang });
    expect(pairing.data.node).toEqual({ kind: 'WITHIN_PROVINCE', helperName: '岳阳市', helpedName: '保靖县', helpedAreaCode: CODES.baojing, status: 'ACTIVE', helperArea: { name: '岳阳市' } });
  });

  it('lets a county have several pairings of different kinds at once', async () => {
    const unit = await createPairing(
      server,
      { kind: 'DESIGNATED_UNIT', helperKind: 'UNIT', helperName: '湖南省财政厅', helperUnitLevel: 'PROVINCIAL', helpedKind: 'AREA', helpedAreaCode: CODES.baojing, startYear: 2016 },
      PRINCIPALS.baojingOfficer,
    );
    const body = await ask(PRINCIPALS.baojingOfficer, `{ pairings(regionCode: "${CODES.baojing}", first: 10) { totalCount edges { node { id kind } } } }`);
    expect(body.data.pairings.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expect.arrayContaining([yueyang, unit]));
  });

  it('refuses a helper and a helped that are the same area, naming the field, and writes nothing', async () => {
    const before = await countRows(server, 'pairing_relation');
    const result = await server.execute(CreatePairing, { input: { ...YUEYANG_BAOJING, helperAreaCode: CODES.baojing } }, { principal: PRINCIPALS.hunanAdmin });
    expect(result.data?.createPairing).toEqual({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      field: 'helperAreaCode',
      messageZh: '帮扶方与受援方不能是同一地区',
      messageEn: 'The helper and the helped cannot be the same area',
    });
    expect(await countRows(server, 'pairing_relation')).toBe(before);
  });

  it('refuses a second active pairing of one kind between the same parties, until the first has ended', async () => {
    const before = await countRows(server, 'pairing_relation');
    const result = await server.execute(CreatePairing, { input: { ...YUEYANG_BAOJING, startYear: 2018 } }, { principal: PRINCIPALS.hunanAdmin });
    expect(result.data?.createPairing).toMatchObject({ __typename: 'ConflictError', field: 'kind', messageZh: '同一双方之间已有同类进行中的结对关系', messageEn: 'An active pairing of this kind between the same parties exists already' });
    expect(await countRows(server, 'pairing_relation')).toBe(before);

    // Another kind between the same parties is a different pairing.
    await createPairing(server, { ...YUEYANG_BAOJING, kind: 'TWINNING', twinningLevel: 'SCHOOL_SCHOOL', helpedKind: 'SCHOOL', helpedName: '保靖县岳阳小学' });
    const twice = await createPairing(server, { ...YUEYANG_BAOJING, kind: 'SOCIAL', helperKind: 'ORGANISATION', helperAreaCode: null, helperName: '某基金会' });
    const ended = mustSucceed(await server.execute(EndPairing, { input: { pairingId: twice, endYear: 2019 } }, { principal: PRINCIPALS.hunanAdmin }));
    expect(ended.pairing).toEqual({ status: 'ENDED', endYear: 2019 });
    await createPairing(server, { ...YUEYANG_BAOJING, kind: 'SOCIAL', helperKind: 'ORGANISATION', helperAreaCode: null, helperName: '某基金会', startYear: 2020 });
  });

  it('lets exactly one of two concurrent duplicates through', async () => {
    const input = { kind: 'SOCIAL' as const, helperKind: 'ORGANISATION' as const, helperName: '并发基金会', helpedKind: 'AREA' as const, helpedAreaCode: CODES.villageB, startYear: 2019 };
    const results = await Promise.all([1, 2].map(() => server.execute(CreatePairing, { input }, { principal: PRINCIPALS.baojingOfficer })));
    const kinds = results.map((result) => result.data?.createPairing.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'CreatePairingPayload']);
    const [{ n }] = await server.sql<{ n: string }>("select count(*) as n from pairing_relation where helper_name = '并发基金会'");
    expect(Number(n)).toBe(1);
  });

  it('refuses an end year before the start and a helped area outside the caller\'s, and writes nothing', async () => {
    const before = await countRows(server, 'pairing_relation');
    const years = await server.execute(CreatePairing, { input: { ...JINAN_XIANGXI, kind: 'SOCIAL', startYear: 2019, endYear: 2018 } }, { principal: PRINCIPALS.hunanAdmin });
    expect(years.data?.createPairing).toMatchObject({ __typename: 'ValidationError', field: 'endYear', messageZh: '结束年度不能早于开始年度', messageEn: 'The end year cannot be before the start year' });
    const outside = await server.execute(CreatePairing, { input: { ...YUEYANG_BAOJING, kind: 'SOCIAL', helpedAreaCode: CODES.lingyuan } }, { principal: PRINCIPALS.baojingOfficer });
    expect(outside.data?.createPairing).toMatchObject({ __typename: 'ForbiddenError', field: 'helpedAreaCode' });
    expect(await countRows(server, 'pairing_relation')).toBe(before);
  });
});

describe('a 山东 officer granted the 济南–湘西 pairing', () => {
  const PAIRING = `query($id: ID!) {
    node(id: $id) { ... on Pairing { kind helperName helpedName } }
    grantedPairings { id }
  }`;

  it('reads it, which he does not without the grant', async () => {
    const without = await ask(PRINCIPALS.lixiaOfficer, PAIRING, { id: jinan });
    expect(without.data).toEqual({ node: null, grantedPairings: [] });
    const body = await ask(grantedOfficer(jinan, ['pairing.records.read']), PAIRING, { id: jinan });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ node: { kind: 'EAST_WEST', helperName: '济南市', helpedName: '湘西土家族苗族自治州' }, grantedPairings: [{ id: jinan }] });
  });

  it('reads nothing of 保靖县: its households, members, other pairings or statistics', async () => {
    const query = `query($household: ID!, $member: ID!, $other: ID!) {
      household(id: $household) { householdNo }
      node(id: $member) { id }
      other: node(id: $other) { id }
      households(regionCode: "${CODES.baojing}", first: 5) { totalCount }
      pairings(regionCode: "${CODES.xiangxi}", first: 5) { totalCount }
      region(code: "${CODES.baojing}") { stats { households people pairing { pairings received } } }
    }`;
    const variables = { household, member, other: yueyang };
    // What the county's officer sees, so that the empty answers below mean something.
    const insider = await ask(PRINCIPALS.baojingOfficer, query, variables);
    expect(insider.data).toMatchObject({ household: {}, node: { id: member }, other: { id: yueyang }, households: { totalCount: 1 } });
    expect(insider.data.region.stats.households).toBe(1);

    const body = await ask(grantedOfficer(jinan, ['pairing.records.manage']), query, variables);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      household: null,
      node: null,
      other: null,
      households: { totalCount: 0 },
      pairings: { totalCount: 0 },
      region: { stats: { households: 0, people: 0, pairing: { pairings: 0, received: '0.00' } } },
    });
  });

  it('records on it when the grant says so, and not on a pairing he holds no grant on', async () => {
    const input = { pairingId: jinan, year: 2018, pledgedAmount: '10000000.00', purpose: '产业合作' };
    const before = await countRows(server, 'pairing_agreement');
    const readOnly = await ask(grantedOfficer(jinan, ['pairing.records.read']), RECORD_AGREEMENT, { input });
    expect(readOnly.data.recordPairingAgreement).toEqual({ __typename: 'ForbiddenError', field: 'pairingId', messageZh: '您不能在该结对关系上登记', messageEn: 'You may not record on this pairing' });
    const other = await ask(grantedOfficer(jinan, ['pairing.records.manage']), RECORD_AGREEMENT, { input: { ...input, pairingId: yueyang } });
    expect(other.data.recordPairingAgreement).toEqual({ __typename: 'NotFoundError', field: 'pairingId', messageZh: '结对关系不存在或不在您的权限范围内', messageEn: 'Pairing does not exist or is outside your scope' });
    expect(await countRows(server, 'pairing_agreement')).toBe(before);

    const recorded = await ask(grantedOfficer(jinan, ['pairing.records.manage']), RECORD_AGREEMENT, { input });
    expect(recorded.data.recordPairingAgreement).toMatchObject({ __typename: 'RecordPairingAgreementPayload', agreement: { year: 2018, pledgedAmount: '10000000.00' } });
    // Both sides work on the same record.
    const helped = await ask(PRINCIPALS.hunanAdmin, 'query($id: ID!) { node(id: $id) { ... on Pairing { agreements { year pledgedAmount } } } }', { id: jinan });
    expect(helped.data.node.agreements).toEqual([{ year: 2018, pledgedAmount: '10000000.00' }]);
  });

  it('is refused a token whose grant names a permission not grantable on a pairing', async () => {
    const response = await server.post({ query: '{ grantedPairings { id } }' }, { authorization: `Bearer ${await server.token(grantedOfficer(jinan, ['pairing.pairings.manage']))}` });
    expect(response.status).toBe(401);
  });
});

describe('partners', () => {
  it('see the pairings of their areas and never the people exchanged', async () => {
    const body = await ask(PRINCIPALS.ngo, `{ pairings(regionCode: "${CODES.baojing}", first: 10) { totalCount edges { node { helperName } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.pairings.totalCount).toBeGreaterThan(0);
    const people = await ask(PRINCIPALS.ngo, 'query($id: ID!) { node(id: $id) { ... on Pairing { exchanges { personName } } } }', { id: yueyang });
    expect(people.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

const RECORD_AGREEMENT = `mutation($input: RecordPairingAgreementInput!) {
  recordPairingAgreement(input: $input) {
    __typename
    ... on RecordPairingAgreementPayload { agreement { year pledgedAmount } }
    ... on Error { field messageZh messageEn }
  }
}`;
