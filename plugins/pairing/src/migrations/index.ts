import type { MigrationObject } from '@mikro-orm/core';
import { PairingInitMigration } from './pairing-20261130133846-init.migration.js';
import { PairingLabourOnceMigration } from './pairing-20261208200000-labour-once.migration.js';

/** The plugin's migrations, in order; never loaded from a folder. Names are permanent: they are recorded in the database. */
export const pairingMigrations: readonly MigrationObject[] = [
  { name: 'pairing_20261130133846_init', class: PairingInitMigration },
  { name: 'pairing_20261208200000_labour_once', class: PairingLabourOnceMigration },
];
