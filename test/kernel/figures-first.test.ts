import { createContextCache } from '@pothos/core';
import { ForbiddenError, loaderFields, type TuopinBuilder, type TuopinContext, type TuopinPlugin } from '@tuopin/core';
import { createTestServer, documentOf, type TestServer } from '@tuopin/testing';
import DataLoader from 'dataloader';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';

/**
 * The kernel loads a statistics parent's figures before its fields (`loadFiguresFirst`). A fixture
 * block on RegionStats whose loaders log when their batches start and end, and a `probe` field
 * that reads the log when it resolves: it resolves after the batch ended only if the kernel
 * waited for the figures before handing the parent to its fields.
 */
const events: string[] = [];
/** Area codes whose visit figures fail to load. */
const failing = new Set<string>();

function loggedLoader(name: string, figure: (code: string) => number) {
  return createContextCache(
    (_ctx: TuopinContext) =>
      new DataLoader<string, { n: number }>(async (codes) => {
        events.push(`${name}:start:${codes.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`${name}:end`);
        return codes.map((code) => (failing.has(code) ? new ForbiddenError(null, `${code} 加载失败`, `${name} of ${code} failed`) : { n: figure(code) }));
      }),
  );
}

const visitsLoader = loggedLoader('visits', (code) => Number(code.slice(6, 9)));
const nestedLoader = loggedLoader('nested', (code) => Number(code.slice(4, 6)));

const visitsPlugin: TuopinPlugin = {
  name: 'visits',
  title: '走访 Visits (test fixture)',
  entities: [],
  migrations: [],
  registerSchema(builder: TuopinBuilder) {
    const Nested = builder.objectRef<{ code: string }>('VisitNestedStats').implement({
      description: '嵌套统计 Nested figures',
      scope: 'contained',
      fields: (t) => ({ n: loaderFields(t, { loader: nestedLoader, key: (s) => s.code }).count('嵌套数', 'Nested figure', (f) => f.n) }),
    });
    const Visits = builder.objectRef<{ code: string }>('VisitStats').implement({
      description: '走访统计 Visit figures',
      scope: 'contained',
      fields: (t) => {
        const visits = loaderFields(t, { loader: visitsLoader, key: (s) => s.code });
        return {
          visits: visits.count('走访次数', 'Visits', (f) => f.n),
          households: visits.count('走访户数', 'Households visited', (f) => f.n * 2),
          probe: t.boolean({ description: '探针 Whether the visit figures had been loaded when this field resolved', resolve: () => events.includes('visits:end') }),
          nested: t.field({ type: Nested, description: '嵌套 Nested block', resolve: (s) => ({ code: s.code }) }),
        };
      },
    });
    builder.objectFields('RegionStats', (t) => ({
      visits: t.field({ type: Visits, description: '走访 Visits', resolve: ({ code }) => ({ code }) }),
      // A list of parents: the area's figures twice, under two keys.
      visitsTwice: t.field({ type: [Visits], description: '走访（两份） Visits twice', resolve: ({ code }) => [{ code }, { code: `${code}:again` }] }),
    }));
  },
};

const TOWNSHIPS = documentOf(`
  query Townships($county: String!) {
    regions(parentCode: $county, level: TOWNSHIP, first: 10) { edges { node { code stats { visits { households probe } } } } }
  }
`);

describe('figures loaded with their parent (loadFiguresFirst)', () => {
  let server: TestServer;
  const query = async (selection: string, fragments = '') => {
    const result = await server.execute(documentOf(`query { region(code: "${AREAS.qianling}") { stats { visits { ${selection} } } } } ${fragments}`), {});
    return { result, visits: (result.data as { region: { stats: { visits: Record<string, unknown> } } } | null)?.region.stats.visits };
  };

  beforeAll(async () => {
    server = await createTestServer({ plugins: [visitsPlugin] });
    await insertAreas(server);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    events.length = 0;
    failing.clear();
  });

  it('loads the figures before the fields resolve, one batch for every parent of a list', async () => {
    const one = await query('visits households probe');
    expect(one.result.errors).toBeUndefined();
    expect(one.visits).toEqual({ visits: 100, households: 200, probe: true });
    expect(events).toEqual(['visits:start:1', 'visits:end']);

    events.length = 0;
    const list = await server.execute(TOWNSHIPS, { county: AREAS.baojing });
    expect(list.errors).toBeUndefined();
    expect(list.data).toEqual({
      regions: {
        edges: [
          { node: { code: AREAS.qianling, stats: { visits: { households: 200, probe: true } } } },
          { node: { code: AREAS.yezhuping, stats: { visits: { households: 202, probe: true } } } },
        ],
      },
    });
    expect(events).toEqual(['visits:start:2', 'visits:end']);

    events.length = 0;
    const twice = await server.execute(documentOf(`query { region(code: "${AREAS.qianling}") { stats { visitsTwice { visits probe } } } }`), {});
    expect(twice.errors).toBeUndefined();
    expect(twice.data).toEqual({ region: { stats: { visitsTwice: [{ visits: 100, probe: true }, { visits: 100, probe: true }] } } });
    expect(events).toEqual(['visits:start:2', 'visits:end']);
  });

  it('loads through fragments', async () => {
    const { result, visits } = await query('...V', 'fragment V on VisitStats { ... on VisitStats { visits } probe }');
    expect(result.errors).toBeUndefined();
    expect(visits).toEqual({ visits: 100, probe: true });
  });

  it('loads nothing for a selection that reads no figure', async () => {
    const { result, visits } = await query('probe');
    expect(result.errors).toBeUndefined();
    expect(visits).toEqual({ probe: false });
    expect(events).toEqual([]);
  });

  it('leaves the figures to their fields when a nested block reads figures too, so that both statements run at once', async () => {
    const { result, visits } = await query('visits probe nested { n }');
    expect(result.errors).toBeUndefined();
    expect(visits).toEqual({ visits: 100, probe: false, nested: { n: 25 } });
    expect(events.slice(0, 2).sort()).toEqual(['nested:start:1', 'visits:start:1']);
  });

  it('leaves the figures to their fields when an object is selected beside them, which may load on its own', async () => {
    const { result, visits } = await query('visits probe nested { __typename }');
    expect(result.errors).toBeUndefined();
    expect(visits).toEqual({ visits: 100, probe: false, nested: { __typename: 'VisitNestedStats' } });
    expect(events).toEqual(['visits:start:1', 'visits:end']);
  });

  it('leaves a selection under @include to its fields, which GraphQL evaluates', async () => {
    const { result, visits } = await query('visits @include(if: true) households @include(if: false) probe');
    expect(result.errors).toBeUndefined();
    expect(visits).toEqual({ visits: 100, probe: false });
  });

  it('fails each figure at its own path when the load fails, as the fields loading for themselves did', async () => {
    failing.add(AREAS.qianling);
    const { result, visits } = await query('visits households probe');
    expect(visits).toEqual({ visits: null, households: null, probe: true });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.message.includes(`visits of ${AREAS.qianling} failed`)])).toEqual([
      ['region.stats.visits.visits', 'FORBIDDEN', true],
      ['region.stats.visits.households', 'FORBIDDEN', true],
    ]);
    expect(events).toEqual(['visits:start:1', 'visits:end']);
  });
});
