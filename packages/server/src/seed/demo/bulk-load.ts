/**
 * PostgreSQL's own advice for big loads ("Populating a Database"): drop the foreign keys and
 * indexes of the tables being filled, load, then recreate them. Re-adding a foreign key checks
 * all rows with one join instead of a trigger query per inserted row, and building an index
 * once over sorted keys beats inserting millions of random keys one by one.
 *
 * What is dropped: the tables' foreign keys, their unique constraints and unique or plain
 * indexes. What stays: primary keys, check constraints, and any index another table's foreign
 * key depends on.
 *
 * Safe by construction: it all happens inside the caller's transaction; each constraint and
 * index is recreated from its own catalogue definition (same name, same columns, same options,
 * same partial predicate), so the schema ends exactly as the migrations made it; recreating a
 * unique index or constraint fails on any duplicate and re-adding a foreign key validates every
 * row, old and new. If anything fails, ROLLBACK restores everything. The DDL takes ACCESS
 * EXCLUSIVE locks: the tables are unreadable by others until commit.
 */
import type pg from 'pg';

interface TableConstraint {
  tableName: string;
  name: string;
  definition: string;
}

interface PlainIndex {
  name: string;
  definition: string;
}

export interface Relaxed {
  foreignKeys: number;
  /** Unique constraints and indexes. */
  indexes: number;
  /** Recreates the indexes and unique constraints, then the foreign keys (validating all rows). */
  restore(): Promise<void>;
}

export async function relaxForBulkLoad(client: pg.ClientBase, tables: readonly string[]): Promise<Relaxed> {
  const constraintsOf = async (type: 'f' | 'u') =>
    (
      await client.query<TableConstraint>(
        `select format('%I.%I', n.nspname, t.relname) as "tableName", quote_ident(c.conname) as name,
                pg_get_constraintdef(c.oid) as definition
           from pg_constraint c
           join pg_class t on t.oid = c.conrelid
           join pg_namespace n on n.oid = t.relnamespace
          where c.contype = $2 and c.conrelid = any ($1::regclass[])
            -- a unique constraint another table's foreign key points at stays
            and (c.contype <> 'u' or not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid))
          order by 1, 2`,
        [tables, type],
      )
    ).rows;
  const foreignKeys = await constraintsOf('f');
  const uniques = await constraintsOf('u');
  const indexes = (
    await client.query<PlainIndex>(
      `select format('%I.%I', n.nspname, ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
         from pg_index i
         join pg_class ic on ic.oid = i.indexrelid
         join pg_namespace n on n.oid = ic.relnamespace
        where i.indrelid = any ($1::regclass[])
          and not i.indisprimary
          -- not backing a constraint (handled above), nor referenced by a foreign key
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        order by 1`,
      [tables],
    )
  ).rows;
  for (const fk of foreignKeys) await client.query(`alter table ${fk.tableName} drop constraint ${fk.name}`);
  for (const unique of uniques) await client.query(`alter table ${unique.tableName} drop constraint ${unique.name}`);
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  return {
    foreignKeys: foreignKeys.length,
    indexes: uniques.length + indexes.length,
    async restore() {
      for (const index of indexes) await client.query(index.definition);
      for (const unique of uniques) await client.query(`alter table ${unique.tableName} add constraint ${unique.name} ${unique.definition}`);
      for (const fk of foreignKeys) await client.query(`alter table ${fk.tableName} add constraint ${fk.name} ${fk.definition}`);
    },
  };
}
