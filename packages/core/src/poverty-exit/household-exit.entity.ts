import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { WorkflowCase } from '../workflow/workflow.entity.js';

/** 贫困户退出: what a household's exit records besides its workflow case (same id). */
export const HouseholdExitSchema = defineEntity({
  name: 'HouseholdExit',
  tableName: 'household_exit',
  properties: (p) => ({
    id: p.integer().primary(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    exitYear: p.smallint(),
    /** Null only for a historical exit entered without its assessment's figures. */
    perCapitaIncome: p.decimal('string').precision(14).scale(2).nullable(),
    povertyLine: p.decimal('string').precision(14).scale(2),
    consentSignedOn: p.date().nullable(),
  }),
});
export type HouseholdExit = InferEntity<typeof HouseholdExitSchema>;
export type HouseholdExitRow = HouseholdExit & { readonly workflow: WorkflowCase };

/** 返贫: a county's decision that an exited household is poor again, with what showed it. */
export const HouseholdReturnSchema = defineEntity({
  name: 'HouseholdReturn',
  tableName: 'household_return',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    year: p.smallint(),
    decidedOn: p.date(),
    reason: p.enum(['INCOME_BELOW_LINE', 'MONITORING_DECISION'] as const).columnType('text'),
    perCapitaIncome: p.decimal('string').precision(14).scale(2).nullable(),
    povertyLine: p.decimal('string').precision(14).scale(2).nullable(),
    monitoringCaseId: p.integer().nullable(),
    decidedBy: p.text(),
    note: p.text().nullable(),
  }),
});
export type HouseholdReturn = InferEntity<typeof HouseholdReturnSchema>;
