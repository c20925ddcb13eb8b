/**
 * A region planned before anything is written: its areas, and for every village its groups and
 * the size, status and exit year of each household. Planning first lets the demo hit the
 * report's totals exactly (households, people, people out of poverty).
 */
import type { AreaLevel, HouseholdStatus } from '@tuopin/core';
import type pg from 'pg';
import type { RegionProfile } from './profiles.js';
import type { Random } from './random.js';

export interface AreaRow {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  isPovertyVillage: boolean | null;
  exitYear: number | null;
  ruralPopulation: number | null;
}

export interface HouseholdPlan {
  size: number;
  status: HouseholdStatus;
  exitYear: number | null;
}

export interface VillagePlan {
  code: string;
  groups: string[];
  households: HouseholdPlan[];
  profile: RegionProfile;
  /** The 6-digit prefix of the county, for members' ID numbers. */
  idPrefix: string;
}

export interface RegionPlan {
  areas: AreaRow[];
  villages: VillagePlan[];
}

export const AREA_COLUMNS = ['code', 'name', 'level', 'parent_code', 'is_poverty_village', 'exit_year', 'rural_population'] as const;

export function areaValues(area: AreaRow): unknown[] {
  return [area.code, area.name, area.level, area.parentCode, area.isPovertyVillage, area.exitYear, area.ruralPopulation];
}

/**
 * Writes a province unless it is there already: 合成省 holds both the scale seed's benchmark
 * areas and the demo's 示范县, and whichever seed runs first creates it (with the same name).
 */
export async function insertProvince(client: pg.ClientBase, province: AreaRow): Promise<void> {
  if (province.level !== 'PROVINCE') throw new Error(`${province.code} is not a province`);
  const placeholders = AREA_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  await client.query(`insert into area (${AREA_COLUMNS.join(', ')}) values (${placeholders}) on conflict (code) do nothing`, areaValues(province));
}

/** An area above village level. */
export function region(code: string, name: string, level: Exclude<AreaLevel, 'VILLAGE'>, parentCode: string | null): AreaRow {
  return { code, name, level, parentCode, isPovertyVillage: null, exitYear: null, ruralPopulation: null };
}

/**
 * Nudges family sizes (within 1–`max`) until they add up to exactly `people`. The nudged
 * households are chosen at random, so the size distribution keeps its shape.
 */
export function fitSizes(rng: Random, sizes: number[], people: number, max = 8): void {
  let difference = people - sizes.reduce((a, b) => a + b, 0);
  if (difference > sizes.length * max || -difference > sizes.length) throw new Error(`cannot fit ${sizes.length} households to ${people} people`);
  while (difference !== 0) {
    const i = rng.int(0, sizes.length - 1);
    if (difference > 0 && sizes[i] < max) {
      sizes[i]++;
      difference--;
    } else if (difference < 0 && sizes[i] > 1) {
      sizes[i]--;
      difference++;
    }
  }
}

/**
 * Marks households, in random order, as exited until their members add up to exactly
 * `people` (households that would overshoot are skipped, so it ends exactly). Returns the
 * indices chosen.
 */
export function pickPeople(rng: Random, sizes: readonly number[], people: number, eligible?: readonly number[]): number[] {
  const order = rng.shuffle(eligible ? [...eligible] : sizes.map((_, i) => i));
  const chosen: number[] = [];
  let remaining = people;
  for (const i of order) {
    if (remaining === 0) break;
    if (sizes[i] <= remaining) {
      chosen.push(i);
      remaining -= sizes[i];
    }
  }
  if (remaining !== 0) throw new Error(`could not pick households with exactly ${people} people`);
  return chosen;
}
