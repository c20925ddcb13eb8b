import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { timestamps } from '../kernel/entity-helpers.js';
import { AREA_LEVELS } from './division-code.js';

/** An administrative area: province, prefecture, county, township or administrative village. */
export const AreaSchema = defineEntity({
  name: 'Area',
  tableName: 'area',
  properties: (p) => ({
    code: p.string().primary().length(12),
    name: p.text(),
    level: p.enum([...AREA_LEVELS]).columnType('text'),
    parentCode: p.string().length(12).nullable(),
    /** 贫困村: villages only. */
    isPovertyVillage: p.boolean().nullable(),
    /** 出列 year: villages only. */
    exitYear: p.smallint().nullable(),
    /** 农村户籍人口: the denominator of poverty incidence. */
    ruralPopulation: p.integer().nullable(),
    ...timestamps(p),
  }),
});
export type Area = InferEntity<typeof AreaSchema>;

/** 组/屯: a group or natural village inside an administrative village. */
export const VillageGroupSchema = defineEntity({
  name: 'VillageGroup',
  tableName: 'village_group',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    villageCode: p.string().length(12),
    name: p.text(),
  }),
});
export type VillageGroup = InferEntity<typeof VillageGroupSchema>;
