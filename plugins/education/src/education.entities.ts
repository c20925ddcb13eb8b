import { ApplicationSchema } from './aid/application.entity.js';
import { PaymentSchema } from './aid/payment.entity.js';
import { EnrolmentSchema } from './enrolment/enrolment.entity.js';
import { DropoutCaseSchema, PersuasionVisitSchema } from './dropout/dropout.entity.js';
import { SchoolSchema } from './school/school.entity.js';
import { CourseSchema, TraineeSchema } from './training/training.entity.js';

/** The plugin's entities, each the row of one education_… table. */
export const educationEntities = [SchoolSchema, EnrolmentSchema, ApplicationSchema, PaymentSchema, CourseSchema, TraineeSchema, DropoutCaseSchema, PersuasionVisitSchema];
