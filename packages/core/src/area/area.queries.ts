import type { TuopinContext } from '../kernel/context.js';
import { subtreeRange, type AreaLevel } from '../kernel/division-code.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { countRowsOf, pageRowsOf, type Conditions } from '../kernel/read/filtered-rows.js';
import { AreaSchema, type Area } from './area.entity.js';

export interface AreaListFilter {
  /** List the direct children of this area, or (with `level`) every area of that level under it. */
  parentCode: string | null;
  level: AreaLevel | null;
}

/** The filter as conditions on alias `a`. */
function areaConditions({ parentCode, level }: AreaListFilter): Conditions {
  return (sql) => {
    if (level === null) {
      if (parentCode === null) sql.append(` and a.level = 'PROVINCE'`);
      else sql.append(' and a.parent_code = ?', parentCode);
      return;
    }
    sql.append(' and a.level = ?', level);
    if (parentCode === null) return;
    const { lo, hi } = subtreeRange(parentCode);
    sql.append(' and a.code >= ? and a.code <= ? and a.code <> ?', lo, hi, parentCode);
  };
}

/** A keyset page of areas ordered by code. */
export function areaConnection(ctx: TuopinContext, filter: AreaListFilter, args: ConnectionArgs) {
  const conditions = areaConditions(filter);
  return resolveKeysetConnection<Area>(
    args,
    ['code'],
    (area) => [area.code],
    ({ after, before, limit, descending }) =>
      pageRowsOf(ctx, {
        entity: AreaSchema,
        alias: 'a',
        conditions,
        bounds: (sql) => {
          if (after) sql.append(' and a.code > ?', String(after[0]));
          if (before) sql.append(' and a.code < ?', String(before[0]));
        },
        orderBy: [['code', descending ? 'desc' : 'asc']],
        limit,
      }),
    () => countRowsOf(ctx, AreaSchema, 'a', conditions),
  );
}
