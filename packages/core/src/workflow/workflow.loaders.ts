import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { scopedLoaderBy } from '../access/registry-loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { groupRows } from '../kernel/group-rows.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { WorkflowCaseSchema, WorkflowNoticeSchema, WorkflowObjectionSchema, WorkflowStepSchema, type WorkflowNotice, type WorkflowObjection, type WorkflowStep } from './workflow.entity.js';

/** Cases by id, within the caller's scope (others load as null). */
export const workflowCaseLoader = scopedLoaderBy(WorkflowCaseSchema, 'id');
/** Notices by id, within the caller's scope. */
export const workflowNoticeLoader = scopedLoaderBy(WorkflowNoticeSchema, 'id');
/** Objections by id, within the caller's scope. */
export const workflowObjectionLoader = scopedLoaderBy(WorkflowObjectionSchema, 'id');

/**
 * A case's rows of one table, in order. Reached only from a case the caller has already been
 * allowed to read (scope is checked on the case), so they need no scope of their own.
 */
function rowsOfCase<Row extends { caseId: number; id: number }>(entity: Parameters<typeof rowsWhereIn<Row>>[1]) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<number, Row[]>(async (caseIds) => {
        const rows = await rowsWhereIn<Row>(ctx, entity, 'caseId', caseIds, { orderBy: [['id', 'asc']] });
        return groupRows(caseIds, rows, (row) => row.caseId);
      }),
  );
}

export const stepsOfCaseLoader = rowsOfCase<WorkflowStep>(WorkflowStepSchema);
export const noticesOfCaseLoader = rowsOfCase<WorkflowNotice>(WorkflowNoticeSchema);
export const objectionsOfCaseLoader = rowsOfCase<WorkflowObjection>(WorkflowObjectionSchema);
