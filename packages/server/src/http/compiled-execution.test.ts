import { GraphQLError, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useCompiledExecution } from './compiled-execution.js';

/** A schema whose `who` answers its own name, as two provinces' schemas answer with their own resolvers. */
function schemaNamed(name: string): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        who: { type: GraphQLString, resolve: () => name },
        a: { type: GraphQLString, resolve: () => `${name}:a` },
        b: { type: GraphQLString, resolve: () => `${name}:b` },
        echo: { type: GraphQLString, args: { text: { type: GraphQLString } }, resolve: (_root, args: { text?: string }) => args.text ?? null },
        refused: {
          type: new GraphQLNonNull(GraphQLString),
          resolve: () => {
            throw new GraphQLError('不行 / No', { extensions: { code: 'FORBIDDEN', field: 'refused', messageZh: '不行', messageEn: 'No' } });
          },
        },
        missing: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
        late: {
          type: GraphQLString,
          resolve: async () => {
            throw new Error('an unexpected failure, after a wait');
          },
        },
      },
    }),
  });
}

/** yoga choosing the schema by a header, as the app chooses it by the caller's province. */
function twoSchemaServer(perSchema?: number) {
  const schemas = { hunan: schemaNamed('hunan'), liaoning: schemaNamed('liaoning') };
  const compiled = useCompiledExecution(perSchema);
  const yoga = createYoga({
    schema: ({ request }) => schemas[request.headers.get('x-province') as keyof typeof schemas],
    plugins: [compiled],
    logging: false,
  });
  const ask = async (province: keyof typeof schemas, body: { query: string; operationName?: string; variables?: object }) => {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-province': province },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown; locations?: unknown; extensions?: Record<string, unknown> }> };
  };
  return { schemas, compiled, ask };
}

describe('compiled execution (graphql-jit)', () => {
  it('never answers one schema with a query compiled for another, for the same document text', async () => {
    const { schemas, compiled, ask } = twoSchemaServer();
    expect(await ask('hunan', { query: '{ who }' })).toEqual({ data: { who: 'hunan' } });
    expect(await ask('liaoning', { query: '{ who }' })).toEqual({ data: { who: 'liaoning' } });
    expect(await ask('hunan', { query: '{ who }' })).toEqual({ data: { who: 'hunan' } });
    // Each schema compiled the document once: the answers came from compiled queries.
    expect(compiled.compiledCount(schemas.hunan)).toBe(1);
    expect(compiled.compiledCount(schemas.liaoning)).toBe(1);
  });

  it('runs the operation operationName names in a document with two', async () => {
    const { schemas, compiled, ask } = twoSchemaServer();
    const query = 'query A { a } query B { b }';
    expect(await ask('hunan', { query, operationName: 'B' })).toEqual({ data: { b: 'hunan:b' } });
    expect(await ask('hunan', { query, operationName: 'A' })).toEqual({ data: { a: 'hunan:a' } });
    expect(await ask('hunan', { query, operationName: 'B' })).toEqual({ data: { b: 'hunan:b' } });
    expect(compiled.compiledCount(schemas.hunan)).toBe(2);
    // Without a name yoga refuses it before execution, as before.
    const unnamed = await ask('hunan', { query });
    expect(unnamed.errors?.[0]?.message).toBe('Could not determine what operation to execute.');
  });

  it('keeps at most its capacity of compiled operations per schema', async () => {
    const { schemas, compiled, ask } = twoSchemaServer(3);
    for (let i = 0; i < 20; i++) {
      expect(await ask('hunan', { query: `query Q${i} { echo(text: "${i}") }` })).toEqual({ data: { echo: String(i) } });
      expect(compiled.compiledCount(schemas.hunan)).toBeLessThanOrEqual(3);
    }
    expect(compiled.compiledCount(schemas.hunan)).toBe(3);
  });

  it('keeps an error\'s path and extensions, and nulls the parent of a failed non-null field', async () => {
    const { ask } = twoSchemaServer();
    const result = await ask('liaoning', { query: '{ who refused }' });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: '不行 / No',
      path: ['refused'],
      extensions: { code: 'FORBIDDEN', field: 'refused', messageZh: '不行', messageEn: 'No' },
    });
  });

  it('keeps where each error happened (locations): thrown, null for non-null, asynchronous and masked, in a fragment', async () => {
    const { ask } = twoSchemaServer();
    // graphql-jit's errors carry locations only; yoga rebuilds each error from nodes, source and positions.
    const refused = await ask('hunan', { query: '{\n  who\n  refused\n}' });
    expect(refused.errors?.map((error) => [error.message, error.locations])).toEqual([['不行 / No', [{ line: 3, column: 3 }]]]);
    const missing = await ask('hunan', { query: 'query M { ...F }\r\nfragment F on Query {\r\n  who\r\n    missing\r\n}' });
    expect(missing.errors?.map((error) => [error.message, error.locations])).toEqual([
      ['Cannot return null for non-nullable field Query.missing.', [{ line: 4, column: 5 }]],
    ]);
    const late = await ask('hunan', { query: '{ who\n\n     late }' });
    expect(late.data).toEqual({ who: 'hunan', late: null });
    expect(late.errors?.map((error) => [error.message, error.path, error.locations])).toEqual([['Unexpected error.', ['late'], [{ line: 3, column: 6 }]]]);
  });

  it('coerces variables as graphql-js does', async () => {
    const { ask } = twoSchemaServer();
    expect(await ask('hunan', { query: 'query E($text: String) { echo(text: $text) }', variables: { text: '你好' } })).toEqual({ data: { echo: '你好' } });
    const bad = await ask('hunan', { query: 'query E($text: String) { echo(text: $text) }', variables: { text: { no: 1 } } });
    expect(bad.data).toBeUndefined();
    expect(bad.errors?.[0]?.message).toMatch(/\$text/);
  });
});
