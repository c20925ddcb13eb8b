import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useValidationCache } from './validation-cache.js';

/** A yoga as the app sets its caches (the validation cache last, as appConfig has it), counting the validations that actually ran. */
function yogaCounting(extra: Plugin[] = []) {
  const counted = { validations: 0 };
  const countValidations: Plugin = {
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((...args) => {
        counted.validations += 1;
        return validateFn(...args);
      });
    },
  };
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } }),
    logging: false,
    parserAndValidationCache: { validationCache: false },
    plugins: [countValidations, ...extra, useValidationCache()],
  });
  const ask = async (query: string) => (await yoga.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
  return { counted, ask };
}

describe('useValidationCache', () => {
  it('validates a document once and answers its repeats from the cache', async () => {
    const { counted, ask } = yogaCounting();
    expect(await ask('{ ok }')).toEqual({ data: { ok: true } });
    expect(await ask('{ ok }')).toEqual({ data: { ok: true } });
    expect(counted.validations).toBe(1);
    expect(await ask('{ __typename ok }')).toEqual({ data: { __typename: 'Query', ok: true } });
    expect(counted.validations).toBe(2);
  });

  it("keeps a document's validation errors: its repeats are refused alike without validating again", async () => {
    const { counted, ask } = yogaCounting();
    const first = await ask('{ missing }');
    expect(first.errors?.[0]?.message).toContain('Cannot query field "missing"');
    expect(await ask('{ missing }')).toEqual(first);
    expect(counted.validations).toBe(1);
  });

  it('validates every time, with the added rule, when a plugin adds a validation rule', async () => {
    const addsARule: Plugin = { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
    const { counted, ask } = yogaCounting([addsARule]);
    for (let i = 0; i < 2; i += 1) {
      const answer = await ask('{ __schema { queryType { name } } }');
      expect(answer.errors?.[0]?.message).toContain('introspection');
    }
    expect(await ask('{ ok }')).toEqual({ data: { ok: true } });
    expect(counted.validations).toBe(3);
  });
});
