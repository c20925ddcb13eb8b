import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AID_SCHEMES, STAGES, TERMS } from '../shared/vocabulary.js';

/**
 * 资助发放: one payment of an approved application, for one term, made by the core ledger entry
 * it names (a disbursement against an allocation to an education project), to the student's own
 * account. A mistake is corrected by reversing that entry, never by changing this row.
 */
export const PaymentSchema = defineEntity({
  name: 'EducationAidPayment',
  tableName: 'education_aid_payment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    applicationId: p.integer(),
    memberId: p.integer(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    scheme: p.enum(Object.keys(AID_SCHEMES) as (keyof typeof AID_SCHEMES)[]).columnType('text'),
    stage: p.enum(Object.keys(STAGES) as (keyof typeof STAGES)[]).columnType('text'),
    year: p.smallint(),
    term: p.enum(Object.keys(TERMS) as (keyof typeof TERMS)[]).columnType('text'),
    amount: p.decimal('string').precision(14).scale(2),
    paidOn: p.date(),
    ledgerEntryId: p.integer(),
    accountHolder: p.text(),
    bankAccount: p.text(),
    recordedBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});
export type Payment = InferEntity<typeof PaymentSchema>;
