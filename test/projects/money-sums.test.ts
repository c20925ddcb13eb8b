import { seesSuppressedStatistics, type Principal } from '@tuopin/core';
import { createHttpTestServer, documentOf, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { fundInput, projectInput, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * Sums of money have no upper bound; single amounts stay within numeric(14,2). A county officer
 * makes 101 projects of 9,999,999,999.99 yuan (each valid on its own), 101 funds of that amount
 * all allocated to and paid for one project, and puts 10,001 contributions of 1亿 yuan (the
 * finance plugin's single-amount cap) into the county's risk pool. Every role up to the national
 * view then reads the totals through HTTP: before, every one of them failed to serialise.
 */

const ONE = '9999999999.99';
const TIMES_101 = '1009999999998.99';
const POOL_CONTRIBUTIONS = 10_001;
const POOL_BALANCE = '1000100000000.00';

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: HttpTestServer;
let fundedProjectId = '';

/** Runs one mutation for many inputs as aliases of one document (at most 30, the alias limit); every one must succeed. */
async function runAll(field: string, inputType: string, payload: string, selection: string, inputs: Record<string, unknown>[]) {
  const results: Record<string, any>[] = [];
  for (let start = 0; start < inputs.length; start += 30) {
    const batch = inputs.slice(start, start + 30);
    const source = `mutation(${batch.map((_, i) => `$i${i}: ${inputType}!`).join(', ')}) {
      ${batch.map((_, i) => `m${i}: ${field}(input: $i${i}) { __typename ... on Error { field messageEn } ... on ${payload} { ${selection} } }`).join('\n')} }`;
    const variables = Object.fromEntries(batch.map((input, i) => [`i${i}`, input]));
    const result = await server.execute(documentOf(source), variables, { principal: CALLERS.baojingOfficer });
    expect(result.errors, field).toBeUndefined();
    for (const outcome of Object.values(result.data as Record<string, any>)) {
      expect(outcome, field).toMatchObject({ __typename: payload });
      results.push(outcome);
    }
  }
  return results;
}

const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

beforeAll(async () => {
  server = await createHttpTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  const county = { placeCode: AREAS.baojing, responsibleUnit: '保靖县扶贫开发办公室', budget: ONE };
  const projects = await runAll('createProject', 'CreateProjectInput', 'CreateProjectPayload', 'project { id }', times(101, () => projectInput(county)));
  const funds = await runAll('createFund', 'CreateFundInput', 'CreateFundPayload', 'fund { id }', times(101, () => fundInput({ amount: ONE })));

  fundedProjectId = projects[0].project.id;
  await runAll('recordProjectNotice', 'RecordProjectNoticeInput', 'RecordProjectNoticePayload', 'notice { days }', [
    { projectId: fundedProjectId, noticeType: 'PROJECT_PLAN', startDate: '2016-03-01', endDate: '2016-03-08', location: '县扶贫开发办公室公示栏' },
  ]);
  clock.setToday('2016-03-10');
  for (const status of ['APPROVED', 'UNDER_CONSTRUCTION']) {
    await runAll('changeProjectStatus', 'ChangeProjectStatusInput', 'ChangeProjectStatusPayload', 'project { status }', [{ projectId: fundedProjectId, status }]);
  }
  const allocations = await runAll('allocateFunds', 'AllocateFundsInput', 'AllocateFundsPayload', 'allocation { id }',
    funds.map((fund) => ({ fundId: fund.fund.id, projectId: fundedProjectId, amount: ONE })));
  await runAll('disburseFunds', 'DisburseFundsInput', 'DisburseFundsPayload', 'disbursement { id }',
    allocations.map((allocation, i) => ({ allocationId: allocation.allocation.id, amount: ONE, voucherNo: `保扶报〔2016〕${i + 1}号` })));

  await runAll('setRiskPool', 'SetRiskPoolInput', 'SetRiskPoolPayload', 'pool { id }', [{ countyCode: AREAS.baojing, leverageMultiple: 10 }]);
  // 10,001 contributions are more than a test should send one by one; each is a valid row (1亿, the cap).
  await server.sql(
    `insert into finance_risk_pool_contribution (pool_id, county_code, amount, funded_on, recorded_by)
     select p.id, p.county_code, 100000000.00, '2016-03-01', 'officer-baojing' from finance_risk_pool p, generate_series(1, ?) where p.county_code = ?`,
    [POOL_CONTRIBUTIONS, AREAS.baojing],
  );
}, 120_000);
afterAll(() => server.close());

const STATS = `query($code: String!, $project: ID!) {
  region(code: $code) { stats {
    projectCount projectBudget
    fundsBySource { sourceType fundCount amount allocated disbursed }
    fundExecutionRate
    finance { riskPoolBalance lendingCapacity poolHeadroom }
  } }
  project(id: $project) { budget totalFunded totalDisbursed fundingGap executionRate fundingBySource { sourceType allocated disbursed } }
}`;

// Each role reads the widest area it has: the county, the province, the whole country's 湖南.
const READERS: [string, Principal, string][] = [
  ['a county officer', CALLERS.baojingOfficer, AREAS.baojing],
  ['an NGO partner', CALLERS.baojingNgo, AREAS.baojing],
  ['a province administrator', CALLERS.hunanAdmin, AREAS.hunan],
  ['an auditor', CALLERS.hunanAuditor, AREAS.hunan],
  ['the national administrator', CALLERS.nationalAdmin, AREAS.hunan],
];

describe('sums of money beyond 12 integer digits', () => {
  it.each(READERS)('reach %s exactly, through HTTP', async (_name, caller, code) => {
    const response = await server.post({ query: STATS, variables: { code, project: fundedProjectId } }, { authorization: `Bearer ${await server.token(caller)}` });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const { stats } = response.body.data.region;
    expect(stats).toMatchObject({
      projectCount: 101,
      projectBudget: TIMES_101,
      fundsBySource: [{ sourceType: 'COUNTY_FISCAL', fundCount: 101, amount: TIMES_101, allocated: TIMES_101, disbursed: TIMES_101 }],
      fundExecutionRate: 1,
      // The headroom is declared a sum over outstanding loans, and there are none: a partner sees it withheld.
      finance: { riskPoolBalance: POOL_BALANCE, lendingCapacity: '10001000000000.00', poolHeadroom: seesSuppressedStatistics(caller) ? null : '10001000000000.00' },
    });
    expect(response.body.data.project).toEqual({
      budget: ONE,
      totalFunded: TIMES_101,
      totalDisbursed: TIMES_101,
      fundingGap: '0.00',
      executionRate: 1,
      fundingBySource: [{ sourceType: 'COUNTY_FISCAL', allocated: TIMES_101, disbursed: TIMES_101 }],
    });
  });

  it('still refuses a single amount beyond numeric(14,2), naming the limit', async () => {
    const response = await server.post(
      { query: `mutation($input: CreateFundInput!) { createFund(input: $input) { __typename } }`, variables: { input: fundInput({ amount: '1000000000000.00' }) } },
      { authorization: `Bearer ${await server.token(CALLERS.baojingOfficer)}` },
    );
    expect(response.body.errors[0].message).toMatch(/One amount is at most 999999999999.99 yuan/);
    const [funds] = await server.sql<{ n: string }>('select count(*) as n from fund');
    expect(funds.n).toBe('101');
  });
});
