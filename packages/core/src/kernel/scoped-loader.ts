import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { grantedIds, readableRanges } from './access.js';
import { codeInRanges } from './code-range-filters.js';
import type { TuopinContext } from './context.js';
import { pickRows } from './group-rows.js';
import { findRows } from './plain-rows.js';

/**
 * A per-request loader by a unique key of rows placed by `codeProperty` (a village, a project's
 * place, a fund's managing area), restricted to the caller's area scope: rows outside it load as
 * null, exactly like rows that do not exist. One `IN (…)` query per batch. With `grantType` (the
 * GraphQL type whose id is `key`), rows the caller holds a grant on load too, wherever they lie.
 */
export function scopedLoaderByCode<Entity extends object, Key extends keyof Entity & string>(
  entity: EntitySchema<Entity, any>,
  key: Key,
  codeProperty: keyof Entity & string,
  grantType?: string,
) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<Entity[Key], Entity | null>(async (keys) => {
        const ranges = readableRanges(ctx, null);
        const granted = grantType ? grantedIds(ctx.principal, grantType).map(Number) : [];
        if (ranges.length === 0 && granted.length === 0) return keys.map(() => null);
        const inScope = ranges.length > 0 ? codeInRanges(codeProperty, ranges) : null;
        const byGrant = granted.length > 0 ? { [key]: { $in: granted } } : null;
        const visible = inScope && byGrant ? { $or: [inScope, byGrant] } : (inScope ?? byGrant)!;
        const where = { $and: [{ [key]: { $in: [...keys] } }, visible] } as FilterQuery<Entity>;
        const rows = await findRows(ctx.em, entity, where);
        return pickRows(keys, rows, (row) => row[key]);
      }),
  );
}
