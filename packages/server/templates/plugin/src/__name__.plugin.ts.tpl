import { definePlugin } from '@tuopin/core';
import { __PREFIX___EXTENDS_ROLES, __PREFIX___PERMISSION_DECLARATIONS, __PREFIX___ROLE_DECLARATIONS } from './access/__name__-access.js';
import { seedRecordDemo } from './demo/record-demo.js';
import { __camel__Migrations } from './migrations/index.js';
import { __Pascal__RecordSchema } from './record/record.entity.js';
import { registerRecordMutations } from './record/record.mutations.js';
import { registerRecordSchema } from './record/record.schema.js';
import { registerRecordStats } from './record/record.stats.js';

/** The __name__ plugin: its definePlugin call and nothing else. */
export const __camel__Plugin = definePlugin({
  name: '__name__', // tables and migrations __ns__…, roles __PREFIX___…, permissions __name__.…
  title: '示例插件（__name__） Example plugin __name__', // Chinese first, then English: say what the plugin does
  entities: [__Pascal__RecordSchema],
  migrations: __camel__Migrations,
  permissions: __PREFIX___PERMISSION_DECLARATIONS,
  roles: __PREFIX___ROLE_DECLARATIONS,
  extendRoles: __PREFIX___EXTENDS_ROLES,
  // The GraphQL type the audit log shows each audited table's rows as.
  auditObjectTypes: { __ns__record: '__Pascal__Record' },
  registerSchema(builder) {
    registerRecordSchema(builder);
    registerRecordStats(builder);
    registerRecordMutations(builder);
  },
  seedDemo: seedRecordDemo,
});
