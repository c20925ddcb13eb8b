import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { enumKeys } from '../kernel/entity-helpers.js';
import { CONSTRUCTION_TYPES, PROJECT_CATEGORIES, PROJECT_STATUSES } from './project-enums.js';

/**
 * 项目: a poverty-relief project at a place (a village, a township or a county). Writes go
 * through SQL in the services, which also bump `updatedAt` whenever anything about the project
 * changes (its ledger, notices, outputs, beneficiaries), so no ORM update hook is declared.
 */
export const ProjectSchema = defineEntity({
  name: 'Project',
  tableName: 'project',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    category: p.enum(enumKeys(PROJECT_CATEGORIES)).columnType('text'),
    constructionType: p.enum(enumKeys(CONSTRUCTION_TYPES)).columnType('text'),
    placeCode: p.string().length(12),
    responsibleUnit: p.text(),
    budget: p.decimal('string').precision(14).scale(2),
    year: p.smallint(),
    plannedStartDate: p.date().nullable(),
    plannedEndDate: p.date().nullable(),
    actualStartDate: p.date().nullable(),
    actualEndDate: p.date().nullable(),
    performanceTargets: p.text().nullable(),
    povertyLink: p.text().nullable(),
    note: p.text().nullable(),
    status: p.enum(enumKeys(PROJECT_STATUSES)).columnType('text'),
    suspendedFrom: p.enum(enumKeys(PROJECT_STATUSES)).columnType('text').nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type Project = InferEntity<typeof ProjectSchema>;

/** One move of a project's status: the history the status field alone would forget. */
export const ProjectStatusChangeSchema = defineEntity({
  name: 'ProjectStatusChange',
  tableName: 'project_status_change',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    projectId: p.integer(),
    fromStatus: p.enum(enumKeys(PROJECT_STATUSES)).columnType('text').nullable(),
    toStatus: p.enum(enumKeys(PROJECT_STATUSES)).columnType('text'),
    effectiveDate: p.date(),
    reason: p.text().nullable(),
    changedBy: p.text(),
    changedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type ProjectStatusChange = InferEntity<typeof ProjectStatusChangeSchema>;
