import { createHttpTestServer, documentOf, type HttpTestServer } from '@tuopin/testing';
import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

// A client finds where its query failed by `locations`. Queries run compiled (graphql-jit) by
// default, whose errors carry locations but neither the AST nodes nor the source positions that
// graphql-js derives them from; the error masker and yoga's response writer both rebuild every
// error from those, so compiled results are given them (jit-error-locations.ts). The same answers
// come with compiled execution turned off (`http.compiledExecution: false`), where graphql-js runs them.

describe.each([
  ['compiled (graphql-jit)', true],
  ['graphql-js', false],
])('error locations, executed %s', (_name, compiledExecution) => {
  let server: HttpTestServer;
  beforeAll(async () => {
    server = await createHttpTestServer({ compiledExecution });
    await insertAreas(server);
  });
  afterAll(() => server.close());

  it('a typed error from a resolver keeps the line and column of the field that failed', async () => {
    const query = `query Page($code: String!) {
  __typename
  households(regionCode: $code, first: 5, after: "not-a-cursor") { totalCount }
}`;
    const result = await server.execute(documentOf(query), { code: AREAS.villageA });
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
    expect(error.path).toEqual(['households']);
    expect(error.locations).toEqual([{ line: 3, column: 3 }]);
  });

  it('a nested field keeps its own place too', async () => {
    const query = `query Village($code: String!) {
  village(code: $code) {
    name
    households(first: 5, after: "not-a-cursor") { totalCount }
  }
}`;
    const result = await server.execute(documentOf(query), { code: AREAS.villageA });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
    expect(result.errors![0].path).toEqual(['village', 'households']);
    expect(result.errors![0].locations).toEqual([{ line: 4, column: 5 }]);
  });

  it('through the gateway, two errors keep their own places, one in a fragment, with CRLF line ends', async () => {
    // Sent as written (not re-printed), so the comment and the CRLF line ends count as the client's editor counts them.
    const query = [
      'query Two($code: String!) {',
      '  # the village once here, once in the fragment',
      '  first: village(code: $code) { households(first: 5, after: "not-a-cursor") { totalCount } }',
      '  ...Later',
      '}',
      'fragment Later on Query {',
      '  second: village(code: $code) {',
      '      households(first: 5, after: "also-not-a-cursor") { totalCount }',
      '  }',
      '}',
    ].join('\r\n');
    const token = await server.token(CALLERS.nationalAdmin);
    const response = await server.post({ query, variables: { code: AREAS.villageA } }, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    const errors = (response.body.errors as GraphQLFormattedError[]).toSorted((a, b) => String(a.path).localeCompare(String(b.path)));
    expect(errors.map((error) => [error.path, error.extensions?.code, error.locations])).toEqual([
      [['first', 'households'], 'VALIDATION_FAILED', [{ line: 3, column: 33 }]],
      [['second', 'households'], 'VALIDATION_FAILED', [{ line: 8, column: 7 }]],
    ]);
  });
});
