import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database for one test file: a clone of the migrated template (core and the test
 * project's plugin set), or with `empty: true` a database without tables, for tests that migrate a plugin set
 * of their own.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  const { adminUrl, template, prefix } = inject('tuopinDatabase');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(options.empty ? `create database "${name}"` : `create database "${name}" template "${template}"`);
  } finally {
    await client.end();
  }
  return urlFor(adminUrl, name);
}
