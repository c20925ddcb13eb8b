import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { keysOf } from '../shared/vocabulary.js';
import { CREDIT_GRADES } from './rating-grade.js';

/** 信用评级: one rating of a household; the latest by date is its current one, the rest its history. */
export const CreditRatingSchema = defineEntity({
  name: 'FinanceCreditRating',
  tableName: 'finance_credit_rating',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    grade: p.enum(keysOf(CREDIT_GRADES)).columnType('text'),
    score: p.smallint(),
    ratedOn: p.date(),
    rater: p.text(),
    note: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type CreditRating = InferEntity<typeof CreditRatingSchema>;
