import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A record about a household, placed in its village: `village_code` is the record's area, which
 * scopes every read and write of it and places it in the audit log.
 */
export const RelocationRecordSchema = defineEntity({
  name: 'RelocationRecord',
  tableName: 'relocation_record',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    note: p.text(),
  }),
});

export type RelocationRecord = InferEntity<typeof RelocationRecordSchema>;
