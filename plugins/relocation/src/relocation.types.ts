import type { RelocationRecord } from './record/record.entity.js';

/** The plugin's object types by name, with the value their resolvers receive. */
export interface RelocationObjectTypes {
  RelocationRecord: RelocationRecord;
}

// Declaration merging: `builder.objectField('RelocationRecord', …)` is typed in every plugin that loads this entry.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends RelocationObjectTypes {}
}
