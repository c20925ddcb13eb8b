import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildPlatform, corePlugin, DEFAULT_QUERY_LIMITS, operationCost, queryLimitExceeded } from '@tuopin/core';

// The schema of core alone (every plugin set includes core; the kernel's own tests cannot import it).
const { schema } = buildPlatform({ plugins: [corePlugin] });
const PAGE = parse('query Page($first: Int, $region: String) { households(first: $first, regionCode: $region) { edges { node { householdNo } } } }');

describe('operationCost, cached per document', () => {
  it('gives the same answer as a fresh document, for every page size, in any order', () => {
    const fresh = (first: number) => operationCost(schema, parse(PAGE.loc!.source.body), undefined, { first });
    for (const first of [5, 100, 5, 20, 100]) {
      expect(operationCost(schema, PAGE, undefined, { first })).toEqual(fresh(first));
    }
    expect(operationCost(schema, PAGE, undefined, { first: 100 })!.complexity).toBeGreaterThan(4 * operationCost(schema, PAGE, undefined, { first: 20 })!.complexity);
  });

  it('walks once for values that do not change the cost, and tells an absent page size from another', () => {
    const a = operationCost(schema, PAGE, undefined, { first: 10, region: '433125000000' });
    expect(operationCost(schema, PAGE, undefined, { first: 10, region: '430000000000' })).toBe(a);
    // Absent, the default page (20) applies, which costs otherwise than 10.
    expect(operationCost(schema, PAGE, undefined, {})!.complexity).toBe(operationCost(schema, PAGE, undefined, { first: 20 })!.complexity);
    expect(operationCost(schema, PAGE, undefined, {})).not.toEqual(a);
  });

  it('finds page sizes in fragments and counts every id of nodes', () => {
    const doc = parse('query($n: Int, $ids: [ID!]!) { ...F nodes(ids: $ids) { id } } fragment F on Query { households(first: $n) { totalCount } }');
    const cost = (n: number, ids: number) => operationCost(schema, doc, undefined, { n, ids: Array.from({ length: ids }, (_, i) => Buffer.from(`Household:${i + 1}`).toString('base64')) })!.complexity;
    expect(cost(50, 1)).toBeGreaterThan(cost(10, 1));
    expect(cost(10, 90)).toBeGreaterThan(cost(10, 1) + 80);
  });

  it('computes again, rather than keeps, the cost of long variable values (the ids of nodes)', () => {
    const doc = parse('query($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    const ids = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`Household:${i + 1}`).toString('base64'));
    // A few ids are remembered like a page size; a long list is not held by the cache.
    expect(operationCost(schema, doc, undefined, { ids: ids(2) })).toBe(operationCost(schema, doc, undefined, { ids: ids(2) }));
    const long = operationCost(schema, doc, undefined, { ids: ids(90) });
    const again = operationCost(schema, doc, undefined, { ids: ids(90) });
    expect(again).toEqual(long);
    expect(again).not.toBe(long);
  });

  it('picks the named operation and says null for one that is not there', () => {
    const doc = parse('query A { __typename } query B { households(first: 3) { totalCount } }');
    expect(operationCost(schema, doc, 'A', {})!.complexity).toBeLessThan(operationCost(schema, doc, 'B', {})!.complexity);
    expect(operationCost(schema, doc, 'C', {})).toBeNull();
    expect(operationCost(schema, doc, undefined, {})).toBeNull();
  });
});

describe('queryLimitExceeded', () => {
  it('names the first limit exceeded, depth before breadth before cost, in both languages', () => {
    const within = { depth: 3, breadth: 10, complexity: 100 };
    expect(queryLimitExceeded(within, DEFAULT_QUERY_LIMITS)).toBeNull();
    const error = queryLimitExceeded({ depth: 20, breadth: 1_000, complexity: 1_000_000 }, DEFAULT_QUERY_LIMITS)!;
    expect(error.toExtensions()).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth', actual: 20, maximum: DEFAULT_QUERY_LIMITS.depth });
    expect(error.message).toMatch(/查询嵌套深度.*Query depth/);
    expect(queryLimitExceeded({ ...within, complexity: 60_000 }, DEFAULT_QUERY_LIMITS)!.limit).toBe('complexity');
  });
});
