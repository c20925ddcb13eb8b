import type { EntitySchema } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { TuopinContext } from '../kernel/context.js';
import { ForbiddenError } from '../kernel/errors.js';
import { scopedLoaderByCode } from '../kernel/scoped-loader.js';
import { canReadRegistry } from './core-policy.js';

/**
 * A scoped loader for registry rows, which belong to a village. A role that may not read the
 * registry (NGO partners) is refused before anything is looked up, so that what it is told — a
 * read or a write of a household or person — is the same whether the row exists or not.
 * `properties` as for `scopedLoaderByCode`.
 */
export function scopedLoaderBy<Entity extends { villageCode: string }, Key extends keyof Entity & string>(entity: EntitySchema<Entity, any>, key: Key) {
  const scoped = scopedLoaderByCode(entity, key, 'villageCode');
  return (ctx: TuopinContext, properties?: readonly string[]): DataLoader<Entity[Key], Entity | null> => {
    if (!canReadRegistry(ctx.principal)) {
      throw new ForbiddenError(null, '您的角色不能查看或修改建档立卡数据', 'Your role may not read or change registry data');
    }
    return scoped(ctx, properties);
  };
}
