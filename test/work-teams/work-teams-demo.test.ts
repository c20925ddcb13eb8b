import { describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { useDemoServer } from '../fixtures/demo-server.js';
import { CALLERS } from '../fixtures/principals.js';

/** The work-team demo answers the reports' figures: 保靖县 (篇6) and 大老爷庙村 (篇1). */
const BaojingWorkTeams = graphql(`
  query BaojingWorkTeams {
    region(code: "433125000000") {
      stats {
        workTeams { teams cadres firstSecretaries leadersAndLiaisons deputyTownshipSecretaries byUnitLevel { level teams cadres } povertyVillages coveredPovertyVillages villageCoverage }
        endOf2016: workTeams(asOf: "2016-12-31") { teams cadres }
      }
    }
  }
`);

const DalaoyemiaoTeam = graphql(`
  query DalaoyemiaoWorkTeam {
    workTeams(regionCode: "211382108201", first: 5) {
      totalCount
      edges { node { name unit { name level } daysInVillage members { role cadre { rank pairings { household { status } } } } } }
    }
    village(code: "211382108201") { stats { workTeams { pairedHouseholds daysInVillage } } }
  }
`);

const demo = useDemoServer();

describe('the work-team demo', () => {
  it('answers 保靖县\'s 67 teams and 256 cadres, by the level of their units, covering its 130 poverty villages', async () => {
    const result = await demo().execute(BaojingWorkTeams, {}, { principal: CALLERS.baojingOfficer });
    expect(result.errors).toBeUndefined();
    const { workTeams, endOf2016 } = result.data!.region!.stats;
    expect(workTeams).toEqual({
      teams: 67,
      cadres: 256,
      firstSecretaries: 67,
      leadersAndLiaisons: 16,
      deputyTownshipSecretaries: 16,
      byUnitLevel: [
        { level: 'PROVINCIAL', teams: 4, cadres: 8 },
        { level: 'PREFECTURAL', teams: 9, cadres: 31 },
        { level: 'COUNTY', teams: 54, cadres: 217 },
      ],
      povertyVillages: 130,
      coveredPovertyVillages: 130,
      villageCoverage: 1,
    });
    expect(endOf2016).toEqual({ teams: 67, cadres: 256 });
    const [units] = await demo().sql<{ provincial: string; prefectural: string; county: string }>(
      `select count(*) filter (where level = 'PROVINCIAL') as provincial, count(*) filter (where level = 'PREFECTURAL' and area_code like '4331%') as prefectural,
              count(*) filter (where level = 'COUNTY') as county from dispatch_unit`,
    );
    expect(units).toEqual({ provincial: '4', prefectural: '15', county: '130' });
  });

  it('answers 大老爷庙村\'s team: 175 days in the village and its 48 poor households paired with cadres', async () => {
    const result = await demo().execute(DalaoyemiaoTeam, {}, { principal: { ...CALLERS.liaoningOfficer, areaScopes: ['211382108201'], role: 'VILLAGE_OFFICER' } });
    expect(result.errors).toBeUndefined();
    const { workTeams, village } = result.data!;
    expect(workTeams.totalCount).toBe(1);
    const team = workTeams.edges[0].node;
    expect(team).toMatchObject({ name: '朝阳市政协驻大老爷庙村工作队', unit: { name: '朝阳市政协机关', level: 'PREFECTURAL' }, daysInVillage: 175 });
    expect(team.members.find((m) => m.role === 'FIRST_SECRETARY')!.cadre.rank).toBe('COUNTY_LEVEL');
    expect(village!.stats.workTeams).toEqual({ pairedHouseholds: 48, daysInVillage: 175 });
  });
});
