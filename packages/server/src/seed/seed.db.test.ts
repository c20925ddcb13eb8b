/**
 * The seeders against a real PostgreSQL: an embedded cluster of our own in a temporary
 * directory, two databases migrated like production, the demo in both (to compare digests),
 * then the synthetic province on top of one of them, and a third with the synthetic province
 * first and the demo on top (the two share 合成省).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPlatform, checkIdNumber, corePlugin } from '@tuopin/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded-postgres.js';
import { createOrm, migrate } from '../orm.js';
import { BAOJING_CODE, BAOJING_EXITED_PEOPLE, BAOJING_HOUSEHOLDS, BAOJING_PEOPLE, BAOJING_RURAL_POPULATION } from './demo/baojing.js';
import { DALAOYEMIAO_CODE } from './demo/dalaoyemiao.js';
import { NAMES_FROM_REPORTS } from './demo/names.js';
import { SHIFAN_CODE, SHIFAN_HOUSEHOLDS, SHIFAN_PEOPLE, SHIFAN_RURAL_POPULATION } from './demo/shifan.js';
import { seedDemo, seedScale, SCALE_PROVINCE_CODE, type DemoSummary } from './index.js';

let base: string;
let cluster: EmbeddedPostgres;
const clients: pg.Client[] = [];

async function freshDatabase(name: string): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const orm = await createOrm({ databaseUrl: cluster.url(name), platform: buildPlatform({ plugins: [corePlugin] }), poolSize: 1 });
  await migrate(orm);
  await orm.close();
  const client = new pg.Client({ connectionString: cluster.url(name) });
  await client.connect();
  clients.push(client);
  return client;
}

async function one<T>(client: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await client.query(sql, params);
  return Object.values(rows[0] as Record<string, unknown>)[0] as T;
}

/** A digest of everything seeded except ids and timestamps. */
async function digest(client: pg.Client): Promise<string> {
  return one<string>(
    client,
    `select md5(
       (select string_agg(concat_ws('|', code, name, level, parent_code, is_poverty_village, exit_year, rural_population), ',' order by code) from area) ||
       (select string_agg(concat_ws('|', village_code, name), ',' order by village_code, name) from village_group) ||
       (select string_agg(concat_ws('|', h.household_no, g.name, h.category, h.status, h.year_identified, h.exit_year, h.primary_cause,
                                    h.other_causes::text, h.housing_area, h.housing_safety_grade, h.arable_land, h.bank_account, h.member_count), ','
                          order by h.household_no)
          from household h join village_group g on g.id = h.group_id) ||
       (select string_agg(concat_ws('|', h.household_no, m.name, m.id_number, m.relation_to_head, m.ethnicity, m.education, m.school_status,
                                    m.health, m.labour_ability, m.employment, m.employment_months, m.pension_insurance), ','
                          order by m.id_number)
          from member m join household h on h.id = m.household_id) ||
       (select string_agg(concat_ws('|', h.household_no, i.year, i.wages, i.business, i.transfers, i.property, i.production_costs), ','
                          order by h.household_no, i.year)
          from household_income i join household h on h.id = i.household_id))`,
  );
}

/** The registry tables' constraints and indexes, as definitions (the bulk load must restore them). */
async function schemaShape(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ d: string }>(
    `select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint
      where conrelid in ('area'::regclass, 'village_group'::regclass, 'household'::regclass, 'member'::regclass, 'household_income'::regclass)
     union all
     select indexdef from pg_indexes where tablename in ('area', 'village_group', 'household', 'member', 'household_income')
     order by 1`,
  );
  return rows.map((row) => row.d);
}

/** The registry's invariants; each query counts violations. */
async function expectInvariants(client: pg.Client): Promise<void> {
  const violations = {
    headCount: `select count(*) from household h
                 where (select count(*) from member m where m.household_id = h.id and m.relation_to_head = 'HEAD') <> 1`,
    memberCount: `select count(*) from household h where h.member_count <> (select count(*) from member m where m.household_id = h.id)`,
    memberVillage: `select count(*) from member m join household h on h.id = m.household_id where m.village_code <> h.village_code`,
    groupVillage: `select count(*) from household h join village_group g on g.id = h.group_id where g.village_code <> h.village_code`,
    notInVillage: `select count(*) from household h join area a on a.code = h.village_code where a.level <> 'VILLAGE'`,
    incomeSize: `select count(*) from household_income i join household h on h.id = i.household_id where i.household_size <> h.member_count`,
    exitedBelowLine: `select count(*) from household_income i join household h on h.id = i.household_id
                       where h.status = 'EXITED' and i.per_capita_net_income < case i.year when 2018 then 2995 when 2019 then 3218 else 4000 end`,
    ruralBelowRegistered: `select count(*) from area a where a.level = 'VILLAGE'
                            and a.rural_population < (select coalesce(sum(member_count), 0) from household h where h.village_code = a.code)`,
  };
  for (const [name, sql] of Object.entries(violations)) expect({ [name]: Number(await one<string>(client, sql)) }).toEqual({ [name]: 0 });
  // Identity sequences continue after the explicit ids.
  for (const table of ['village_group', 'household', 'member', 'household_income']) {
    const ahead = await one<boolean>(client, `select nextval(pg_get_serial_sequence($1, 'id')) > (select max(id) from ${table})`, [table]);
    expect({ table, ahead }).toEqual({ table, ahead: true });
  }
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'tuopin-seed-test-'));
  await chmod(base, 0o755); // as root, the postgres OS user must reach the data directory below it
  cluster = await startEmbeddedPostgres({
    dataDir: path.join(base, 'postgres'),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.end().catch(() => {});
  await cluster?.stop();
  if (base) await rm(base, { recursive: true, force: true });
});

describe('seedDemo and seedScale', () => {
  let first: pg.Client;
  let summary: DemoSummary;
  let shape: string[];

  it('seeds the demo registry', { timeout: 120_000 }, async () => {
    first = await freshDatabase('seed_first');
    shape = await schemaShape(first);
    const lines: string[] = [];
    summary = await seedDemo(first, { log: (line) => lines.push(line) });
    expect(lines.length).toBeGreaterThan(2);
    expect(summary).toMatchObject({ areas: 231, villages: 209, groups: expect.any(Number), households: expect.any(Number) });
    expect(summary.households).toBe(Number(await one<string>(first, 'select count(*) from household')));
    expect(summary.members).toBe(Number(await one<string>(first, 'select count(*) from member')));
    expect(summary.incomes).toBe(Number(await one<string>(first, 'select count(*) from household_income')));
    expect(summary.groups).toBe(Number(await one<string>(first, 'select count(*) from village_group')));
    expect(summary.areas).toBe(Number(await one<string>(first, 'select count(*) from area')));
    expect(await schemaShape(first)).toEqual(shape);
  });

  it('builds 保靖县 after its report', async () => {
    const townships = await first.query(`select name from area where parent_code = $1 and level = 'TOWNSHIP' order by code`, [BAOJING_CODE]);
    expect(townships.rows.map((r) => r.name)).toEqual([
      '迁陵镇', '野竹坪镇', '清水坪镇', '复兴镇', '碗米坡镇', '葫芦镇', '普戎镇', '毛沟镇', '水田河镇', '吕洞山镇', '长潭河乡', '阳朝乡',
    ]);
    const { rows } = await first.query(
      `select count(*)::int as villages, count(*) filter (where is_poverty_village)::int as poverty,
              count(*) filter (where exit_year between 2017 and 2019)::int as exited, sum(rural_population)::int as rural,
              count(distinct name)::int as names, min((select count(*) from village_group g where g.village_code = a.code))::int as min_groups,
              max((select count(*) from village_group g where g.village_code = a.code))::int as max_groups
         from area a where level = 'VILLAGE' and code like '433125%'`,
    );
    expect(rows[0]).toMatchObject({ villages: 196, poverty: 130, rural: BAOJING_RURAL_POPULATION, names: 196, min_groups: 3, max_groups: 10 });
    expect(rows[0].exited).toBeGreaterThan(20);
    const figures = await first.query(
      `select count(*)::int as households, sum(member_count)::int as people,
              sum(member_count) filter (where status in ('POOR', 'RETURNED'))::int as poor,
              sum(member_count) filter (where status = 'EXITED')::int as exited,
              count(*) filter (where status = 'RETURNED')::int as returned
         from household where village_code like '433125%'`,
    );
    const f = figures.rows[0];
    expect(f).toMatchObject({ households: BAOJING_HOUSEHOLDS, people: BAOJING_PEOPLE, exited: BAOJING_EXITED_PEOPLE });
    const incidence = f.poor / BAOJING_RURAL_POPULATION;
    expect(incidence).toBeGreaterThan(0.17);
    expect(incidence).toBeLessThan(0.22);
    expect(f.returned / f.households).toBeGreaterThan(0.01);
    expect(f.returned / f.households).toBeLessThan(0.05);
  });

  it('builds 大老爷庙村 with its 7 natural villages and 48 poor households', async () => {
    expect(Number(await one<string>(first, 'select count(*) from village_group where village_code = $1', [DALAOYEMIAO_CODE]))).toBe(7);
    expect(Number(await one<string>(first, `select count(*) from household where village_code = $1 and status = 'POOR'`, [DALAOYEMIAO_CODE]))).toBe(48);
    expect(await one<string>(first, 'select name from area where code = $1', [DALAOYEMIAO_CODE])).toBe('大老爷庙村');
    expect(await one<string>(first, `select string_agg(name, ',' order by code) from area where code in ('211382108000', '211382000000', '211300000000', '210000000000')`)).toBe(
      '辽宁省,朝阳市,凌源市,四官营子镇',
    );
  });

  it('builds 示范镇 after 篇2 and 篇5: 813 households, 2,930 people, six villages', async () => {
    expect(await one<string>(first, `select string_agg(name || '<' || coalesce(parent_code, '-'), ',' order by code) from area where code in ('800000000000', '809901000000', $1)`, [SHIFAN_CODE])).toBe(
      '合成省 Synthetic benchmark province<-,示范县<800000000000,示范镇<809901000000',
    );
    const { rows: villages } = await first.query(
      `select count(*)::int as villages, count(*) filter (where is_poverty_village)::int as poverty, sum(rural_population)::int as rural,
              count(distinct name)::int as names,
              (select count(*) from village_group g join area v on v.code = g.village_code where v.parent_code = $1 and v.is_poverty_village)::int as poverty_groups
         from area a where level = 'VILLAGE' and parent_code = $1`,
      [SHIFAN_CODE],
    );
    expect(villages[0]).toEqual({ villages: 6, poverty: 3, rural: SHIFAN_RURAL_POPULATION, names: 6, poverty_groups: 71 });
    const { rows: figures } = await first.query(
      `select count(*)::int as households, sum(member_count)::int as people,
              sum(member_count) filter (where status in ('POOR', 'RETURNED'))::int as poor,
              count(*) filter (where status = 'RETURNED')::int as returned,
              (select count(*) from member where village_code like '809901101%' and id_number like '809901%')::int as local_ids
         from household where village_code like '809901101%'`,
    );
    expect(figures[0]).toMatchObject({ households: SHIFAN_HOUSEHOLDS, people: SHIFAN_PEOPLE, poor: SHIFAN_PEOPLE, local_ids: SHIFAN_PEOPLE });
    // "返贫现象比较突出": some households fell back into poverty.
    expect(figures[0].returned).toBeGreaterThan(10);
    // "全镇仍有贫困人口2930人占22.4%".
    expect((SHIFAN_PEOPLE / SHIFAN_RURAL_POPULATION).toFixed(3)).toBe('0.224');
  });

  it('keeps the invariants and writes only synthetic, valid people', async () => {
    await expectInvariants(first);
    const { rows } = await first.query<{ name: string; id_number: string; sex: string; birth_date: string }>(
      `select name, id_number, sex, to_char(birth_date, 'YYYY-MM-DD') as birth_date from member`,
    );
    for (const m of rows) {
      const check = checkIdNumber(m.id_number);
      if (!check.valid || check.sex !== m.sex || check.birthDate !== m.birth_date) throw new Error(`bad member ${JSON.stringify(m)}`);
      if (!/^[\u4e00-\u9fff]{2,3}$/u.test(m.name) || NAMES_FROM_REPORTS.has(m.name)) throw new Error(`bad name ${m.name}`);
    }
  });

  it('produces the same data on every run', { timeout: 120_000 }, async () => {
    const second = await freshDatabase('seed_second');
    await seedDemo(second);
    expect(await digest(second)).toBe(await digest(first));
  });

  it('refuses a database that already has areas, writing nothing', async () => {
    const before = await digest(first);
    await expect(seedDemo(first)).rejects.toThrow(/empty registry/);
    expect(await digest(first)).toBe(before);
    // The connection is usable afterwards (the transaction was rolled back).
    expect(await one<number>(first, 'select 1')).toBe(1);
  });

  it('adds a synthetic province on top of the demo', { timeout: 120_000 }, async () => {
    const before = { households: await one<string>(first, 'select max(id) from household') };
    const lines: string[] = [];
    // bulkLoad forced on, so the drop-and-recreate path runs at this small size too.
    const scale = await seedScale(first, { households: 5_000, seed: 7, bulkLoad: true, log: (line) => lines.push(line) });
    expect(scale.households).toBe(5_000);
    expect(scale.villages).toBe(50);
    // The benchmark's own codes: its province and prefectures 8001–8098 (8099 holds the demo's 示范县).
    const range = ['800000000000', '809899999999'];
    const counted = await first.query(
      `select (select count(*) from household where village_code between $1 and $2)::int as households,
              (select count(*) from member where village_code between $1 and $2)::int as members,
              (select count(*) from household_income i join household h on h.id = i.household_id where h.village_code between $1 and $2)::int as incomes,
              (select count(*) from area where code between $1 and $2)::int as areas,
              (select count(*) from area where code between $1 and $2 and level = 'VILLAGE')::int as villages,
              (select count(*) from village_group where village_code between $1 and $2)::int as groups,
              (select min(id) from household where village_code between $1 and $2)::int as first_id`,
      range,
    );
    expect(counted.rows[0]).toEqual({
      households: 5_000,
      members: scale.members,
      incomes: scale.incomes,
      areas: scale.areas,
      villages: scale.villages,
      groups: scale.groups,
      first_id: Number(before.households) + 1,
    });
    expect(scale.members / scale.households).toBeGreaterThan(2.8);
    expect(scale.members / scale.households).toBeLessThan(3.4);
    expect(await one<string>(first, 'select name from area where code = $1', [SCALE_PROVINCE_CODE])).toBe('合成省 Synthetic benchmark province');
    const rural = await first.query(
      `select sum(rural_population)::float / (select count(*) from member where village_code between $1 and $2) as ratio
         from area where level = 'VILLAGE' and code between $1 and $2`,
      range,
    );
    expect(rural.rows[0].ratio).toBeGreaterThan(4);
    expect(rural.rows[0].ratio).toBeLessThan(5);
    await expectInvariants(first);
    expect(await schemaShape(first)).toEqual(shape);
    // The demo is untouched, 示范镇 in the same province too.
    expect(Number(await one<string>(first, `select count(*) from household where village_code like '433125%'`))).toBe(BAOJING_HOUSEHOLDS);
    expect(Number(await one<string>(first, `select count(*) from household where village_code like '809901%'`))).toBe(SHIFAN_HOUSEHOLDS);
    // The same province cannot be added twice.
    await expect(seedScale(first, { households: 10 })).rejects.toThrow(/already exists/);
  });

  it('seeds the synthetic province first and the demo after it into the same data', { timeout: 180_000 }, async () => {
    const third = await freshDatabase('seed_third');
    await seedScale(third, { households: 5_000, seed: 7, bulkLoad: true });
    const demo = await seedDemo(third);
    expect(demo.households).toBe(summary.households);
    // Apart from ids, the same rows as the demo first and the province after.
    expect(await digest(third)).toBe(await digest(first));
    await expectInvariants(third);
    expect(Number(await one<string>(third, 'select count(*) from area where code = $1', [SCALE_PROVINCE_CODE]))).toBe(1);
    // Each refuses to come twice, writing nothing.
    const before = await digest(third);
    await expect(seedDemo(third)).rejects.toThrow(/empty registry/);
    await expect(seedScale(third, { households: 10 })).rejects.toThrow(/already exists/);
    expect(await digest(third)).toBe(before);
  });
});
