import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../kernel/access.js';
import { AreaSchema, VillageGroupSchema, type Area } from './area.entity.js';

/** Loads an administrative village for a write, or throws the typed not-found error. */
export async function requireVillage(em: EntityManager, code: string, field: string): Promise<Area> {
  const village = await em.findOne(AreaSchema, { code, level: 'VILLAGE' });
  if (!village) throw notFound(field, `行政村 ${code} `, `Village ${code}`);
  return village;
}

/** Checks that a group belongs to the village, or throws the typed not-found error. */
export async function requireGroupOfVillage(em: EntityManager, groupId: number, villageCode: string, field: string): Promise<void> {
  const group = await em.findOne(VillageGroupSchema, { id: groupId, villageCode });
  if (!group) throw notFound(field, `该村的组 ${groupId} `, `Group ${groupId} of this village`);
}
