import { createTestServer, documentOf, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';

// What a request costs before any resolver runs: no entity-manager fork unless something uses it.
// Reads go through the read layer (ctx.db), so only writes (a mutation's transaction) fork.

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
});
afterAll(() => server.close());

describe('per-request work', () => {
  it('forks the entity manager only for requests whose resolvers use it: writes, not reads', async () => {
    const fork = vi.spyOn(server.orm.em, 'fork');
    try {
      const typename = await server.execute(documentOf('{ __typename }'));
      expect(typename.data).toEqual({ __typename: 'Query' });
      expect(fork).not.toHaveBeenCalled();

      const village = await server.execute(documentOf(`query($code: String!) { village(code: $code) { name households(first: 5) { totalCount } } }`), { code: AREAS.villageA });
      expect(village.errors).toBeUndefined();
      expect(village.data).toMatchObject({ village: { name: '甲村', households: { totalCount: 0 } } });
      expect(fork).not.toHaveBeenCalled();

      const registered = mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput() }, { principal: TEST_REGISTRAR }));
      expect(registered.household.memberCount).toBe(3);
      expect(fork).toHaveBeenCalledTimes(1); // one fork, shared by every resolver of the request
    } finally {
      fork.mockRestore();
    }
  });
});
