import { definePlugin } from '@tuopin/core';
import { RELOCATION_EXTENDS_ROLES, RELOCATION_PERMISSION_DECLARATIONS, RELOCATION_ROLE_DECLARATIONS } from './access/relocation-access.js';
import { seedRecordDemo } from './demo/record-demo.js';
import { relocationMigrations } from './migrations/index.js';
import { RelocationRecordSchema } from './record/record.entity.js';
import { registerRecordMutations } from './record/record.mutations.js';
import { registerRecordSchema } from './record/record.schema.js';
import { registerRecordStats } from './record/record.stats.js';

/** The relocation plugin: its definePlugin call and nothing else. */
export const relocationPlugin = definePlugin({
  name: 'relocation', // tables and migrations relocation_…, roles RELOCATION_…, permissions relocation.…
  title: '示例插件（relocation） Example plugin relocation', // Chinese first, then English: say what the plugin does
  entities: [RelocationRecordSchema],
  migrations: relocationMigrations,
  permissions: RELOCATION_PERMISSION_DECLARATIONS,
  roles: RELOCATION_ROLE_DECLARATIONS,
  extendRoles: RELOCATION_EXTENDS_ROLES,
  // The GraphQL type the audit log shows each audited table's rows as.
  auditObjectTypes: { relocation_record: 'RelocationRecord' },
  registerSchema(builder) {
    registerRecordSchema(builder);
    registerRecordStats(builder);
    registerRecordMutations(builder);
  },
  seedDemo: seedRecordDemo,
});
