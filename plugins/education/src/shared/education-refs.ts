import { perBuilder, type TuopinBuilder } from '@tuopin/core';
import type { Application } from '../aid/application.entity.js';
import type { Payment } from '../aid/payment.entity.js';
import type { Enrolment } from '../enrolment/enrolment.entity.js';
import type { School } from '../school/school.entity.js';

/**
 * The plugin's own GraphQL types, one set per builder: each concept implements its type in its
 * own file and refers to the others' through these refs (a ref belongs to the builder that made it).
 */
export const educationRefs = perBuilder((builder: TuopinBuilder) => ({
  School: builder.objectRef<School>('School'),
  Enrolment: builder.objectRef<Enrolment>('Enrolment'),
  AidApplication: builder.objectRef<Application>('AidApplication'),
  AidPayment: builder.objectRef<Payment>('AidPayment'),
}));
