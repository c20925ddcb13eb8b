import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { RelocationMode } from '../shared/vocabulary.js';
import type { RelocationStatus } from './life-cycle.js';

/**
 * 搬迁户: a household that moves, placed in the village it moves from (`village_code`). A registered
 * household points at core's household (`household_id`); one moved at the same time that is not
 * registered (同步搬迁) has no core household and names its head instead.
 */
export const RelocatedHouseholdSchema = defineEntity({
  name: 'RelocatedHousehold',
  tableName: 'relocation_household',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer().nullable(),
    villageCode: p.string().length(12),
    headName: p.text().nullable(),
    memberCount: p.smallint(),
    originReason: p.text(),
    mode: p.text().$type<RelocationMode>(),
    scatteredKind: p.text().nullable(),
    siteId: p.integer().nullable(),
    flatId: p.integer().nullable(),
    peopleMoved: p.smallint(),
    hasLabour: p.boolean(),
    floorArea: p.decimal('string').precision(8).scale(2).nullable(),
    selfRaised: p.decimal('string').precision(14).scale(2),
    planYear: p.smallint(),
    status: p.text().$type<RelocationStatus>(),
    appliedOn: p.date(),
    agreementDate: p.date().nullable(),
    housedOn: p.date().nullable(),
    moveInDate: p.date().nullable(),
    oldHouseArea: p.decimal('string').precision(8).scale(2).nullable(),
    demolishedOn: p.date().nullable(),
    retentionReason: p.text().nullable(),
    retentionApprovalNo: p.text().nullable(),
    retentionApprovedOn: p.date().nullable(),
    reclaimedAreaMu: p.decimal('string').precision(8).scale(2).nullable(),
    reclamationKind: p.text().nullable(),
    landQuotaMu: p.decimal('string').precision(8).scale(2).nullable(),
    reclaimedOn: p.date().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('clock_timestamp()'),
  }),
});
export type RelocatedHousehold = InferEntity<typeof RelocatedHouseholdSchema>;
