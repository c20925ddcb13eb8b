/** @tuopin/plugin-education: the plugin's public entry, the only file other packages import. */
export { educationPlugin } from './education.plugin.js';
export { EDUCATION_PERMISSIONS } from './access/education-access.js';
export { educationSettingsSchema, schemeRulesFor, type EducationSettings, type SchemeRules } from './settings/education-settings.js';

// Its object types by name and their rows, for plugins that extend them (`builder.objectField('School', …)`).
import './education.types.js';
export type { EducationObjectTypes } from './education.types.js';
export type { School } from './school/school.entity.js';
export type { Enrolment } from './enrolment/enrolment.entity.js';
export type { Application } from './aid/application.entity.js';
export type { Payment } from './aid/payment.entity.js';
export type { Course, Trainee } from './training/training.entity.js';
