import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, HEALTH_STATUSES, LABOUR_ABILITIES, RELATIONS_TO_HEAD, SCHOOL_STATUSES, SEXES } from './member-enums.js';

const keys = <T extends object>(record: T) => Object.keys(record) as (keyof T & string)[];

/** A member of a registered household. A person (ID number) belongs to one household. */
export const MemberSchema = defineEntity({
  name: 'Member',
  tableName: 'member',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer(),
    /** The household's village, copied so that scoped reads of people are a range scan too. */
    villageCode: p.string().length(12),
    name: p.text(),
    idNumber: p.character().length(18),
    sex: p.enum(keys(SEXES)).columnType('text'),
    birthDate: p.date(),
    relationToHead: p.enum(keys(RELATIONS_TO_HEAD)).columnType('text'),
    ethnicity: p.text().nullable(),
    education: p.enum(keys(EDUCATION_LEVELS)).columnType('text').nullable(),
    schoolStatus: p.enum(keys(SCHOOL_STATUSES)).columnType('text').nullable(),
    health: p.enum(keys(HEALTH_STATUSES)).columnType('text').nullable(),
    labourAbility: p.enum(keys(LABOUR_ABILITIES)).columnType('text').nullable(),
    employment: p.enum(keys(EMPLOYMENT_STATUSES)).columnType('text').nullable(),
    employmentMonths: p.smallint().nullable(),
    disabilityGrade: p.smallint().nullable(),
    medicalInsurance: p.boolean().default(false),
    criticalIllnessInsurance: p.boolean().default(false),
    pensionInsurance: p.boolean().default(false),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type Member = InferEntity<typeof MemberSchema>;
