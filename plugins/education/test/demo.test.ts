import { loadDemoData, silentLogger } from '@tuopin/server';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { PRINCIPALS } from './world.js';

/**
 * The demo answers 保靖县's 雨露计划 figures as its 2016 report gives them (篇6): "125万 for 304 poor
 * university students".
 */
const CountyFigures = graphql(`
  query EducationDemoCounty($code: String!) {
    region(code: $code) {
      stats {
        education(from: "2016-01-01", until: "2016-12-31") {
          aidedStudents aidPayments aidPaid
          aidByScheme { scheme stage students amount }
          schools pupils
          trainees completedTrainees employedTrainees traineesByKind { kind trainees }
        }
      }
    }
  }
`);

const TownshipSchools = graphql(`
  query EducationDemoTownship {
    region(code: "809901101000") { name stats { education { schools teachersServing teachersRetired pupils floorArea unsafeFloorArea } } }
    schools(regionCode: "809901101000", first: 20) { edges { node { kind pupilsByStage { stage pupils } } } }
  }
`);

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ principal: PRINCIPALS.baojingOfficer });
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
}, 300_000);
afterAll(() => server.close());

describe('the education demo', () => {
  it('answers 保靖县 with 304 university students aided for 1,250,000.00 yuan in 2016', async () => {
    const result = await server.execute(CountyFigures, { code: '433125000000' });
    expect(result.errors).toBeUndefined();
    const figures = result.data!.region!.stats.education;
    expect(figures.aidByScheme).toContainEqual({ scheme: 'UNIVERSITY_ENTRANT_GRANT', stage: 'UNDERGRADUATE', students: 304, amount: '1250000.00' });
    expect(figures).toMatchObject({ aidedStudents: 304, aidPayments: 304, aidPaid: '1250000.00' });
  });

  it('answers the 雨露计划 training of 2016: 104 leaders, large growers and village secretaries trained in 长沙 and 安江', async () => {
    const result = await server.execute(CountyFigures, { code: '433125000000' });
    expect(result.data!.region!.stats.education).toMatchObject({
      trainees: 104,
      completedTrainees: 98,
      employedTrainees: 56,
      traineesByKind: [
        { kind: 'LARGE_GROWERS', trainees: 36 },
        { kind: 'LEADERS', trainees: 40 },
        { kind: 'VILLAGE_CADRES', trainees: 28 },
      ],
    });
    const [costs] = await server.sql<{ total: string; venues: string[] }>('select sum(cost)::text as total, array_agg(distinct venue order by venue) as venues from education_course');
    expect(costs).toEqual({ total: '1900000.00', venues: ['安江', '长沙'] });
  });

  it('answers the school inventory of 示范镇 (篇5)', async () => {
    const result = await server.execute(TownshipSchools, {}, { principal: PRINCIPALS.admin });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region).toMatchObject({
      name: '示范镇',
      stats: { education: { schools: 13, teachersServing: 86, teachersRetired: 35, pupils: 1302, floorArea: 11400, unsafeFloorArea: 3600 } },
    });
    const schools = result.data!.schools.edges.map((edge) => edge.node);
    const kinds = schools.map((school) => school.kind);
    expect([kinds.filter((k) => k === 'NINE_YEAR').length, kinds.filter((k) => k === 'MIDDLE').length, kinds.filter((k) => k === 'TEACHING_POINT').length, kinds.filter((k) => k === 'KINDERGARTEN').length]).toEqual([1, 1, 5, 6]);
    const pupils = (stage: string) => schools.flatMap((school) => school.pupilsByStage).filter((entry) => entry.stage === stage).reduce((total, entry) => total + entry.pupils, 0);
    expect([pupils('JUNIOR_SECONDARY'), pupils('PRIMARY'), pupils('PRESCHOOL')]).toEqual([266, 662, 374]);
  });

  it('gives a partner the same figures rounded: 300 students and 125万', async () => {
    const result = await server.execute(CountyFigures, { code: '433125000000' }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region!.stats.education).toMatchObject({ aidedStudents: 300, aidPaid: '1250000.00' });
  });
});
