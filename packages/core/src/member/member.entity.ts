import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { enumKeys, timestamps } from '../kernel/entity-helpers.js';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, HEALTH_STATUSES, LABOUR_ABILITIES, RELATIONS_TO_HEAD, SCHOOL_STATUSES, SEXES } from './member-enums.js';

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
    sex: p.enum(enumKeys(SEXES)).columnType('text'),
    birthDate: p.date(),
    relationToHead: p.enum(enumKeys(RELATIONS_TO_HEAD)).columnType('text'),
    ethnicity: p.text().nullable(),
    education: p.enum(enumKeys(EDUCATION_LEVELS)).columnType('text').nullable(),
    schoolStatus: p.enum(enumKeys(SCHOOL_STATUSES)).columnType('text').nullable(),
    health: p.enum(enumKeys(HEALTH_STATUSES)).columnType('text').nullable(),
    labourAbility: p.enum(enumKeys(LABOUR_ABILITIES)).columnType('text').nullable(),
    employment: p.enum(enumKeys(EMPLOYMENT_STATUSES)).columnType('text').nullable(),
    employmentMonths: p.smallint().nullable(),
    disabilityGrade: p.smallint().nullable(),
    medicalInsurance: p.boolean().default(false),
    criticalIllnessInsurance: p.boolean().default(false),
    pensionInsurance: p.boolean().default(false),
    ...timestamps(p),
  }),
});
export type Member = InferEntity<typeof MemberSchema>;
