import { AreaSchema, VillageGroupSchema } from './area/area.entity.js';
import { registerAreaSchema } from './area/area.schema.js';
import { DIVISION_CODES } from './area/division-code.js';
import { registerRegionStatsSchema } from './area/region-stats.schema.js';
import { HouseholdSchema } from './household/household.entity.js';
import { registerHouseholdMutations } from './household/household.mutations.js';
import { registerHouseholdSchema } from './household/household.schema.js';
import { HouseholdIncomeSchema } from './income/income.entity.js';
import { registerIncomeMutations } from './income/income.mutations.js';
import { registerIncomeSchema } from './income/income.schema.js';
import { registerApiKeySchema } from './api-key/api-key.schema.js';
import { registerAuditSchema } from './audit/audit.schema.js';
import { CORE_AUDIT_OBJECT_TYPES } from './audit/core-audit-types.js';
import type { TuopinBuilder } from './kernel/builder.js';
import { defineCorePlugin } from './kernel/define-plugin.js';
import { CORE_PERMISSION_DECLARATIONS } from './access/core-permissions.js';
import { CORE_ROLE_DECLARATIONS } from './access/core-roles.js';
import { MemberSchema } from './member/member.entity.js';
import { registerMemberMutations } from './member/member.mutations.js';
import { registerMemberSchema } from './member/member.schema.js';
import { coreMigrations } from './migrations/index.js';
import { projectFundEntities, registerProjectFundSchema } from './project/projects-funds.module.js';
import { registerWorkTeamModule, workTeamEntities } from './work-team/work-team.module.js';
import { lifecycleEntities, registerLifecycleSchema } from './lifecycle.module.js';

/** Core's entities: the registry every plugin builds on, then projects, funds and their ledger, work teams, and the household's workflows. */
export const coreEntities = [AreaSchema, VillageGroupSchema, HouseholdSchema, MemberSchema, HouseholdIncomeSchema, ...projectFundEntities, ...workTeamEntities, ...lifecycleEntities] as const;

export { coreMigrations };

/**
 * Registers core's part of a schema on the kernel's base (roots, scalars, typed errors): areas
 * and their statistics, households, members, incomes, projects, funds and the ledger, the audit
 * log and API keys.
 */
function registerCoreSchema(builder: TuopinBuilder): void {
  registerRegionStatsSchema(builder);
  registerAreaSchema(builder);
  registerHouseholdSchema(builder);
  registerMemberSchema(builder);
  registerIncomeSchema(builder);
  registerHouseholdMutations(builder);
  registerMemberMutations(builder);
  registerIncomeMutations(builder);
  registerProjectFundSchema(builder);
  registerAuditSchema(builder);
  registerApiKeySchema(builder);
  registerWorkTeamModule(builder);
  registerLifecycleSchema(builder);
}

/**
 * Core's domain as a plugin: the registry (areas, households, members, incomes), projects, funds
 * and the fund ledger, the audit log and partner API keys. It registers through the same contract
 * as every plugin; `buildPlatform` takes it first in every plugin set (`[corePlugin, …plugins]`),
 * and every other plugin depends on it implicitly. Its tables keep their historical names, without
 * a `core_` prefix (see `defineCorePlugin`).
 */
export const corePlugin = defineCorePlugin({
  name: 'core',
  title: '建档立卡与项目资金 Poverty registry, projects and funds',
  entities: coreEntities,
  migrations: coreMigrations,
  auditObjectTypes: CORE_AUDIT_OBJECT_TYPES,
  // The kernel's scopes are prefixes of these codes: what they are is core's.
  areaCodes: DIVISION_CODES,
  // Core's roles and permissions are declared like any plugin's (access/core-roles.ts).
  permissions: CORE_PERMISSION_DECLARATIONS,
  roles: CORE_ROLE_DECLARATIONS,
  // Core's settings are the top level of tuopin.config.json (core.settings.ts, work-team.settings.ts…), not a `plugins` block.
  registerSchema: registerCoreSchema,
});
