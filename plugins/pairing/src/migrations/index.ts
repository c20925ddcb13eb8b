import { PairingInitMigration } from './pairing_20261130133846_init.js';

/** The plugin's migrations, in order; never loaded from a folder. */
export const pairingMigrations = [{ name: 'pairing_20261130133846_init', class: PairingInitMigration }];
