import { describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { useDemoServer } from '../fixtures/demo-server.js';

const BAOJING = '433125000000';

const CountyExits = graphql(`
  query DemoExits($code: String!) {
    region(code: $code) {
      stats {
        exits(year: 2015) { year households people targetPeople reachedShare byTownship { name targetPeople exitedPeople reachedShare } }
        poorPeople ruralPopulation
      }
      reductionTargets { year targetPeople signedOn township { name } }
    }
    villageExits(regionCode: $code, first: 3) { totalCount edges { node { state exitYear thresholdPercent incidencePercent checklist { item } notices { days } } } }
  }
`);

const OneHousehold = graphql(`
  query DemoExitedHousehold($code: String!) {
    households(regionCode: $code, status: EXITED, first: 1) {
      edges { node { status exitYear exitCases { state exitYear povertyLine perCapitaIncome history { step } notices { step days } } } }
    }
  }
`);

const demo = useDemoServer();

describe('the exit demo (保靖县, 篇6)', () => {
  it('has the year\'s 13,800 people out of poverty, against targets signed with each of the 12 townships', async () => {
    const result = await demo().execute(CountyExits, { code: BAOJING });
    expect(result.errors).toBeUndefined();
    const { stats, reductionTargets } = result.data!.region!;
    expect(stats.exits).toMatchObject({ year: 2015, people: 13_800 });
    expect(stats.exits.byTownship).toHaveLength(12);
    expect(stats.exits.targetPeople!).toBeGreaterThanOrEqual(13_800);
    expect(stats.exits.byTownship.every((t) => t.exitedPeople! <= t.targetPeople! && t.targetPeople! - t.exitedPeople! < 10)).toBe(true);
    expect(reductionTargets).toHaveLength(12);
    expect(new Set(reductionTargets.map((t) => t.township.name)).size).toBe(12);
    // The registry after the year's exits: 71,500 poor of 393,000 (18.2 %). The report's 21.71 % counts
    // the 13,800 too: 85,300 ÷ 393,000 = 21.70 % (the demo rounds the population to the thousand).
    expect(stats.poorPeople).toBe(71_500);
    expect(((stats.poorPeople! + stats.exits.people!) / stats.ruralPopulation!) * 100).toBeCloseTo(21.7, 2);
    expect(result.data!.villageExits.totalCount).toBeGreaterThan(0);
    expect(result.data!.villageExits.edges[0].node).toMatchObject({ state: 'COMPLETED', thresholdPercent: 2, notices: [{ days: 7 }] });
  });

  it('records each exited household\'s exit as a completed case', async () => {
    const result = await demo().execute(OneHousehold, { code: BAOJING });
    expect(result.errors).toBeUndefined();
    const [household] = result.data!.households.edges.map((edge) => edge.node);
    expect(household).toMatchObject({ status: 'EXITED', exitYear: 2015, exitCases: [{ state: 'COMPLETED', exitYear: 2015, povertyLine: '2855.00', perCapitaIncome: null, notices: [{ step: 'VILLAGE_NOTICE', days: 7 }] }] });
    expect(household.exitCases[0].history.map((s) => s.step)).toEqual(['VILLAGE_ASSESSMENT', 'TOWNSHIP_VERIFICATION', 'HOUSEHOLD_CONSENT', 'VILLAGE_NOTICE', 'COUNTY_REMOVAL']);
  });
});
