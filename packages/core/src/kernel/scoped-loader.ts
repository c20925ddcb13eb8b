import type { EntitySchema } from '@mikro-orm/core';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { readableRanges } from './access.js';
import type { TuopinContext } from './context.js';
import { pickRows } from './group-rows.js';
import { rowsWhereIn } from './read/entity-reads.js';
import { ForbiddenError } from './errors.js';
import { canReadRegistry } from './principal.js';

/**
 * A per-request loader by a unique key of rows placed by `codeProperty` (a village, a project's
 * place, a fund's managing area), restricted to the caller's area scope: rows outside it load as
 * null, exactly like rows that do not exist. One statement per batch, the keys as one array.
 */
export function scopedLoaderByCode<Entity extends object, Key extends keyof Entity & string>(
  entity: EntitySchema<Entity, any>,
  key: Key,
  codeProperty: keyof Entity & string,
) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<Entity[Key], Entity | null>(async (keys) => {
        const ranges = readableRanges(ctx, null);
        if (ranges.length === 0) return keys.map(() => null);
        const rows = await rowsWhereIn(ctx, entity, key, keys, { within: { property: codeProperty, ranges } });
        return pickRows(keys, rows, (row) => row[key]);
      }),
  );
}

/**
 * The same for registry rows, which belong to a village. A role that may not read the registry
 * (NGO partners) is refused before anything is looked up, so that what it is told — a read or a
 * write of a household or person — is the same whether the row exists or not.
 */
export function scopedLoaderBy<Entity extends { villageCode: string }, Key extends keyof Entity & string>(entity: EntitySchema<Entity, any>, key: Key) {
  const scoped = scopedLoaderByCode(entity, key, 'villageCode');
  return (ctx: TuopinContext): DataLoader<Entity[Key], Entity | null> => {
    if (!canReadRegistry(ctx.principal)) {
      throw new ForbiddenError(null, '您的角色不能查看或修改建档立卡数据', 'Your role may not read or change registry data');
    }
    return scoped(ctx);
  };
}
