import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { SiteStatus } from '../shared/vocabulary.js';

/** 安置点: a centralised resettlement site, placed in its area (`area_code`: the township or village it stands in). */
export const RelocationSiteSchema = defineEntity({
  name: 'RelocationSite',
  tableName: 'relocation_site',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    areaCode: p.string().length(12),
    name: p.text(),
    kind: p.text(),
    setting: p.text(),
    buildMode: p.text(),
    status: p.text().$type<SiteStatus>(),
    plannedHouseholds: p.integer(),
    plannedPeople: p.integer(),
    plannedFlats: p.integer(),
    plannedFloorArea: p.decimal('string').precision(12).scale(2),
    facilities: p.array<string>().columnType('text[]').default([]),
    planYear: p.smallint(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('clock_timestamp()'),
  }),
});
export type RelocationSite = InferEntity<typeof RelocationSiteSchema>;

/** A core project that builds a site (its housing, its school…), with the site's area for scope. */
export const RelocationSiteProjectSchema = defineEntity({
  name: 'RelocationSiteProject',
  tableName: 'relocation_site_project',
  properties: (p) => ({
    siteId: p.integer().primary(),
    projectId: p.integer().primary(),
    areaCode: p.string().length(12),
  }),
});
