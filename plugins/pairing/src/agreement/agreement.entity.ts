import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 年度协议: what the helper pledged for a year and the targets; the actual is computed from the records. */
export const PairingAgreementSchema = defineEntity({
  name: 'PairingAgreement',
  tableName: 'pairing_agreement',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    pairingId: p.integer(),
    areaCode: p.string().length(12),
    year: p.smallint(),
    signedOn: p.date().nullable(),
    pledgedAmount: p.decimal('string').precision(14).scale(2),
    purpose: p.text().nullable(),
    targetExchanges: p.integer().nullable(),
    targetWorkers: p.integer().nullable(),
    targetPurchases: p.decimal('string').precision(14).scale(2).nullable(),
    targetInvestment: p.decimal('string').precision(14).scale(2).nullable(),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});

export type PairingAgreement = InferEntity<typeof PairingAgreementSchema>;
