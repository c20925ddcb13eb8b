import type pg from 'pg';

/**
 * Opens the transaction of a bulk load of demo or benchmark data. Loading synthetic people is
 * not an act anyone must answer for, and auditing a million inserted rows would double the load,
 * so the audit triggers are told to skip this transaction (and only this one).
 */
export async function beginBulkLoad(client: pg.ClientBase): Promise<void> {
  await client.query('begin');
  await client.query("select set_config('tuopin.audit', 'off', true)");
}
