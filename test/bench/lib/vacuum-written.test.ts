import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@tuopin/testing';
import { vacuumWritten } from './cluster.js';

/**
 * Sends this backend's pending table counters to the statistics now: a backend sends them at most
 * once a second unless told to, and a forced send happens at the end of the next statement.
 */
async function flushStatistics(client: pg.Client): Promise<void> {
  await client.query('select pg_stat_force_next_flush()');
  await client.query('select 1');
}

/** The table's counters since its last vacuum and analyze, and whether it had either. */
async function counters(client: pg.Client, table: string) {
  const { rows } = await client.query(
    `select n_ins_since_vacuum::int as inserted, n_mod_since_analyze::int as modified, n_dead_tup::int as dead,
            last_vacuum is not null as vacuumed, last_analyze is not null as analyzed
       from pg_stat_user_tables where relname = $1`,
    [table],
  );
  return rows[0];
}

describe('the bench vacuums what was written between runs (autovacuum is off in its cluster)', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: await createTestDatabase({ empty: true }) });
    await client.connect();
  });
  afterAll(() => client?.end());

  it('vacuums and analyzes the tables written since their last vacuum, and only those', async () => {
    // Without autovacuum, as in the bench's cluster: nothing but the function under test vacuums them.
    await client.query('create table written (id int primary key, note text) with (autovacuum_enabled = false)');
    await client.query('create table untouched (id int primary key) with (autovacuum_enabled = false)');
    await client.query(`insert into written select n, 'row ' || n from generate_series(1, 500) n`);
    await client.query(`update written set note = 'changed' where id <= 100`);
    await flushStatistics(client);
    expect(await counters(client, 'written')).toEqual({ inserted: 500, modified: 600, dead: 100, vacuumed: false, analyzed: false });

    expect(await vacuumWritten(client)).toEqual(['public.written']);
    await flushStatistics(client);
    expect(await counters(client, 'written')).toEqual({ inserted: 0, modified: 0, dead: 0, vacuumed: true, analyzed: true });
    expect(await counters(client, 'untouched')).toMatchObject({ vacuumed: false, analyzed: false });
    // Nothing written since: nothing to do.
    expect(await vacuumWritten(client)).toEqual([]);
    // A delete alone (no insert) is a change too.
    await client.query('delete from written where id = 1');
    await flushStatistics(client);
    expect(await vacuumWritten(client)).toEqual(['public.written']);
  });
});
