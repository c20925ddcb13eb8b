import { CORE_PERMISSIONS } from '../access/core-permissions.js';
import { canSeeArea } from '../kernel/access.js';
import { hasPermission } from '../kernel/access-registry.js';
import type { TuopinContext } from '../kernel/context.js';
import { ForbiddenError } from '../kernel/errors.js';

/** The county's organisation work: cadres, units, dispatch, recall, assessment. */
export function assertCanManageWorkTeams(ctx: TuopinContext, field: string | null): void {
  if (hasPermission(ctx.principal, CORE_PERMISSIONS.manageWorkTeams)) return;
  throw new ForbiddenError(field, '您的角色不能派驻、召回或考核驻村干部（由县委组织部办理）', 'Your role may not dispatch, recall or assess work-team cadres; the county does');
}

/** The day-to-day records: days in the village, leave, pairings, visits. */
export function assertCanRecordWorkTeams(ctx: TuopinContext, field: string | null): void {
  if (hasPermission(ctx.principal, CORE_PERMISSIONS.recordWorkTeams)) return;
  throw new ForbiddenError(field, '您的角色不能记录驻村工作和结对帮扶', 'Your role may not record work-team days, leave, pairings or visits');
}

/** Every area named must lie in the caller's areas. */
export function assertInArea(ctx: TuopinContext, code: string, field: string): void {
  if (canSeeArea(ctx.principal, code)) return;
  throw new ForbiddenError(field, '该地区不在您的管辖范围内', 'This area is outside your area scope');
}
