import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { COURSE_KINDS, TRAINEE_STATUSES } from '../shared/vocabulary.js';

/** 培训班: a short-term course run for an area (usually the county), with its venue, provider, dates and cost. */
export const CourseSchema = defineEntity({
  name: 'EducationCourse',
  tableName: 'education_course',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    kind: p.enum(Object.keys(COURSE_KINDS) as (keyof typeof COURSE_KINDS)[]).columnType('text'),
    areaCode: p.string().length(12),
    venue: p.text(),
    provider: p.text(),
    startDate: p.date(),
    endDate: p.date(),
    cost: p.decimal('string').precision(14).scale(2),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type Course = InferEntity<typeof CourseSchema>;

/** 学员: a household member on a course, with completion, certificate and employment afterwards. */
export const TraineeSchema = defineEntity({
  name: 'EducationTrainee',
  tableName: 'education_trainee',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    courseId: p.integer(),
    memberId: p.integer(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    status: p.enum(Object.keys(TRAINEE_STATUSES) as (keyof typeof TRAINEE_STATUSES)[]).columnType('text'),
    certificateNo: p.text().nullable(),
    employed: p.boolean().nullable(),
    employer: p.text().nullable(),
    employedFrom: p.date().nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type Trainee = InferEntity<typeof TraineeSchema>;
