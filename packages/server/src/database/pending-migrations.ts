import type { MikroORM } from '@mikro-orm/postgresql';

/** The table MikroORM's migrator records each applied migration in (orm.ts sets it). */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** The migrator's schema: PostgreSQL's default, since orm.ts sets none. */
const MIGRATIONS_SCHEMA = 'public';

/**
 * The names of the listed migrations that the database has not recorded as applied, in the list's
 * order; all of them when the table is not there yet (a new database).
 *
 * Why not ask the migrator: loading `@mikro-orm/migrations` loads umzug and, through it, zod,
 * argparse and three of Microsoft's rushstack packages, about 2.6 MB of a server's heap for as
 * long as it runs (their source text, their module objects), and a started server keeps whatever
 * it imported. A server starting on a database that is up to date, which is every start but the
 * first after an upgrade, now never loads it (orm.ts).
 *
 * Names compare as the migrator stores them: without a `.js` or `.ts` ending.
 */
export async function pendingMigrations(orm: MikroORM, listed: readonly string[]): Promise<string[]> {
  const connection = orm.em.getConnection();
  const [table] = await connection.execute<{ present: boolean }[]>(`select to_regclass('${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}') is not null as present`);
  if (!table?.present) return [...listed];
  const rows = await connection.execute<{ name: string }[]>(`select name from ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`);
  const applied = new Set(rows.map((row) => withoutScriptEnding(row.name)));
  return listed.filter((name) => !applied.has(withoutScriptEnding(name)));
}

function withoutScriptEnding(name: string): string {
  return name.replace(/\.[jt]s$/, '');
}
