import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * 结对帮扶: a cadre paired with a registered household as its helper (帮扶责任人). Placed by the
 * household's village, so it follows the household when it moves. Active while `endedOn` is null.
 */
export const HelperPairingSchema = defineEntity({
  name: 'HelperPairing',
  tableName: 'helper_pairing',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    cadreId: p.integer(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    startsOn: p.date(),
    endedOn: p.date().nullable(),
  }),
});
export type HelperPairing = InferEntity<typeof HelperPairingSchema>;

/** 走访: a helper's visit to the household he is paired with. */
export const HelperVisitSchema = defineEntity({
  name: 'HelperVisit',
  tableName: 'helper_visit',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    visitedOn: p.date(),
    note: p.text(),
  }),
});
export type HelperVisit = InferEntity<typeof HelperVisitSchema>;
