import { ForbiddenError, hasPermission, isWithinScope, type TuopinContext } from '@tuopin/core';
import { FINANCE_PERMISSIONS } from './finance-access.js';

/**
 * Refuses a lending write (rating, credit line, loan, repayment) for a household outside the
 * caller's permission or areas. The household was loaded through the caller's scope first, so a
 * household he may not see is already NotFoundError.
 */
export function assertCanManageLendingIn(ctx: TuopinContext, villageCode: string, field: string): void {
  if (!hasPermission(ctx.principal, FINANCE_PERMISSIONS.manageLending)) {
    throw new ForbiddenError(field, '您的角色不能办理扶贫小额信贷业务', 'Your role may not handle poverty micro-credit');
  }
  if (!isWithinScope(villageCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该户不在您的管辖范围内', 'This household is outside your area scope');
  }
}
