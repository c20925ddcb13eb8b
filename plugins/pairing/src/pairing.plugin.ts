import { definePlugin } from '@tuopin/core';
import { PAIRING_EXTENDS_ROLES, PAIRING_PERMISSION_DECLARATIONS, PAIRING_ROLE_DECLARATIONS } from './access/pairing-access.js';
import { seedRecordDemo } from './demo/record-demo.js';
import { pairingMigrations } from './migrations/index.js';
import { PairingRecordSchema } from './record/record.entity.js';
import { registerRecordMutations } from './record/record.mutations.js';
import { registerRecordSchema } from './record/record.schema.js';
import { registerRecordStats } from './record/record.stats.js';

/** The pairing plugin: its definePlugin call and nothing else. */
export const pairingPlugin = definePlugin({
  name: 'pairing', // tables and migrations pairing_…, roles PAIRING_…, permissions pairing.…
  title: '示例插件（pairing） Example plugin pairing', // Chinese first, then English: say what the plugin does
  entities: [PairingRecordSchema],
  migrations: pairingMigrations,
  permissions: PAIRING_PERMISSION_DECLARATIONS,
  roles: PAIRING_ROLE_DECLARATIONS,
  extendRoles: PAIRING_EXTENDS_ROLES,
  // The GraphQL type the audit log shows each audited table's rows as.
  auditObjectTypes: { pairing_record: 'PairingRecord' },
  registerSchema(builder) {
    registerRecordSchema(builder);
    registerRecordStats(builder);
    registerRecordMutations(builder);
  },
  seedDemo: seedRecordDemo,
});
