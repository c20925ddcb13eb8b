import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { DROPOUT_STATUSES } from '../shared/vocabulary.js';

/** 控辍保学: a school-age member suspected or confirmed to have dropped out, until he returns or is taught at home. */
export const DropoutCaseSchema = defineEntity({
  name: 'EducationDropoutCase',
  tableName: 'education_dropout_case',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    memberId: p.integer(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    status: p.enum(Object.keys(DROPOUT_STATUSES) as (keyof typeof DROPOUT_STATUSES)[]).columnType('text'),
    openedOn: p.date(),
    closedOn: p.date().nullable(),
    reason: p.text().nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type DropoutCase = InferEntity<typeof DropoutCaseSchema>;

/** 劝返: one persuasion visit of a case: when, who, and what came of it. */
export const PersuasionVisitSchema = defineEntity({
  name: 'EducationPersuasionVisit',
  tableName: 'education_persuasion_visit',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    caseId: p.integer(),
    villageCode: p.string().length(12),
    visitedOn: p.date(),
    visitors: p.text(),
    result: p.text(),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type PersuasionVisit = InferEntity<typeof PersuasionVisitSchema>;
