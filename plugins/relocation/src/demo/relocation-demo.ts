import type { EntityManager } from '@mikro-orm/postgresql';

/** Placeholder until the demo township is in core's demo data. */
export async function seedRelocationDemo(_em: EntityManager): Promise<void> {}
