import type { MigrationObject } from '@mikro-orm/core';
import { AreaSchema, VillageGroupSchema } from './area/area.entity.js';
import { registerAreaSchema } from './area/area.schema.js';
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
import { registerBaseSchema } from './kernel/base-schema.js';
import type { TuopinBuilder } from './kernel/builder.js';
import { MemberSchema } from './member/member.entity.js';
import { registerMemberMutations } from './member/member.mutations.js';
import { registerMemberSchema } from './member/member.schema.js';
import { coreMigrations } from './migrations/index.js';
import { projectFundEntities, registerProjectFundSchema } from './project/projects-funds.module.js';

/** Core's entities: the registry every plugin builds on, then projects, funds and their ledger. */
export const coreEntities = [AreaSchema, VillageGroupSchema, HouseholdSchema, MemberSchema, HouseholdIncomeSchema, ...projectFundEntities] as const;

export { coreMigrations };
/** The GraphQL type each core table's rows are shown as in the audit log. */
export const coreAuditObjectTypes = CORE_AUDIT_OBJECT_TYPES;
export type { MigrationObject };

/** Registers core's part of a schema: roots, scalars, errors, areas, households, members, incomes, projects and funds. */
export function registerCoreSchema(builder: TuopinBuilder): void {
  registerBaseSchema(builder);
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
}
