import type { MikroORM } from '@mikro-orm/postgresql';
import type { Platform } from '@tuopin/core';
import pg from 'pg';
import type { Logger } from './log.js';
import { seedDemo, seedLifecycleDemo, seedProjectDemo, seedWorkTeamDemo } from './seed/index.js';

/** True when the registry holds no areas yet: a fresh database. */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from area');
  return Number(row.n) === 0;
}

/**
 * Loads core's demo data (the registry, then projects, funds and the ledger, then work teams), then each enabled
 * plugin's, in dependency order. Each part commits on its own, and refuses a database that
 * already holds its kind of data.
 */
export async function loadDemoData(orm: MikroORM, platform: Platform, databaseUrl: string, log: Logger): Promise<void> {
  const seedLog = (line: string) => log.info(line, { component: 'seed' });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    log.info('demo registry loaded', { ...(await seedDemo(client, { log: seedLog })) });
    log.info('demo projects and funds loaded', { ...(await seedProjectDemo(client, { log: seedLog })) });
    log.info('demo work teams loaded', { ...(await seedWorkTeamDemo(client, { log: seedLog })) });
    log.info('demo life cycle loaded', { ...(await seedLifecycleDemo(client)) });
  } finally {
    await client.end();
  }
  for (const plugin of platform.plugins) {
    if (!plugin.seedDemo) continue;
    await plugin.seedDemo(orm.em.fork());
    log.info('plugin demo data loaded', { plugin: plugin.name });
  }
}
