import type { Principal } from '@tuopin/core';
import { createTestServer, documentOf, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { ACTORS, openCase, stepOk, throughVillageNotice } from '../fixtures/monitoring.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';
import { useDemoServer } from '../fixtures/demo-server.js';

const MonitoringStats = graphql(`
  query MonitoringStats($code: String!, $year: Int) {
    region(code: $code) { stats { monitoring(year: $year) { ...MonitoringFigures } } }
    village(code: $code) { stats { monitoring(year: $year) { ...MonitoringFigures } } }
  }
  fragment MonitoringFigures on MonitoringStats {
    year cases people open undecided monitored eliminated notIdentified closed
    decided decidedInTime decidedLate decisionDays averageDaysToDecision
    byCategory { category cases people }
    byRisk { risk cases people }
    measuresByType { measureType measures cases }
  }
`);

const RecordMeasure = documentOf(`mutation($input: RecordMonitoringMeasureInput!) { recordMonitoringMeasure(input: $input) { __typename
  ... on RecordMonitoringMeasurePayload { monitoringCase { id } } ... on Error { code field messageEn } } }`);
const Propose = documentOf(`mutation($input: ProposeRiskEliminationInput!) { proposeRiskElimination(input: $input) { __typename
  ... on ProposeRiskEliminationPayload { riskElimination { id } } ... on Error { code field messageEn } } }`);
const TakeElimination = documentOf(`mutation($input: TakeRiskEliminationStepInput!) { takeRiskEliminationStep(input: $input) { __typename
  ... on TakeRiskEliminationStepPayload { riskElimination { version monitoringCase { eliminatedOn } } } ... on Error { code field messageEn } } }`);

const clock = new TestClock(new Date('2020-06-01T02:00:00Z'));
let server: TestServer;

const exitedHousehold = async () =>
  mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput({ status: 'EXITED', exitYear: 2019 }) }, { principal: TEST_REGISTRAR })).household;

/** Runs an opened case through the county's decision (IDENTIFIED) on `decidedOn`, and enters it. */
async function decide(caseId: string, decidedOn: string) {
  const noticed = await throughVillageNotice(server, clock, caseId, '2021-03-01', '2021-03-02');
  clock.setToday(decidedOn);
  const reviewed = await stepOk(server, { caseId, version: noticed.version, step: 'TOWNSHIP_REVIEW' });
  const decided = await stepOk(server, { caseId, version: reviewed.version, step: 'COUNTY_DECISION', decision: 'IDENTIFIED' });
  expect(decided).toMatchObject({ decidedOn });
  await stepOk(server, { caseId, version: decided.version, step: 'ENTERED' });
}

/**
 * 甲村's monitoring, every case through GraphQL: a sudden hardship of 2020 (5 people, undecided);
 * in 2021 two exited households (3 people each) decided in 7 days and in 19 (late), the first's
 * risk eliminated, an edge household of 4 and a sudden hardship of 2, both undecided.
 */
beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  await openCase(server, { category: 'SUDDEN_HARDSHIP', villageCode: AREAS.villageA, people: 5, riskTypes: ['ACCIDENT'], leadSource: 'SELF_REPORT', leadDate: '2020-06-01' });

  clock.setToday('2021-03-01');
  const [first, second] = [await exitedHousehold(), await exitedHousehold()];
  const lead = { leadSource: 'CADRE_VISIT', leadDate: '2021-03-01', income12Months: '9000.00' } as const;
  const quick = await openCase(server, { ...lead, category: 'UNSTABLE_EXITED', householdId: first.id, riskTypes: ['ILLNESS'] });
  const slow = await openCase(server, { ...lead, category: 'UNSTABLE_EXITED', householdId: second.id, riskTypes: ['ILLNESS', 'EDUCATION'] });
  await openCase(server, { ...lead, category: 'EDGE', villageCode: AREAS.villageA, people: 4, riskTypes: ['DISASTER'] });
  await openCase(server, { ...lead, category: 'SUDDEN_HARDSHIP', villageCode: AREAS.villageA, people: 2, riskTypes: ['ACCIDENT'] });
  await decide(quick.id, '2021-03-08');
  await decide(slow.id, '2021-03-20');

  clock.setToday('2021-04-01');
  for (const caseId of [quick.id, slow.id]) {
    mustSucceed(await server.execute(RecordMeasure, { input: { caseId, measureType: 'EMPLOYMENT', description: '公益岗位', startedOn: '2021-04-01', carriedOutOn: '2021-04-01' } }, { principal: ACTORS.VILLAGE }));
  }
  mustSucceed(await server.execute(RecordMeasure, { input: { caseId: quick.id, measureType: 'TEMPORARY_RELIEF', description: '临时救助', amount: '2000.00', startedOn: '2021-04-01', carriedOutOn: '2021-04-01' } }, { principal: ACTORS.VILLAGE }));

  clock.setToday('2021-09-10');
  const findings = { incomeStable: true, rigidSpendingResolved: true, assurancesSecured: true };
  const proposed = mustSucceed(await server.execute(Propose, { input: { monitoringCaseId: quick.id, ...findings } }, { principal: ACTORS.VILLAGE })).riskElimination;
  const take = async (step: string, version: number, principal: Principal, extra = {}) =>
    mustSucceed(await server.execute(TakeElimination, { input: { caseId: proposed.id, version, step, ...extra } }, { principal })).riskElimination;
  await take('VILLAGE_NOTICE', 1, ACTORS.VILLAGE, { notice: { startDate: '2021-09-10', endDate: '2021-09-14', location: '村委会公示栏' } });
  clock.setToday('2021-09-15');
  await take('TOWNSHIP_REVIEW', 2, ACTORS.TOWNSHIP);
  expect(await take('COUNTY_DECISION', 3, ACTORS.COUNTY)).toMatchObject({ monitoringCase: { eliminatedOn: '2021-09-15' } });
}, 120_000);
afterAll(() => server.close());

const statsOf = async (code: string, year: number | null, principal: Principal = CALLERS.baojingOfficer) => {
  const result = await server.execute(MonitoringStats, { code, year }, { principal });
  expect(result.errors).toBeUndefined();
  return (result.data!.region ?? result.data!.village)!.stats.monitoring;
};

describe('RegionStats.monitoring', () => {
  it('counts a year\'s cases by category and risk, where they stand, the time to decision and the measures', async () => {
    expect(await statsOf(AREAS.baojing, 2021)).toEqual({
      year: 2021,
      cases: 4,
      people: 12,
      open: 3,
      undecided: 2,
      monitored: 1,
      eliminated: 1,
      notIdentified: 0,
      closed: 0,
      decided: 2,
      decidedInTime: 1,
      decidedLate: 1,
      decisionDays: 26,
      averageDaysToDecision: 13,
      byCategory: [
        { category: 'UNSTABLE_EXITED', cases: 2, people: 6 },
        { category: 'EDGE', cases: 1, people: 4 },
        { category: 'SUDDEN_HARDSHIP', cases: 1, people: 2 },
      ],
      byRisk: [
        { risk: 'ILLNESS', cases: 2, people: 6 },
        { risk: 'ACCIDENT', cases: 1, people: 2 },
        { risk: 'DISASTER', cases: 1, people: 4 },
        { risk: 'EDUCATION', cases: 1, people: 3 },
      ],
      measuresByType: [
        { measureType: 'EMPLOYMENT', measures: 2, cases: 2 },
        { measureType: 'TEMPORARY_RELIEF', measures: 1, cases: 1 },
      ],
    });
  });

  it('counts every year on record without a year, the same for the village as for its county, none elsewhere', async () => {
    const all = await statsOf(AREAS.baojing, null);
    expect(all).toMatchObject({ year: null, cases: 5, people: 17, open: 4, undecided: 3 });
    expect(all.byCategory).toContainEqual({ category: 'SUDDEN_HARDSHIP', cases: 2, people: 7 });
    expect(await statsOf(AREAS.villageA, null)).toEqual(all);
    expect(await statsOf(AREAS.villageB, null)).toMatchObject({ cases: 0, people: 0, averageDaysToDecision: null, byCategory: [], measuresByType: [] });
  });

  it('gives partners the figures protected by the kernel: fewer than five withheld, the rest rounded down, small groups not listed, the day total withheld with the decided cases', async () => {
    // The officer sees 26 days over 2 decided cases: shown beside a withheld `decided`, the day
    // total (25 rounded) would let a partner guess the count back from a typical 10–15 days.
    expect(await statsOf(AREAS.baojing, null, CALLERS.nationalAdmin)).toMatchObject({ decided: 2, decisionDays: 26 });
    expect(await statsOf(AREAS.baojing, null, CALLERS.baojingNgo)).toEqual({
      year: null,
      cases: 5,
      people: 15,
      open: null,
      undecided: null,
      monitored: null,
      eliminated: null,
      notIdentified: null,
      closed: null,
      decided: null,
      decidedInTime: null,
      decidedLate: null,
      decisionDays: null,
      averageDaysToDecision: null,
      byCategory: [],
      byRisk: [],
      measuresByType: [],
    });
  });

  it('refuses a year outside 2000–2100, naming the field', async () => {
    const result = await server.execute(MonitoringStats, { code: AREAS.baojing, year: 1999 }, { principal: CALLERS.baojingOfficer });
    expect(result.errors?.[0]).toMatchObject({ extensions: expect.objectContaining({ field: 'year' }) });
  });

  it('reads a page of areas\' monitoring figures in one statement, however many areas', async () => {
    const Page = graphql(`
      query MonitoringVillagePage($code: String!, $first: Int!) {
        regions(parentCode: $code, level: VILLAGE, first: $first) { edges { node { code stats { monitoring(year: 2021) { cases people byRisk { risk cases } } } } } }
      }
    `);
    const one = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 1 }, { principal: CALLERS.baojingOfficer })).errors).toBeUndefined());
    const three = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 3 }, { principal: CALLERS.baojingOfficer })).errors).toBeUndefined());
    expect(three.count).toBe(one.count);
    expect(three.statements.filter((sql) => sql.includes('monitoring_case'))).toHaveLength(1);
  });
});

describe('RegionStats.monitoring on the demo data', () => {
  const demo = useDemoServer();
  const DemoCases = graphql(`query DemoMonitoringCount($code: String!) { monitoringCases(regionCode: $code, first: 1) { totalCount } }`);

  it('counts 大老爷庙村\'s fire of 13 March 2021 for its village and its county', async () => {
    const village = await demo().execute(MonitoringStats, { code: '211382108201', year: 2021 }, { principal: CALLERS.nationalAdmin });
    expect(village.errors).toBeUndefined();
    expect(village.data!.village!.stats.monitoring).toMatchObject({
      cases: 1,
      eliminated: 1,
      open: 0,
      decidedInTime: 1,
      decidedLate: 0,
      averageDaysToDecision: 10,
      byCategory: [{ category: 'SUDDEN_HARDSHIP', cases: 1 }],
      byRisk: [{ risk: 'DISASTER', cases: 1 }],
      measuresByType: [{ measureType: 'TEMPORARY_RELIEF', measures: 1, cases: 1 }],
    });
    const county = (await demo().execute(MonitoringStats, { code: '211382000000', year: null }, { principal: CALLERS.nationalAdmin })).data!.region!.stats.monitoring;
    const listed = (await demo().execute(DemoCases, { code: '211382000000' }, { principal: CALLERS.nationalAdmin })).data!.monitoringCases.totalCount;
    expect(county.cases).toBe(listed);
    expect(county.byCategory).toContainEqual(expect.objectContaining({ category: 'SUDDEN_HARDSHIP' }));
    expect(county.eliminated).toBeGreaterThanOrEqual(1);
  });
});
