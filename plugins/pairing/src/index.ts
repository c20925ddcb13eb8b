/** @tuopin/plugin-pairing: the plugin's public entry, the only file other packages import. */
export { pairingPlugin } from './pairing.plugin.js';
export { PAIRING_PERMISSIONS } from './access/pairing-access.js';

// Its object types by name and their rows, for plugins that extend them (`builder.objectField('Pairing', …)`).
import './pairing.types.js';
export type { PairingObjectTypes } from './pairing.types.js';
export type { Pairing } from './pairing/pairing.entity.js';
