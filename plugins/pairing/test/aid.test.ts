import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllocateAid, createPairing, ReceiveAid, RecordAgreement, YUEYANG_BAOJING } from './fixtures.js';
import { graphql } from './generated/index.js';
import { CODES, countRows, globalId, grantedOfficer, insertAreas, insertProject, PRINCIPALS } from './world.js';

/**
 * Aid money goes through core's fund ledger: received as a fund of the paired-assistance source
 * managed by the helped area, allocated only to the helped area's projects and never beyond what
 * was received, also when allocations race. A pledge is recorded apart and never counted.
 */
let server: TestServer;
let pairing: string;
let school: string;
let elsewhere: string;

const Stats = graphql(`
  query PairingAidStats($code: String!, $from: Date, $until: Date) {
    region(code: $code) { stats { pairing(from: $from, until: $until) { pledged introduced fiscalReceived inKindReceived received allocated projectsFunded } } }
  }
`);

const LinkFund = graphql(`
  mutation PairingLinkFund($input: LinkPairingFundInput!) {
    linkPairingFund(input: $input) { __typename ... on LinkPairingFundPayload { aid { amount kind fund { earmarkAreaCode } } } ... on Error { code field messageZh messageEn } }
  }
`);

/** Core's own allocation, which knows nothing of pairings: the earmark is what stops it. */
const CoreAllocate = graphql(`
  mutation PairingCoreAllocate($input: AllocateFundsInput!) {
    allocateFunds(input: $input) { __typename ... on AllocateFundsPayload { allocation { id } } ... on Error { code field messageZh messageEn } }
  }
`);

const RecordGoods = graphql(`
  mutation PairingRecordGoods($input: RecordPairingGoodsInput!) {
    recordPairingGoods(input: $input) { __typename ... on RecordPairingGoodsPayload { aid { goods quantity amount } } ... on Error { code field } }
  }
`);

const statsOf = async (year?: number) => {
  const years = year === undefined ? {} : { from: `${year}-01-01`, until: `${year}-12-31` };
  const result = await server.execute(Stats, { code: CODES.baojing, ...years }, { principal: PRINCIPALS.baojingOfficer });
  expect(result.errors).toBeUndefined();
  return result.data!.region!.stats.pairing;
};

const ledgerRows = () => countRows(server, 'ledger_entry');

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  pairing = await createPairing(server, YUEYANG_BAOJING);
  school = await insertProject(server, CODES.villageA, '保靖县岳阳小学教学楼');
  elsewhere = await insertProject(server, CODES.huayuan, '花垣县教学楼');
});
afterAll(() => server.close());

describe('receivePairingAid', () => {
  it('receives aid into the ledger as a paired-assistance fund of the helped area', async () => {
    const { aid } = mustSucceed(
      await server.execute(ReceiveAid, { input: { pairingId: pairing, kind: 'INTRODUCED', year: 2016, amount: '5370000.00', documentNo: '岳保协〔2016〕2号' } }, { principal: PRINCIPALS.baojingOfficer }),
    );
    expect(aid).toMatchObject({
      kind: 'INTRODUCED',
      amount: '5370000.00',
      allocated: '0.00',
      unallocated: '5370000.00',
      fund: { sourceType: 'EAST_WEST_COOPERATION', areaCode: CODES.baojing, earmarkAreaCode: CODES.baojing },
    });
    expect(await statsOf(2016)).toMatchObject({ introduced: '5370000.00', received: '5370000.00', fiscalReceived: '0.00' });
  });

  it('keeps a pledge apart: it never counts as received', async () => {
    const { agreement } = mustSucceed(
      await server.execute(RecordAgreement, { input: { pairingId: pairing, year: 2016, pledgedAmount: '1800000.00', purpose: '农村饮水' } }, { principal: PRINCIPALS.baojingOfficer }),
    );
    expect(agreement).toMatchObject({ pledgedAmount: '1800000.00', actual: { received: '5370000.00' } });
    expect(await statsOf(2016)).toMatchObject({ pledged: '1800000.00', received: '5370000.00' });
  });

  it('refuses a second agreement for the same year, naming the field, and writes nothing', async () => {
    const before = await countRows(server, 'pairing_agreement');
    const result = await server.execute(RecordAgreement, { input: { pairingId: pairing, year: 2016, pledgedAmount: '1.00' } }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.data?.recordPairingAgreement).toMatchObject({ __typename: 'ConflictError', field: 'year', messageZh: '该结对关系本年度已有协议', messageEn: 'This pairing has an agreement for that year already' });
    expect(await countRows(server, 'pairing_agreement')).toBe(before);
  });

  it('refuses a helper-side officer, whose grant lets him read the aid, not post to the helped area\'s ledger', async () => {
    const [funds, aid] = [await countRows(server, 'fund'), await countRows(server, 'pairing_aid')];
    const result = await server.execute(ReceiveAid, { input: { pairingId: pairing, kind: 'FISCAL', year: 2017, amount: '100.00' } }, { principal: grantedOfficer(pairing, ['pairing.records.manage']) });
    expect(result.data?.receivePairingAid).toMatchObject({ __typename: 'ForbiddenError', field: 'pairingId', messageEn: 'Aid is received into the ledger by the helped area\'s fund managers' });
    expect([await countRows(server, 'fund'), await countRows(server, 'pairing_aid')]).toEqual([funds, aid]);
  });
});

describe('allocatePairingAid', () => {
  let aid: string;
  beforeAll(async () => {
    aid = mustSucceed(await server.execute(ReceiveAid, { input: { pairingId: pairing, kind: 'FISCAL', year: 2017, amount: '1000000.00' } }, { principal: PRINCIPALS.baojingOfficer })).aid.id;
  });

  it('refuses a project outside the helped area, naming the field, and writes nothing', async () => {
    const before = await ledgerRows();
    const result = await server.execute(AllocateAid, { input: { aidId: aid, projectId: elsewhere, amount: '1000.00' } }, { principal: PRINCIPALS.hunanAdmin });
    expect(result.data?.allocatePairingAid).toEqual({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      field: 'projectId',
      messageZh: '帮扶资金只能安排到受援地的项目',
      messageEn: 'Aid is allocated only to projects in the helped area',
    });
    expect(await ledgerRows()).toBe(before);
  });

  it('refuses, through core\'s allocateFunds, a project outside the helped area to a caller who manages both', async () => {
    // 湖南's administrator manages 保靖县's fund and 花垣县's project alike; the aid is still 保靖县's.
    const fundId = mustSucceed(
      await server.execute(ReceiveAid, { input: { pairingId: pairing, kind: 'FISCAL', year: 2018, amount: '2000.00' } }, { principal: PRINCIPALS.hunanAdmin }),
    ).aid.fund!.id;
    const before = await ledgerRows();
    const result = await server.execute(CoreAllocate, { input: { fundId, projectId: elsewhere, amount: '1000.00' } }, { principal: PRINCIPALS.hunanAdmin });
    expect(result.data?.allocateFunds).toEqual({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      field: 'projectId',
      messageZh: `该资金专款用于区划 ${CODES.baojing} 的项目，项目不在此范围内`,
      messageEn: `The fund is earmarked for projects in area ${CODES.baojing}; this project lies outside it`,
    });
    expect(await ledgerRows()).toBe(before);
    // Inside the helped area the same call goes through.
    expect(mustSucceed(await server.execute(CoreAllocate, { input: { fundId, projectId: school, amount: '1000.00' } }, { principal: PRINCIPALS.hunanAdmin })).allocation.id).toBeTruthy();
  });

  it('refuses more than the aid received, naming the field, and writes nothing', async () => {
    const before = await ledgerRows();
    const result = await server.execute(AllocateAid, { input: { aidId: aid, projectId: school, amount: '1000000.01' } }, { principal: PRINCIPALS.baojingOfficer });
    expect(result.data?.allocatePairingAid).toMatchObject({ __typename: 'RuleViolationError', field: 'amount', messageEn: 'The amount exceeds what the fund has left to allocate (1000000.00 yuan)' });
    expect(await ledgerRows()).toBe(before);
  });

  it('never allocates beyond the aid received when ten allocations race', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => server.execute(AllocateAid, { input: { aidId: aid, projectId: school, amount: '150000.00', voucherNo: `R-${i}` } }, { principal: PRINCIPALS.baojingOfficer })),
    );
    const outcomes = results.map((result) => result.data?.allocatePairingAid.__typename);
    expect(outcomes.filter((kind) => kind === 'AllocatePairingAidPayload')).toHaveLength(6);
    expect(outcomes.filter((kind) => kind === 'RuleViolationError')).toHaveLength(4);
    const [{ total }] = await server.sql<{ total: string }>(
      `select sum(e.amount)::text as total from ledger_entry e join pairing_aid a on a.fund_id = e.fund_id where a.id = ? and e.kind = 'ALLOCATION'`,
      [Number(Buffer.from(aid, 'base64').toString().split(':')[1])],
    );
    expect(total).toBe('900000.00');
    expect(await statsOf(2017)).toMatchObject({ fiscalReceived: '1000000.00', allocated: '900000.00', projectsFunded: 1 });
  });
});

describe('linkPairingFund and recordPairingGoods', () => {
  it('links a fund already in the ledger without copying it, once', async () => {
    const [{ id }] = await server.sql<{ id: number }>(
      `insert into fund (source_type, name, year, amount, area_code, provider, in_kind_description, created_by)
       values ('IN_KIND_DONATION', '全民健身路径器材捐赠', 2016, 50000, ?, '市体育局', '体育健身器材一套（14件）', 'test') returning id`,
      [CODES.baojing],
    );
    const input = { pairingId: pairing, fundId: globalId('Fund', id), kind: 'IN_KIND' as const };
    const { aid } = mustSucceed(await server.execute(LinkFund, { input }, { principal: PRINCIPALS.baojingOfficer }));
    expect(aid).toEqual({ amount: '50000.00', kind: 'IN_KIND', fund: { earmarkAreaCode: CODES.baojing } });
    await server.sql('update fund set amount = 60000 where id = ?', [id]);
    expect((await statsOf(2016)).inKindReceived).toBe('60000.00');

    const before = await countRows(server, 'pairing_aid');
    const again = await server.execute(LinkFund, { input }, { principal: PRINCIPALS.baojingOfficer });
    expect(again.data?.linkPairingFund).toMatchObject({ __typename: 'ConflictError', field: 'fundId', messageZh: '该资金已登记为帮扶资金', messageEn: 'This fund is recorded as aid already' });
    const [{ id: lixia }] = await server.sql<{ id: number }>(
      `insert into fund (source_type, name, year, amount, area_code, provider, created_by) values ('COUNTY_FISCAL', '历下区对口帮扶资金', 2016, 300000, ?, '历下区财政局', 'test') returning id`,
      [CODES.lixia],
    );
    const foreign = await server.execute(LinkFund, { input: { ...input, fundId: globalId('Fund', lixia), kind: 'FISCAL' } }, { principal: grantedOfficer(pairing, ['pairing.records.manage']) });
    expect(foreign.data?.linkPairingFund).toMatchObject({ __typename: 'RuleViolationError', field: 'fundId', messageEn: 'The fund is managed neither in the helped area nor above it, so it is not this pairing\'s aid' });
    const wrongKind = await server.execute(LinkFund, { input: { ...input, kind: 'FISCAL' } }, { principal: PRINCIPALS.baojingOfficer });
    expect(wrongKind.data?.linkPairingFund).toMatchObject({ __typename: 'RuleViolationError', field: 'kind' });
    expect(await countRows(server, 'pairing_aid')).toBe(before);
  });

  it('keeps a narrower earmark, and refuses a fund earmarked elsewhere or already paying outside the helped area', async () => {
    const insertFund = async (areaCode: string, earmark: string | null) => {
      const [{ id }] = await server.sql<{ id: number }>(
        `insert into fund (source_type, name, year, amount, area_code, earmark_area_code, provider, created_by)
         values ('CITY_FISCAL', '州级帮扶资金', 2016, 100000, ?, ?, '州财政局', 'test') returning id`,
        [areaCode, earmark],
      );
      return id;
    };
    const earmarkOf = async (id: number) => (await server.sql<{ e: string | null }>('select earmark_area_code as e from fund where id = ?', [id]))[0].e;
    const link = (fundId: number) => server.execute(LinkFund, { input: { pairingId: pairing, fundId: globalId('Fund', fundId), kind: 'FISCAL' } }, { principal: PRINCIPALS.hunanAdmin });

    const forVillage = await insertFund(CODES.xiangxi, CODES.villageA);
    expect(mustSucceed(await link(forVillage)).aid.fund).toEqual({ earmarkAreaCode: CODES.villageA });

    const before = await countRows(server, 'pairing_aid');
    const forHuayuan = await insertFund(CODES.xiangxi, CODES.huayuan);
    expect((await link(forHuayuan)).data?.linkPairingFund).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'fundId',
      messageEn: `The fund is earmarked for area ${CODES.huayuan} already; an earmark can only be narrowed, never widened or moved`,
    });
    expect(await earmarkOf(forHuayuan)).toBe(CODES.huayuan);

    // 湘西州's fund already pays for a 花垣县 project: it is not 保靖县's aid.
    const paying = await insertFund(CODES.xiangxi, null);
    mustSucceed(await server.execute(CoreAllocate, { input: { fundId: globalId('Fund', paying), projectId: elsewhere, amount: '10.00' } }, { principal: PRINCIPALS.hunanAdmin }));
    expect((await link(paying)).data?.linkPairingFund).toMatchObject({
      __typename: 'RuleViolationError',
      field: 'fundId',
      messageEn: `The fund already pays for 1 project(s) outside area ${CODES.baojing}, so it cannot be earmarked for it`,
    });
    expect(await earmarkOf(paying)).toBeNull();
    expect(await countRows(server, 'pairing_aid')).toBe(before);
  });

  it('lists goods without a declared value and never counts them as money', async () => {
    const before = await statsOf();
    const { aid } = mustSucceed(await server.execute(RecordGoods, { input: { pairingId: pairing, year: 2016, goods: '衣物', quantity: 200 } }, { principal: PRINCIPALS.baojingOfficer }));
    expect(aid).toEqual({ goods: '衣物', quantity: 200, amount: null });
    expect(await statsOf()).toEqual(before);
  });
});
