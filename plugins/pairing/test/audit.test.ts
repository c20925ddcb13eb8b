import { buildPlatform, corePlugin } from '@tuopin/core';
import { auditedTables, createTestServer, expectWholeAuditRecords, mutate, mutationsAdded, runAuditSteps, type AuditStep, type AuditWorld, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, insertAreas, insertProject, PRINCIPALS, registerHousehold } from './world.js';

/**
 * The audit trail of the pairing plugin's mutations, as finance's audit test proves finance's: each
 * step succeeds as 保靖县's officer and names the table whose change the audit log must show.
 */
const pairingInput = { kind: 'WITHIN_PROVINCE', helperKind: 'AREA', helperAreaCode: CODES.yueyang, helpedKind: 'AREA', helpedAreaCode: CODES.baojing, startYear: 2016 };
const on = (world: AuditWorld, fields: Record<string, unknown>) => ({ input: { pairingId: world.ids.pairing, ...fields } });

const auditSteps: AuditStep[] = [
  {
    mutation: 'createPairing',
    table: 'pairing_relation',
    async run(world) {
      const out = await mutate(world, `mutation($input: CreatePairingInput!) { createPairing(input: $input) { __typename ... on CreatePairingPayload { pairing { id } } } }`, { input: pairingInput }, 'CreatePairingPayload');
      world.ids.pairing = out.pairing.id;
    },
  },
  {
    mutation: 'endPairing',
    table: 'pairing_relation',
    async run(world) {
      const other = await mutate(world, `mutation($input: CreatePairingInput!) { createPairing(input: $input) { __typename ... on CreatePairingPayload { pairing { id } } } }`,
        { input: { ...pairingInput, kind: 'SOCIAL', helperKind: 'ORGANISATION', helperAreaCode: null, helperName: '某基金会' } }, 'CreatePairingPayload');
      await mutate(world, `mutation($input: EndPairingInput!) { endPairing(input: $input) { __typename } }`, { input: { pairingId: other.pairing.id, endYear: 2018 } }, 'EndPairingPayload');
    },
  },
  {
    mutation: 'recordPairingAgreement',
    table: 'pairing_agreement',
    run: (world) => mutate(world, `mutation($input: RecordPairingAgreementInput!) { recordPairingAgreement(input: $input) { __typename } }`, on(world, { year: 2017, pledgedAmount: '1000000.00' }), 'RecordPairingAgreementPayload').then(() => {}),
  },
  {
    mutation: 'receivePairingAid',
    table: 'pairing_aid',
    async run(world) {
      const out = await mutate(world, `mutation($input: ReceivePairingAidInput!) { receivePairingAid(input: $input) { __typename ... on ReceivePairingAidPayload { aid { id } } } }`,
        on(world, { kind: 'FISCAL', year: 2017, amount: '500000.00' }), 'ReceivePairingAidPayload');
      world.ids.aid = out.aid.id;
    },
  },
  {
    mutation: 'linkPairingFund',
    table: 'pairing_aid',
    async run(world) {
      const fund = await mutate(world, `mutation($input: CreateFundInput!) { createFund(input: $input) { __typename ... on CreateFundPayload { fund { id } } } }`,
        { input: { sourceType: 'EAST_WEST_COOPERATION', name: '岳阳市对口帮扶资金', year: 2017, amount: '200000.00', areaCode: CODES.baojing } }, 'CreateFundPayload');
      await mutate(world, `mutation($input: LinkPairingFundInput!) { linkPairingFund(input: $input) { __typename } }`, on(world, { fundId: fund.fund.id, kind: 'INTRODUCED' }), 'LinkPairingFundPayload');
    },
  },
  {
    mutation: 'recordPairingGoods',
    table: 'pairing_aid',
    run: (world) => mutate(world, `mutation($input: RecordPairingGoodsInput!) { recordPairingGoods(input: $input) { __typename } }`, on(world, { year: 2017, goods: '衣物', quantity: 200 }), 'RecordPairingGoodsPayload').then(() => {}),
  },
  {
    mutation: 'allocatePairingAid',
    table: 'ledger_entry',
    async run(world) {
      const projectId = await insertProject(world.server, CODES.villageA, '甲村岳阳援建卫生室');
      await mutate(world, `mutation($input: AllocatePairingAidInput!) { allocatePairingAid(input: $input) { __typename } }`, { input: { aidId: world.ids.aid, projectId, amount: '100000.00' } }, 'AllocatePairingAidPayload');
    },
  },
  {
    mutation: 'recordPairingExchange',
    table: 'pairing_exchange',
    run: (world) =>
      mutate(world, `mutation($input: RecordPairingExchangeInput!) { recordPairingExchange(input: $input) { __typename } }`,
        on(world, { direction: 'TO_HELPER', category: 'TEACHER', personName: '彭老师', hostInstitution: '岳阳市鹰山小学', startDate: '2017-04-05', endDate: '2017-04-29', subjects: ['语文'] }), 'RecordPairingExchangePayload').then(() => {}),
  },
  {
    mutation: 'recordPairingLabour',
    table: 'pairing_labour',
    async run(world) {
      const { member } = await registerHousehold(world.server, CODES.villageA);
      await mutate(world, `mutation($input: RecordPairingLabourInput!) { recordPairingLabour(input: $input) { __typename } }`,
        on(world, { memberId: member, destination: '岳阳市', employer: '岳阳某电子厂', startMonth: '2017-03-01', monthsWorked: 9, organised: true }), 'RecordPairingLabourPayload');
    },
  },
  {
    mutation: 'recordPairingPurchase',
    table: 'pairing_purchase',
    run: (world) =>
      mutate(world, `mutation($input: RecordPairingPurchaseInput!) { recordPairingPurchase(input: $input) { __typename } }`,
        on(world, { year: 2017, product: '保靖黄金茶', amount: '30000.00', producerKind: 'COOPERATIVE', producerName: '黄金茶合作社', producerAreaCode: CODES.villageA }), 'RecordPairingPurchasePayload').then(() => {}),
  },
  {
    mutation: 'recordPairingInvestment',
    table: 'pairing_investment',
    run: (world) =>
      mutate(world, `mutation($input: RecordPairingInvestmentInput!) { recordPairingInvestment(input: $input) { __typename } }`,
        on(world, { year: 2017, enterprise: '岳阳某食品公司', amount: '2000000.00', placeCode: CODES.villageA, jobsForRegistered: 20, peopleLifted: 40 }), 'RecordPairingInvestmentPayload').then(() => {}),
  },
  {
    mutation: 'recordPairingVisit',
    table: 'pairing_visit',
    run: (world) =>
      mutate(world, `mutation($input: RecordPairingVisitInput!) { recordPairingVisit(input: $input) { __typename } }`,
        on(world, { kind: 'JOINT_MEETING', direction: 'TO_HELPER', heldOn: '2017-06-01', delegation: '保靖县党政代表团', host: '岳阳市人民政府' }), 'RecordPairingVisitPayload').then(() => {}),
  },
];

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
});
afterAll(() => server.close());

describe('the audit trail of the pairing plugin', () => {
  it('has an audit step for every mutation the plugin adds', () => {
    const added = mutationsAdded(server.platform.schema, buildPlatform({ plugins: [corePlugin] }).schema);
    expect(added.length).toBeGreaterThan(10);
    expect(added.filter((name) => !auditSteps.some((step) => step.mutation === name)), 'pairing mutations without an audit step').toEqual([]);
  });

  it('records every pairing mutation, in its own transaction, with who, what and which object, whole', async () => {
    const world: AuditWorld = { server, officer: PRINCIPALS.baojingOfficer, admin: PRINCIPALS.hunanAdmin, ids: {} };
    await runAuditSteps(world, auditSteps);
    const tables = (await auditedTables(server)).filter(({ table }) => table.startsWith('pairing_'));
    expect(tables.map(({ table }) => table)).toContain('pairing_relation');
    await expectWholeAuditRecords(server, tables);
  });
});
