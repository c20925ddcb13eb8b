import { __Pascal__InitMigration } from './__ns____timestamp___init.js';

/** The plugin's migrations, in order; never loaded from a folder. */
export const __camel__Migrations = [{ name: '__ns____timestamp___init', class: __Pascal__InitMigration }];
