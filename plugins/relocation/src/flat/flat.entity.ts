import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 安置房: one flat of a site, in the site's area. Which household holds it is on the household (`flat_id`, unique). */
export const RelocationFlatSchema = defineEntity({
  name: 'RelocationFlat',
  tableName: 'relocation_flat',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    siteId: p.integer(),
    areaCode: p.string().length(12),
    unitNo: p.text(),
    floorArea: p.decimal('string').precision(8).scale(2),
  }),
});
export type RelocationFlat = InferEntity<typeof RelocationFlatSchema>;
