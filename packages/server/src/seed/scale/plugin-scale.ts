import { performance } from 'node:perf_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Platform, ScaleSeedAreas } from '@tuopin/core';
import type pg from 'pg';
import { SCALE_AREA_RANGE, SCALE_PROVINCE_CODE } from './tree.js';

/** The synthetic province as it stands in the database, for the plugins' `seedScale`. */
export async function scaleSeedAreas(client: pg.ClientBase): Promise<ScaleSeedAreas> {
  const { rows } = await client.query<{ code: string }>(`select code from area where level = 'COUNTY' and code between $1 and $2 order by code`, [
    SCALE_AREA_RANGE.lo,
    SCALE_AREA_RANGE.hi,
  ]);
  return { provinceCode: SCALE_PROVINCE_CODE, range: { ...SCALE_AREA_RANGE }, countyCodes: rows.map((row) => row.code) };
}

/**
 * Each enabled plugin's part of the synthetic province (`TuopinPlugin.seedScale`), after core's:
 * in the platform's order (dependencies first), each on an entity manager of its own. Core knows
 * no plugin: it calls whatever the platform's plugins declare. Returns the milliseconds each took.
 */
export async function seedPluginsScale(
  orm: MikroORM,
  platform: Pick<Platform, 'plugins'>,
  areas: ScaleSeedAreas,
  log: (line: string, fields?: Record<string, unknown>) => void,
): Promise<Record<string, number>> {
  const took: Record<string, number> = {};
  for (const plugin of platform.plugins) {
    if (!plugin.seedScale) continue;
    const started = performance.now();
    await plugin.seedScale(orm.em.fork(), areas);
    took[plugin.name] = Math.round(performance.now() - started);
    log('plugin scale data loaded', { plugin: plugin.name, ms: took[plugin.name] });
  }
  return took;
}
