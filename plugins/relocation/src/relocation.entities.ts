import { RelocationFlatSchema } from './flat/flat.entity.js';
import { RelocatedHouseholdSchema } from './household/relocated-household.entity.js';
import { RelocationSiteProjectSchema, RelocationSiteSchema } from './site/site.entity.js';
import { RelocationSubsidyPaymentSchema } from './subsidy/subsidy-payment.entity.js';
import { RelocationSupportSchema } from './support/support.entity.js';

/** The plugin's entities (its tables, relocation_…). */
export const relocationEntities = [
  RelocationSiteSchema,
  RelocationSiteProjectSchema,
  RelocationFlatSchema,
  RelocatedHouseholdSchema,
  RelocationSupportSchema,
  RelocationSubsidyPaymentSchema,
];
