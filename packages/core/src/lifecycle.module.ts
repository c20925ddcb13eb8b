import { identificationEntities } from './identification/identification.entity.js';
import { registerIdentificationSchema } from './identification/identification.schema.js';
import type { TuopinBuilder } from './kernel/builder.js';
import { MonitoringEliminationSchema } from './monitoring/elimination.entity.js';
import { registerEliminationSchema } from './monitoring/elimination.schema.js';
import { MonitoringMeasureSchema } from './monitoring/measure.entity.js';
import { registerMeasureSchema } from './monitoring/measure.schema.js';
import { MonitoringCaseSchema } from './monitoring/monitoring-case.entity.js';
import { registerMonitoringSchema } from './monitoring/monitoring.schema.js';
import { registerMonitoringStats } from './monitoring/monitoring-stats.schema.js';
import { povertyExitEntities, registerPovertyExitSchema } from './poverty-exit/poverty-exit.module.js';
import { workflowEntities } from './workflow/workflow.entity.js';
import { registerWorkflowSchema } from './workflow/workflow.schema.js';

/** The entities of the household's life cycle: the workflow mechanism and each workflow's own records. */
export const lifecycleEntities = [...workflowEntities, MonitoringCaseSchema, MonitoringMeasureSchema, MonitoringEliminationSchema, ...identificationEntities, ...povertyExitEntities] as const;

/** Registers the household's life cycle: the shared workflow records, then each workflow. */
export function registerLifecycleSchema(builder: TuopinBuilder): void {
  registerWorkflowSchema(builder);
  registerMonitoringSchema(builder);
  registerMonitoringStats(builder, registerMeasureSchema(builder));
  registerEliminationSchema(builder);
  registerIdentificationSchema(builder);
  registerPovertyExitSchema(builder);
}
