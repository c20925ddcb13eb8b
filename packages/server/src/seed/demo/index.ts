/**
 * The demo registry: 保靖县 (湖南湘西) sized after its report, 大老爷庙村 (辽宁凌源) with
 * some neighbours, and the township 示范镇 of 篇2 and 篇5 (in the synthetic province 合成省).
 * Deterministic: the same database content on every run (apart from timestamps and, on a
 * non-fresh sequence, ids).
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { planBaojing } from './baojing.js';
import { relaxForBulkLoad } from './bulk-load.js';
import { copyInto, insertRows, nextId, RowBuffer, syncIdentity } from './copy.js';
import { planDalaoyemiao } from './dalaoyemiao.js';
import { generateHousehold, HOUSEHOLD_COLUMNS, INCOME_COLUMNS, MEMBER_COLUMNS, type GeneratorContext } from './households.js';
import { IdNumberAllocator } from './id-numbers.js';
import { AREA_COLUMNS, areaValues, insertProvince, type RegionPlan } from './plan.js';
import { Random } from './random.js';
import { planShifan } from './shifan.js';
import { beginBulkLoad } from '../bulk-transaction.js';
import { SCALE_AREA_RANGE, SCALE_PROVINCE_CODE } from '../scale/tree.js';

/** The demo's seed; change it and every name, number and distribution draw changes. */
export const DEMO_SEED = 20_151_231;
/** Income years recorded for demo households (each gets the last one to three). */
export const DEMO_INCOME_YEARS = [2018, 2019, 2020] as const;

export interface SeedOptions {
  /** Receives progress lines. */
  log?: (line: string) => void;
}

export interface DemoSummary {
  areas: number;
  villages: number;
  groups: number;
  households: number;
  members: number;
  incomes: number;
  elapsedMs: number;
}

/** The tables the seeders write, locked against concurrent writers while they run. */
export const REGISTRY_TABLES = 'area, village_group, household, member, household_income';

/**
 * Seeds the demo registry into an empty, migrated database, or one that holds only the synthetic
 * province of `seed --households` (the demo adds 示范县 to it).
 *
 * Transactions: seedDemo runs BEGIN … COMMIT itself on `client` (ROLLBACK on any failure, so a
 * failed seed writes nothing). Pass a client with no transaction open: if one were open, our
 * BEGIN would be ignored and our COMMIT would end the caller's transaction.
 *
 * Refuses (throws, writing nothing) when the `area` table has rows other than those. While it
 * runs the registry tables are locked (foreign keys and indexes of household, member and
 * household_income are dropped and recreated around the COPY, see bulk-load.ts).
 */
export async function seedDemo(client: pg.ClientBase, options: SeedOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  await beginBulkLoad(client);
  let committed = false;
  try {
    await client.query(`lock table ${REGISTRY_TABLES} in share row exclusive mode`);
    // The synthetic benchmark province's areas can be there (and cannot collide with the demo's codes
    // or ID numbers); anything else might.
    const { rows } = await client.query<{ taken: boolean }>(
      'select exists (select 1 from area where code <> $1 and code not between $2 and $3) as taken',
      [SCALE_PROVINCE_CODE, SCALE_AREA_RANGE.lo, SCALE_AREA_RANGE.hi],
    );
    if (rows[0].taken) {
      throw new Error(
        'seedDemo needs an empty registry (or one with only the synthetic province of seed --households), but the area table already has other rows; seed a fresh database (after migrations)',
      );
    }
    await client.query('set local synchronous_commit = off');

    const rng = new Random(DEMO_SEED);
    const baojing = planBaojing(rng.fork());
    const dalaoyemiao = planDalaoyemiao(rng.fork());
    const householdRng = rng.fork();
    // 示范镇 came later: planned after the forks above and generated last, it left 保靖县 and
    // 大老爷庙村 exactly as they were (same draws, same ids).
    const regions: RegionPlan[] = [baojing, dalaoyemiao, planShifan(rng.fork())];
    const areas = regions.flatMap((r) => r.areas);
    const villages = regions.flatMap((r) => r.villages);
    // 合成省 may have come with `seed --households` already; the demo's other areas cannot have.
    for (const province of areas.filter((area) => area.code === SCALE_PROVINCE_CODE)) await insertProvince(client, province);
    await insertRows(client, 'area', AREA_COLUMNS, areas.filter((area) => area.code !== SCALE_PROVINCE_CODE).map(areaValues));
    log(`areas: ${areas.length} (${villages.length} villages)`);

    let groupId = await nextId(client, 'village_group');
    const groupRows: unknown[][] = [];
    const groupIds = villages.map((village) =>
      village.groups.map((name) => {
        groupRows.push([groupId, village.code, name]);
        return groupId++;
      }),
    );
    await insertRows(client, 'village_group', ['id', 'village_code', 'name'], groupRows);
    await syncIdentity(client, 'village_group');
    log(`village groups: ${groupRows.length}`);

    const sinks = { households: new RowBuffer(), members: new RowBuffer(), incomes: new RowBuffer() };
    const ids = new IdNumberAllocator();
    const issuedIds = new Set<string>();
    let householdId = await nextId(client, 'household');
    let households = 0;
    let members = 0;
    let incomes = 0;
    villages.forEach((village, v) => {
      const ctx: GeneratorContext = {
        rng: householdRng,
        profile: village.profile,
        ids,
        idPrefix: village.idPrefix,
        incomeYears: DEMO_INCOME_YEARS,
        sinks,
        issuedIds,
      };
      village.households.forEach((plan, i) => {
        const generated = generateHousehold(ctx, {
          id: householdId++,
          householdNo: village.code + String(i + 1).padStart(4, '0'),
          villageCode: village.code,
          groupId: groupIds[v][householdRng.int(0, groupIds[v].length - 1)],
          size: plan.size,
          status: plan.status,
          exitYear: plan.exitYear,
        });
        households++;
        members += generated.members;
        incomes += generated.incomes;
      });
    });
    log(`generated ${households} households, ${members} members, ${incomes} income records`);

    // The tables are empty: loading without foreign keys and indexes, then recreating them
    // (which checks every row), is the quickest way in.
    const relaxed = await relaxForBulkLoad(client, ['household', 'member', 'household_income']);
    await copyInto(client, 'household', HOUSEHOLD_COLUMNS, sinks.households.take());
    await syncIdentity(client, 'household');
    await copyInto(client, 'member', MEMBER_COLUMNS, sinks.members.take());
    await copyInto(client, 'household_income', INCOME_COLUMNS, sinks.incomes.take());
    log(`rows copied; recreating ${relaxed.indexes} indexes and ${relaxed.foreignKeys} foreign keys`);
    await relaxed.restore();

    await client.query('commit');
    committed = true;
    await client.query(`analyze ${REGISTRY_TABLES}`);
    const summary: DemoSummary = {
      areas: areas.length,
      villages: villages.length,
      groups: groupRows.length,
      households,
      members,
      incomes,
      elapsedMs: Math.round(performance.now() - started),
    };
    log(`demo seeded in ${summary.elapsedMs} ms`);
    return summary;
  } catch (error) {
    if (!committed) await client.query('rollback').catch(() => {});
    throw error;
  }
}
