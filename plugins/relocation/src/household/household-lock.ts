import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, type TuopinContext } from '@tuopin/core';
import { relocatedHouseholdLoader } from '../shared/relocation.loaders.js';
import { assertCanManageRelocation, assertWithinScope } from '../shared/write-access.js';
import type { RelocationStatus } from './life-cycle.js';

/** A relocated household as it stands inside a write, after its row is locked. */
export interface LockedHousehold {
  id: number;
  household_id: number | null;
  village_code: string;
  mode: 'CENTRALISED' | 'SCATTERED';
  site_id: number | null;
  people_moved: number;
  plan_year: number;
  status: RelocationStatus;
  agreement_date: string | null;
  housed_on: string | null;
  move_in_date: string | null;
  demolished_on: string | null;
}

/**
 * A relocated household the caller may change: the plugin's permission, then the household in
 * his areas (not found otherwise, so that nothing about a household elsewhere shows).
 */
export async function requireRelocatedHousehold(ctx: TuopinContext, id: number, field = 'relocatedHouseholdId') {
  assertCanManageRelocation(ctx, field);
  const household = await relocatedHouseholdLoader(ctx).load(id);
  if (!household) throw notFound(field, '搬迁户', 'Relocated household');
  assertWithinScope(ctx, household.villageCode, field);
  return household;
}

/**
 * Locks a relocated household's row for the rest of the transaction and reads it afresh: the
 * status a step starts from is the one no concurrent step can change underneath it. Lock order
 * across the plugin: the relocated household, then its site, then core's ledger rows.
 */
export async function lockRelocatedHousehold(em: EntityManager, id: number): Promise<LockedHousehold> {
  const [row] = await em.execute<LockedHousehold[]>(
    `select id, household_id, village_code, mode, site_id, people_moved, plan_year, status,
            agreement_date::text, housed_on::text, move_in_date::text, demolished_on::text
     from relocation_household where id = ? for update`,
    [id],
  );
  return row;
}

/** Moves the household's `updated_at`, and its site's, so that pulls see the change. */
export async function touchRelocatedHousehold(em: EntityManager, household: LockedHousehold): Promise<void> {
  await em.execute('update relocation_household set updated_at = clock_timestamp() where id = ?', [household.id]);
  if (household.site_id !== null) await em.execute('update relocation_site set updated_at = clock_timestamp() where id = ?', [household.site_id]);
}
