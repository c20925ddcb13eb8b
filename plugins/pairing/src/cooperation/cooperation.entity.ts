import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 劳务协作: a registered person of the helped area placed in a job; lies in the person's village. */
export const PairingLabourSchema = defineEntity({
  name: 'PairingLabour',
  tableName: 'pairing_labour',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    areaCode: p.string().length(12),
    memberId: p.integer(),
    villageCode: p.string().length(12),
    destination: p.text(),
    employer: p.text(),
    startMonth: p.date(),
    monthsWorked: p.smallint(),
    organised: p.boolean(),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type PairingLabour = InferEntity<typeof PairingLabourSchema>;

/** 消费帮扶: products of the helped area bought or helped to sell, with their producer there. */
export const PairingPurchaseSchema = defineEntity({
  name: 'PairingPurchase',
  tableName: 'pairing_purchase',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    areaCode: p.string().length(12),
    year: p.smallint(),
    product: p.text(),
    amount: p.decimal('string').precision(14).scale(2),
    producerKind: p.text(),
    producerName: p.text().nullable(),
    householdId: p.integer().nullable(),
    producerAreaCode: p.string().length(12),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type PairingPurchase = InferEntity<typeof PairingPurchaseSchema>;

/** 产业合作: an enterprise of the helper investing in the helped area. */
export const PairingInvestmentSchema = defineEntity({
  name: 'PairingInvestment',
  tableName: 'pairing_investment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    areaCode: p.string().length(12),
    year: p.smallint(),
    enterprise: p.text(),
    amount: p.decimal('string').precision(14).scale(2),
    placeCode: p.string().length(12),
    jobsForRegistered: p.integer(),
    peopleLifted: p.integer(),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type PairingInvestment = InferEntity<typeof PairingInvestmentSchema>;

/** 考察互访与联席会议: a visit or joint meeting, either way. */
export const PairingVisitSchema = defineEntity({
  name: 'PairingVisit',
  tableName: 'pairing_visit',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    areaCode: p.string().length(12),
    kind: p.text(),
    direction: p.text(),
    heldOn: p.date(),
    delegation: p.text(),
    host: p.text(),
    note: p.text().nullable(),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type PairingVisit = InferEntity<typeof PairingVisitSchema>;
