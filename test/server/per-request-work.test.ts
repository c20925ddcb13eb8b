import { createTestServer, documentOf, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';

// What a request costs before any resolver runs: no entity-manager fork unless something uses it.
// Reads go through the read layer (ctx.db), so only writes (a mutation's transaction) fork; a write
// that is one statement (registration) goes through the read layer too.

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

      // A registration is one statement through the read layer (kernel/one-statement-write): no fork.
      const registered = mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput() }, { principal: TEST_REGISTRAR }));
      expect(registered.household.memberCount).toBe(3);
      expect(fork).not.toHaveBeenCalled();

      // A write in a transaction forks, once, shared by every resolver of the request.
      const UpdateTwice = documentOf(`mutation($id: ID!) {
        a: updateHousehold(input: { id: $id, arableLand: 2.5 }) { __typename ... on UpdateHouseholdPayload { household { arableLand } } }
        b: updateHousehold(input: { id: $id, arableLand: 3.5 }) { __typename ... on UpdateHouseholdPayload { household { arableLand } } }
      }`);
      const updated = await server.execute(UpdateTwice, { id: registered.household.id }, { principal: TEST_REGISTRAR });
      expect(updated.errors).toBeUndefined();
      expect(updated.data).toEqual({
        a: { __typename: 'UpdateHouseholdPayload', household: { arableLand: 2.5 } },
        b: { __typename: 'UpdateHouseholdPayload', household: { arableLand: 3.5 } },
      });
      expect(fork).toHaveBeenCalledTimes(1);
    } finally {
      fork.mockRestore();
    }
  });

  it('records a read of personal data without forking the entity manager (the audit row goes through the read layer)', async () => {
    mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput() }, { principal: TEST_REGISTRAR }));
    const fork = vi.spyOn(server.orm.em, 'fork');
    try {
      const { count } = await server.countStatements(async () => {
        const read = await server.execute(
          documentOf(`query AuditedPage($code: String!) { households(regionCode: $code, first: 5) { edges { node { members { idNumber } } } } }`),
          { code: AREAS.villageA },
          { principal: CALLERS.baojingOfficer },
        );
        expect(read.errors).toBeUndefined();
        const idNumbers = (read.data as { households: { edges: { node: { members: { idNumber: string }[] } }[] } }).households.edges.flatMap((e) => e.node.members.map((m) => m.idNumber));
        expect(idNumbers.length).toBeGreaterThan(0);
        expect(idNumbers.every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true); // unmasked, so audited
      });
      expect(count).toBe(2); // the page, the audit row
      expect(fork).not.toHaveBeenCalled();
    } finally {
      fork.mockRestore();
    }
    const [row] = await server.sql<{ operation: string; reads: number }>(
      `select operation, cardinality(read_objects) as reads from audit_log where action = 'READ' and operation = 'query AuditedPage' order by id desc limit 1`,
    );
    expect(row).toMatchObject({ operation: 'query AuditedPage' });
    expect(row.reads).toBeGreaterThan(0);
  });
});
