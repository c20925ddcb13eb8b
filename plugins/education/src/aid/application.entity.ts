import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AID_SCHEMES } from '../shared/vocabulary.js';
import { APPLICATION_STATUSES } from './aid-enums.js';

/**
 * 资助申请: a student's application for one scheme in one year, for one enrolment, moving through
 * the procedure: village check → township check → county review with its public notice → paid.
 */
export const ApplicationSchema = defineEntity({
  name: 'EducationAidApplication',
  tableName: 'education_aid_application',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    memberId: p.integer(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    enrolmentId: p.integer(),
    scheme: p.enum(Object.keys(AID_SCHEMES) as (keyof typeof AID_SCHEMES)[]).columnType('text'),
    year: p.smallint(),
    status: p.enum(Object.keys(APPLICATION_STATUSES) as (keyof typeof APPLICATION_STATUSES)[]).columnType('text'),
    appliedOn: p.date(),
    villageCheckedOn: p.date().nullable(),
    townshipCheckedOn: p.date().nullable(),
    approvedOn: p.date().nullable(),
    noticeFrom: p.date().nullable(),
    noticeUntil: p.date().nullable(),
    rejectionReason: p.text().nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type Application = InferEntity<typeof ApplicationSchema>;
