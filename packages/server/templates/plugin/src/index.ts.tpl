/** @tuopin/plugin-__name__: the plugin's public entry, the only file other packages import. */
export { __camel__Plugin } from './__name__.plugin.js';
export { __PREFIX___PERMISSIONS } from './access/__name__-access.js';

// Its object types by name and their rows, for plugins that extend them (`builder.objectField('__Pascal__Record', …)`).
import './__name__.types.js';
export type { __Pascal__ObjectTypes } from './__name__.types.js';
export type { __Pascal__Record } from './record/record.entity.js';
