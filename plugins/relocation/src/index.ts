/** @tuopin/plugin-relocation: the plugin's public entry, the only file other packages import. */
export { relocationPlugin } from './relocation.plugin.js';
export { RELOCATION_PERMISSIONS } from './access/relocation-access.js';

// Its object types by name and their rows, for plugins that extend them (`builder.objectField('RelocationRecord', …)`).
import './relocation.types.js';
export type { RelocationObjectTypes } from './relocation.types.js';
export type { RelocationRecord } from './record/record.entity.js';
