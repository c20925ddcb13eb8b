import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/** An audited table from the catalog, with its columns and the columns its trigger masks (the trigger's arguments). */
export interface AuditedTable {
  table: string;
  masked: string[];
  columns: string[];
}

/** Every table of the server's database that carries the audit trigger. */
export async function auditedTables(server: TestServer): Promise<AuditedTable[]> {
  const rows = await server.sql<{ table_name: string; args: string; columns: string[] }>(`
    select c.relname as table_name, encode(t.tgargs, 'escape') as args,
           array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where t.tgname = 'audit_' || c.relname order by 1`);
  // tgargs holds the arguments NUL-separated (escaped as \000), with a trailing separator.
  return rows.map((row) => ({ table: row.table_name, masked: row.args.split('\\000').filter(Boolean), columns: row.columns }));
}

/**
 * After a package's audit steps have written through its mutations: each of `tables` has at least
 * one insert recorded, every record keeps whole rows (all columns on insert and delete, the same
 * changed columns before and after on update), and masked columns are masked whether NULL or not.
 */
export async function expectWholeAuditRecords(server: TestServer, tables: readonly AuditedTable[]): Promise<void> {
  for (const { table, masked, columns } of tables) {
    const records = await server.sql<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
      "select action, before, after from audit_log where object_type = ? and action <> 'READ'",
      [table],
    );
    expect(records.filter((r) => r.action === 'INSERT').length, `${table}: no insert was recorded`).toBeGreaterThan(0);
    for (const record of records) {
      const where = `${table} ${record.action}`;
      if (record.action === 'INSERT') {
        expect(record.before, where).toBeNull();
        expect(Object.keys(record.after ?? {}).sort(), where).toEqual([...columns].sort());
      } else if (record.action === 'DELETE') {
        expect(Object.keys(record.before ?? {}).sort(), where).toEqual([...columns].sort());
        expect(record.after, where).toBeNull();
      } else {
        expect(record.before, where).not.toBeNull();
        expect(Object.keys(record.before!).sort(), where).toEqual(Object.keys(record.after ?? {}).sort());
      }
      for (const side of [record.before, record.after]) {
        for (const field of masked) {
          if (!side || !(field in side)) continue;
          const value = side[field];
          if (field === 'id_number') expect(value, where).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
          else if (field === 'bank_account') expect(value === null || /^\d{4}\*+\d{4}$|^\*+$/.test(String(value)), where).toBe(true);
          else expect(value, `${where} ${field}`).toBe('***');
        }
      }
    }
  }
}
