import type { FilterQuery } from '@mikro-orm/core';
import type { TuopinContext } from '../kernel/context.js';
import { subtreeRange, type AreaLevel } from '../kernel/division-code.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { AreaSchema, type Area } from './area.entity.js';
import { findRows } from '../kernel/plain-rows.js';

export interface AreaListFilter {
  /** List the direct children of this area, or (with `level`) every area of that level under it. */
  parentCode: string | null;
  level: AreaLevel | null;
}

function areaWhere({ parentCode, level }: AreaListFilter): FilterQuery<Area> {
  if (level === null) return parentCode === null ? { level: 'PROVINCE' } : { parentCode };
  if (parentCode === null) return { level };
  const { lo, hi } = subtreeRange(parentCode);
  return { level, code: { $gte: lo, $lte: hi, $ne: parentCode } };
}

/** A keyset page of areas ordered by code. */
export function areaConnection(ctx: TuopinContext, filter: AreaListFilter, args: ConnectionArgs) {
  const where = areaWhere(filter);
  return resolveKeysetConnection<Area>(
    args,
    ['code'],
    (area) => [area.code],
    ({ after, before, limit, descending }) => {
      const code: Record<string, string> = {};
      if (after) code.$gt = String(after[0]);
      if (before) code.$lt = String(before[0]);
      return findRows(
        ctx.em,
        AreaSchema,
        Object.keys(code).length > 0 ? { $and: [where, { code }] } : where,
        { orderBy: { code: descending ? 'desc' : 'asc' }, limit },
      );
    },
    () => ctx.em.count(AreaSchema, where),
  );
}
