import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { WorkflowCase } from '../workflow/workflow.entity.js';

/** 风险消除: the case (of workflow RISK_ELIMINATION, same id) that ends one monitoring case's risk. */
export const MonitoringEliminationSchema = defineEntity({
  name: 'MonitoringElimination',
  tableName: 'monitoring_elimination',
  properties: (p) => ({
    id: p.integer().primary(),
    monitoringCaseId: p.integer(),
    villageCode: p.string().length(12),
  }),
});
export type MonitoringElimination = InferEntity<typeof MonitoringEliminationSchema>;

/** A risk elimination as GraphQL resolves it, with its workflow row. */
export type RiskEliminationRow = MonitoringElimination & { readonly workflow: WorkflowCase };
