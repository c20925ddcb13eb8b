import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { SCHOOL_KINDS } from '../shared/vocabulary.js';

/**
 * 学校: a school as a township's inventory lists it, placed in its township or village
 * (`area_code`), with its staff, its pupils by stage and its floor area. Its pupils are counts a
 * school publishes, not people of the registry.
 */
export const SchoolSchema = defineEntity({
  name: 'EducationSchool',
  tableName: 'education_school',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    kind: p.enum(Object.keys(SCHOOL_KINDS) as (keyof typeof SCHOOL_KINDS)[]).columnType('text'),
    areaCode: p.string().length(12),
    teachersServing: p.integer(),
    teachersRetired: p.integer(),
    pupilsPreschool: p.integer(),
    pupilsPrimary: p.integer(),
    pupilsJunior: p.integer(),
    pupilsSenior: p.integer(),
    pupilsVocational: p.integer(),
    floorArea: p.decimal('string').precision(12).scale(2),
    unsafeFloorArea: p.decimal('string').precision(12).scale(2),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type School = InferEntity<typeof SchoolSchema>;
