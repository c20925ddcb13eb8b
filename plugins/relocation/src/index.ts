/** @tuopin/plugin-relocation: the plugin's public entry, the only file other packages import. */
export { relocationPlugin } from './relocation.plugin.js';
export { RELOCATION_PERMISSIONS } from './access/relocation-access.js';
export { relocationSettingsOf, relocationFiguresFor, type RelocationFigures, type RelocationSettings } from './settings/relocation-settings.js';

// Its object types by name and their rows, for plugins that extend them (`builder.objectField('RelocationSite', …)`).
import './relocation.types.js';
export type { RelocationObjectTypes } from './relocation.types.js';
export type { RelocationSite } from './site/site.entity.js';
export type { RelocationFlat } from './flat/flat.entity.js';
export type { RelocatedHousehold } from './household/relocated-household.entity.js';
export type { RelocationSupport } from './support/support.entity.js';
export type { RelocationSubsidyPayment } from './subsidy/subsidy-payment.entity.js';
