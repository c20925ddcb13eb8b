import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { enumKeys } from '../kernel/entity-helpers.js';
import { ASSISTANCE_CLASSES, HOUSEHOLD_CATEGORIES, POVERTY_CAUSES, POVERTY_STANDARDS, type PovertyCause } from '../household/household-enums.js';
import type { WorkflowCase } from '../workflow/workflow.entity.js';
import { EXCLUSION_EXCEPTIONS, IDENTIFICATION_EXCLUSIONS, IDENTIFICATION_OUTCOMES } from './identification-enums.js';

/**
 * An application for identification (the `workflow_case` row of the same id is its workflow).
 *
 * Until approval the applicant is not a registered household: the registry holds only households
 * the county has approved (or entered from older rolls), and every statistic, plugin and scope
 * rule reads it as "the poor". So the application carries the applicant's own data — village,
 * head's name and ID number, number of people, cause and category — in its own table, and the
 * approval registers the household through core's registration service (same checks, same
 * uniqueness of the ID number). The head's ID number is personal data, masked and read-audited
 * like a member's, and masked in the audit log (the column is `id_number`).
 */
export const IdentificationApplicationSchema = defineEntity({
  name: 'IdentificationApplication',
  tableName: 'identification_application',
  properties: (p) => ({
    id: p.integer().primary(),
    villageCode: p.string().length(12),
    groupId: p.integer().nullable(),
    headName: p.text(),
    idNumber: p.string().length(18),
    people: p.smallint(),
    primaryCause: p.enum(enumKeys(POVERTY_CAUSES)).columnType('text'),
    otherCauses: p.array<PovertyCause>().columnType('text[]').default([]),
    category: p.enum(enumKeys(HOUSEHOLD_CATEGORIES)).columnType('text'),
    appliedOn: p.date(),
    // 村民代表会议: members of the assembly, those present, and how they voted.
    representatives: p.smallint().nullable(),
    present: p.smallint().nullable(),
    votesFor: p.smallint().nullable(),
    votesAgainst: p.smallint().nullable(),
    abstentions: p.smallint().nullable(),
    votedOn: p.date().nullable(),
    povertyStandard: p.enum(enumKeys(POVERTY_STANDARDS)).columnType('text').nullable(),
    assistanceClass: p.enum(enumKeys(ASSISTANCE_CLASSES)).columnType('text').nullable(),
    outcome: p.enum(enumKeys(IDENTIFICATION_OUTCOMES)).columnType('text'),
  }),
});
export type IdentificationApplication = InferEntity<typeof IdentificationApplicationSchema>;

/** An application as GraphQL resolves it: its own row with its workflow's. */
export type IdentificationApplicationRow = IdentificationApplication & { readonly workflow: WorkflowCase };

/** One of the ten exclusions as checked for an application, with its evidence and any exception used. */
export const IdentificationExclusionCheckSchema = defineEntity({
  name: 'IdentificationExclusionCheck',
  tableName: 'identification_exclusion',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    applicationId: p.integer(),
    villageCode: p.string().length(12),
    exclusion: p.enum(enumKeys(IDENTIFICATION_EXCLUSIONS)).columnType('text'),
    applies: p.boolean(),
    evidence: p.text(),
    exception: p.enum(enumKeys(EXCLUSION_EXCEPTIONS)).columnType('text').nullable(),
    checkedStep: p.text(),
    checkedOn: p.date(),
  }),
});
export type IdentificationExclusionCheck = InferEntity<typeof IdentificationExclusionCheckSchema>;

export const identificationEntities = [IdentificationApplicationSchema, IdentificationExclusionCheckSchema] as const;
