import { AuditTrail, inTransaction, ReadLayer, SYSTEM_PRINCIPAL, type TuopinContext } from '@tuopin/core';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two writes that lock the same rows in opposite orders deadlock; PostgreSQL aborts one of them.
 * `inTransaction` runs the aborted one again, so both land and neither caller sees an unexpected
 * error (before, six concurrent credit-line grants under load could end in "deadlock detected").
 */
let server: TestServer;

const contextOf = (server: TestServer): TuopinContext => ({
  em: server.orm.em.fork() as TuopinContext['em'],
  db: new ReadLayer(server.orm.em).forRequest({ statements: 0 }),
  principal: SYSTEM_PRINCIPAL,
  settings: server.settings,
  requestId: 'test:deadlock',
  audit: new AuditTrail(),
  plugins: server.platform.plugins,
});

beforeAll(async () => {
  server = await createTestServer();
  await server.sql('create table race_probe (id int primary key, n int not null)');
  await server.sql('insert into race_probe values (1, 0), (2, 0)');
});
afterAll(() => server.close());

describe('inTransaction', () => {
  it('runs a transaction aborted by a deadlock again, so both racing writes land', async () => {
    let attempts = 0;
    const lockInOrder = (first: number, second: number) =>
      inTransaction(contextOf(server), {}, async (em) => {
        attempts += 1;
        await em.execute('update race_probe set n = n + 1 where id = ?', [first]);
        await em.execute('select pg_sleep(0.3)');
        await em.execute('update race_probe set n = n + 1 where id = ?', [second]);
      });

    const outcomes = await Promise.allSettled([lockInOrder(1, 2), lockInOrder(2, 1)]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts).toBe(3);
    expect(await server.sql('select id, n from race_probe order by id')).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('still gives up on other errors at once', async () => {
    let attempts = 0;
    await expect(
      inTransaction(contextOf(server), {}, async (em) => {
        attempts += 1;
        await em.execute('select 1 / 0');
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
