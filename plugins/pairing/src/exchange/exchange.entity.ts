import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 人才交流: one person sent by one side to the other, with the host institution, dates and subjects. */
export const PairingExchangeSchema = defineEntity({
  name: 'PairingExchange',
  tableName: 'pairing_exchange',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    areaCode: p.string().length(12),
    direction: p.text(),
    category: p.text(),
    personName: p.text(),
    hostInstitution: p.text(),
    startDate: p.date(),
    endDate: p.date().nullable(),
    subjects: p.array<string>().columnType('text[]').default([]),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});

export type PairingExchange = InferEntity<typeof PairingExchangeSchema>;
