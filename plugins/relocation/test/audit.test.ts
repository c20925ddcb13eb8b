import path from 'node:path';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { loadSettings, REPO_ROOT } from '@tuopin/server';
import { auditedTables, createTestServer, expectWholeAuditRecords, mutate, mutationsAdded, runAuditSteps, type AuditStep, type AuditWorld, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODES, insertAreas, insertHousehold, PRINCIPALS } from './fixtures/world.js';

/**
 * The audit trail of the plugin's own mutations, as finance's test proves finance's: each step
 * succeeds as 保靖县's officer, today, and names the table whose change the audit log must show.
 */

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const year = Number(daysFromToday(0).slice(0, 4));

const step = (mutation: string, table: string, source: string, input: (world: AuditWorld) => Record<string, unknown>, keep?: (out: Record<string, any>, world: AuditWorld) => void): AuditStep => ({
  mutation,
  table,
  async run(world) {
    const out = await mutate(world, source, { input: input(world) }, `${mutation[0].toUpperCase()}${mutation.slice(1)}Payload`);
    keep?.(out, world);
  },
});

async function programmeAllocation(world: AuditWorld): Promise<string> {
  const project = await mutate(world, `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename ... on CreateProjectPayload { project { id } } } }`,
    { input: { name: '易地扶贫搬迁建房补助', category: 'RELOCATION', constructionType: 'OTHER', placeCode: CODES.baojing, responsibleUnit: '县发展和改革局', budget: '10000.00', year } },
    'CreateProjectPayload');
  const projectId = project.project.id;
  world.ids.project = projectId;
  await mutate(world, `mutation($input: RecordProjectNoticeInput!) { recordProjectNotice(input: $input) { __typename } }`,
    { input: { projectId, noticeType: 'PROJECT_PLAN', startDate: daysFromToday(-12), endDate: daysFromToday(-3), location: '县政府公示栏' } }, 'RecordProjectNoticePayload');
  for (const status of ['APPROVED', 'UNDER_CONSTRUCTION']) {
    await mutate(world, `mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) { __typename } }`, { input: { projectId, status } }, 'ChangeProjectStatusPayload');
  }
  const fund = await mutate(world, `mutation($input: CreateFundInput!) { createFund(input: $input) { __typename ... on CreateFundPayload { fund { id } } } }`,
    { input: { sourceType: 'CENTRAL_FISCAL', name: '易地扶贫搬迁中央预算内投资', year, amount: '10000.00', areaCode: CODES.baojing } }, 'CreateFundPayload');
  const allocation = await mutate(world, `mutation($input: AllocateFundsInput!) { allocateFunds(input: $input) { __typename ... on AllocateFundsPayload { allocation { id } } } }`,
    { input: { fundId: fund.fund.id, projectId, amount: '10000.00' } }, 'AllocateFundsPayload');
  return allocation.allocation.id;
}

const auditSteps: AuditStep[] = [
  step('createRelocationSite', 'relocation_site',
    `mutation($input: CreateRelocationSiteInput!) { createRelocationSite(input: $input) { __typename ... on CreateRelocationSitePayload { site { id } } } }`,
    () => ({ areaCode: CODES.qianling, name: '集镇安置点', kind: 'TOWN', setting: 'URBAN', buildMode: 'UNIFIED_BUILD', plannedHouseholds: 2, plannedPeople: 8, plannedFlats: 2, plannedFloorArea: '200.00', planYear: year }),
    (out, world) => (world.ids.site = out.site.id)),
  step('changeRelocationSiteStatus', 'relocation_site',
    `mutation($input: ChangeRelocationSiteStatusInput!) { changeRelocationSiteStatus(input: $input) { __typename } }`,
    (world) => ({ siteId: world.ids.site, status: 'UNDER_CONSTRUCTION' })),
  step('addRelocationFlats', 'relocation_flat',
    `mutation($input: AddRelocationFlatsInput!) { addRelocationFlats(input: $input) { __typename ... on AddRelocationFlatsPayload { flats { id } } } }`,
    (world) => ({ siteId: world.ids.site, flats: [{ unitNo: '1-101', floorArea: '90.00' }] }),
    (out, world) => (world.ids.flat = out.flats[0].id)),
  {
    mutation: 'linkRelocationSiteProject',
    table: 'relocation_site_project',
    async run(world) {
      world.ids.allocation = await programmeAllocation(world);
      await mutate(world, `mutation($input: LinkRelocationSiteProjectInput!) { linkRelocationSiteProject(input: $input) { __typename } }`,
        { input: { siteId: world.ids.site, projectId: world.ids.project } }, 'LinkRelocationSiteProjectPayload');
    },
  },
  step('applyForRelocation', 'relocation_household',
    `mutation($input: ApplyForRelocationInput!) { applyForRelocation(input: $input) { __typename ... on ApplyForRelocationPayload { relocatedHousehold { id } } } }`,
    (world) => ({ householdId: world.ids.household, originReason: 'ROCKY_MOUNTAINS', mode: 'CENTRALISED', siteId: world.ids.site, peopleMoved: 4, hasLabour: true, planYear: year, appliedOn: daysFromToday(-60) }),
    (out, world) => (world.ids.relocated = out.relocatedHousehold.id)),
  step('approveRelocation', 'relocation_household',
    `mutation($input: ApproveRelocationInput!) { approveRelocation(input: $input) { __typename } }`,
    (world) => ({ relocatedHouseholdId: world.ids.relocated, agreementDate: daysFromToday(-50) })),
  step('recordRelocationHousing', 'relocation_household',
    `mutation($input: RecordRelocationHousingInput!) { recordRelocationHousing(input: $input) { __typename } }`,
    (world) => ({ relocatedHouseholdId: world.ids.relocated, flatId: world.ids.flat, housedOn: daysFromToday(-40) })),
  step('recordRelocationMoveIn', 'relocation_household',
    `mutation($input: RecordRelocationMoveInInput!) { recordRelocationMoveIn(input: $input) { __typename } }`,
    (world) => ({ relocatedHouseholdId: world.ids.relocated, moveInDate: daysFromToday(-30) })),
  step('addRelocationSupport', 'relocation_support',
    `mutation($input: AddRelocationSupportInput!) { addRelocationSupport(input: $input) { __typename } }`,
    (world) => ({ relocatedHouseholdId: world.ids.relocated, kind: 'EMPLOYMENT', people: 1, startedOn: daysFromToday(-20), note: '扶贫车间务工' })),
  step('payRelocationSubsidy', 'relocation_subsidy_payment',
    `mutation($input: PayRelocationSubsidyInput!) { payRelocationSubsidy(input: $input) { __typename } }`,
    (world) => ({ relocatedHouseholdId: world.ids.relocated, allocationId: world.ids.allocation, amount: '8000.00', voucherNo: '补助-001' })),
  step('recordOldHouseDemolition', 'relocation_household',
    `mutation($input: RecordOldHouseDemolitionInput!) { recordOldHouseDemolition(input: $input) { __typename } }`,
    (world) => ({ relocatedHouseholdId: world.ids.relocated, oldHouseArea: '85.00', demolishedOn: daysFromToday(-10) })),
  step('recordLandReclamation', 'relocation_household',
    `mutation($input: RecordLandReclamationInput!) { recordLandReclamation(input: $input) { __typename } }`,
    (world) => ({ relocatedHouseholdId: world.ids.relocated, reclaimedAreaMu: '0.30', kind: 'ARABLE', landQuotaMu: '0.25', reclaimedOn: daysFromToday(-1) })),
  {
    mutation: 'retainOldHouse',
    table: 'relocation_household',
    async run(world) {
      const scattered = await mutate(world, `mutation($input: ApplyForRelocationInput!) { applyForRelocation(input: $input) { __typename ... on ApplyForRelocationPayload { relocatedHousehold { id } } } }`,
        { input: { concurrentHousehold: { villageCode: CODES.villageA, headName: '田同步', memberCount: 2 }, originReason: 'REMOTE_COLD', mode: 'SCATTERED', peopleMoved: 2, hasLabour: false, planYear: year, appliedOn: daysFromToday(-60) } },
        'ApplyForRelocationPayload');
      const id = scattered.relocatedHousehold.id;
      await mutate(world, `mutation($input: ApproveRelocationInput!) { approveRelocation(input: $input) { __typename } }`, { input: { relocatedHouseholdId: id, agreementDate: daysFromToday(-50) } }, 'ApproveRelocationPayload');
      await mutate(world, `mutation($input: RecordRelocationHousingInput!) { recordRelocationHousing(input: $input) { __typename } }`, { input: { relocatedHouseholdId: id, floorArea: '60.00', housedOn: daysFromToday(-40) } }, 'RecordRelocationHousingPayload');
      await mutate(world, `mutation($input: RecordRelocationMoveInInput!) { recordRelocationMoveIn(input: $input) { __typename } }`, { input: { relocatedHouseholdId: id, moveInDate: daysFromToday(-30) } }, 'RecordRelocationMoveInPayload');
      await mutate(world, `mutation($input: RetainOldHouseInput!) { retainOldHouse(input: $input) { __typename } }`,
        { input: { relocatedHouseholdId: id, reason: 'TRADITIONAL_VILLAGE', countyApprovalNo: '保发改〔2026〕1号', approvedOn: daysFromToday(-5) } }, 'RetainOldHousePayload');
    },
  },
];

let server: TestServer;

beforeAll(async () => {
  // The programme's project records a notice that went up twelve days ago, then is approved.
  server = await createTestServer({ settings: { ...loadSettings(path.join(REPO_ROOT, 'tuopin.config.json')), noticeRecordingGraceDays: 30 } });
  await insertAreas(server);
});
afterAll(() => server.close());

describe('the audit trail of relocation', () => {
  it('has an audit step for every mutation the plugin adds', () => {
    const added = mutationsAdded(server.platform.schema, buildPlatform({ plugins: [corePlugin] }).schema);
    expect(added.length).toBe(13);
    expect(added.filter((name) => !auditSteps.some((s) => s.mutation === name)), 'relocation mutations without an audit step').toEqual([]);
  });

  it('records every relocation mutation, in its own transaction, with who, what and which object, whole', async () => {
    const household = await insertHousehold(server, CODES.villageA, 4);
    const world: AuditWorld = { server, officer: PRINCIPALS.baojingOfficer, admin: PRINCIPALS.admin, ids: { household } };
    await runAuditSteps(world, auditSteps);
    const tables = (await auditedTables(server)).filter(({ table }) => table.startsWith('relocation_'));
    expect(tables.map(({ table }) => table).sort()).toEqual(['relocation_flat', 'relocation_household', 'relocation_site', 'relocation_site_project', 'relocation_subsidy_payment', 'relocation_support']);
    await expectWholeAuditRecords(server, tables);
  });
});
