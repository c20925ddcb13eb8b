import { ForbiddenError, hasPermission, isWithinScope, type TuopinContext } from '@tuopin/core';

/**
 * Refuses a write outside the caller's permission or areas. What it is about was loaded through
 * the caller's scope first, so an object he may not see is already NotFoundError.
 */
export function assertMayAt(ctx: TuopinContext, permission: string, code: string, field: string, whatZh: string, whatEn: string): void {
  if (!hasPermission(ctx.principal, permission)) {
    throw new ForbiddenError(field, `您的角色不能${whatZh}`, `Your role may not ${whatEn}`);
  }
  if (!isWithinScope(code, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该对象不在您的管辖范围内', 'This lies outside your area scope');
  }
}
