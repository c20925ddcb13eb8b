import { createTestServer, runContractSweeps } from '@tuopin/testing';
import { expect, it } from 'vitest';

// The plugin contract's sweeps for finance and core alone: descriptions, the audit trail of every
// table and mutation. The root suite runs the same sweeps over every installed plugin.
runContractSweeps();

it('runs its tests on a database of core and finance alone', async () => {
  const tablesOf = async (server: Awaited<ReturnType<typeof createTestServer>>) => {
    try {
      return (await server.sql<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")).map((row) => row.tablename);
    } finally {
      await server.close();
    }
  };
  const financeTables = await tablesOf(await createTestServer());
  const coreTables = await tablesOf(await createTestServer({ plugins: [] }));
  expect(financeTables).toEqual(expect.arrayContaining(coreTables));
  const added = financeTables.filter((table) => !coreTables.includes(table));
  expect(added).toContain('finance_loan');
  expect(added.filter((table) => !table.startsWith('finance_'))).toEqual([]);
});
