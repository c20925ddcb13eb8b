/**
 * A large synthetic province for benchmarks (合成省, code 800000000000): about 100 households per
 * village, ~3 members per household, one income record (2020) per household. Uses the demo's
 * generator, so the data has the same shape and passes the same checks.
 *
 * Speed: households are generated in batches of BATCH_HOUSEHOLDS straight into COPY text
 * (no row objects are kept), and each batch is streamed to PostgreSQL with COPY while the next
 * one is generated (the generator yields to the event loop every few hundred households so the
 * copy keeps flowing). For large loads the foreign keys and plain indexes of the three big
 * tables are dropped and recreated at the end (see ../demo/bulk-load.ts).
 *
 * 合成省 is shared with core's demo (示范镇, prefecture digits 99): either seed may run first, the
 * other adds its part to the province (see SCALE_AREA_RANGE).
 *
 * Transactions: everything happens in one transaction that seedScale opens and commits itself
 * (ROLLBACK on failure, so a failed run writes nothing); pass a client with no transaction open.
 * The registry tables are locked against other writers for the duration, and, when indexes are
 * dropped, against readers too. ANALYZE runs after the commit.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { HouseholdStatus } from '@tuopin/core';
import type pg from 'pg';
import { copyInto, insertRows, nextId, RowBuffer, syncIdentity } from '../demo/copy.js';
import { generateHousehold, HOUSEHOLD_COLUMNS, INCOME_COLUMNS, MEMBER_COLUMNS, type GeneratorContext, type HouseholdSinks } from '../demo/households.js';
import { IdNumberAllocator } from '../demo/id-numbers.js';
import { REGISTRY_TABLES } from '../demo/index.js';
import { groupNames } from '../demo/place-names.js';
import { AREA_COLUMNS, areaValues, insertProvince } from '../demo/plan.js';
import { SYNTHETIC_PROFILE } from '../demo/profiles.js';
import { Random } from '../demo/random.js';
import { relaxForBulkLoad } from '../demo/bulk-load.js';
import { planScaleTree, SCALE_AREA_RANGE, SCALE_PROVINCE_CODE } from './tree.js';
import { beginBulkLoad } from '../bulk-transaction.js';

export { SCALE_AREA_RANGE, SCALE_PROVINCE_CODE, SCALE_PROVINCE_NAME } from './tree.js';

export interface ScaleOptions {
  /** Households to create (members will be about three times as many). */
  households: number;
  /** PRNG seed; the same seed gives the same data. Default 1. */
  seed?: number;
  /** Receives progress lines (about every 100,000 households). */
  log?: (line: string) => void;
  /** Called with the households copied so far, after every batch (for a progress bar). */
  onProgress?: (copied: number) => void;
  /** Write one income record (2020) per household. Default true. */
  incomes?: boolean;
  /**
   * Drop the foreign keys and plain indexes of household, member and household_income during the
   * load and recreate them at the end (see ../demo/bulk-load.ts). Default: when loading 100,000
   * households or more.
   */
  bulkLoad?: boolean;
}

export interface ScaleSummary {
  areas: number;
  villages: number;
  groups: number;
  households: number;
  members: number;
  incomes: number;
  elapsedMs: number;
}

/** Households generated (and copied) per batch. */
const BATCH_HOUSEHOLDS = 20_000;
/** Households generated between yields to the event loop. */
const SLICE = 500;
const LOG_EVERY = 100_000;
const SCALE_INCOME_YEARS = [2020] as const;

function chooseStatus(rng: Random): { status: HouseholdStatus; exitYear: number | null } {
  const x = rng.next();
  if (x < 0.54) return { status: 'EXITED', exitYear: rng.int(2015, 2020) };
  if (x < 0.58) return { status: 'RETURNED', exitYear: rng.int(2015, 2019) };
  return { status: 'POOR', exitYear: null };
}

interface Batch {
  households: Buffer[];
  members: Buffer[];
  incomes: Buffer[];
  count: number;
}

function takeBatch(sinks: HouseholdSinks, count: number): Batch {
  return { households: sinks.households.take(), members: sinks.members.take(), incomes: sinks.incomes.take(), count };
}

export async function seedScale(client: pg.ClientBase, options: ScaleOptions): Promise<ScaleSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const total = options.households;
  if (!Number.isInteger(total) || total < 1) throw new Error('seedScale: households must be a positive integer');
  const withIncomes = options.incomes ?? true;
  const bulkLoad = options.bulkLoad ?? total >= 100_000;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

  await beginBulkLoad(client);
  let committed = false;
  try {
    await client.query(`lock table ${REGISTRY_TABLES} in share row exclusive mode`);
    // The province itself may be there already: core's demo puts its township 示范镇 in it (under 8099).
    const { rows } = await client.query<{ taken: boolean }>('select exists (select 1 from area where code between $1 and $2) as taken', [
      SCALE_AREA_RANGE.lo,
      SCALE_AREA_RANGE.hi,
    ]);
    if (rows[0].taken) {
      throw new Error(`seedScale: the synthetic province ${SCALE_PROVINCE_CODE} already exists with benchmark areas (${SCALE_AREA_RANGE.lo}–${SCALE_AREA_RANGE.hi}); seed a database without them`);
    }
    await client.query('set local synchronous_commit = off');
    await client.query(`set local maintenance_work_mem = '512MB'`);

    const rng = new Random(options.seed ?? 1);
    const tree = planScaleTree(rng.fork(), total);
    const [province, ...below] = tree.areas;
    await insertProvince(client, province);
    await insertRows(client, 'area', AREA_COLUMNS, below.map(areaValues));
    log(`areas: ${tree.areas.length} (${tree.villages.length} villages), planned ${total} households with ${tree.people} members (${seconds()} s)`);

    let groupId = await nextId(client, 'village_group');
    const firstGroupId = groupId;
    const groupBuffer = new RowBuffer();
    const firstGroupOf = new Int32Array(tree.villages.length);
    tree.villages.forEach((village, v) => {
      firstGroupOf[v] = groupId;
      for (const name of groupNames(village.groups)) groupBuffer.row(`${groupId++}\t${village.code}\t${name}`);
    });
    await copyInto(client, 'village_group', ['id', 'village_code', 'name'], groupBuffer.take());
    await syncIdentity(client, 'village_group');
    const groups = groupId - firstGroupId;

    const relaxed = bulkLoad ? await relaxForBulkLoad(client, ['household', 'member', 'household_income']) : null;
    if (relaxed) log(`dropped ${relaxed.foreignKeys} foreign keys and ${relaxed.indexes} indexes for the load`);

    const householdRng = rng.fork();
    const sinks: HouseholdSinks = { households: new RowBuffer(), members: new RowBuffer(), incomes: new RowBuffer() };
    const ctx: GeneratorContext = {
      rng: householdRng,
      profile: SYNTHETIC_PROFILE,
      ids: new IdNumberAllocator(),
      idPrefix: '',
      incomeYears: withIncomes ? SCALE_INCOME_YEARS : [],
      sinks,
    };
    let householdId = await nextId(client, 'household');
    let members = 0;
    let incomes = 0;
    let copied = 0;
    let nextLog = LOG_EVERY;

    const copyBatch = async (batch: Batch): Promise<void> => {
      await copyInto(client, 'household', HOUSEHOLD_COLUMNS, batch.households);
      await copyInto(client, 'member', MEMBER_COLUMNS, batch.members);
      if (batch.incomes.length > 0) await copyInto(client, 'household_income', INCOME_COLUMNS, batch.incomes);
      copied += batch.count;
      options.onProgress?.(copied);
      if (copied >= nextLog || copied === total) {
        log(`copied ${copied} / ${total} households (${seconds()} s)`);
        while (nextLog <= copied) nextLog += LOG_EVERY;
      }
    };
    // The previous batch's COPY runs while the next batch is generated; only one COPY at a time.
    let inFlight: Promise<void> = Promise.resolve();
    let inBatch = 0;
    let sinceYield = 0;
    for (let v = 0; v < tree.villages.length; v++) {
      const village = tree.villages[v];
      ctx.idPrefix = village.idPrefix;
      for (let i = 0; i < village.households; i++) {
        const { status, exitYear } = chooseStatus(householdRng);
        const generated = generateHousehold(ctx, {
          id: householdId++,
          householdNo: village.code + String(i + 1).padStart(4, '0'),
          villageCode: village.code,
          groupId: firstGroupOf[v] + householdRng.int(0, village.groups - 1),
          size: tree.sizes[village.firstHousehold + i],
          status,
          exitYear,
        });
        members += generated.members;
        incomes += generated.incomes;
        inBatch++;
        if (++sinceYield >= SLICE) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
        if (inBatch >= BATCH_HOUSEHOLDS) {
          const batch = takeBatch(sinks, inBatch);
          inBatch = 0;
          await inFlight;
          inFlight = copyBatch(batch);
          inFlight.catch(() => {}); // handled when awaited; avoids an unhandled-rejection report meanwhile
        }
      }
    }
    await inFlight;
    if (inBatch > 0) await copyBatch(takeBatch(sinks, inBatch));
    await syncIdentity(client, 'household');

    if (relaxed) {
      log(`recreating indexes and foreign keys (${seconds()} s)`);
      await relaxed.restore();
    }
    await client.query('commit');
    committed = true;
    log(`committed (${seconds()} s); analyzing`);
    await client.query(`analyze ${REGISTRY_TABLES}`);
    const summary: ScaleSummary = {
      areas: tree.areas.length,
      villages: tree.villages.length,
      groups,
      households: total,
      members,
      incomes,
      elapsedMs: Math.round(performance.now() - started),
    };
    log(`synthetic province seeded in ${seconds()} s`);
    return summary;
  } catch (error) {
    if (!committed) await client.query('rollback').catch(() => {});
    throw error;
  }
}
