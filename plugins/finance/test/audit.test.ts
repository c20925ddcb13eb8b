import path from 'node:path';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { loadSettings, REPO_ROOT } from '@tuopin/server';
import { auditedTables, createTestServer, expectWholeAuditRecords, mutate, mutationsAdded, runAuditSteps, type AuditStep, type AuditWorld, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas, insertHousehold, PRINCIPALS } from './fixtures/world.js';

/**
 * The audit trail of finance's own mutations, as core's audit test proves core's: in 保靖县 with
 * a household of 甲村, today's date, each step succeeds and names the table whose change the
 * audit log must show. (That every finance table has the trigger and every mutation names itself
 * to the trail is checked, for every plugin alike, by the contract sweeps.)
 */

const COUNTY = '433125000000';
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function programmeAllocation(world: AuditWorld): Promise<string> {
  // A 金融扶贫 project funded through core's own mutations: subsidies are paid against it.
  const project = await mutate(world, `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on CreateProjectPayload { project { id } } } }`,
    { input: { name: '扶贫小额信贷贴息', category: 'FINANCIAL_SERVICES', constructionType: 'OTHER', placeCode: COUNTY, responsibleUnit: '县扶贫开发办公室', budget: '10000.00', year: Number(daysFromToday(0).slice(0, 4)) } },
    'CreateProjectPayload');
  const projectId = project.project.id;
  await mutate(world, `mutation($input: RecordProjectNoticeInput!) { recordProjectNotice(input: $input) { __typename } }`,
    { input: { projectId, noticeType: 'PROJECT_PLAN', startDate: daysFromToday(-12), endDate: daysFromToday(-3), location: '县扶贫开发办公室公示栏' } }, 'RecordProjectNoticePayload');
  for (const status of ['APPROVED', 'UNDER_CONSTRUCTION']) {
    await mutate(world, `mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) { __typename } }`, { input: { projectId, status } }, 'ChangeProjectStatusPayload');
  }
  const fund = await mutate(world, `mutation($input: CreateFundInput!) { createFund(input: $input) { __typename ... on CreateFundPayload { fund { id } } } }`,
    { input: { sourceType: 'PROVINCIAL_FISCAL', name: '扶贫小额信贷贴息资金', year: Number(daysFromToday(0).slice(0, 4)), amount: '10000.00', areaCode: COUNTY } }, 'CreateFundPayload');
  const allocation = await mutate(world, `mutation($input: AllocateFundsInput!) { allocateFunds(input: $input) { __typename ... on AllocateFundsPayload { allocation { id } } } }`,
    { input: { fundId: fund.fund.id, projectId, amount: '10000.00' } }, 'AllocateFundsPayload');
  return allocation.allocation.id;
}

const auditSteps: AuditStep[] = [
  {
    mutation: 'createLender',
    table: 'finance_lender',
    async run(world) {
      const out = await mutate(world, `mutation($input: CreateLenderInput!) { createLender(input: $input) { __typename ... on CreateLenderPayload { lender { id } } } }`,
        { input: { name: '保靖县农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', areaCode: COUNTY } }, 'CreateLenderPayload');
      world.ids.lender = out.lender.id;
    },
  },
  {
    mutation: 'setRiskPool',
    table: 'finance_risk_pool',
    run: (world) => mutate(world, `mutation($input: SetRiskPoolInput!) { setRiskPool(input: $input) { __typename } }`,
      { input: { countyCode: COUNTY, leverageMultiple: 10 } }, 'SetRiskPoolPayload').then(() => {}),
  },
  {
    mutation: 'fundRiskPool',
    table: 'finance_risk_pool_contribution',
    run: (world) => mutate(world, `mutation($input: FundRiskPoolInput!) { fundRiskPool(input: $input) { __typename } }`,
      { input: { countyCode: COUNTY, amount: '1000000.00', fundedOn: daysFromToday(-400) } }, 'FundRiskPoolPayload').then(() => {}),
  },
  {
    mutation: 'rateHousehold',
    table: 'finance_credit_rating',
    run: (world) => mutate(world, `mutation($input: RateHouseholdInput!) { rateHousehold(input: $input) { __typename } }`,
      { input: { householdId: world.ids.household, score: 92, ratedOn: daysFromToday(-400), rater: '甲村信用评级小组' } }, 'RateHouseholdPayload').then(() => {}),
  },
  {
    mutation: 'grantCreditLine',
    table: 'finance_credit_line',
    run: (world) => mutate(world, `mutation($input: GrantCreditLineInput!) { grantCreditLine(input: $input) { __typename } }`,
      { input: { householdId: world.ids.household, lenderId: world.ids.lender, amount: '50000.00', validFrom: daysFromToday(-390), validUntil: daysFromToday(600) } },
      'GrantCreditLinePayload').then(() => {}),
  },
  {
    mutation: 'disburseLoan',
    table: 'finance_loan',
    async run(world) {
      const household = await mutate(world, `query($id: ID!) { node(id: $id) { __typename ... on Household { members { id } } } }`, { id: world.ids.household }, 'Household');
      const out = await mutate(world, `mutation($input: DisburseLoanInput!) { disburseLoan(input: $input) { __typename ... on DisburseLoanPayload { loan { id } } } }`,
        { input: { householdId: world.ids.household, borrowerId: household.members[0].id, principal: '20000.00', termMonths: 12, disbursedOn: daysFromToday(-370), purpose: '保靖黄金茶种植', industry: 'PLANTING' } },
        'DisburseLoanPayload');
      world.ids.loan = out.loan.id;
    },
  },
  {
    mutation: 'recordRepayment',
    table: 'finance_repayment',
    run: (world) => mutate(world, `mutation($input: RecordRepaymentInput!) { recordRepayment(input: $input) { __typename } }`,
      { input: { loanId: world.ids.loan, principal: '0.00', interest: '217.50' } }, 'RecordRepaymentPayload').then(() => {}),
  },
  {
    mutation: 'payInterestSubsidy',
    table: 'finance_subsidy_payment',
    async run(world) {
      const allocationId = await programmeAllocation(world);
      await mutate(world, `mutation($input: PayInterestSubsidyInput!) { payInterestSubsidy(input: $input) { __typename } }`,
        { input: { loanId: world.ids.loan, installment: 1, allocationId, voucherNo: '贴息-001' } }, 'PayInterestSubsidyPayload');
    },
  },
  {
    // The borrower paid nothing after the first quarter: the loan has defaulted.
    mutation: 'fileRiskClaim',
    table: 'finance_risk_claim',
    run: (world) => mutate(world, `mutation($input: FileRiskClaimInput!) { fileRiskClaim(input: $input) { __typename } }`,
      { input: { loanId: world.ids.loan, amount: '16000.00', reason: '逾期超过90天，风险补偿金代偿80%' } }, 'FileRiskClaimPayload').then(() => {}),
  },
  {
    mutation: 'writeOffLoan',
    table: 'finance_loan_write_off',
    run: (world) => mutate(world, `mutation($input: WriteOffLoanInput!) { writeOffLoan(input: $input) { __typename } }`,
      { input: { loanId: world.ids.loan, reason: '代偿后核销' } }, 'WriteOffLoanPayload').then(() => {}),
  },
];

let server: TestServer;

beforeAll(async () => {
  // The subsidy's project records a notice that went up twelve days ago, then is approved.
  server = await createTestServer({ settings: { ...loadSettings(path.join(REPO_ROOT, 'tuopin.config.json')), noticeRecordingGraceDays: 30 } });
  await insertAreas(server);
});
afterAll(() => server.close());

describe('the audit trail of finance', () => {
  it('has an audit step for every mutation finance adds', () => {
    const added = mutationsAdded(server.platform.schema, buildPlatform({ plugins: [corePlugin] }).schema);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((name) => !auditSteps.some((step) => step.mutation === name)), 'finance mutations without an audit step').toEqual([]);
  });

  it('records every finance mutation, in its own transaction, with who, what and which object, whole and masked', async () => {
    const household = await insertHousehold(server);
    const world: AuditWorld = { server, officer: PRINCIPALS.baojingOfficer, admin: PRINCIPALS.admin, ids: { household: household.globalId } };
    await runAuditSteps(world, auditSteps);
    const financeTables = (await auditedTables(server)).filter(({ table }) => table.startsWith('finance_'));
    expect(financeTables.map(({ table }) => table)).toContain('finance_loan');
    await expectWholeAuditRecords(server, financeTables);
  });
});
