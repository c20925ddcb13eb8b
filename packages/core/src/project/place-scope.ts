import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaSchema, type Area } from '../area/area.entity.js';
import { grantAllows, notFound } from '../kernel/access.js';
import { isWithinScope } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import { ForbiddenError } from '../kernel/errors.js';
import { CORE_PERMISSIONS } from '../access/core-permissions.js';
import { canDisburse, canManageFunds, canManageProjects } from '../access/core-policy.js';

/**
 * Who may write projects (by their place) and funds (by their managing area): the same area rules
 * as the registry's villages. Scoped reads are `scopedLoaderByCode` and `codeRangeSql` (kernel).
 */

/**
 * Refuses a project write outside the caller's role or area scope. Given the project's id (a
 * write to an existing project), a grant of `core.projects.manage` on it allows the write too.
 */
export function assertCanManageProjectAt(ctx: TuopinContext, code: string, field: string, projectId?: number): void {
  if (projectId !== undefined && grantAllows(ctx.principal, 'Project', projectId, CORE_PERMISSIONS.manageProjects)) return;
  if (!canManageProjects(ctx.principal)) {
    throw new ForbiddenError(field, '您的角色不能管理项目', 'Your role may not manage projects');
  }
  if (!isWithinScope(code, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该项目所在地不在您的管辖范围内', 'This place is outside your area scope');
  }
}

/** Refuses a fund or ledger write outside the caller's role or area scope. */
export function assertCanManageFundAt(ctx: TuopinContext, code: string, field: string): void {
  if (!canManageFunds(ctx.principal)) {
    throw new ForbiddenError(field, '您的角色不能管理资金', 'Your role may not manage funds');
  }
  if (!isWithinScope(code, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该资金的管理区划不在您的管辖范围内', 'This fund is managed outside your area scope');
  }
}

/**
 * Refuses a payment (or the reversal of one) unless the caller may pay (`canDisburse`) and his
 * scope holds both the fund's managing area and the project's place: money moves between the two.
 * A fund manager passes as he always did; `core.ledger.disburse` pays without managing either.
 */
export function assertCanDisburseAt(ctx: TuopinContext, fundAreaCode: string, projectPlaceCode: string, field: string): void {
  if (!canDisburse(ctx.principal)) {
    throw new ForbiddenError(field, '您的角色不能报账', 'Your role may not pay from funds');
  }
  if (!isWithinScope(fundAreaCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该资金的管理区划不在您的管辖范围内', 'This fund is managed outside your area scope');
  }
  if (!isWithinScope(projectPlaceCode, ctx.principal.areaScopes)) {
    throw new ForbiddenError(field, '该项目所在地不在您的管辖范围内', 'This place is outside your area scope');
  }
}

/** Loads an area for a write, or throws the typed not-found error; `levels` limits which kinds. */
export async function requireArea(em: EntityManager, code: string, field: string, levels?: readonly Area['level'][]): Promise<Area> {
  const area = await em.findOne(AreaSchema, { code });
  if (!area || (levels && !levels.includes(area.level))) throw notFound(field, `区划 ${code} `, `Area ${code}`);
  return area;
}
