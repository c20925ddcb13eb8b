import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { enumKeys, timestamps } from '../kernel/entity-helpers.js';
import { ASSISTANCE_CLASSES, HOUSEHOLD_CATEGORIES, HOUSEHOLD_STATUSES, POVERTY_STANDARDS, HOUSING_SAFETY_GRADES, POVERTY_CAUSES, type PovertyCause } from './household-enums.js';

/** 建档立卡户: a registered poor household. */
export const HouseholdSchema = defineEntity({
  name: 'Household',
  tableName: 'household',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdNo: p.string().length(32),
    villageCode: p.string().length(12),
    groupId: p.integer().nullable(),
    category: p.enum(enumKeys(HOUSEHOLD_CATEGORIES)).columnType('text'),
    status: p.enum(enumKeys(HOUSEHOLD_STATUSES)).columnType('text'),
    yearIdentified: p.smallint(),
    exitYear: p.smallint().nullable(),
    /** Set by identification's approval; null for households entered from older rolls. */
    povertyStandard: p.enum(enumKeys(POVERTY_STANDARDS)).columnType('text').nullable(),
    assistanceClass: p.enum(enumKeys(ASSISTANCE_CLASSES)).columnType('text').nullable(),
    primaryCause: p.enum(enumKeys(POVERTY_CAUSES)).columnType('text'),
    otherCauses: p.array<PovertyCause>().columnType('text[]').default([]),
    // 两不愁三保障: 不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障.
    foodSecure: p.boolean().default(false),
    clothingSecure: p.boolean().default(false),
    compulsoryEducationSecure: p.boolean().default(false),
    basicMedicalSecure: p.boolean().default(false),
    housingSecure: p.boolean().default(false),
    housingArea: p.decimal('string').precision(8).scale(2).nullable(),
    housingSafetyGrade: p.enum(enumKeys(HOUSING_SAFETY_GRADES)).columnType('char(1)').nullable(),
    safeDrinkingWater: p.boolean().nullable(),
    arableLand: p.decimal('string').precision(10).scale(2).nullable(),
    bankAccount: p.string().length(32).nullable(),
    /** Kept by atomic increments in the same transaction as member inserts and deletes. */
    memberCount: p.integer().default(0),
    ...timestamps(p),
  }),
});
export type Household = InferEntity<typeof HouseholdSchema>;
