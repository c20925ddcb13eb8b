import { RelocationInitMigration } from './relocation_20261130133822_init.js';

/** The plugin's migrations, in order; never loaded from a folder. */
export const relocationMigrations = [{ name: 'relocation_20261130133822_init', class: RelocationInitMigration }];
