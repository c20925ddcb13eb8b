import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPairing, RecordExchange, YUEYANG_BAOJING } from './fixtures.js';
import { graphql } from './generated/index.js';
import { CODES, countRows, grantedOfficer, insertAreas, PRINCIPALS, registerHousehold } from './world.js';

/**
 * What is recorded on a pairing — people exchanged, labour, purchases, investment, visits — with
 * each refusal of the domain's rules (a typed error naming the field, nothing written), and the
 * figures of RegionStats.pairing for the helped area and for the helper, protected for partners.
 */
let server: TestServer;
let pairing: string;
let village: string;
let villageA: { household: string; member: string };
let villageB: { household: string; member: string };

const RecordLabour = graphql(`
  mutation PairingRecordLabour($input: RecordPairingLabourInput!) {
    recordPairingLabour(input: $input) { __typename ... on RecordPairingLabourPayload { placement { employer member { name } } } ... on Error { code field messageZh messageEn } }
  }
`);
const RecordPurchase = graphql(`
  mutation PairingRecordPurchase($input: RecordPairingPurchaseInput!) {
    recordPairingPurchase(input: $input) { __typename ... on RecordPairingPurchasePayload { purchase { product amount producerAreaCode } } ... on Error { code field messageZh messageEn } }
  }
`);
const RecordInvestment = graphql(`
  mutation PairingRecordInvestment($input: RecordPairingInvestmentInput!) {
    recordPairingInvestment(input: $input) { __typename ... on RecordPairingInvestmentPayload { investment { enterprise amount } } ... on Error { code field messageZh messageEn } }
  }
`);
const RecordVisit = graphql(`
  mutation PairingRecordVisit($input: RecordPairingVisitInput!) {
    recordPairingVisit(input: $input) { __typename ... on RecordPairingVisitPayload { visit { delegation direction } } ... on Error { code field messageZh messageEn } }
  }
`);
const Stats = graphql(`
  query PairingRecordStats($code: String!) {
    region(code: $code) {
      stats {
        pairing {
          pairings peopleExchanged exchangesByCategory { category direction people }
          workersPlaced purchases purchaseAmount investments investment jobsForRegistered
        }
        pairingAsHelper {
          pairings peopleExchanged exchangesByCategory { category direction people }
          workersPlaced purchases purchaseAmount investments investment jobsForRegistered
        }
      }
    }
  }
`);
const Pull = graphql(`
  query PairingPull($after: DateTime) {
    pairings(updatedAfter: $after, first: 10) { edges { node { id updatedAt } } }
  }
`);

const officer = PRINCIPALS.baojingOfficer;
const exchange = (overrides: Record<string, unknown> = {}) => ({
  pairingId: pairing,
  direction: 'TO_HELPER' as const,
  category: 'MEDICAL' as const,
  personName: '医生甲',
  hostInstitution: '岳阳市一人民医院',
  startDate: '2016-03-01',
  endDate: '2016-08-31',
  subjects: ['内科'],
  ...overrides,
});

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  pairing = await createPairing(server, { ...YUEYANG_BAOJING, endYear: 2020 });
  // A twinning of one village, to prove that people and producers of its neighbour do not count.
  village = await createPairing(server, { kind: 'TWINNING', twinningLevel: 'VILLAGE_VILLAGE', helperKind: 'ORGANISATION', helperName: '岳阳某村', helpedKind: 'AREA', helpedAreaCode: CODES.villageA, startYear: 2016 });
  villageA = await registerHousehold(server, CODES.villageA);
  villageB = await registerHousehold(server, CODES.villageB);
});
afterAll(() => server.close());

describe('recordPairingExchange', () => {
  it('records people exchanged, which the statistics count by category and direction', async () => {
    for (let i = 0; i < 6; i += 1) mustSucceed(await server.execute(RecordExchange, { input: exchange({ personName: `医生${i}` }) }, { principal: officer }));
    mustSucceed(await server.execute(RecordExchange, { input: exchange({ category: 'VICE_PRINCIPAL', personName: '副校长', hostInstitution: '岳阳市鹰山小学' }) }, { principal: officer }));
    const stats = await server.execute(Stats, { code: CODES.baojing }, { principal: officer });
    expect(stats.data?.region?.stats.pairing).toMatchObject({
      peopleExchanged: 7,
      exchangesByCategory: [
        { category: 'VICE_PRINCIPAL', direction: 'TO_HELPER', people: 1 },
        { category: 'MEDICAL', direction: 'TO_HELPER', people: 6 },
      ],
    });
  });

  it('refuses a stay that ends before it starts, and one outside the pairing\'s years, and writes nothing', async () => {
    const before = await countRows(server, 'pairing_exchange');
    const backwards = await server.execute(RecordExchange, { input: exchange({ endDate: '2016-02-01' }) }, { principal: officer });
    expect(backwards.data?.recordPairingExchange).toMatchObject({ __typename: 'ValidationError', field: 'endDate', messageZh: '结束日期不能早于开始日期', messageEn: 'The end date cannot be before the start date' });
    const outside = await server.execute(RecordExchange, { input: exchange({ startDate: '2015-12-01' }) }, { principal: officer });
    expect(outside.data?.recordPairingExchange).toMatchObject({ __typename: 'ValidationError', field: 'startDate', messageZh: '日期须在结对年度（2016–2020）之内', messageEn: 'The date must fall within the pairing\'s years (2016–2020)' });
    const after = await server.execute(RecordExchange, { input: exchange({ endDate: '2021-01-31' }) }, { principal: officer });
    expect(after.data?.recordPairingExchange).toMatchObject({ __typename: 'ValidationError', field: 'endDate' });
    expect(await countRows(server, 'pairing_exchange')).toBe(before);
  });

  it('lets a helper-side officer record people on his granted pairing', async () => {
    const { exchange: recorded } = mustSucceed(
      await server.execute(RecordExchange, { input: exchange({ direction: 'TO_HELPED', category: 'TEACHER', personName: '支教教师' }) }, { principal: grantedOfficer(pairing, ['pairing.records.manage']) }),
    );
    expect(recorded).toMatchObject({ category: 'TEACHER', direction: 'TO_HELPED' });
  });
});

describe('recordPairingLabour and recordPairingPurchase', () => {
  it('records a registered person of the helped area placed in a job', async () => {
    const { placement } = mustSucceed(
      await server.execute(
        RecordLabour,
        { input: { pairingId: village, memberId: villageA.member, destination: '岳阳市', employer: '岳阳某电子厂', startMonth: '2017-03-01', monthsWorked: 9, organised: true } },
        { principal: officer },
      ),
    );
    expect(placement.employer).toBe('岳阳某电子厂');
  });

  it('refuses a person, a household or a producer not from the helped area, naming the field, and writes nothing', async () => {
    const [labour, purchases] = [await countRows(server, 'pairing_labour'), await countRows(server, 'pairing_purchase')];
    const person = await server.execute(
      RecordLabour,
      { input: { pairingId: village, memberId: villageB.member, destination: '岳阳市', employer: '岳阳某电子厂', startMonth: '2017-03-01', monthsWorked: 9, organised: true } },
      { principal: officer },
    );
    expect(person.data?.recordPairingLabour).toEqual({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      field: 'memberId',
      messageZh: '该成员不在受援地，不能计入该结对关系',
      messageEn: 'The person is not from the helped area and cannot be counted for this pairing',
    });
    const household = await server.execute(
      RecordPurchase,
      { input: { pairingId: village, year: 2017, product: '保靖黄金茶', amount: '3000.00', producerKind: 'HOUSEHOLD', householdId: villageB.household } },
      { principal: officer },
    );
    expect(household.data?.recordPairingPurchase).toMatchObject({ __typename: 'RuleViolationError', field: 'householdId', messageEn: 'The household is not from the helped area and cannot be counted for this pairing' });
    const producer = await server.execute(
      RecordPurchase,
      { input: { pairingId: pairing, year: 2017, product: '椪柑', amount: '3000.00', producerKind: 'COOPERATIVE', producerName: '花垣某合作社', producerAreaCode: CODES.huayuan } },
      { principal: PRINCIPALS.hunanAdmin },
    );
    expect(producer.data?.recordPairingPurchase).toMatchObject({ __typename: 'RuleViolationError', field: 'producerAreaCode', messageZh: '该生产者不在受援地，不能计入该结对关系' });
    expect([await countRows(server, 'pairing_labour'), await countRows(server, 'pairing_purchase')]).toEqual([labour, purchases]);
  });

  it('records purchases from the helped area', async () => {
    const { purchase } = mustSucceed(
      await server.execute(
        RecordPurchase,
        { input: { pairingId: pairing, year: 2017, product: '保靖黄金茶', amount: '120000.00', producerKind: 'COOPERATIVE', producerName: '保靖县黄金茶合作社', producerAreaCode: CODES.villageB } },
        { principal: officer },
      ),
    );
    expect(purchase).toEqual({ product: '保靖黄金茶', amount: '120000.00', producerAreaCode: CODES.villageB });
  });
});

describe('recordPairingInvestment and recordPairingVisit', () => {
  it('refuses an investment outside the helped area and a visit outside the pairing\'s years, and writes nothing', async () => {
    const [investments, visits] = [await countRows(server, 'pairing_investment'), await countRows(server, 'pairing_visit')];
    const place = await server.execute(
      RecordInvestment,
      { input: { pairingId: pairing, year: 2017, enterprise: '岳阳某食品公司', amount: '2000000.00', placeCode: CODES.huayuan, jobsForRegistered: 30, peopleLifted: 60 } },
      { principal: PRINCIPALS.hunanAdmin },
    );
    expect(place.data?.recordPairingInvestment).toMatchObject({ __typename: 'RuleViolationError', field: 'placeCode', messageZh: '投资地点须在受援地', messageEn: 'The investment must be in the helped area' });
    const visit = await server.execute(
      RecordVisit,
      { input: { pairingId: pairing, kind: 'VISIT', direction: 'TO_HELPED', heldOn: '2015-05-10', delegation: '岳阳市第十二中学', host: '保靖县岳阳中学' } },
      { principal: officer },
    );
    expect(visit.data?.recordPairingVisit).toMatchObject({ __typename: 'ValidationError', field: 'heldOn' });
    expect([await countRows(server, 'pairing_investment'), await countRows(server, 'pairing_visit')]).toEqual([investments, visits]);
  });

  it('records them, and the statistics count them for the helped area and for the helper', async () => {
    mustSucceed(
      await server.execute(
        RecordInvestment,
        { input: { pairingId: pairing, year: 2017, enterprise: '岳阳某食品公司', amount: '2000000.00', placeCode: CODES.villageA, jobsForRegistered: 30, peopleLifted: 60 } },
        { principal: officer },
      ),
    );
    mustSucceed(
      await server.execute(
        RecordVisit,
        { input: { pairingId: pairing, kind: 'VISIT', direction: 'TO_HELPED', heldOn: '2017-05-10', delegation: '岳阳市第十二中学', host: '保靖县岳阳中学' } },
        { principal: officer },
      ),
    );
    const expected = { peopleExchanged: 8, workersPlaced: 1, purchases: 1, purchaseAmount: '120000.00', investments: 1, investment: '2000000.00', jobsForRegistered: 30 };
    const helped = await server.execute(Stats, { code: CODES.baojing }, { principal: officer });
    expect(helped.data?.region?.stats.pairing).toMatchObject({ pairings: 2, ...expected });
    // 岳阳市 as the helper: its one pairing with 保靖县 (the village twinning's helper is an organisation).
    const helper = await server.execute(Stats, { code: CODES.yueyang }, { principal: PRINCIPALS.hunanAdmin });
    expect(helper.data?.region?.stats.pairing).toMatchObject({ pairings: 0 });
    expect(helper.data?.region?.stats.pairingAsHelper).toMatchObject({ pairings: 1, ...expected, workersPlaced: 0 });
  });

  it('protects the figures about people for partners, and shows them money', async () => {
    const partner = await server.execute(Stats, { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(partner.errors).toBeUndefined();
    expect(partner.data?.region?.stats.pairing).toMatchObject({
      pairings: 2,
      peopleExchanged: 5,
      exchangesByCategory: [{ category: 'MEDICAL', direction: 'TO_HELPER', people: 5 }],
      workersPlaced: null,
      purchases: null,
      purchaseAmount: null,
      investment: '2000000.00',
      jobsForRegistered: 30,
    });
  });
});

describe('statement counts', () => {
  const Villages = graphql(`
    query PairingVillagesStats($code: String!) {
      region(code: $code) { children(first: 10) { edges { node { stats { pairing { pairings peopleExchanged received } pairingAsHelper { pairings } } } } } }
    }
  `);
  const Lists = graphql(`
    query PairingLists($code: String!) {
      pairings(regionCode: $code, first: 10) { edges { node { agreements { year } aid { amount } exchanges { personName } purchases { product } investments { enterprise } visits { host } } } }
    }
  `);

  it('reads the figures of a page of areas in one statement per block, however many areas', async () => {
    const { count, statements } = await server.countStatements(async () => {
      const result = await server.execute(Villages, { code: CODES.qianling }, { principal: officer });
      expect(result.errors).toBeUndefined();
      expect(result.data?.region?.children.edges).toHaveLength(2);
    });
    expect(statements.filter((sql) => sql.includes('pairing_relation'))).toHaveLength(2);
    expect(count).toBeLessThanOrEqual(5);
  });

  it('reads each list of a page of pairings in one statement', async () => {
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(Lists, { code: CODES.baojing }, { principal: officer });
      expect(result.errors).toBeUndefined();
      expect(result.data?.pairings.edges.length).toBeGreaterThan(1);
    });
    for (const table of ['pairing_agreement', 'pairing_aid', 'pairing_exchange', 'pairing_purchase', 'pairing_investment', 'pairing_visit']) {
      expect(statements.filter((sql) => new RegExp(`\\b${table}\\b`).test(sql)), table).toHaveLength(1);
    }
  });
});

describe('partner pulls', () => {
  it('list the pairings changed after a moment (for a partner, from that moment\'s day), in the order of change', async () => {
    const [{ now }] = await server.sql<{ now: string }>(`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`);
    const start = await server.execute(Pull, { after: now }, { principal: officer });
    expect(start.data?.pairings.edges).toEqual([]);
    mustSucceed(
      await server.execute(RecordVisit, { input: { pairingId: pairing, kind: 'JOINT_MEETING', direction: 'TO_HELPER', heldOn: '2018-01-10', delegation: '保靖县党政代表团', host: '岳阳市' } }, { principal: officer }),
    );
    const pulled = await server.execute(Pull, { after: now }, { principal: officer });
    expect(pulled.errors).toBeUndefined();
    expect(pulled.data?.pairings.edges.map((edge) => edge.node.id)).toEqual([pairing]);
    // A partner reads the change to the day, 00:00 in China, and pulls from the start of that day.
    const partner = await server.execute(Pull, { after: now }, { principal: PRINCIPALS.ngo });
    expect(partner.errors).toBeUndefined();
    const node = partner.data!.pairings.edges.find((edge) => edge.node.id === pairing)!.node;
    expect(new Date(Date.parse(node.updatedAt) + 8 * 3_600_000).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(node.updatedAt).not.toBe(pulled.data!.pairings.edges[0].node.updatedAt);
  });
});

describe('a household\'s sale seen by a partner', () => {
  it('places a household\'s sale in its county for a partner, who reads no registry: its village would single the household out', async () => {
    const Purchases = graphql(`
      query PairingPurchasePlaces($id: ID!) { node(id: $id) { ... on Pairing { purchases { producerKind producerAreaCode amount } } } }
    `);
    mustSucceed(
      await server.execute(
        RecordPurchase,
        { input: { pairingId: pairing, year: 2017, product: '保靖黄金茶（农户）', amount: '6000.00', producerKind: 'HOUSEHOLD', householdId: villageA.household } },
        { principal: officer },
      ),
    );
    const places = async (principal: (typeof PRINCIPALS)[keyof typeof PRINCIPALS]) => {
      const result = await server.execute(Purchases, { id: pairing }, { principal });
      expect(result.errors).toBeUndefined();
      const purchases = (result.data?.node as { purchases: { producerKind: string; producerAreaCode: string; amount: string }[] }).purchases;
      return Object.fromEntries(purchases.map((p) => [p.producerKind + ' ' + p.amount, p.producerAreaCode]));
    };
    expect(await places(PRINCIPALS.ngo)).toMatchObject({ 'HOUSEHOLD 6000.00': CODES.baojing, 'COOPERATIVE 120000.00': CODES.villageB });
    expect(await places(officer)).toMatchObject({ 'HOUSEHOLD 6000.00': CODES.villageA, 'COOPERATIVE 120000.00': CODES.villageB });
  });
});

describe('a placement sent twice', () => {
  it('records a placement once: the same form sent twice, or twice at once, is a conflict on memberId', async () => {
    const input = { pairingId: village, memberId: villageA.member, destination: '岳阳市', employer: '岳阳某电子厂', startMonth: '2017-03-01', monthsWorked: 9, organised: true };
    const before = await countRows(server, 'pairing_labour');
    const again = await server.execute(RecordLabour, { input }, { principal: officer });
    expect(again.data?.recordPairingLabour).toMatchObject({ __typename: 'ConflictError', field: 'memberId', messageZh: expect.stringMatching(/已登记/), messageEn: expect.stringMatching(/recorded already/) });
    const racing = await Promise.all([0, 1, 2].map(() => server.execute(RecordLabour, { input: { ...input, startMonth: '2017-05-01' } }, { principal: officer })));
    expect(racing.map((r) => r.data?.recordPairingLabour.__typename).sort()).toEqual(['ConflictError', 'ConflictError', 'RecordPairingLabourPayload']);
    expect(await countRows(server, 'pairing_labour')).toBe(before + 1);
  });
});
