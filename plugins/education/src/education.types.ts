import type { Application } from './aid/application.entity.js';
import type { Payment } from './aid/payment.entity.js';
import type { Enrolment } from './enrolment/enrolment.entity.js';
import type { School } from './school/school.entity.js';
import type { EducationStatsSource } from './stats/stats-source.js';
import type { Course, Trainee } from './training/training.entity.js';
import type { DropoutCase } from './dropout/dropout.entity.js';

/** The plugin's object types by name, with the value their resolvers receive. */
export interface EducationObjectTypes {
  School: School;
  Enrolment: Enrolment;
  AidApplication: Application;
  AidPayment: Payment;
  EducationStats: EducationStatsSource;
  TrainingCourse: Course;
  Trainee: Trainee;
  DropoutCase: DropoutCase;
}

// Declaration merging: `builder.objectField('School', …)` is typed in every plugin that loads this entry.
declare module '@tuopin/core' {
  interface TuopinObjectTypes extends EducationObjectTypes {}
}
