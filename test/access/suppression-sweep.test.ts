import { buildPlatform, type Principal, type TuopinPlugin } from '@tuopin/core';
import { loadDemoData, silentLogger } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS } from '../fixtures/principals.js';
import { K, checkFigures, newFindings, rangeByDifference, rangeOfCount, rangeOfSum, rangeOfTotal, type Range } from '../fixtures/statistics-method.js';
import {
  countsAndSums,
  otherStatisticsTypes,
  selectEverything,
  statisticsTree,
  undeclaredNumbers,
  valueAt,
  type Selected,
} from '../fixtures/statistics-walk.js';

/**
 * The suppression sweep. It walks the schema of every enabled plugin for the numbers of the
 * statistics types and requires each to declare what it is; then, through HTTP, it asks every
 * statistic of 保靖县, its prefecture and province, its 12 townships and its 196 villages (34 of
 * them with 1 to 4 loans) as a partner and as an administrator of the same scope, today and at
 * the end of 2016, and checks every published figure against the documented method.
 */

const COUNTY = '433125000000';
const REPORT_DAY = '2016-12-31';
const PARTNER: Principal = { id: 'test:national-ngo', role: 'NGO_PARTNER', areaScopes: [''], provinceCode: null };
const OFFICIAL = CALLERS.nationalAdmin;

let server: HttpTestServer;
let stats: Selected[];
const figures = { exact: new Map<string, Record<string, unknown>>(), published: new Map<string, Record<string, unknown>>() };

async function post(principal: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(principal)}` });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data;
}

/** Fields a selection asks for, as the gateway's breadth limit counts them. */
const breadthOf = (selected: Selected): number => 1 + selected.children.reduce((sum, child) => sum + breadthOf(child), 0);

/**
 * The statistics in parts that each stay under the gateway's breadth limit (400 fields, less the
 * page's own): every statistic is still asked, in as few requests as the limit allows.
 */
function selectionsUnderTheLimit(budget = 350): string[] {
  const parts: Selected[][] = [[]];
  let used = 0;
  for (const selected of stats) {
    const breadth = breadthOf(selected);
    if (used + breadth > budget && parts.at(-1)!.length > 0) {
      parts.push([]);
      used = 0;
    }
    parts.at(-1)!.push(selected);
    used += breadth;
  }
  return parts.map((part) => part.map((s) => s.text).join(' '));
}

/** Every area's statistics as one caller sees them, by area code: a few requests in all. */
async function statisticsOfEveryArea(principal: Principal): Promise<Map<string, Record<string, unknown>>> {
  const byCode = new Map<string, Record<string, unknown>>();
  const merge = (code: string, part: Record<string, unknown>) => byCode.set(code, { ...byCode.get(code), ...part });
  for (const selection of selectionsUnderTheLimit()) {
    for (const code of [COUNTY, '433100000000', '430000000000']) {
      const data = await post(principal, `query($code: String!) { region(code: $code) { code stats { ${selection} } } }`, { code });
      merge(code, data.region.stats);
    }
    for (const level of [null, 'VILLAGE']) {
      let after: string | null = null;
      do {
        const data = await post(
          principal,
          `query($level: AreaLevel, $after: String) { regions(parentCode: "${COUNTY}", level: $level, first: 20, after: $after) {
             pageInfo { hasNextPage endCursor } edges { node { code stats { ${selection} } } } } }`,
          { level, after },
        );
        for (const edge of data.regions.edges) merge(edge.node.code, edge.node.stats);
        after = data.regions.pageInfo.hasNextPage ? data.regions.pageInfo.endCursor : null;
      } while (after);
    }
  }
  return byCode;
}

beforeAll(async () => {
  server = await createHttpTestServer();
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
  const skipped: string[] = [];
  stats = selectEverything(server.platform.schema.getType('RegionStats') as GraphQLObjectType, [REPORT_DAY], skipped);
  expect(skipped, 'statistics that need arguments the sweep cannot give').toEqual([]);
  figures.exact = await statisticsOfEveryArea(OFFICIAL);
  figures.published = await statisticsOfEveryArea(PARTNER);
}, 300_000);
afterAll(() => server.close());

describe('the suppression sweep', () => {
  it('finds that every number of every statistics type declares what it is, in core and every enabled plugin', () => {
    expect(undeclaredNumbers(server.platform.schema), 'numbers without `statistic: count | sum | ratio | groups | public`').toEqual([]);
    // The walk reaches every plugin's block on RegionStats and the statistics declared elsewhere.
    expect(statisticsTree(server.platform.schema).length).toBeGreaterThan(5);
    expect(otherStatisticsTypes(server.platform.schema).length).toBeGreaterThan(0);
  });

  it('finds a new plugin\'s undeclared statistic without any glue in the plugin', () => {
    const careless: TuopinPlugin = {
      name: 'visits',
      title: '走访 Visits (test fixture)',
      entities: [],
      migrations: [],
      registerSchema(builder) {
        const Visits = builder.objectRef<{ n: number }>('VisitStats').implement({
          description: '走访统计 Visit figures',
          scope: 'contained',
          fields: (t) => ({ households: t.int({ nullable: true, description: '走访户数 Households visited', resolve: (v) => v.n }) }),
        });
        builder.objectField('RegionStats', 'visits', (t) => t.field({ type: Visits, description: '走访 Visits', resolve: () => ({ n: 1 }) }));
      },
    };
    const platform = buildPlatform({ plugins: [...server.platform.plugins, careless] });
    expect(undeclaredNumbers(platform.schema)).toEqual(['VisitStats.households']);
  });

  it('gives a partner every statistic of every area by the method: withheld below k, rounded otherwise, ratios of the published parts', () => {
    expect(figures.exact.size).toBe(3 + 12 + 196);
    const findings = newFindings();
    for (const [code, exact] of figures.exact) checkFigures(stats, exact, figures.published.get(code)!, code, findings);
    expect(findings.problems.slice(0, 20), `${findings.problems.length} figures break the method`).toEqual([]);
    // It met the small figures the issue found: loans, the households of loans by status, claims, subsidies.
    for (const name of ['FinanceStats.loanCount', 'LoanStatusFigures.households', 'FinanceStats.riskClaims', 'FinanceStats.subsidyPayments']) {
      expect(findings.small.get(name) ?? 0, `small exact values of ${name}`).toBeGreaterThan(0);
    }
    expect(findings.withheld).toBeGreaterThan(1_000);
    expect(findings.rounded).toBeGreaterThan(1_000);
  });

  it('never shows a partner a count between 1 and k − 1, where the 2016 figures had 34 villages with 1 to 4 loans', () => {
    const small = (map: Map<string, Record<string, unknown>>) =>
      [...map].filter(([, s]) => [s.finance, s[`finance_${REPORT_DAY.replaceAll('-', '')}`]].some((f) => {
        const n = (f as { loanCount: number | null }).loanCount;
        return n !== null && n > 0 && n < K;
      })).length;
    expect(small(figures.exact)).toBeGreaterThanOrEqual(34);
    expect(small(figures.published)).toBe(0);
  });

  it('costs a partner no SQL statement more than an administrator', async () => {
    for (const selection of selectionsUnderTheLimit()) {
      const query = `{ regions(parentCode: "${COUNTY}", level: VILLAGE, first: 20) { edges { node { code stats { ${selection} } } } } }`;
      const official = await server.countStatements(() => post(OFFICIAL, query));
      const partner = await server.countStatements(() => post(PARTNER, query));
      expect(partner.count, partner.statements.join('\n')).toBe(official.count);
    }
  });

  it('protects the statistics declared outside the statistics blocks: a risk pool\'s loans and a project\'s beneficiaries', async () => {
    const types = Object.fromEntries(otherStatisticsTypes(server.platform.schema).map((type) => [type.name, type]));
    const pool = selectEverything(types.RiskPool, []);
    const project = selectEverything(types.Project, []);
    const query = `{ riskPool(countyCode: "${COUNTY}") { ${pool.map((s) => s.text).join(' ')} }
      projects(regionCode: "${COUNTY}", first: 100) { edges { node { id ${project.map((s) => s.text).join(' ')} } } } }`;
    const [exact, published] = [await post(OFFICIAL, query), await post(PARTNER, query)];
    const findings = newFindings();
    checkFigures(pool, exact.riskPool, published.riskPool, 'riskPool', findings);
    exact.projects.edges.forEach((edge: { node: Record<string, unknown> }, i: number) =>
      checkFigures(project, edge.node, published.projects.edges[i].node, `project ${edge.node.id}`, findings),
    );
    expect(findings.problems.slice(0, 20)).toEqual([]);
    expect(findings.withheld + findings.rounded).toBeGreaterThan(2);
  });
});

/** The township of a village, the county of a township. */
const townshipOf = (village: string) => `${village.slice(0, 9)}000`;
const isVillage = (code: string) => !code.endsWith('000');
const isTownship = (code: string) => code.startsWith(COUNTY.slice(0, 6)) && code.endsWith('000') && code.slice(6, 9) !== '000';

describe('differencing', () => {
  /**
   * Every way to split a total into published parts that the areas offer: a township into its
   * villages, the county into its townships. For every count and sum that adds up over areas
   * (checked on the exact figures), the attacker computes each part as total − the others.
   */
  function attack(parts: (code: string) => string[], totals: string[]) {
    const pinned: string[] = [];
    let attacked = 0;
    for (const figure of countsAndSums(stats)) {
      const range = (value: unknown): Range =>
        figure.kind === 'count' ? rangeOfCount(value as number | null) : figure.kind === 'total' ? rangeOfTotal(value as number | null) : rangeOfSum(value as string | null);
      for (const total of totals) {
        const codes = parts(total);
        const exact = (code: string) => Number(valueAt(figures.exact.get(code)!, figure.path));
        if (Math.abs(exact(total) - codes.reduce((sum, code) => sum + exact(code), 0)) > 0.001) continue; // not additive over areas
        const published = (code: string) => range(valueAt(figures.published.get(code)!, figure.path));
        for (const code of codes) {
          const [lo, hi] = rangeByDifference(published(total), codes.filter((other) => other !== code).map(published), published(code));
          attacked++;
          if (lo >= hi) pinned.push(`${figure.path.join('.')} of ${code}: exactly ${lo} from ${total}`);
        }
      }
    }
    return { pinned, attacked };
  }

  it('recovers no village figure from its township\'s total minus the other villages (the attack of issue 10)', () => {
    const villagesOf = (township: string) => [...figures.published.keys()].filter((code) => isVillage(code) && townshipOf(code) === township);
    const { pinned, attacked } = attack(villagesOf, [...figures.published.keys()].filter(isTownship));
    expect(pinned).toEqual([]);
    expect(attacked).toBeGreaterThan(196 * 20);
  });

  it('recovers no township figure from the county\'s total minus the other townships', () => {
    const { pinned, attacked } = attack(() => [...figures.published.keys()].filter(isTownship), [COUNTY]);
    expect(pinned).toEqual([]);
    expect(attacked).toBeGreaterThan(12 * 20);
  });

  it('shows no trace of 433125101201\'s single written-off loan of 8,000 yuan and its claim of 6,400, in any figure or combination', () => {
    const village = '433125101201';
    type Finance = { riskClaims: number | null; riskClaimsPaid: string | null; loansByStatus: { status: string; count: number | null; principal: string | null }[] };
    const finance = (map: typeof figures.exact, code: string) => map.get(code)!.finance as Finance;
    // What the issue saw: one written-off loan of 8,000 with its claim of 6,400.
    expect(finance(figures.exact, village)).toMatchObject({ riskClaims: 1, riskClaimsPaid: '6400.00' });
    expect(finance(figures.exact, village).loansByStatus).toContainEqual(expect.objectContaining({ status: 'WRITTEN_OFF', count: 1, principal: '8000.00' }));
    // A partner sees neither the loan's status group nor the claim.
    expect(finance(figures.published, village)).toMatchObject({ riskClaims: null, riskClaimsPaid: null });
    expect(finance(figures.published, village).loansByStatus.map((group) => group.status)).not.toContain('WRITTEN_OFF');
    // No published money figure of any area is 8,000 or 6,400 yuan.
    const everything = JSON.stringify([...figures.published.values()]);
    expect(everything).not.toContain('"8000.00"');
    expect(everything).not.toContain('"6400.00"');
    // Township minus the other villages: the claims paid in the village could be nothing at all.
    const township = townshipOf(village);
    const others = [...figures.published.keys()].filter((code) => isVillage(code) && townshipOf(code) === township && code !== village);
    const claimsPaid = (code: string) => rangeOfSum(finance(figures.published, code).riskClaimsPaid);
    const [lo, hi] = rangeByDifference(claimsPaid(township), others.map(claimsPaid), claimsPaid(village));
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(10_000 * 100);
    // And the written-off principal, from the county's WRITTEN_OFF group minus every township's.
    const writtenOff = (code: string) => rangeOfSum(finance(figures.published, code).loansByStatus.find((g) => g.status === 'WRITTEN_OFF')?.principal ?? null);
    const townships = [...figures.published.keys()].filter(isTownship);
    const [wlo, whi] = rangeByDifference(writtenOff(COUNTY), townships.filter((t) => t !== township).map(writtenOff), writtenOff(township));
    expect(wlo).toBe(0);
    expect(whi).toBeGreaterThanOrEqual(10_000 * 100);
    expect(K).toBe(5);
  });
});
