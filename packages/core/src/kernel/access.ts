import { rangesWithinScope, isWithinScope } from './area-scope.js';
import type { TuopinContext } from './context.js';
import type { CodeRange } from './area-codes.js';
import { NotFoundError } from './errors.js';
import type { Grant, Principal } from './principal.js';
import { codeInRanges } from './code-range-filters.js';
import type { AreaCodes, GrantTarget } from './scope-policy.js';

/**
 * The one test of object-level scope: whether the caller may see an object that lies in these
 * areas. An object with several (a ledger entry lies in its fund's area and in its project's
 * place) is visible when any of them is inside the caller's scope. The kernel's scope guard asks
 * it of every object it resolves; the SQL of root reads applies the same prefixes
 * (`readableRanges`). Grants beyond the area tree are `canSeeObject`'s.
 */
export function canSeeArea(principal: Principal, codes: AreaCodes): boolean {
  // Most objects lie in one area: asked for every object of a page, without an array made for it.
  if (typeof codes === 'string') return isWithinScope(codes, principal.areaScopes);
  for (const code of codes as readonly unknown[]) {
    // A type whose area function reads a column its loader did not select is a bug: fail loudly.
    if (typeof code !== 'string') throw new TypeError(`An area code must be a string, got ${String(code)}`);
    if (isWithinScope(code, principal.areaScopes)) return true;
  }
  return false;
}

/** How an area-scoped type places its objects: its declared `scope` (`ScopePolicy`). */
export interface ObjectScope {
  readonly area: (value: unknown) => AreaCodes;
  readonly grantedThrough?: (value: unknown) => readonly GrantTarget[];
}

/**
 * The one decision for an object of an area-scoped type: visible when it lies in the caller's
 * areas (`canSeeArea`), or when the caller holds a grant on it or on an object containing it, as
 * its type declares (`grantedThrough`: a project itself, a ledger entry through its project).
 * Whatever a grant's permissions, it shows its object: each of them presupposes seeing it.
 */
export function canSeeObject(principal: Principal, scope: ObjectScope, value: unknown): boolean {
  if (canSeeArea(principal, scope.area(value))) return true;
  if (!principal.grants?.length || !scope.grantedThrough) return false;
  return scope.grantedThrough(value).some((target) => grantOn(principal, target.type, target.id) !== undefined);
}

/** The caller's grant on one object, if he holds one. */
export function grantOn(principal: Principal, type: string, id: string | number): Grant | undefined {
  const key = String(id);
  return principal.grants?.find((grant) => grant.type === type && grant.id === key);
}

/** Whether a grant on this object gives the caller this permission there. */
export function grantAllows(principal: Principal, type: string, id: string | number, permission: string): boolean {
  return grantOn(principal, type, id)?.permissions.includes(permission) ?? false;
}

/** The ids of the objects of a type the caller holds grants on: root lookups add them to their SQL. */
export function grantedIds(principal: Principal, type: string): string[] {
  return (principal.grants ?? []).filter((grant) => grant.type === type).map((grant) => grant.id);
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


/** The typed error for an object that does not exist or that the caller may not see. */
export function notFound(field: string, whatZh: string, whatEn: string): NotFoundError {
  return new NotFoundError(field, `${whatZh}不存在或不在您的权限范围内`, `${whatEn} does not exist or is outside your scope`);
}
