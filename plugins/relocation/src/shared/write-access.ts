import { ForbiddenError, hasPermission, isWithinScope, type TuopinContext } from '@tuopin/core';
import { RELOCATION_PERMISSIONS } from '../access/relocation-access.js';

/** Refuses a caller without the plugin's permission, before anything is looked up. */
export function assertCanManageRelocation(ctx: TuopinContext, field: string): void {
  if (!hasPermission(ctx.principal, RELOCATION_PERMISSIONS.manage)) {
    throw new ForbiddenError(field, '您的角色不能办理易地扶贫搬迁', 'Your role may not record relocation');
  }
}

/** Refuses a write at an area outside the caller's scope. */
export function assertWithinScope(ctx: TuopinContext, code: string, field: string): void {
  if (!isWithinScope(code, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该地不在您的管辖范围内', 'This place is outside your area scope');
  }
}
