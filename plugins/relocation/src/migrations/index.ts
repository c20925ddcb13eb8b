import { RelocationInitMigration } from './relocation-20261130140000-init.migration.js';

/** The plugin's migrations, in order; never loaded from a folder. */
export const relocationMigrations = [{ name: 'relocation_20261130140000_init', class: RelocationInitMigration }];
