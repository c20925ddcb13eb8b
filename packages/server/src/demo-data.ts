import type { MikroORM } from '@mikro-orm/postgresql';
import type { Platform } from '@tuopin/core';
import pg from 'pg';
import type { Logger } from './log.js';
import { seedDemo } from './seed/demo/index.js';

/** True when the registry holds no areas yet: a fresh database. */
export async function isEmpty(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from area');
  return Number(row.n) === 0;
}

/** Loads core's demo data, then each enabled plugin's, in dependency order. */
export async function loadDemoData(orm: MikroORM, platform: Platform, databaseUrl: string, log: Logger): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const summary = await seedDemo(client, { log: (line) => log.info(line, { component: 'seed' }) });
    log.info('demo data loaded', { ...summary });
  } finally {
    await client.end();
  }
  for (const plugin of platform.plugins) {
    if (!plugin.seedDemo) continue;
    await plugin.seedDemo(orm.em.fork());
    log.info('plugin demo data loaded', { plugin: plugin.name });
  }
}
