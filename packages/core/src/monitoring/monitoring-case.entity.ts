import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { enumKeys } from '../kernel/entity-helpers.js';
import type { WorkflowCase } from '../workflow/workflow.entity.js';
import { LEAD_SOURCES, MONITORING_CATEGORIES, MONITORING_DECISIONS, type MonitoringRisk } from './monitoring-enums.js';

/** What a monitoring case records besides its workflow (the `workflow_case` row of the same id). */
export const MonitoringCaseSchema = defineEntity({
  name: 'MonitoringCase',
  tableName: 'monitoring_case',
  properties: (p) => ({
    id: p.integer().primary(),
    villageCode: p.string().length(12),
    category: p.enum(enumKeys(MONITORING_CATEGORIES)).columnType('text'),
    riskTypes: p.array<MonitoringRisk>().columnType('text[]'),
    leadSource: p.enum(enumKeys(LEAD_SOURCES)).columnType('text'),
    leadDate: p.date(),
    people: p.smallint(),
    income12Months: p.decimal('string').precision(14).scale(2).nullable().fieldName('income_12_months'),
    compliantSpending: p.decimal('string').precision(14).scale(2).nullable(),
    monitoringRange: p.decimal('string').precision(14).scale(2).nullable(),
    consentSignedOn: p.date().nullable(),
    decision: p.enum(enumKeys(MONITORING_DECISIONS)).columnType('text').nullable(),
    decidedOn: p.date().nullable(),
    eliminatedOn: p.date().nullable(),
  }),
});
export type MonitoringCase = InferEntity<typeof MonitoringCaseSchema>;

/** A monitoring case as GraphQL resolves it: its own row with its workflow's. */
export type MonitoringCaseRow = MonitoringCase & { readonly workflow: WorkflowCase };
