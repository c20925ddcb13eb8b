import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { scopedLoaderBy } from '../access/registry-loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { WorkflowCaseSchema } from '../workflow/workflow.entity.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import {
  IdentificationApplicationSchema,
  IdentificationExclusionCheckSchema,
  type IdentificationApplication,
  type IdentificationApplicationRow,
  type IdentificationExclusionCheck,
} from './identification.entity.js';

const applicationRowLoader = scopedLoaderBy(IdentificationApplicationSchema, 'id');

/** Application rows with their workflow rows (one batched statement for each table). */
export async function withWorkflows(ctx: TuopinContext, rows: readonly IdentificationApplication[]): Promise<IdentificationApplicationRow[]> {
  const workflows = await workflowCaseLoader(ctx).loadMany(rows.map((row) => row.id));
  return rows.map((row, i) => ({ ...row, workflow: workflows[i] as IdentificationApplicationRow['workflow'] }));
}

/** An application by id within the caller's scope, or null. */
export async function loadApplication(ctx: TuopinContext, id: number): Promise<IdentificationApplicationRow | null> {
  const row = await applicationRowLoader(ctx).load(id);
  return row ? (await withWorkflows(ctx, [row]))[0] : null;
}

/** An application as stored now, for a mutation's payload (the request's loaders may hold it from before the write). */
export async function freshApplication(ctx: TuopinContext, id: number): Promise<IdentificationApplicationRow> {
  const [[row], [workflow]] = await Promise.all([rowsWhereIn(ctx, IdentificationApplicationSchema, 'id', [id]), rowsWhereIn(ctx, WorkflowCaseSchema, 'id', [id])]);
  if (!row || !workflow) throw new Error(`identification application ${id} vanished after its write`);
  return { ...row, workflow };
}

/**
 * An application's exclusion checks, batched. Reached only from an application the caller may
 * read (scope is checked on it), so they need no scope of their own.
 */
export const exclusionsOfApplicationLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, IdentificationExclusionCheck[]>(async (ids) =>
      groupRows(ids, await rowsWhereIn(ctx, IdentificationExclusionCheckSchema, 'applicationId', ids, { orderBy: [['id', 'asc']] }), (row) => row.applicationId),
    ),
);
