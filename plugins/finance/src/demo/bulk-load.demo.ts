import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs a bulk load with the foreign keys of the given (empty, plugin-owned) tables dropped, and
 * adds them back afterwards, which checks every loaded row at once. Row-by-row key checks are
 * most of the cost of loading tens of thousands of rows (about 40 µs a row per key), and all of
 * it happens inside the caller's transaction, so nobody ever sees the tables without their keys.
 */
export async function withoutForeignKeys<T>(em: EntityManager, tables: readonly string[], work: () => Promise<T>): Promise<T> {
  const keys = await em.execute<{ table_name: string; name: string; definition: string }[]>(
    `select c.conrelid::regclass::text as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text = any(?::text[])
     order by c.conrelid::regclass::text, c.conname`,
    [`{${tables.join(',')}}`],
  );
  for (const key of keys) await em.execute(`alter table ${key.table_name} drop constraint ${key.name}`);
  const result = await work();
  for (const key of keys) await em.execute(`alter table ${key.table_name} add constraint ${key.name} ${key.definition}`);
  return result;
}
