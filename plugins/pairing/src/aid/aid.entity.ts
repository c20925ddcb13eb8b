import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * 帮扶资金（物资）: aid a pairing brought, as a link to the core fund that received it — the amount,
 * its allocations and payments are the fund's, never copied here. Goods without a declared value
 * (200 items of clothing) have no fund: they are listed, not counted as money.
 */
export const PairingAidSchema = defineEntity({
  name: 'PairingAid',
  tableName: 'pairing_aid',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    areaCode: p.string().length(12),
    kind: p.text(),
    year: p.smallint(),
    fundId: p.integer().nullable(),
    goods: p.text().nullable(),
    quantity: p.integer().nullable(),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});

export type PairingAid = InferEntity<typeof PairingAidSchema>;
