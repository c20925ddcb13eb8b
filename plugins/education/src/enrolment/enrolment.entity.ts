import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ENROLMENT_STATUSES, STAGES, TERMS } from '../shared/vocabulary.js';

/**
 * 学籍: a household member's enrolment in one term (a calendar year's spring or autumn term), at a school of the registry
 * (`school_id`) or one outside it (`school_name` alone, e.g. a university in another province).
 * Placed by the student's village, which follows the household when it moves.
 */
export const EnrolmentSchema = defineEntity({
  name: 'EducationEnrolment',
  tableName: 'education_enrolment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    memberId: p.integer(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    schoolId: p.integer().nullable(),
    schoolName: p.text(),
    stage: p.enum(Object.keys(STAGES) as (keyof typeof STAGES)[]).columnType('text'),
    studentNo: p.text().nullable(),
    fullTime: p.boolean(),
    boarder: p.boolean(),
    year: p.smallint(),
    term: p.enum(Object.keys(TERMS) as (keyof typeof TERMS)[]).columnType('text'),
    status: p.enum(Object.keys(ENROLMENT_STATUSES) as (keyof typeof ENROLMENT_STATUSES)[]).columnType('text'),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type Enrolment = InferEntity<typeof EnrolmentSchema>;
