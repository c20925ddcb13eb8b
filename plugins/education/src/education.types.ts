import type { Enrolment } from './enrolment/enrolment.entity.js';
import type { School } from './school/school.entity.js';

/** The plugin's object types by name, with the value their resolvers receive. */
export interface EducationObjectTypes {
  School: School;
  Enrolment: Enrolment;
}

// Declaration merging: `builder.objectField('School', …)` is typed in every plugin that loads this entry.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends EducationObjectTypes {}
}
