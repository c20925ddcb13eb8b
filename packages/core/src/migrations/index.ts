import type { MigrationObject } from '@mikro-orm/core';
import { CoreRegistryMigration } from './core-20261129000000-registry.migration.js';
import { CoreProjectsFundsMigration } from './core-20261130000000-projects-funds.migration.js';

/** Core migrations in the order they run. Names are permanent: they are recorded in the database. */
export const coreMigrations: readonly MigrationObject[] = [
  { name: 'core_20261129000000_registry', class: CoreRegistryMigration },
  { name: 'core_20261130000000_projects_funds', class: CoreProjectsFundsMigration },
];
