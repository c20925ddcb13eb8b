import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { AreaSchema, type Area } from '../area/area.entity.js';
import { notFound, readableRanges } from '../kernel/access.js';
import { isWithinScope } from '../kernel/area-scope.js';
import type { TuopinContext } from '../kernel/context.js';
import type { CodeRange } from '../kernel/division-code.js';
import { ForbiddenError } from '../kernel/errors.js';
import { pickRows } from '../kernel/group-rows.js';
import { canManageFunds, canManageProjects } from '../kernel/principal.js';
import { findRows } from '../kernel/plain-rows.js';

/**
 * Area scope for projects (by their place) and funds (by their managing area): the same rules as
 * the registry's villages, on another code column. Rows outside the caller's scope read as absent.
 */

/** A MikroORM condition restricting a code property to code ranges. */
export function codeInRanges(property: string, ranges: readonly CodeRange[]): Record<string, unknown> {
  if (ranges.length === 1 && ranges[0].lo === '000000000000' && ranges[0].hi === '999999999999') return {};
  return { $or: ranges.map(({ lo, hi }) => ({ [property]: { $gte: lo, $lte: hi } })) };
}

/** SQL text and parameters restricting a code column to code ranges, for query builders and raw SQL. */
export function codeRangeSql(column: string, ranges: readonly CodeRange[]): { sql: string; params: string[] } {
  return {
    sql: `(${ranges.map(() => `${column} between ? and ?`).join(' or ')})`,
    params: ranges.flatMap(({ lo, hi }) => [lo, hi]),
  };
}

/** A per-request loader by a unique key of rows placed by `codeProperty`, within the caller's scope. */
export function scopedLoaderByCode<Entity extends object, Key extends keyof Entity & string>(
  entity: EntitySchema<Entity, any>,
  key: Key,
  codeProperty: keyof Entity & string,
) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<Entity[Key], Entity | null>(async (keys) => {
        const ranges = readableRanges(ctx, null);
        if (ranges.length === 0) return keys.map(() => null);
        const where = { $and: [{ [key]: { $in: [...keys] } }, codeInRanges(codeProperty, ranges)] } as FilterQuery<Entity>;
        const rows = await findRows(ctx.em, entity, where);
        return pickRows(keys, rows, (row) => row[key]);
      }),
  );
}

/** Refuses a project write outside the caller's role or area scope. */
export function assertCanManageProjectAt(ctx: TuopinContext, code: string, field: string): void {
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

/** Loads an area for a write, or throws the typed not-found error; `levels` limits which kinds. */
export async function requireArea(em: EntityManager, code: string, field: string, levels?: readonly Area['level'][]): Promise<Area> {
  const area = await em.findOne(AreaSchema, { code });
  if (!area || (levels && !levels.includes(area.level))) throw notFound(field, `区划 ${code} `, `Area ${code}`);
  return area;
}
