import { loadDemoData, silentLogger } from '@tuopin/server';
import type { ProjectDemoSummary } from '../../packages/server/src/seed/index.js';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';

const VillageProjects = graphql(`
  query DemoVillageProjects($code: String!) {
    projects(regionCode: $code, first: 10) {
      totalCount
      edges {
        node {
          name category status budget totalFunded totalDisbursed fundingGap note
          fundingBySource { sourceType allocated disbursed }
          allocations(first: 5) { totalCount edges { node { amount fund { name area { name } } } } }
          outputs { indicator unit planned actual }
          notices { noticeType days }
          statusHistory { toStatus effectiveDate }
          beneficiaryHouseholdCount
        }
      }
    }
    funds(regionCode: "211382000000", first: 10) { edges { node { name sourceType amount balance inKindDescription } } }
  }
`);
const CountyFigures = graphql(`
  query DemoCountyFigures {
    region(code: "433125000000") {
      stats { projectCount projectBudget projectsByStatus { status count } fundsBySource { sourceType amount allocated disbursed } fundExecutionRate }
    }
    projects(regionCode: "433125000000", fundSourceType: EAST_WEST_COOPERATION, first: 10) { totalCount }
  }
`);

let server: TestServer;
let summary: ProjectDemoSummary;

beforeAll(async () => {
  server = await createTestServer();
  // The demo loader reports what it wrote through the log; keep the project part's summary.
  const log = {
    ...silentLogger,
    info: (message: string, fields?: Record<string, unknown>) => {
      if (message === 'demo projects and funds loaded') summary = fields as unknown as ProjectDemoSummary;
    },
  };
  await loadDemoData(server.orm, server.platform, server.databaseUrl, log);
}, 300_000);
afterAll(() => server.close());

describe('the project demo', () => {
  it('gives 大老爷庙村\'s village office its three sources and the 62,000 gap the investor advanced', async () => {
    const result = await server.execute(VillageProjects, { code: '211382108201' });
    expect(result.errors).toBeUndefined();
    const projects = result.data!.projects.edges.map((e) => e.node);
    expect(projects).toHaveLength(4);
    const office = projects.find((p) => p.category === 'OFFICE_BUILDING')!;
    expect(office).toMatchObject({
      status: 'ACCEPTED',
      budget: '342000.00',
      totalFunded: '280000.00',
      totalDisbursed: '280000.00',
      fundingGap: '62000.00',
      note: expect.stringContaining('62,000'),
      fundingBySource: [
        { sourceType: 'CITY_FISCAL', allocated: '100000.00', disbursed: '100000.00' },
        { sourceType: 'COUNTY_FISCAL', allocated: '80000.00', disbursed: '80000.00' },
        { sourceType: 'TOWNSHIP_FISCAL', allocated: '100000.00', disbursed: '100000.00' },
      ],
      outputs: [
        { unit: '平方米', planned: 699, actual: 699 },
        { unit: '平方米', planned: 285, actual: 285 },
      ],
    });
    expect(office.allocations.edges.map((e) => [e.node.amount, e.node.fund!.area.name])).toEqual([
      ['100000.00', '朝阳市'],
      ['100000.00', '四官营子镇'],
      ['80000.00', '凌源市'],
    ]);
    expect(office.notices[0]).toMatchObject({ noticeType: 'PROJECT_PLAN', days: 10 });
    expect(office.statusHistory.map((h) => h.toStatus)).toEqual(['PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED']);

    const road = projects.find((p) => p.category === 'ROAD')!;
    expect(road).toMatchObject({ status: 'COMPLETED', totalFunded: '233000.00', fundingBySource: [{ sourceType: 'ONE_MATTER_ONE_DISCUSSION' }], outputs: [{ planned: 1.12, unit: '公里' }] });
    expect(road.beneficiaryHouseholdCount).toBeGreaterThan(0);
    const dam = projects.find((p) => p.category === 'WATER_CONSERVANCY')!;
    expect(dam).toMatchObject({ status: 'APPROVED', totalFunded: '150000.00', totalDisbursed: '0.00', outputs: [{ planned: 200, unit: '米', actual: null }] });
    const square = projects.find((p) => p.category === 'CULTURE')!;
    expect(square).toMatchObject({ status: 'PLANNED', budget: '100000.00', fundingGap: '100000.00' });

    const gift = result.data!.funds.edges.map((e) => e.node).find((f) => f.sourceType === 'IN_KIND_DONATION');
    expect(gift).toMatchObject({ amount: '50000.00', balance: '50000.00', inKindDescription: expect.stringContaining('14件') });
  });

  it('gives 保靖县 the 729 projects and 20,456万 of its report, and the foundation\'s 323 projects and 7,500万', async () => {
    expect(summary).toMatchObject({
      baojingProjects2016: 729,
      baojingBudget2016: '204560000.00',
      foundationProjects: 323,
      foundationBudget: '75000000.00',
    });
    const result = await server.execute(CountyFigures, {});
    expect(result.errors).toBeUndefined();
    const stats = result.data!.region!.stats;
    expect(stats.projectCount).toBeGreaterThan(1_000);
    expect(stats.projectsByStatus.map((s) => s.status)).toEqual(['PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED', 'SUSPENDED', 'CANCELLED']);
    const bySource = Object.fromEntries(stats.fundsBySource.map((s) => [s.sourceType, s]));
    expect(bySource.EAST_WEST_COOPERATION).toMatchObject({ amount: '5370000.00', allocated: '5370000.00' });
    expect(bySource.CENTRAL_FISCAL.amount).not.toBe('0.00');
    expect(stats.fundExecutionRate).toBeGreaterThan(0.8);
    expect(result.data!.projects.totalCount).toBe(6);
  });

  it('respects the ledger\'s rules in every row it wrote', async () => {
    const live = `not exists (select 1 from ledger_entry r where r.reverses_id = e.id)`;
    const overFunds = await server.sql(`
      select f.id from fund f join ledger_entry e on e.fund_id = f.id
      where e.kind = 'ALLOCATION' and ${live} group by f.id, f.amount having sum(e.amount) > f.amount`);
    const overAllocations = await server.sql(`
      select a.id from ledger_entry a join ledger_entry e on e.allocation_id = a.id
      where e.kind = 'DISBURSEMENT' and ${live} group by a.id, a.amount having sum(e.amount) > a.amount`);
    expect([overFunds, overAllocations]).toEqual([[], []]);
    const outsidePlace = await server.sql(`
      select 1 from project_beneficiary b join project p on p.id = b.project_id join household h on h.id = b.household_id
      where h.village_code not like rtrim(p.place_code, '0') || '%'`);
    expect(outsidePlace).toEqual([]);
    const approvedWithoutNotice = await server.sql(`
      select 1 from project_status_change c where c.to_status = 'APPROVED' and not exists (
        select 1 from project_notice n where n.project_id = c.project_id and n.notice_type = 'PROJECT_PLAN'
          and n.end_date <= c.effective_date and n.end_date - n.start_date + 1 >= 7)`);
    expect(approvedWithoutNotice).toEqual([]);
  });
});
