import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { ProjectSchema, ProjectStatusChangeSchema } from './project.entity.js';
import { ProjectNoticeSchema, ProjectOutputSchema } from './project-records.entity.js';
import { scopedLoaderByCode } from '../kernel/scoped-loader.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { keyMatch } from '../kernel/read/key-match.js';
import { SqlText } from '../kernel/read/read-statement.js';

/** Projects by id, within the caller's scope or granted to him (others load as null): root lookups and `node`. */
export const projectLoader = scopedLoaderByCode(ProjectSchema, 'id', 'placeCode', 'Project');

/** A loader of a project's child rows, one statement per batch. */
function childrenLoader<Row extends { projectId: number; id: number }>(load: (ctx: TuopinContext, ids: number[]) => Promise<Row[]>) {
  return createContextCache(
    (ctx: TuopinContext) => new DataLoader<number, Row[]>(async (ids) => groupRows(ids, await load(ctx, [...ids]), (row) => row.projectId)),
  );
}

export const statusHistoryLoader = childrenLoader((ctx, ids) =>
  rowsWhereIn(ctx, ProjectStatusChangeSchema, 'projectId', ids, {
    orderBy: [
      ['projectId', 'asc'],
      ['id', 'asc'],
    ],
  }),
);

export const noticesLoader = childrenLoader((ctx, ids) =>
  rowsWhereIn(ctx, ProjectNoticeSchema, 'projectId', ids, {
    orderBy: [
      ['projectId', 'asc'],
      ['id', 'asc'],
    ],
  }),
);

export const outputsLoader = childrenLoader((ctx, ids) =>
  rowsWhereIn(ctx, ProjectOutputSchema, 'projectId', ids, {
    orderBy: [
      ['projectId', 'asc'],
      ['position', 'asc'],
    ],
  }),
);

export interface BeneficiaryCounts {
  households: number;
  people: number;
}

/**
 * How many registered households and people a project benefits: public figures, computed in SQL
 * for a whole page of projects at once (the households themselves need the registry scope).
 */
export const beneficiaryCountsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, BeneficiaryCounts>(async (ids) => {
      const projects = keyMatch('b.project_id', ids, 'int');
      const rows = await ctx.db.rows<{ project_id: number; households: string; people: string }>(
        new SqlText().append(
          `select b.project_id, count(*) as households, coalesce(sum(h.member_count), 0) as people
           from project_beneficiary b join household h on h.id = b.household_id
           where ${projects.sql} group by b.project_id`,
          ...projects.params,
        ),
      );
      const byId = new Map(rows.map((row) => [row.project_id, { households: Number(row.households), people: Number(row.people) }]));
      return ids.map((id) => byId.get(id) ?? { households: 0, people: 0 });
    }),
);
