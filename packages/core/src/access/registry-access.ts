import { isWithinScope } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import { ForbiddenError } from '../kernel/errors.js';
import { canReadRegistry, canWriteRegistry } from './core-policy.js';

/** True when the caller may read registry rows in this village. */
export function canReadVillage(ctx: TuopinContext, villageCode: string): boolean {
  return canReadRegistry(ctx.principal) && isWithinScope(villageCode, ctx.principal.areaScopes);
}

/**
 * Refuses a registry write outside the caller's permissions or scope. Rows outside the scope are
 * reported as not found by the loaders before this runs, so that a write cannot probe what exists
 * in another county. Grants never reach the registry: households are seen through areas only.
 */
export function assertCanWriteVillage(ctx: TuopinContext, villageCode: string, field: string): void {
  if (!canWriteRegistry(ctx.principal)) {
    throw new ForbiddenError(field, '您的角色不能修改建档立卡数据', 'Your role may not change registry data');
  }
  if (!isWithinScope(villageCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该村不在您的管辖范围内', 'This village is outside your area scope');
  }
}
