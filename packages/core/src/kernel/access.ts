import { rangesWithinScope, isWithinScope } from './area-scope.js';
import type { TuopinContext } from './context.js';
import type { CodeRange } from './division-code.js';
import { ForbiddenError, NotFoundError } from './errors.js';
import { canReadRegistry, canWriteRegistry } from './principal.js';
import { codeInRanges } from './code-range-filters.js';

/**
 * The area ranges a read may cover: the requested area (null = everywhere) within the caller's
 * scope. An empty result means the caller may see nothing there; callers return empty pages.
 */
export function readableRanges(ctx: TuopinContext, areaCode: string | null): CodeRange[] {
  return rangesWithinScope(areaCode, ctx.principal.areaScopes);
}

/** A MikroORM condition restricting a `villageCode` column to code ranges. */
export function villageCodeInRanges(ranges: readonly CodeRange[]) {
  return codeInRanges('villageCode', ranges);
}

/** True when the caller may read registry rows in this village. */
export function canReadVillage(ctx: TuopinContext, villageCode: string): boolean {
  return canReadRegistry(ctx.principal) && isWithinScope(villageCode, ctx.principal.areaScopes);
}

/**
 * Refuses a registry write outside the caller's role or scope. Rows outside the scope are
 * reported as not found, so that a write cannot probe what exists in another county.
 */
export function assertCanWriteVillage(ctx: TuopinContext, villageCode: string, field: string): void {
  if (!canWriteRegistry(ctx.principal)) {
    throw new ForbiddenError(field, '您的角色不能修改建档立卡数据', 'Your role may not change registry data');
  }
  if (!isWithinScope(villageCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该村不在您的管辖范围内', 'This village is outside your area scope');
  }
}

/** The typed error for an object that does not exist or that the caller may not see. */
export function notFound(field: string, whatZh: string, whatEn: string): NotFoundError {
  return new NotFoundError(field, `${whatZh}不存在或不在您的权限范围内`, `${whatEn} does not exist or is outside your scope`);
}
