import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 后续扶持: one measure of follow-up support for a relocated household, in its origin village. */
export const RelocationSupportSchema = defineEntity({
  name: 'RelocationSupport',
  tableName: 'relocation_support',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    relocatedHouseholdId: p.integer(),
    villageCode: p.string().length(12),
    kind: p.text(),
    people: p.integer(),
    startedOn: p.date(),
    note: p.text(),
  }),
});
export type RelocationSupport = InferEntity<typeof RelocationSupportSchema>;
