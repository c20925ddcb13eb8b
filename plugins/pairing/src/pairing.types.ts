import type { PairingRecord } from './record/record.entity.js';

/** The plugin's object types by name, with the value their resolvers receive. */
export interface PairingObjectTypes {
  PairingRecord: PairingRecord;
}

// Declaration merging: `builder.objectField('PairingRecord', …)` is typed in every plugin that loads this entry.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends PairingObjectTypes {}
}
