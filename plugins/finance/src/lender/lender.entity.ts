import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { keysOf } from '../shared/vocabulary.js';
import { LENDER_KINDS } from './lender-enums.js';

/** 承贷机构: a lender, placed at the area it serves (a county, or a prefecture or province for all of theirs). */
export const LenderSchema = defineEntity({
  name: 'FinanceLender',
  tableName: 'finance_lender',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    kind: p.enum(keysOf(LENDER_KINDS)).columnType('text'),
    areaCode: p.string().length(12),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
});
export type Lender = InferEntity<typeof LenderSchema>;
