import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { WorkflowCase } from '../workflow/workflow.entity.js';

/** One item of a village's exit checklist, met with its evidence. */
export interface ChecklistEntry {
  readonly item: string;
  readonly evidence: string;
}

/** 贫困村出列: what a village's exit records besides its workflow case (same id). */
export const VillageExitSchema = defineEntity({
  name: 'VillageExit',
  tableName: 'village_exit',
  properties: (p) => ({
    id: p.integer().primary(),
    villageCode: p.string().length(12),
    exitYear: p.smallint(),
    poorPeople: p.integer(),
    ruralPopulation: p.integer(),
    threshold: p.decimal('string').precision(5).scale(2),
    checklist: p.json<ChecklistEntry[]>(),
  }),
});
export type VillageExit = InferEntity<typeof VillageExitSchema>;
export type VillageExitRow = VillageExit & { readonly workflow: WorkflowCase };

/** 贫困县摘帽: what a county's exit records besides its workflow case (same id). */
export const CountyExitSchema = defineEntity({
  name: 'CountyExit',
  tableName: 'county_exit',
  properties: (p) => ({
    id: p.integer().primary(),
    /** The county's code (named for the audit log and scope, like every row's area). */
    countyCode: p.string().length(12).fieldName('area_code'),
    exitYear: p.smallint(),
    poorPeople: p.integer(),
    ruralPopulation: p.integer(),
    threshold: p.decimal('string').precision(5).scale(2),
    wrongExitRate: p.decimal('string').precision(5).scale(2),
    missedRate: p.decimal('string').precision(5).scale(2),
    approvalRate: p.decimal('string').precision(5).scale(2),
    approvedOn: p.date().nullable(),
  }),
});
export type CountyExit = InferEntity<typeof CountyExitSchema>;
/** With the workflow row, and the county's code under the name the `WorkflowCase` interface gives a case's area. */
export type CountyExitRow = CountyExit & { readonly workflow: WorkflowCase; readonly villageCode: string };

/** 减贫责任书: the people a township is to bring out of poverty in a year, signed with its county. */
export const ReductionTargetSchema = defineEntity({
  name: 'ReductionTarget',
  tableName: 'reduction_target',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    countyCode: p.string().length(12),
    /** The township's code (stored as the row's area). */
    townshipCode: p.string().length(12).fieldName('area_code'),
    year: p.smallint(),
    targetPeople: p.integer(),
    signedOn: p.date(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type ReductionTarget = InferEntity<typeof ReductionTargetSchema>;
