import { createTestServer, documentOf, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';

// A client finds where its query failed by `locations`. Queries run compiled (graphql-jit) by
// default, whose errors carry locations but not the AST nodes graphql-js derives them from; the
// error masker rebuilds every error, so it must carry them over. The same answers come with
// compiled execution turned off (`http.compiledExecution: false`), where graphql-js runs them.

describe.each([
  ['compiled (graphql-jit)', true],
  ['graphql-js', false],
])('error locations, executed %s', (_name, compiledExecution) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ compiledExecution });
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
});
