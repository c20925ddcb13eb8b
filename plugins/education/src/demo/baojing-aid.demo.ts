import type { EntityManager } from '@mikro-orm/postgresql';

/** Filled in with the aid step. */
export async function seedBaojingAid(_em: EntityManager): Promise<void> {}
