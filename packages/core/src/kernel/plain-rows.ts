import type { EntitySchema, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';

/**
 * The ORM's way to plain rows, kept as the reference the read layer (`kernel/read/`) is tested
 * against (test/kernel/read-layer.test.ts): requests read through `ctx.db`, not through these.
 *
 * Read paths load plain rows, not managed entities.
 *
 * A managed entity costs far more than its row: the identity map, and per instance a property
 * definition for change tracking (EntityHelper.ensurePropagation). For a page of 20 households
 * with their 60 members that hydration was over a third of a request's CPU, more than the SQL
 * and the GraphQL execution together (test/bench, Q1 profile). Reads never change what they load
 * — every write goes through `em.create` or `nativeUpdate` inside `inTransaction` — so they get
 * the ORM's column-to-property mapping and type conversion (`mapResult`) and nothing else.
 */

/** Rows of an entity matching `where`, as plain objects with the entity's property names. */
export async function findRows<Entity extends object>(
  em: EntityManager,
  entity: EntitySchema<Entity, any>,
  where: FilterQuery<Entity>,
  options: { orderBy?: QueryOrderMap<Entity>; limit?: number } = {},
): Promise<Entity[]> {
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (options.orderBy) qb.orderBy(options.orderBy);
  if (options.limit !== undefined) qb.limit(options.limit);
  return pageRows(qb);
}

/** Executes a query builder's select and returns its rows mapped to properties, unmanaged. */
export async function pageRows<Entity extends object>(qb: QueryBuilder<Entity>): Promise<Entity[]> {
  return (await qb.execute('all', { mapResults: true })) as Entity[];
}

/** One raw row (column names, as from `em.execute`) mapped to the entity's properties, unmanaged. */
export function mapRow<Entity extends object>(em: EntityManager, entity: EntitySchema<Entity, any>, row: Record<string, unknown>): Entity {
  const meta = em.getMetadata().get(entity.meta.className);
  return em.getDriver().mapResult(row as never, meta) as Entity;
}
