import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { enumKeys } from '../kernel/entity-helpers.js';
import { FUND_SOURCE_TYPES } from './fund-enums.js';

/**
 * 资金: money (or goods at their declared value) for poverty relief, managed by an area. What it
 * has allocated and disbursed is never stored here: it is summed from the ledger.
 */
export const FundSchema = defineEntity({
  name: 'Fund',
  tableName: 'fund',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    sourceType: p.enum(enumKeys(FUND_SOURCE_TYPES)).columnType('text'),
    name: p.text(),
    documentNo: p.text().nullable(),
    year: p.smallint(),
    amount: p.decimal('string').precision(14).scale(2),
    areaCode: p.string().length(12),
    /** 专款专用: the area whose projects alone it may pay for; null when it is not earmarked. */
    earmarkAreaCode: p.string().length(12).nullable(),
    provider: p.text().nullable(),
    inKindDescription: p.text().nullable(),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type Fund = InferEntity<typeof FundSchema>;
