import type { EntityManager } from '@mikro-orm/postgresql';
import type { SiteStatus } from '../shared/vocabulary.js';

export interface LockedSite {
  id: number;
  area_code: string;
  status: SiteStatus;
  planned_households: number;
  planned_flats: number;
}

/**
 * Locks a site's row for the rest of the transaction. Every write that a site's capacity limits
 * (households placed at it, flats built, flats assigned) takes this lock first, so concurrent
 * writers queue on the site and each sees the others' rows before it counts. Lock order across
 * the plugin: the relocated household, then the site.
 */
export async function lockSite(em: EntityManager, siteId: number): Promise<LockedSite> {
  const [site] = await em.execute<LockedSite[]>(
    'select id, area_code, status, planned_households, planned_flats from relocation_site where id = ? for update',
    [siteId],
  );
  return site;
}

/** Moves a site's `updated_at`, so that partners pulling changed sites see its progress change. */
export async function touchSite(em: EntityManager, siteId: number): Promise<void> {
  await em.execute('update relocation_site set updated_at = clock_timestamp() where id = ?', [siteId]);
}
