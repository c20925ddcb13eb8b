import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { scopedLoaderBy } from '../access/registry-loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { WorkflowCaseSchema } from '../workflow/workflow.entity.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { HouseholdExitSchema, HouseholdReturnSchema, type HouseholdExit, type HouseholdExitRow, type HouseholdReturn } from './household-exit.entity.js';

const exitRowLoader = scopedLoaderBy(HouseholdExitSchema, 'id');
/** Returns to poverty by id, within the caller's scope. */
export const householdReturnLoader = scopedLoaderBy(HouseholdReturnSchema, 'id');

/** A household's exit cases, oldest first (reached from a household the caller could read). */
export const exitsOfHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, HouseholdExit[]>(async (ids) =>
      groupRows(ids, await rowsWhereIn(ctx, HouseholdExitSchema, 'householdId', ids, { orderBy: [['id', 'asc']] }), (row) => row.householdId),
    ),
);

/** A household's returns to poverty, oldest first. */
export const returnsOfHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, HouseholdReturn[]>(async (ids) =>
      groupRows(ids, await rowsWhereIn(ctx, HouseholdReturnSchema, 'householdId', ids, { orderBy: [['id', 'asc']] }), (row) => row.householdId),
    ),
);

export async function withWorkflow(ctx: TuopinContext, row: HouseholdExit | null | undefined): Promise<HouseholdExitRow | null> {
  const workflow = row ? await workflowCaseLoader(ctx).load(row.id) : null;
  return row && workflow ? { ...row, workflow } : null;
}

/** An exit by id within the caller's scope, with its workflow row. */
export async function loadHouseholdExit(ctx: TuopinContext, id: number): Promise<HouseholdExitRow | null> {
  return withWorkflow(ctx, await exitRowLoader(ctx).load(id));
}

/** As stored now, for a payload (the request's loaders may hold it from before the write). */
export async function freshHouseholdExit(ctx: TuopinContext, id: number): Promise<HouseholdExitRow> {
  const [[row], [workflow]] = await Promise.all([rowsWhereIn(ctx, HouseholdExitSchema, 'id', [id]), rowsWhereIn(ctx, WorkflowCaseSchema, 'id', [id])]);
  if (!row || !workflow) throw new Error(`household exit ${id} vanished after its write`);
  return { ...row, workflow };
}
