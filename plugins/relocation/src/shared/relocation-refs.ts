import { perBuilder, type TuopinBuilder } from '@tuopin/core';
import type { RelocationFlat } from '../flat/flat.entity.js';
import type { RelocatedHousehold } from '../household/relocated-household.entity.js';
import type { RelocationSite } from '../site/site.entity.js';
import type { RelocationStatsSource } from '../stats/relocation-stats.loader.js';
import type { RelocationSubsidyPayment } from '../subsidy/subsidy-payment.entity.js';
import type { RelocationSupport } from '../support/support.entity.js';

/** The plugin's own GraphQL types, one set per builder (a ref belongs to the builder that made it). */
export const relocationRefs = perBuilder((builder: TuopinBuilder) => ({
  Site: builder.objectRef<RelocationSite>('RelocationSite'),
  SiteProgress: builder.objectRef<RelocationSite>('RelocationSiteProgress'),
  Flat: builder.objectRef<RelocationFlat>('RelocationFlat'),
  RelocatedHousehold: builder.objectRef<RelocatedHousehold>('RelocatedHousehold'),
  Support: builder.objectRef<RelocationSupport>('RelocationSupport'),
  SubsidyPayment: builder.objectRef<RelocationSubsidyPayment>('RelocationSubsidyPayment'),
  Stats: builder.objectRef<RelocationStatsSource>('RelocationStats'),
}));
