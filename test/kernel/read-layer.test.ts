import {
  appendPageColumn,
  AreaSchema,
  AuditTrail,
  extraColumn,
  HouseholdSchema,
  householdLoader,
  inTransaction,
  keyMatch,
  pageColumn,
  pageRowsOf,
  ReadLayer,
  rowsWhereIn,
  SqlText,
  SYSTEM_PRINCIPAL,
  type TuopinContext,
} from '@tuopin/core';
import { loadDemoData, silentLogger } from '@tuopin/server';
import { createTestServer, type TestServer } from '@tuopin/testing';
import type { EntityMetadata } from '@mikro-orm/core';
import { entityColumns } from '../../packages/core/src/kernel/read/entity-columns.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The kernel's read layer (node-postgres on the ORM's pool): inside a mutation's transaction it
 * reads on that transaction's connection, it gives the rows the ORM's mapper gave, and every
 * statement it sends is counted.
 */
let server: TestServer;

const contextOf = (server: TestServer): TuopinContext => ({
  em: server.orm.em.fork() as TuopinContext['em'],
  db: new ReadLayer(server.orm.em).forRequest({ statements: 0 }),
  principal: SYSTEM_PRINCIPAL,
  settings: server.settings,
  requestId: 'test:read-layer',
  audit: new AuditTrail(),
  plugins: server.platform.plugins,
});

/**
 * The reference: the ORM's own way to plain rows (its query builder and result mapper), which the
 * read layer replaced on every read path and must give exactly.
 */
async function ormRows(ctx: TuopinContext, entity: (typeof server.platform.entities)[number], key: string): Promise<unknown[]> {
  const qb = ctx.em.createQueryBuilder(entity as never).select('*').orderBy({ [key]: 'asc' } as never).limit(5);
  return (await qb.execute('all', true)) as unknown[];
}

beforeAll(async () => {
  server = await createTestServer();
  // The demo data fills core and finance alike, so every entity has rows to compare.
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
});
afterAll(() => server.close());

describe('the read layer', () => {
  it('reads inside a transaction on its connection: a loader sees the rows the mutation wrote, others do not', async () => {
    const [{ id: householdId }] = await server.sql<{ id: number }>('select id from household order by id limit 1');
    const [{ township }] = await server.sql<{ township: string }>(`select parent_code as township from area where level = 'VILLAGE' order by code limit 1`);
    const village = `${township.slice(0, 9)}999`;
    const ctx = contextOf(server);
    // The transaction writes, then waits while a read outside it (another request) looks.
    let written!: () => void;
    let looked!: () => void;
    const writtenNow = new Promise<void>((resolve) => (written = resolve));
    const lookedNow = new Promise<void>((resolve) => (looked = resolve));
    const mutation = inTransaction(ctx, {}, async (em) => {
      await em.execute(`insert into area (code, name, level, parent_code) values (?, '读层村', 'VILLAGE', ?)`, [village, township]);
      await em.execute(`update household set household_no = 'READ-LAYER-1' where id = ?`, [householdId]);
      const [inside] = await rowsWhereIn(ctx, AreaSchema, 'code', [village]);
      const household = await householdLoader(ctx).load(householdId);
      written();
      await lookedNow;
      throw Object.assign(new Error('roll back'), { seen: { inside, household } });
    }).catch((error: { seen?: unknown }) => error.seen ?? error);
    await writtenNow;
    const other = contextOf(server);
    const outside = await rowsWhereIn(other, AreaSchema, 'code', [village]);
    const otherHousehold = await householdLoader(other).load(householdId);
    looked();

    expect(await mutation).toMatchObject({
      inside: { code: village, name: '读层村', level: 'VILLAGE', parentCode: township },
      household: { id: householdId, householdNo: 'READ-LAYER-1' },
    });
    expect(outside).toEqual([]);
    expect(otherHousehold?.householdNo).not.toBe('READ-LAYER-1');
    // Rolled back: nothing of it stayed.
    expect(await server.sql('select code from area where code = ?', [village])).toEqual([]);
  });

  it('gives every entity the rows the ORM mapped, as rows, as JSON objects and as JSON arrays: property names, Date for datetimes, text for money and dates', async () => {
    const ctx = contextOf(server);
    const compared: string[] = [];
    for (const entity of server.platform.entities) {
      const meta = server.orm.getMetadata().get(entity.meta.className);
      if (meta.primaryKeys.length !== 1 || meta.embeddable || meta.virtual) continue;
      const key = meta.primaryKeys[0];
      const viaOrm = await ormRows(ctx, entity, key);
      if (viaOrm.length === 0) continue;
      const keys = viaOrm.map((row) => (row as Record<string, unknown>)[key]);
      const viaLayer = await rowsWhereIn(ctx, entity as never, key as never, keys, { orderBy: [[key as never, 'asc']] });
      expect(viaLayer, entity.meta.className).toEqual(viaOrm);
      // The same rows as JSON objects, the form child lists take inside their parent's statement.
      const columns = ctx.db.columns(entity as never);
      const [{ list }] = await ctx.db.rows<{ list: Record<string, unknown>[] }>(
        new SqlText().append(`select json_agg(${columns.jsonObject('e')} order by ${columns.column(key as never, 'e')}) as list from ${columns.table} e where ${columns.column(key as never, 'e')} = any(?)`, keys),
      );
      expect(list.map((row) => columns.finishRow(row)), `${entity.meta.className} as JSON`).toEqual(viaOrm);
      // And as JSON arrays of values, the form child lists take now.
      const [{ arrays }] = await ctx.db.rows<{ arrays: unknown[][] }>(
        new SqlText().append(`select json_agg(${columns.jsonArray('e')} order by ${columns.column(key as never, 'e')}) as arrays from ${columns.table} e where ${columns.column(key as never, 'e')} = any(?)`, keys),
      );
      expect(arrays.map((values) => columns.fromJsonArray(values)), `${entity.meta.className} as JSON arrays`).toEqual(viaOrm);
      compared.push(entity.meta.className);
    }
    // The demo data fills the registry, projects, ledger and finance: the comparison covers them.
    expect(compared).toEqual(expect.arrayContaining(['Area', 'Household', 'Member', 'Project', 'Fund', 'LedgerEntry', 'FinanceLoan', 'FinanceRepayment', 'FinanceCreditRating']));
  });

  it('counts each statement it sends, and sends lists as one array parameter', async () => {
    const ctx = contextOf(server);
    const ids = (await server.sql<{ id: number }>('select id from household order by id limit 30')).map((row) => row.id);
    expect(ids.length).toBe(30);
    const few = await server.countStatements(() => householdLoader(ctx).loadMany(ids.slice(0, 3)));
    const many = await server.countStatements(() => householdLoader(contextOf(server)).loadMany(ids));
    expect(few.count).toBe(1);
    expect(many.statements).toEqual(few.statements);
    expect(many.statements[0]).toContain('= any($1)');
  });

  it('looks one key up as `= $1`, whose prepared statement PostgreSQL stops planning again; an array of one is planned on every call', async () => {
    const ids = (await server.sql<{ id: number }>('select id from household order by id limit 8')).map((row) => row.id);
    expect(ids).toHaveLength(8);
    const one = await server.countStatements(() => householdLoader(contextOf(server)).load(ids[0]));
    expect(one.statements).toHaveLength(1);
    expect(one.statements[0]).toMatch(/ = \$1$/);
    // On one connection (a transaction's), each lookup eight times: the one-key text and the batch text.
    const ctx = contextOf(server);
    const plans = await inTransaction(ctx, {}, async () => {
      for (const id of ids) {
        expect(await rowsWhereIn(ctx, HouseholdSchema, 'id', [id])).toHaveLength(1);
        expect(await ctx.db.rows(new SqlText().append(`select id from household where id = any(?)`, [id]))).toHaveLength(1);
      }
      return ctx.db.rows<{ statement: string; generic_plans: string; custom_plans: string }>(
        new SqlText().append(`select statement, generic_plans, custom_plans from pg_prepared_statements where statement like any(?)`, [
          '%from "household" e where e."id" = $1',
          'select id from household where id = any($1)',
        ]),
      );
    });
    const single = plans.find((row) => row.statement.endsWith('= $1'));
    const batch = plans.find((row) => row.statement.includes('= any($1)'));
    // Five custom plans, then the generic one for good; the array's text never gets there.
    expect(Number(single?.generic_plans)).toBeGreaterThanOrEqual(3);
    expect(Number(batch?.generic_plans)).toBe(0);
    expect(Number(batch?.custom_plans)).toBeGreaterThanOrEqual(8);
  });

  it("matches the loaders' own statements the same way: one key as itself, several as one array, cast when asked", () => {
    expect(keyMatch('e.id', [7], 'int')).toEqual({ sql: 'e.id = ?::int', params: [7] });
    expect(keyMatch('e.id', [7, 8], 'int')).toEqual({ sql: 'e.id = any(?::int[])', params: [[7, 8]] });
    expect(keyMatch('site_id', ['a', 'b'])).toEqual({ sql: 'site_id = any(?)', params: [['a', 'b']] });
    expect(keyMatch('site_id', ['a'])).toEqual({ sql: 'site_id = ?', params: ['a'] });
  });

  it("sets a page's extra columns aside: its rows hold exactly the entity's properties, and the extras are read beside them", async () => {
    const ctx = contextOf(server);
    const expected = await server.sql<{ id: number; household_no: string }>('select id, household_no from household order by id limit 3');
    expect(expected).toHaveLength(3);
    const rows = await pageRowsOf(ctx, {
      entity: HouseholdSchema,
      alias: 'h',
      conditions: () => {},
      properties: ['id', 'householdNo'],
      extraColumns: (sql) => sql.append(`, h.id * 2 as "double_", (select count(*)::int from household) as "total_"`),
      orderBy: [['id', 'asc']],
      limit: 3,
    });
    expect(rows.map((row) => Object.keys(row))).toEqual(expected.map(() => ['id', 'householdNo']));
    expect(rows.map((row, index) => [row.id, row.householdNo, extraColumn<number>(rows, index, 'double_')])).toEqual(expected.map((row) => [row.id, row.household_no, row.id * 2]));
    const [{ n }] = await server.sql<{ n: string }>('select count(*) as n from household');
    expect(pageColumn<number>(rows, 'total_')).toBe(Number(n));
    expect(() => extraColumn(rows, 0, 'members_')).toThrow(/no extra column members_/);
    expect(() => extraColumn(rows.slice(), 0, 'double_')).toThrow(/no extra column double_/);
    // The rows are guarded as before: a property the page did not read is refused, not undefined.
    expect(() => rows[0].status).toThrow();
  });

  it('reads a row wider than json_build_array takes (100 values) as an array of arrays, decoded in order', async () => {
    const ctx = contextOf(server);
    // 130 integer columns c1…c130 of a made-up entity, whose values are their numbers.
    const props = Array.from({ length: 130 }, (_, i) => ({ name: `p${i + 1}`, fieldNames: [`c${i + 1}`], columnTypes: ['int'], runtimeType: 'number' }));
    const meta = { className: 'Wide', tableName: 'wide', props } as unknown as EntityMetadata;
    const columns = entityColumns<Record<string, number>>(meta, server.orm.em.getPlatform());
    expect(columns.jsonArray('e')).toMatch(/^json_build_array\(json_build_array\(/);
    const [{ value }] = await ctx.db.rows<{ value: unknown[] }>(
      new SqlText().append(`select ${columns.jsonArray('e')} as value from (select ${props.map((_, i) => `${i + 1} as c${i + 1}`).join(', ')}) e`),
    );
    expect(columns.fromJsonArray(value)).toEqual(Object.fromEntries(props.map((prop, i) => [prop.name, i + 1])));
  });

  it('reads many rows wider than json_build_array takes as one JSON array per column, decoded in order', async () => {
    const ctx = contextOf(server);
    const props = Array.from({ length: 130 }, (_, i) => ({ name: `p${i + 1}`, fieldNames: [`c${i + 1}`], columnTypes: ['int'], runtimeType: 'number' }));
    const meta = { className: 'Wide', tableName: 'wide', props } as unknown as EntityMetadata;
    const columns = entityColumns<Record<string, number>>(meta, server.orm.em.getPlatform());
    // Three rows, row r holding r * 1000 + the column's number.
    const rowsSql = `select ${props.map((_, i) => `r * 1000 + ${i + 1} as c${i + 1}`).join(', ')} from generate_series(1, 3) r`;
    const [{ value }] = await ctx.db.rows<{ value: unknown[] }>(new SqlText().append(`select ${columns.jsonColumns('e')} as value from (${rowsSql}) e`));
    expect(columns.fromJsonColumns(value)).toEqual([1, 2, 3].map((r) => Object.fromEntries(props.map((prop, i) => [prop.name, r * 1000 + i + 1]))));
    // No rows: every column's aggregate is null, and so no rows come back.
    const [{ none }] = await ctx.db.rows<{ none: unknown[] }>(new SqlText().append(`select ${columns.jsonColumns('e')} as none from (${rowsSql}) e where false`));
    expect(columns.fromJsonColumns(none)).toEqual([]);
  });

  it("computes a page column once from the whole page, carried by the page's first row, the rows in the page's order", async () => {
    const ctx = contextOf(server);
    const expected = await server.sql<{ id: number }>('select id from household order by id desc limit 4');
    expect(expected).toHaveLength(4);
    const rows = await pageRowsOf(ctx, {
      entity: HouseholdSchema,
      alias: 'h',
      conditions: () => {},
      properties: ['id', 'householdNo'],
      extraColumns: (sql) => sql.append(`, h.id * 2 as "double_"`),
      pageColumns: (sql) => appendPageColumn(sql, 'select array_agg("id" order by "id") from page', 'ids_'),
      orderBy: [['id', 'desc']],
      limit: 4,
    });
    expect(rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(rows.map((row) => Object.keys(row))).toEqual(expected.map(() => ['id', 'householdNo']));
    expect(rows.map((_, index) => extraColumn<number>(rows, index, 'double_'))).toEqual(expected.map((row) => row.id * 2));
    expect(pageColumn<number[]>(rows, 'ids_')).toEqual(expected.map((row) => row.id).sort((a, b) => a - b));
    expect(rows.slice(1).map((_, index) => extraColumn(rows, index + 1, 'ids_'))).toEqual([null, null, null]);
  });

  it('numbers placeholders as fragments are appended, and refuses a fragment whose values do not match', () => {
    const sql = new SqlText().append('select ? as a', 1).append(' where b = ? and c = ?', 2, 3);
    expect(sql.text).toBe('select $1 as a where b = $2 and c = $3');
    expect(sql.values).toEqual([1, 2, 3]);
    expect(() => new SqlText().append('x = ?')).toThrow(/1 placeholders but 0 values/);
  });
});
