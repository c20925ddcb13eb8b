import type { RelocationFlat } from './flat/flat.entity.js';
import type { RelocatedHousehold } from './household/relocated-household.entity.js';
import type { RelocationSite } from './site/site.entity.js';
import type { RelocationSubsidyPayment } from './subsidy/subsidy-payment.entity.js';
import type { RelocationSupport } from './support/support.entity.js';

/** The plugin's object types by name, with the value their resolvers receive. */
export interface RelocationObjectTypes {
  RelocationSite: RelocationSite;
  RelocationFlat: RelocationFlat;
  RelocatedHousehold: RelocatedHousehold;
  RelocationSupport: RelocationSupport;
  RelocationSubsidyPayment: RelocationSubsidyPayment;
}

// Declaration merging: `builder.objectField('RelocationSite', …)` is typed in every plugin that loads this entry.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends RelocationObjectTypes {}
}
