import type { Principal } from '@tuopin/core';
import { documentOf } from '@tuopin/testing';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { useDemoServer } from '../fixtures/demo-server.js';
import { CALLERS } from '../fixtures/principals.js';

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

const ExitedPage = documentOf(`query($code: String!, $first: Int!) {
  households(regionCode: $code, status: EXITED, first: $first) { edges { node { id exitCases { state exitYear history { step } notices { step days } } } } }
}`);
const VillageExitCases = documentOf(`query($code: String!) { village(code: $code) { code exitCases { id state } } }`);
const FirstVillageExit = documentOf(`query($code: String!) { villageExits(regionCode: $code, first: 1) { edges { node { id village { code } } } } }`);

describe('exit cases reached from households and villages', () => {
  it('reads a page of households with their exit cases and workflows in as many statements for 30 as for 5', async () => {
    const page = async (first: number) =>
      demo().countStatements(async () => {
        const result = await demo().execute(ExitedPage, { code: BAOJING, first }, { principal: CALLERS.baojingOfficer });
        expect(result.errors).toBeUndefined();
        const edges = (result.data as { households: { edges: { node: { exitCases: unknown[] } }[] } }).households.edges;
        expect(edges).toHaveLength(first);
        expect(edges.every((edge) => edge.node.exitCases.length > 0)).toBe(true);
      });
    const [five, thirty] = [await page(5), await page(30)];
    expect(thirty.count, thirty.statements.join('\n')).toBe(five.count);
  });

  it('lists a village\'s exit cases to an officer of its township, and none to the officer of the neighbouring township', async () => {
    const first = await demo().execute(FirstVillageExit, { code: BAOJING }, { principal: CALLERS.baojingOfficer });
    const village = (first.data as { villageExits: { edges: { node: { id: string; village: { code: string } } }[] } }).villageExits.edges[0].node;
    const township = `${village.village.code.slice(0, 9)}000`;
    const neighbour = `${village.village.code.slice(0, 6)}${String(Number(village.village.code.slice(6, 9)) === 100 ? 101 : 100).padStart(3, '0')}000`;
    const officerOf = (code: string): Principal => ({ id: `test:township-${code}`, role: 'TOWNSHIP_OFFICER', areaScopes: [code.slice(0, 9)], provinceCode: '430000000000' });
    const own = await demo().execute(VillageExitCases, { code: village.village.code }, { principal: officerOf(township) });
    expect(own.errors).toBeUndefined();
    expect((own.data as { village: { exitCases: { id: string }[] } }).village.exitCases.map((c) => c.id)).toContain(village.id);
    const other = await demo().execute(VillageExitCases, { code: village.village.code }, { principal: officerOf(neighbour) });
    expect(JSON.stringify(other)).not.toContain(village.id);
    expect((other.data as { village: { exitCases: unknown[] } | null } | null)?.village?.exitCases ?? []).toEqual([]);
  });
});
