import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * 结对帮扶关系: who helps whom, of which kind, over which years. `areaCode` is the helped area (for a
 * school or hospital, the area it lies in): it scopes every read and write of the pairing and of
 * everything recorded on it. The helper is an area, a unit or an organisation, named either way.
 */
export const PairingSchema = defineEntity({
  name: 'Pairing',
  tableName: 'pairing_relation',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    kind: p.text(),
    twinningLevel: p.text().nullable(),
    helperKind: p.text(),
    helperName: p.text(),
    helperAreaCode: p.string().length(12).nullable(),
    helperUnitLevel: p.text().nullable(),
    helpedKind: p.text(),
    helpedName: p.text(),
    areaCode: p.string().length(12),
    startYear: p.smallint(),
    endYear: p.smallint().nullable(),
    status: p.text(),
    createdBy: p.text(),
    createdAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz(3)').defaultRaw('now()'),
  }),
});

export type Pairing = InferEntity<typeof PairingSchema>;
