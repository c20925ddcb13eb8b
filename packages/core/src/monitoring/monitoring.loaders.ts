import { scopedLoaderBy } from '../access/registry-loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { WorkflowCaseSchema } from '../workflow/workflow.entity.js';
import { workflowCaseLoader } from '../workflow/workflow.loaders.js';
import { MonitoringCaseSchema, type MonitoringCase, type MonitoringCaseRow } from './monitoring-case.entity.js';

const monitoringRowLoader = scopedLoaderBy(MonitoringCaseSchema, 'id');

/** Monitoring rows with their workflow rows (one batched statement for each table). */
export async function withWorkflows(ctx: TuopinContext, rows: readonly MonitoringCase[]): Promise<MonitoringCaseRow[]> {
  const workflows = await workflowCaseLoader(ctx).loadMany(rows.map((row) => row.id));
  return rows.map((row, i) => ({ ...row, workflow: workflows[i] as MonitoringCaseRow['workflow'] }));
}

/** A monitoring case by id within the caller's scope, or null. */
export async function loadMonitoringCase(ctx: TuopinContext, id: number): Promise<MonitoringCaseRow | null> {
  const row = await monitoringRowLoader(ctx).load(id);
  return row ? (await withWorkflows(ctx, [row]))[0] : null;
}

/**
 * A case as stored now, for a mutation's payload: the request's loaders may hold the case as it
 * was before the write (the step loaded it to check its version).
 */
export async function freshMonitoringCase(ctx: TuopinContext, id: number): Promise<MonitoringCaseRow> {
  const [[row], [workflow]] = await Promise.all([rowsWhereIn(ctx, MonitoringCaseSchema, 'id', [id]), rowsWhereIn(ctx, WorkflowCaseSchema, 'id', [id])]);
  if (!row || !workflow) throw new Error(`monitoring case ${id} vanished after its write`);
  return { ...row, workflow };
}
