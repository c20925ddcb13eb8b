import { definePlugin } from '@tuopin/core';
import { registerAidMutations } from './aid/aid.mutations.js';
import { registerApplicationSchema } from './aid/application.schema.js';
import { registerPaymentSchema } from './aid/payment.schema.js';
import { touchReversedPayments } from './aid/payment-reversal.js';
import { registerSchemeSchema } from './aid/scheme.schema.js';
import { EDUCATION_EXTENDS_ROLES, EDUCATION_PERMISSION_DECLARATIONS, EDUCATION_ROLE_DECLARATIONS } from './access/education-access.js';
import { seedEducationDemo } from './demo/education-demo.js';
import { registerDropoutSchema } from './dropout/dropout.schema.js';
import { educationEntities } from './education.entities.js';
import { registerEnrolmentMutations } from './enrolment/enrolment.mutations.js';
import { registerEnrolmentSchema } from './enrolment/enrolment.schema.js';
import { educationMigrations } from './migrations/index.js';
import { registerSchoolMutations } from './school/school.mutations.js';
import { registerSchoolSchema } from './school/school.schema.js';
import { educationSettingsSchema } from './settings/education-settings.js';
import { registerEducationStatsSchema } from './stats/education-stats.schema.js';
import { registerDropoutStats } from './stats/dropout-stats.schema.js';
import { registerTrainingStats } from './stats/training-stats.schema.js';
import { registerTrainingMutations } from './training/training.mutations.js';
import { registerTrainingSchema } from './training/training.schema.js';

/**
 * 教育扶贫 and 雨露计划: schools, enrolments of household members, aid schemes by year and
 * province (settings), applications through the village–township–county procedure, payments
 * through core's fund ledger, training courses and trainees, dropout cases (控辍保学), and the
 * education block of the region statistics.
 */
export const educationPlugin = definePlugin({
  name: 'education',
  title: '教育扶贫（雨露计划） Education aid and vocational training',
  entities: educationEntities,
  migrations: educationMigrations,
  settings: educationSettingsSchema,
  permissions: EDUCATION_PERMISSION_DECLARATIONS,
  roles: EDUCATION_ROLE_DECLARATIONS,
  extendRoles: EDUCATION_EXTENDS_ROLES,
  auditObjectTypes: {
    education_school: 'School',
    education_enrolment: 'Enrolment',
    education_aid_application: 'AidApplication',
    education_aid_payment: 'AidPayment',
    education_course: 'TrainingCourse',
    education_trainee: 'Trainee',
    education_dropout_case: 'DropoutCase',
    education_persuasion_visit: 'PersuasionVisit',
  },
  registerSchema(builder) {
    registerSchoolSchema(builder);
    registerEnrolmentSchema(builder);
    registerSchemeSchema(builder);
    registerApplicationSchema(builder);
    registerPaymentSchema(builder);
    registerTrainingSchema(builder);
    registerDropoutSchema(builder);
    registerEducationStatsSchema(builder);
    registerTrainingStats(builder);
    registerDropoutStats(builder);
    registerSchoolMutations(builder);
    registerEnrolmentMutations(builder);
    registerAidMutations(builder);
    registerTrainingMutations(builder);
  },
  seedDemo: seedEducationDemo,
  // A reversed disbursement corrects its payment: partners' pulls must see it (aid/payment-reversal.ts).
  onLedgerEntriesReversed: touchReversedPayments,
});
