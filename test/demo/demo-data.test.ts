import { describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { useDemoServer } from '../fixtures/demo-server.js';

const CountyOverview = graphql(`
  query CountyOverview($code: String!) {
    region(code: $code) {
      name
      children(first: 20) { totalCount edges { node { name } } }
      stats { households people poorHouseholds poorPeople ruralPopulation povertyIncidence }
    }
    villages: regions(parentCode: $code, level: VILLAGE, first: 1) { totalCount }
    households(regionCode: $code, first: 3) {
      totalCount
      edges { node { householdNo status primaryCause members { name idNumber relationToHead } incomes { year perCapitaNetIncome belowPovertyLine } } }
    }
  }
`);

const Dalaoyemiao = graphql(`
  query Dalaoyemiao {
    village(code: "211382108201") {
      name isPovertyVillage
      parent { name parent { name } }
      groups { name }
      poor: households(status: POOR, first: 1) { totalCount }
      stats { households poorHouseholds }
    }
  }
`);

const Township = graphql(`
  query DemoTownship($code: String!) {
    region(code: $code) {
      name level
      parent { name parent { name } }
      children(first: 10) { totalCount edges { node { name level } } }
      stats { households people poorHouseholds poorPeople ruralPopulation povertyIncidence }
    }
    villages: regions(parentCode: $code, level: VILLAGE, first: 10) { totalCount }
    households(regionCode: $code, first: 3) {
      totalCount
      edges { node { members { idNumber relationToHead } } }
    }
  }
`);

const demo = useDemoServer();

describe('the demo data', () => {
  it('answers 保靖县 with the proportions of its report', async () => {
    const result = await demo().execute(CountyOverview, { code: '433125000000' });
    expect(result.errors).toBeUndefined();
    const county = result.data!.region!;
    expect(county.name).toBe('保靖县');
    expect(county.children.totalCount).toBe(12);
    expect(result.data!.villages.totalCount).toBe(196);
    // 2.1万 registered households and 8.53万 people in the report.
    // 2.1万 registered households and 8.53万 people, 13,800 out of poverty, 393,000 rural residents:
    // exactly what the demo had before 示范镇 joined it.
    expect(county.stats).toMatchObject({ households: 21_011, people: 85_300, poorPeople: 85_300 - 13_800, ruralPopulation: 393_000 });
    expect(county.stats.povertyIncidence).toBeGreaterThan(0.15);
    expect(county.stats.povertyIncidence).toBeLessThan(0.25);
    expect(result.data!.households.totalCount).toBe(county.stats.households);
    for (const { node } of result.data!.households.edges) {
      expect(node.members.filter((m) => m.relationToHead === 'HEAD')).toHaveLength(1);
      expect(node.members.every((m) => m.idNumber.startsWith('433125'))).toBe(true);
    }
  });

  it('answers 示范镇 with the 813 households and 2,930 people of its report (篇2 and 篇5)', async () => {
    const result = await demo().execute(Township, { code: '809901101000' });
    expect(result.errors).toBeUndefined();
    const township = result.data!.region!;
    expect(township).toMatchObject({
      name: '示范镇',
      level: 'TOWNSHIP',
      parent: { name: '示范县', parent: { name: '合成省 Synthetic benchmark province' } },
      children: { totalCount: 6 },
      // "全镇仍有贫困人口2930人占22.4%": every registered person still poor.
      stats: { households: 813, people: 2_930, poorHouseholds: 813, poorPeople: 2_930, ruralPopulation: 13_080 },
    });
    expect(township.stats.povertyIncidence).toBeCloseTo(0.224, 3);
    expect(township.children.edges.every(({ node }) => node.level === 'VILLAGE')).toBe(true);
    expect(result.data!.villages.totalCount).toBe(6);
    expect(result.data!.households.totalCount).toBe(813);
    for (const { node } of result.data!.households.edges) {
      expect(node.members.filter((m) => m.relationToHead === 'HEAD')).toHaveLength(1);
      expect(node.members.every((m) => m.idNumber.startsWith('809901'))).toBe(true);
    }
  });

  it('answers 大老爷庙村 with its seven natural villages and 48 poor households', async () => {
    const result = await demo().execute(Dalaoyemiao, {});
    expect(result.data!.village).toMatchObject({
      name: '大老爷庙村',
      isPovertyVillage: true,
      parent: { name: '四官营子镇', parent: { name: '凌源市' } },
      poor: { totalCount: 48 },
    });
    expect(result.data!.village!.groups).toHaveLength(7);
  });
});
