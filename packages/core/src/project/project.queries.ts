import type { QueryBuilder } from '@mikro-orm/postgresql';
import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import type { FundSourceType } from '../fund/fund-enums.js';
import { ProjectSchema, type Project } from './project.entity.js';
import type { ProjectCategory, ProjectStatus } from './project-enums.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';
import { checkPullCursor, keysetBound, pullKey, type PullOrder } from './pull-order.js';
import { pageRows } from '../kernel/plain-rows.js';

export interface ProjectFilter {
  /** The area (and everything under it); null for everywhere the caller may see. */
  regionCode: string | null;
  status?: ProjectStatus | null;
  category?: ProjectCategory | null;
  year?: number | null;
  /** Projects with a live allocation from a fund of this source type. */
  fundSourceType?: FundSourceType | null;
  /** Only projects changed after this moment; switches the order to (updated_at, id). */
  updatedAfter?: Date | null;
}

function filteredProjects(ctx: TuopinContext, filter: ProjectFilter): QueryBuilder<Project> | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  const qb = ctx.em.createQueryBuilder(ProjectSchema, 'p');
  const area = codeRangeSql('p.place_code', ranges);
  qb.where(area.sql, area.params);
  if (filter.status) qb.andWhere({ status: filter.status });
  if (filter.category) qb.andWhere({ category: filter.category });
  if (filter.year != null) qb.andWhere({ year: filter.year });
  if (filter.fundSourceType) {
    qb.andWhere(
      `exists (select 1 from ledger_entry e join fund f on f.id = e.fund_id
        where e.project_id = p.id and e.kind = 'ALLOCATION' and f.source_type = ?
          and not exists (select 1 from ledger_entry r where r.reverses_id = e.id))`,
      [filter.fundSourceType],
    );
  }
  if (filter.updatedAfter) qb.andWhere('p.updated_at > ?', [filter.updatedAfter]);
  return qb;
}

/** A keyset page of projects: by (place code, id), or by (updated_at, id) when pulling changes. */
export function projectConnection(ctx: TuopinContext, filter: ProjectFilter, args: ConnectionArgs) {
  const order: PullOrder = filter.updatedAfter ? 'updated' : 'code';
  return resolveKeysetConnection<Project>(
    args,
    ['text', 'id'],
    (project) => pullKey(order, project.placeCode, project.updatedAt, project.id),
    async ({ after, before, limit, descending }) => {
      const qb = filteredProjects(ctx, filter);
      if (!qb) return [];
      for (const [key, op, field] of [[after, '>', 'after'], [before, '<', 'before']] as const) {
        const checked = checkPullCursor(order, key, field);
        if (!checked) continue;
        const bound = keysetBound(order, 'p', 'place_code', checked, op);
        qb.andWhere(bound.sql, bound.params);
      }
      const direction = descending ? 'desc' : 'asc';
      const orderBy = order === 'updated' ? { updatedAt: direction, id: direction } : { placeCode: direction, id: direction };
      return pageRows(qb.orderBy(orderBy as never).limit(limit));
    },
    async () => {
      const qb = filteredProjects(ctx, filter);
      return qb ? qb.getCount() : 0;
    },
  );
}
