import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { timestamps } from '../kernel/entity-helpers.js';

/** One case of one workflow: the step it has reached, and the version every step bumps. */
export const WorkflowCaseSchema = defineEntity({
  name: 'WorkflowCase',
  tableName: 'workflow_case',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    kind: p.text(),
    householdId: p.integer().nullable(),
    villageCode: p.string().length(12),
    step: p.text(),
    state: p.text(),
    version: p.integer(),
    openedOn: p.date(),
    closedOn: p.date().nullable(),
    /** The step whose level rejected the case (it was waiting for it), when one did. */
    rejectedStep: p.text().nullable(),
    rejectionReason: p.text().nullable(),
    ...timestamps(p),
  }),
});
export type WorkflowCase = InferEntity<typeof WorkflowCaseSchema>;

/** A case as GraphQL resolves it (the `WorkflowCase` interface): its workflow's own type's row, with the workflow row. */
export interface WorkflowCaseView {
  readonly id: number;
  readonly villageCode: string;
  readonly workflow: WorkflowCase;
}

/** A step taken: which, when, by whom and in which role. */
export const WorkflowStepSchema = defineEntity({
  name: 'WorkflowStep',
  tableName: 'workflow_step',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    caseId: p.integer(),
    villageCode: p.string().length(12),
    step: p.text(),
    takenOn: p.date(),
    takenBy: p.text(),
    takenRole: p.text(),
    note: p.text().nullable(),
    takenAt: p.datetime().defaultRaw('now()'),
  }),
});
export type WorkflowStep = InferEntity<typeof WorkflowStepSchema>;

/** 公示/公告: a notice posted at a step, for a period, at a place people pass. */
export const WorkflowNoticeSchema = defineEntity({
  name: 'WorkflowNotice',
  tableName: 'workflow_notice',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    caseId: p.integer(),
    villageCode: p.string().length(12),
    step: p.text(),
    startDate: p.date(),
    endDate: p.date(),
    location: p.text(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type WorkflowNotice = InferEntity<typeof WorkflowNoticeSchema>;

/** 异议: an objection raised against a notice; open until it is resolved. */
export const WorkflowObjectionSchema = defineEntity({
  name: 'WorkflowObjection',
  tableName: 'workflow_objection',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    caseId: p.integer(),
    noticeId: p.integer(),
    villageCode: p.string().length(12),
    raisedOn: p.date(),
    content: p.text(),
    raisedBy: p.text(),
    resolvedOn: p.date().nullable(),
    resolution: p.text().nullable(),
    resolvedBy: p.text().nullable(),
  }),
});
export type WorkflowObjection = InferEntity<typeof WorkflowObjectionSchema>;

export const workflowEntities = [WorkflowCaseSchema, WorkflowStepSchema, WorkflowNoticeSchema, WorkflowObjectionSchema] as const;
