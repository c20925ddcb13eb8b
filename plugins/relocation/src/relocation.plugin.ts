import { definePlugin } from '@tuopin/core';
import { RELOCATION_EXTENDS_ROLES, RELOCATION_PERMISSION_DECLARATIONS, RELOCATION_ROLE_DECLARATIONS } from './access/relocation-access.js';
import { registerDemolitionMutations } from './demolition/demolition.mutations.js';
import { seedRelocationDemo } from './demo/relocation-demo.js';
import { registerFlatSchema } from './flat/flat.schema.js';
import { registerRelocatedHouseholdMutations } from './household/relocated-household.mutations.js';
import { registerRelocatedHouseholdSchema } from './household/relocated-household.schema.js';
import { relocationMigrations } from './migrations/index.js';
import { relocationEntities } from './relocation.entities.js';
import { relocationSettingsSchema } from './settings/relocation-settings.js';
import { registerRelocationEnums } from './shared/vocabulary.js';
import { registerSiteMutations } from './site/site.mutations.js';
import { registerSiteSchema } from './site/site.schema.js';
import { registerRelocationStatsSchema } from './stats/relocation-stats.schema.js';
import { registerSupportAndSubsidyMutations } from './support/support.mutations.js';

/**
 * 易地扶贫搬迁: resettlement sites and their flats, relocated households (registered, or moved at
 * the same time without being registered) through their life cycle — applied, approved with a
 * demolition agreement, housed, moved in, old house demolished (land reclaimed) or retained —,
 * follow-up support, and building subsidies paid through core's fund ledger. Its settings (the
 * floor-area ceiling, subsidies, caps and periods by year and province) are `plugins.relocation`
 * in tuopin.config.json, checked at start-up.
 */
export const relocationPlugin = definePlugin({
  name: 'relocation',
  title: '易地扶贫搬迁 Poverty-alleviation relocation',
  entities: relocationEntities,
  migrations: relocationMigrations,
  settings: relocationSettingsSchema,
  permissions: RELOCATION_PERMISSION_DECLARATIONS,
  roles: RELOCATION_ROLE_DECLARATIONS,
  extendRoles: RELOCATION_EXTENDS_ROLES,
  auditObjectTypes: {
    relocation_site: 'RelocationSite',
    // A site's link to a core project is recorded under the project's id: a change to the project.
    relocation_site_project: 'Project',
    relocation_flat: 'RelocationFlat',
    relocation_household: 'RelocatedHousehold',
    relocation_support: 'RelocationSupport',
    relocation_subsidy_payment: 'RelocationSubsidyPayment',
  },
  registerSchema(builder) {
    registerRelocationEnums(builder);
    registerSiteSchema(builder);
    registerFlatSchema(builder);
    registerRelocatedHouseholdSchema(builder);
    registerRelocationStatsSchema(builder);
    registerSiteMutations(builder);
    registerRelocatedHouseholdMutations(builder);
    registerDemolitionMutations(builder);
    registerSupportAndSubsidyMutations(builder);
  },
  seedDemo: seedRelocationDemo,
});
