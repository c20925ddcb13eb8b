import { AsyncLocalStorage } from 'node:async_hooks';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * Serving a request enters no async-local store. Once one is entered, Node 20 runs a hook for
 * every promise the process makes, every request's included, for as long as the process lives:
 * 4–6 % of a household page's server CPU and 5–8 % of a project feed's (test/bench, session 37). The
 * request's record, its statement count, its transaction and its id in the log go through the
 * GraphQL context and the Node request instead, and MikroORM's `transactional()`, which keeps
 * its transaction in such a store, is not used.
 */
let server: HttpTestServer;
let auth: Record<string, string>;
beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
  auth = { authorization: `Bearer ${await server.token(CALLERS.baojingOfficer)}` };
});
afterAll(() => server.close());

const PAGE = `query($code: String!) { households(regionCode: $code, first: 5) { totalCount edges { node { householdNo members { name } } } } }`;
const UPDATE = `mutation($id: ID!) { updateHousehold(input: { id: $id, arableLand: 2.5 }) { __typename ... on UpdateHouseholdPayload { household { arableLand } } } }`;

describe('a request', () => {
  it('is served over HTTP, read or written, without entering an async-local store', async () => {
    const run = vi.spyOn(AsyncLocalStorage.prototype, 'run');
    const enterWith = vi.spyOn(AsyncLocalStorage.prototype, 'enterWith');
    try {
      // A registration: one statement through the read layer.
      const registered = await server.post({ query: print(RegisterHousehold), variables: { input: registrationInput({ villageCode: AREAS.villageA }) } }, auth);
      expect(registered.status).toBe(200);
      expect(registered.body.errors).toBeUndefined();
      expect(registered.body.data.registerHousehold.__typename).toBe('RegisterHouseholdPayload');
      const id = registered.body.data.registerHousehold.household.id as string;

      // A write in a transaction, whose reads go to the transaction's connection.
      const updated = await server.post({ query: UPDATE, variables: { id } }, auth);
      expect(updated.body.errors).toBeUndefined();
      expect(updated.body.data.updateHousehold).toEqual({ __typename: 'UpdateHouseholdPayload', household: { arableLand: 2.5 } });

      // A page with its members (personal data, so its read is audited).
      const page = await server.post({ query: PAGE, variables: { code: AREAS.villageA } }, auth);
      expect(page.body.errors).toBeUndefined();
      expect(page.body.data.households.totalCount).toBeGreaterThan(0);
      expect(page.body.data.households.edges[0].node.members.length).toBeGreaterThan(0);

      expect(run).not.toHaveBeenCalled();
      expect(enterWith).not.toHaveBeenCalled();
    } finally {
      run.mockRestore();
      enterWith.mockRestore();
    }
  });
});
