import { readsOf, type Principal } from '@tuopin/core';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { apply, applicationInput, RejectIdentification, runUntil, takeStep } from '../fixtures/identification.js';
import { ACTORS, RaiseObjection } from '../fixtures/monitoring.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';

const clock = new TestClock(new Date('2021-03-01T02:00:00Z'));
let server: TestServer;

/** A village officer of 乙村, the other village of 迁陵镇. */
const villageBOfficer: Principal = { id: 'test:village-b-officer', role: 'VILLAGE_OFFICER', areaScopes: [AREAS.villageB], provinceCode: '430000000000' };

const ApplicationNode = graphql(`
  query IdentificationApplicationNode($id: ID!) {
    node(id: $id) { __typename ... on IdentificationApplication { headName idNumber people } }
  }
`);

const Applications = graphql(`
  query IdentificationApplicationsOfArea($code: String) {
    identificationApplications(regionCode: $code, first: 50) { totalCount edges { node { id headName idNumber } } }
  }
`);

const Figures = graphql(`
  query IdentificationFiguresOfQianling($year: Int) {
    region(code: "433125100000") {
      stats { identification(year: $year) { households people applicationsOpen applicationsApproved byCause { cause households people } byClass { assistanceClass households } } }
    }
  }
`);

let applicationId: string;
let idNumber: string;
let noticeId: string;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  clock.setToday('2021-04-01');
  const input = applicationInput({ headName: '石玉兰', idNumber: applicationInput().idNumber });
  idNumber = input.idNumber;
  applicationId = (await apply(server, input)).id;
  const reviewed = await runUntil(server, clock, applicationId, '2021-04-01', 'VILLAGE_REVIEW');
  noticeId = reviewed.notices[0].id;
  // Six more, approved: 7 households identified in 2021 under 迁陵镇, all but one ILLNESS.
  for (let i = 0; i < 6; i++) {
    clock.setToday('2021-05-01');
    const { id } = await apply(server, applicationInput({ primaryCause: i === 0 ? 'DISABILITY' : 'ILLNESS', otherCauses: [] }));
    await runUntil(server, clock, id, '2021-05-01', 'COUNTY_APPROVAL');
  }
});
afterAll(() => server.close());

describe('who sees and acts on an identification application', () => {
  it('keeps it from a village officer of another village: not shown, not listed, no step, no rejection, no objection', async () => {
    expect((await server.execute(ApplicationNode, { id: applicationId }, { principal: villageBOfficer })).data!.node).toBeNull();
    expect((await server.execute(Applications, { code: AREAS.qianling }, { principal: villageBOfficer })).data!.identificationApplications.totalCount).toBe(0);
    const before = await server.sql('select id, version, step, state from workflow_case order by id');
    const stepped = await takeStep(server, { caseId: applicationId, version: 4, step: 'TOWNSHIP_REVIEW' }, villageBOfficer);
    expect(stepped.data!.takeIdentificationStep).toMatchObject({ __typename: 'NotFoundError', field: 'caseId' });
    const rejected = await server.execute(RejectIdentification, { input: { caseId: applicationId, version: 4, step: 'TOWNSHIP_REVIEW', reason: '越权' } }, { principal: villageBOfficer });
    expect(rejected.data!.rejectIdentificationApplication).toMatchObject({ __typename: 'NotFoundError', field: 'caseId' });
    const objected = await server.execute(RaiseObjection, { input: { noticeId, content: '越权' } }, { principal: villageBOfficer });
    expect(objected.data!.raiseWorkflowObjection).toMatchObject({ __typename: 'NotFoundError', field: 'noticeId' });
    expect(await server.sql('select id, version, step, state from workflow_case order by id')).toEqual(before);
    // Its own village's officer sees it.
    expect((await server.execute(ApplicationNode, { id: applicationId }, { principal: ACTORS.VILLAGE })).data!.node).toMatchObject({ headName: '石玉兰', idNumber });
  });

  it('masks the head\'s ID number for a national administrator, and records an officer\'s unmasked read', async () => {
    const masked = (await server.execute(ApplicationNode, { id: applicationId }, { principal: CALLERS.nationalAdmin })).data!.node;
    expect(masked).toMatchObject({ headName: '石玉兰', idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` });
    const listed = (await server.execute(Applications, { code: AREAS.qianling }, { principal: CALLERS.nationalAdmin })).data!.identificationApplications.edges;
    expect(listed.every((edge) => edge.node.idNumber.includes('********'))).toBe(true);

    const reads = () => server.sql<{ after: { reads: { objectType: string; fields: string[] }[] } }>("select after from audit_log where action = 'READ' and actor = ? order by id", [CALLERS.baojingOfficer.id]);
    const before = (await reads()).length;
    expect((await server.execute(ApplicationNode, { id: applicationId }, { principal: CALLERS.baojingOfficer })).data!.node).toMatchObject({ idNumber });
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(readsOf(after.at(-1)!.after)).toEqual([expect.objectContaining({ objectType: 'IdentificationApplication', fields: ['idNumber'] })]);
  });

  it('gives officers the exact figures and partners the protected ones, and no applications', async () => {
    const exact = (await server.execute(Figures, { year: 2021 }, { principal: CALLERS.baojingOfficer })).data!.region!.stats.identification;
    expect(exact).toMatchObject({ households: 6, people: 6, applicationsOpen: 1, applicationsApproved: 6 });
    expect(exact.byCause).toEqual([
      { cause: 'ILLNESS', households: 5, people: 5 },
      { cause: 'DISABILITY', households: 1, people: 1 },
    ]);
    expect(exact.byClass).toEqual([{ assistanceClass: 'PRODUCTION_EMPLOYMENT', households: 6 }]);

    const partner = await server.execute(Figures, { year: 2021 }, { principal: CALLERS.baojingNgo });
    expect(partner.errors).toBeUndefined();
    // Counts below 5 withheld, the others rounded down to a multiple of 5; a group whose count is withheld is not listed.
    expect(partner.data!.region!.stats.identification).toMatchObject({ households: 5, people: 5, applicationsOpen: null, applicationsApproved: 5 });
    expect(partner.data!.region!.stats.identification.byCause).toEqual([{ cause: 'ILLNESS', households: 5, people: 5 }]);
    const listed = await server.execute(Applications, { code: AREAS.qianling }, { principal: CALLERS.baojingNgo });
    expect(listed.data?.identificationApplications ?? null).toBeNull();
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
