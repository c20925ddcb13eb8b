import { rangesWithinScope, isWithinScope } from './area-scope.js';
import type { TuopinContext } from './context.js';
import type { CodeRange } from './division-code.js';
import { ForbiddenError, NotFoundError } from './errors.js';
import { canReadRegistry, canWriteRegistry, type Principal } from './principal.js';
import { codeInRanges } from './code-range-filters.js';
import type { AreaCodes } from './scope-policy.js';

/**
 * The one test of object-level scope: whether the caller may see an object that lies in these
 * areas. An object with several (a ledger entry lies in its fund's area and in its project's
 * place) is visible when any of them is inside the caller's scope. The kernel's scope guard asks
 * it of every object it resolves; the SQL of root reads applies the same prefixes
 * (`readableRanges`). Grants beyond the area tree belong here.
 */
export function canSeeArea(principal: Principal, codes: AreaCodes): boolean {
  const list: readonly unknown[] = typeof codes === 'string' ? [codes] : codes;
  for (const code of list) {
    // A type whose area function reads a column its loader did not select is a bug: fail loudly.
    if (typeof code !== 'string') throw new TypeError(`An area code must be a string, got ${String(code)}`);
    if (isWithinScope(code, principal.areaScopes)) return true;
  }
  return false;
}

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
