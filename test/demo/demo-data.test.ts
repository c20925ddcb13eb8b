import { loadDemoData, silentLogger } from '@tuopin/server';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';

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

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
}, 300_000);
afterAll(() => server.close());

describe('the demo data', () => {
  it('answers 保靖县 with the proportions of its report', async () => {
    const result = await server.execute(CountyOverview, { code: '433125000000' });
    expect(result.errors).toBeUndefined();
    const county = result.data!.region!;
    expect(county.name).toBe('保靖县');
    expect(county.children.totalCount).toBe(12);
    expect(result.data!.villages.totalCount).toBe(196);
    // 2.1万 registered households and 8.53万 people in the report.
    expect(county.stats.households).toBeGreaterThan(20_500);
    expect(county.stats.households).toBeLessThan(21_500);
    expect(county.stats.people).toBeGreaterThan(82_000);
    expect(county.stats.people).toBeLessThan(88_000);
    expect(county.stats.povertyIncidence).toBeGreaterThan(0.15);
    expect(county.stats.povertyIncidence).toBeLessThan(0.25);
    expect(result.data!.households.totalCount).toBe(county.stats.households);
    for (const { node } of result.data!.households.edges) {
      expect(node.members.filter((m) => m.relationToHead === 'HEAD')).toHaveLength(1);
      expect(node.members.every((m) => m.idNumber.startsWith('433125'))).toBe(true);
    }
  });

  it('answers 大老爷庙村 with its seven natural villages and 48 poor households', async () => {
    const result = await server.execute(Dalaoyemiao, {});
    expect(result.data!.village).toMatchObject({
      name: '大老爷庙村',
      isPovertyVillage: true,
      parent: { name: '四官营子镇', parent: { name: '凌源市' } },
      poor: { totalCount: 48 },
    });
    expect(result.data!.village!.groups).toHaveLength(7);
  });
});
