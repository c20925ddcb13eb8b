import { createTestServer, documentOf } from '@tuopin/testing';
import { describe, expect, it } from 'vitest';

/** TUOPIN_PLUGINS without pairing has no table, type or field of it; with it, all of them. */
describe('with and without the pairing plugin', () => {
  it('creates no pairing table and answers no pairing field in core alone', async () => {
    const server = await createTestServer({ plugins: [] });
    try {
      expect(await server.sql("select tablename from pg_tables where tablename like 'pairing\\_%'")).toEqual([]);
      const list = await server.execute(documentOf('{ pairings(first: 1) { totalCount } }'));
      expect(list.errors?.[0].message).toMatch(/Cannot query field "pairings"/);
      const stats = await server.execute(documentOf('{ region(code: "433125000000") { stats { pairing { received } } } }'));
      expect(stats.errors?.[0].message).toMatch(/Cannot query field "pairing"/);
      const type = await server.execute(documentOf('{ __type(name: "Pairing") { name } }'));
      expect(type.data).toEqual({ __type: null });
    } finally {
      await server.close();
    }
  });

  it('creates every pairing table and answers its fields when enabled', async () => {
    const server = await createTestServer();
    try {
      const tables = (await server.sql<{ tablename: string }>("select tablename from pg_tables where tablename like 'pairing\\_%' order by 1")).map((row) => row.tablename);
      expect(tables).toEqual(['pairing_agreement', 'pairing_aid', 'pairing_exchange', 'pairing_investment', 'pairing_labour', 'pairing_purchase', 'pairing_relation', 'pairing_visit']);
      const list = await server.execute(documentOf('{ pairings(first: 1) { totalCount } }'));
      expect(list.errors).toBeUndefined();
      expect(list.data).toEqual({ pairings: { totalCount: 0 } });
    } finally {
      await server.close();
    }
  });
});
