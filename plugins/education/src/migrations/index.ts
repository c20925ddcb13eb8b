import type { MigrationObject } from '@mikro-orm/core';
import { EducationAidMigration } from './education-20261130141000-aid.migration.js';
import { EducationTrainingMigration } from './education-20261130142000-training.migration.js';
import { EducationDropoutMigration } from './education-20261130143000-dropout.migration.js';
import { EducationInitMigration } from './education-20261130140000-init.migration.js';
import { EducationReversalHookMigration } from './education-20261210000000-reversal-hook.migration.js';

/** The education plugin's migrations in the order they run. Names are permanent: they are recorded in the database. */
export const educationMigrations: readonly MigrationObject[] = [
  { name: 'education_20261130140000_init', class: EducationInitMigration },
  { name: 'education_20261130141000_aid', class: EducationAidMigration },
  { name: 'education_20261130142000_training', class: EducationTrainingMigration },
  { name: 'education_20261130143000_dropout', class: EducationDropoutMigration },
  { name: 'education_20261210000000_reversal_hook', class: EducationReversalHookMigration },
];
