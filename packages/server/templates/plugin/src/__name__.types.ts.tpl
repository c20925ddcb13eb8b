import type { __Pascal__Record } from './record/record.entity.js';

/** The plugin's object types by name, with the value their resolvers receive. */
export interface __Pascal__ObjectTypes {
  __Pascal__Record: __Pascal__Record;
}

// Declaration merging: `builder.objectField('__Pascal__Record', …)` is typed in every plugin that loads this entry.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends __Pascal__ObjectTypes {}
}
