import type { EntitySchema } from '@mikro-orm/core';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { grantedIds, readableRanges } from './access.js';
import type { TuopinContext } from './context.js';
import { pickRows } from './group-rows.js';
import { rowsWhereIn } from './read/entity-reads.js';

/**
 * A per-request loader by a unique key of rows placed by `codeProperty` (a village, a project's
 * place, a fund's managing area), restricted to the caller's area scope: rows outside it load as
 * null, exactly like rows that do not exist. One statement per batch, the keys as one array. With
 * `grantType` (the GraphQL type whose id is `key`), rows the caller holds a grant on load too,
 * wherever they lie.
 *
 * Called with `properties` (a query field's `selectedProperties`), it gives a loader of its own
 * for that column set, whose rows carry only those columns (and the key and the area, which the
 * scope check reads), guarded against reading any other. It is kept apart from the full rows'
 * loader, which every other reader of the request shares: a row read for one selection never
 * answers a reader that needs more.
 */
export function scopedLoaderByCode<Entity extends object, Key extends keyof Entity & string>(
  entity: EntitySchema<Entity, any>,
  key: Key,
  codeProperty: keyof Entity & string,
  grantType?: string,
) {
  const loaderReading = (ctx: TuopinContext, properties: readonly string[] | undefined) =>
    new DataLoader<Entity[Key], Entity | null>(async (keys) => {
      const ranges = readableRanges(ctx, null);
      const granted = grantType ? grantedIds(ctx.principal, grantType).map(Number) : [];
      if (ranges.length === 0 && granted.length === 0) return keys.map(() => null);
      const rows = await rowsWhereIn(ctx, entity, key, keys, { properties, within: { property: codeProperty, ranges, orKeys: granted } });
      return pickRows(keys, rows, (row) => row[key]);
    });
  const fullRows = createContextCache((ctx: TuopinContext) => loaderReading(ctx, undefined));
  const bySubset = createContextCache(() => new Map<string, DataLoader<Entity[Key], Entity | null>>());
  return (ctx: TuopinContext, properties?: readonly string[]): DataLoader<Entity[Key], Entity | null> => {
    if (properties === undefined) return fullRows(ctx);
    const needed = [...new Set<string>([key, codeProperty, ...properties])];
    const name = needed.join(',');
    const loaders = bySubset(ctx);
    let loader = loaders.get(name);
    if (!loader) loaders.set(name, (loader = loaderReading(ctx, needed)));
    return loader;
  };
}
