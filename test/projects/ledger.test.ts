import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import {
  AllocateFunds,
  createFund,
  DisburseFunds,
  expectRefused,
  projectUnderConstruction,
  ReverseLedgerEntry,
  settingsWith,
  TestClock,
} from '../fixtures/projects.js';

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
});
afterAll(() => server.close());

const FundFigures = graphql(`
  query FundFigures($id: ID!) {
    fund(id: $id) {
      amount allocated disbursed balance executionRate
      allocations(first: 10) { totalCount edges { node { amount isReversed disbursed balance disbursements { amount isReversed } } } }
    }
  }
`);
const ProjectFunding = graphql(`
  query ProjectFunding($id: ID!) {
    project(id: $id) {
      budget totalFunded totalDisbursed fundingGap executionRate
      fundingBySource { sourceType allocated disbursed }
    }
  }
`);

const allocate = (fundId: string, projectId: string, amount: string, extra: { date?: string; voucherNo?: string } = {}) =>
  server.execute(AllocateFunds, { input: { fundId, projectId, amount, ...extra } }).then((r) => r.data!.allocateFunds);
const disburse = (allocationId: string, amount: string, extra: { date?: string; voucherNo?: string } = {}) =>
  server.execute(DisburseFunds, { input: { allocationId, amount, voucherNo: 'BZ-2016-001', ...extra } }).then((r) => r.data!.disburseFunds);
const reverse = (entryId: string, reason = '录入错误') =>
  server.execute(ReverseLedgerEntry, { input: { entryId, reason } }).then((r) => r.data!.reverseLedgerEntry);

describe('the fund ledger', () => {
  it('computes a fund\'s allocated, disbursed and balance, and a project\'s funding by source, gap and execution rate', async () => {
    const projectId = await projectUnderConstruction(server, clock, { budget: '342000.00' });
    const city = await createFund(server, { sourceType: 'CITY_FISCAL', name: '市委组织部组织经费', amount: '100000.00', areaCode: AREAS.baojing });
    const township = await createFund(server, { sourceType: 'TOWNSHIP_FISCAL', name: '迁陵镇建设经费', amount: '150000.00', areaCode: AREAS.qianling });
    const county = await createFund(server, { sourceType: 'COUNTY_FISCAL', name: '县组织部', amount: '80000.00' });

    const a1 = mustSucceed(await allocate(city, projectId, '100000')).allocation.id;
    const a2 = mustSucceed(await allocate(township, projectId, '100000.00')).allocation.id;
    const a3 = await allocate(county, projectId, '80000.00');
    expect(a3).toMatchObject({ fund: { allocated: '80000.00', balance: '0.00' }, project: { totalFunded: '280000.00', fundingGap: '62000.00' } });

    mustSucceed(await disburse(a1, '60000.00'));
    mustSucceed(await disburse(a1, '40000.00'));
    expect(await disburse(a2, '33333.33')).toMatchObject({ project: { totalDisbursed: '133333.33', executionRate: 0.4762 } });

    const project = (await server.execute(ProjectFunding, { id: projectId })).data!.project!;
    expect(project).toEqual({
      budget: '342000.00',
      totalFunded: '280000.00',
      totalDisbursed: '133333.33',
      fundingGap: '62000.00',
      executionRate: 0.4762,
      fundingBySource: [
        { sourceType: 'CITY_FISCAL', allocated: '100000.00', disbursed: '100000.00' },
        { sourceType: 'COUNTY_FISCAL', allocated: '80000.00', disbursed: '0.00' },
        { sourceType: 'TOWNSHIP_FISCAL', allocated: '100000.00', disbursed: '33333.33' },
      ],
    });
    const fund = (await server.execute(FundFigures, { id: township })).data!.fund!;
    expect(fund).toMatchObject({ amount: '150000.00', allocated: '100000.00', disbursed: '33333.33', balance: '50000.00', executionRate: 0.3333 });
    expect(fund.allocations.edges[0].node).toMatchObject({ disbursed: '33333.33', balance: '66666.67' });
  });

  it('sums a source type over all its funds, without reversed entries, alike for one project and for a page of them', async () => {
    // The statements sum by fund first and then by the fund's source type (fund-figures.loader.ts):
    // two funds of one type must come out as one row, and a reversal must take its entry out.
    const placeCode = AREAS.villageB;
    const projectId = await projectUnderConstruction(server, clock, { budget: '90000.00', placeCode });
    const first = await createFund(server, { sourceType: 'CITY_FISCAL', name: '市级资金一', amount: '40000.00' });
    const second = await createFund(server, { sourceType: 'CITY_FISCAL', name: '市级资金二', amount: '30000.00' });
    const other = await createFund(server, { sourceType: 'COUNTY_FISCAL', name: '县级资金', amount: '20000.00' });
    const a1 = mustSucceed(await allocate(first, projectId, '25000.50')).allocation.id;
    const a2 = mustSucceed(await allocate(second, projectId, '12000.25')).allocation.id;
    const wrong = mustSucceed(await allocate(second, projectId, '999.99')).allocation.id;
    mustSucceed(await allocate(other, projectId, '5000.00'));
    mustSucceed(await disburse(a1, '10000.00'));
    const paidTwice = mustSucceed(await disburse(a2, '2000.00')).disbursement.id;
    mustSucceed(await disburse(a2, '1500.10'));
    expect(await reverse(paidTwice)).toMatchObject({ __typename: 'ReverseLedgerEntryPayload' });
    expect(await reverse(wrong)).toMatchObject({ __typename: 'ReverseLedgerEntryPayload' });

    const expected = {
      totalFunded: '42000.75',
      totalDisbursed: '11500.10',
      fundingBySource: [
        { sourceType: 'CITY_FISCAL', allocated: '37000.75', disbursed: '11500.10' },
        { sourceType: 'COUNTY_FISCAL', allocated: '5000.00', disbursed: '0.00' },
      ],
    };
    // One project: projectFundingLoader's statement.
    expect((await server.execute(ProjectFunding, { id: projectId })).data!.project).toMatchObject(expected);
    // A page of projects: the funding comes in the page's own statement.
    const page = await server.execute(
      graphql(`
        query FundingOnAPage($code: String!) {
          projects(regionCode: $code, first: 10) { edges { node { id totalFunded totalDisbursed fundingBySource { sourceType allocated disbursed } } } }
        }
      `),
      { code: placeCode },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.projects.edges.map((edge) => edge.node)).toEqual([{ id: projectId, ...expected }]);
  });

  it('reverses a disbursement (restoring the allocation\'s balance) and then the allocation (restoring the fund\'s)', async () => {
    const projectId = await projectUnderConstruction(server, clock);
    const fundId = await createFund(server, { amount: '500000.00' });
    const allocationId = mustSucceed(await allocate(fundId, projectId, '200000.00')).allocation.id;
    const paid = mustSucceed(await disburse(allocationId, '150000.00')).disbursement.id;
    await expectRefused(server, () => disburse(allocationId, '50000.01'), 'RuleViolationError', 'amount');

    // An allocation with live payments cannot be reversed: reverse those first.
    const blocked = await expectRefused(server, () => reverse(allocationId), 'RuleViolationError', 'entryId');
    expect(blocked).toMatchObject({ messageEn: expect.stringContaining('reverse those disbursements first') });

    expect(await reverse(paid, '重复报账')).toMatchObject({
      __typename: 'ReverseLedgerEntryPayload',
      // The reason is free text: the administrator, who sees personal data masked, reads it masked.
      reversal: { amount: '150000.00', memo: '***', reverses: { id: paid } },
      fund: { allocated: '200000.00', disbursed: '0.00', balance: '300000.00' },
    });
    expect(await server.sql(`select memo from ledger_entry where reverses_id = ?`, [Buffer.from(paid, 'base64').toString().split(':')[1]])).toEqual([{ memo: '重复报账' }]);
    // The whole allocation is payable again.
    expect(await disburse(allocationId, '200000.00')).toMatchObject({ __typename: 'DisburseFundsPayload' });
    const again = await server.execute(FundFigures, { id: fundId });
    expect(again.data!.fund!.allocations.edges[0].node).toMatchObject({
      balance: '0.00',
      disbursements: [{ amount: '150000.00', isReversed: true }, { amount: '200000.00', isReversed: false }],
    });

    // One reversal per entry.
    await expectRefused(server, () => reverse(paid), 'ConflictError', 'entryId');
    const second = (await server.sql<{ id: number }>(`select id from ledger_entry where kind = 'DISBURSEMENT' order by id desc limit 1`))[0].id;
    mustSucceed(await reverse(Buffer.from(`Disbursement:${second}`).toString('base64')));
    expect(await reverse(allocationId)).toMatchObject({ fund: { allocated: '0.00', balance: '500000.00' } });
    await expectRefused(server, () => disburse(allocationId, '1.00'), 'RuleViolationError', 'allocationId');
    const reversalId = (await server.sql<{ id: number }>(`select id from ledger_entry where kind = 'REVERSAL' order by id desc limit 1`))[0].id;
    await expectRefused(server, () => reverse(Buffer.from(`Reversal:${reversalId}`).toString('base64')), 'ValidationError', 'entryId');
  });

  it('never lets an allocation exceed its fund', async () => {
    const projectId = await projectUnderConstruction(server, clock);
    const fundId = await createFund(server, { amount: '1000.00' });
    mustSucceed(await allocate(fundId, projectId, '999.99'));
    const refused = await expectRefused(server, () => allocate(fundId, projectId, '0.02'), 'RuleViolationError', 'amount');
    expect(refused).toMatchObject({ messageEn: expect.stringContaining('0.01 yuan') });
    expect(await allocate(fundId, projectId, '0.01')).toMatchObject({ fund: { balance: '0.00' } });
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE of ledger rows fail', async () => {
    const before = await server.sql<{ n: string; total: string }>('select count(*) as n, sum(amount)::text as total from ledger_entry');
    await expect(server.sql('update ledger_entry set amount = amount + 1')).rejects.toThrow(/append-only/);
    await expect(server.sql('delete from ledger_entry')).rejects.toThrow(/append-only/);
    await expect(server.sql('truncate ledger_entry cascade')).rejects.toThrow(/append-only/);
    expect(await server.sql('select count(*) as n, sum(amount)::text as total from ledger_entry')).toEqual(before);
    // Locking a row for update is not an update: the ledger's writers rely on it.
    await expect(server.sql('select id from ledger_entry limit 1 for update')).resolves.toHaveLength(1);
  });
});
