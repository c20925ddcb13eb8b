import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { enumKeys } from '../kernel/entity-helpers.js';
import { NOTICE_TYPES } from './project-enums.js';

/** 公示: a public notice about a project, posted for a period at a place people pass. */
export const ProjectNoticeSchema = defineEntity({
  name: 'ProjectNotice',
  tableName: 'project_notice',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    projectId: p.integer(),
    noticeType: p.enum(enumKeys(NOTICE_TYPES)).columnType('text'),
    startDate: p.date(),
    endDate: p.date(),
    location: p.text(),
    content: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type ProjectNotice = InferEntity<typeof ProjectNoticeSchema>;

/** 产出指标: what a project delivers, planned and actual (1.12 km of road, 699 m² of building). */
export const ProjectOutputSchema = defineEntity({
  name: 'ProjectOutput',
  tableName: 'project_output',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    projectId: p.integer(),
    position: p.smallint(),
    indicator: p.text(),
    unit: p.text(),
    planned: p.decimal('string').precision(14).scale(3),
    actual: p.decimal('string').precision(14).scale(3).nullable(),
  }),
});
export type ProjectOutput = InferEntity<typeof ProjectOutputSchema>;

/** A registered household that benefits from a project (受益户). */
export const ProjectBeneficiarySchema = defineEntity({
  name: 'ProjectBeneficiary',
  tableName: 'project_beneficiary',
  properties: (p) => ({
    projectId: p.integer().primary(),
    householdId: p.integer().primary(),
    linkedBy: p.text(),
    linkedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type ProjectBeneficiary = InferEntity<typeof ProjectBeneficiarySchema>;
