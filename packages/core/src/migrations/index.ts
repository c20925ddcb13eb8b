import type { MigrationObject } from '@mikro-orm/core';
import { CoreRegistryMigration } from './core-20261129000000-registry.migration.js';
import { CoreProjectsFundsMigration } from './core-20261130000000-projects-funds.migration.js';
import { CoreFinancialServicesCategoryMigration } from './core-20261201000000-financial-services-category.migration.js';
import { CoreAuditAccessMigration } from './core-20261203000000-audit-access.migration.js';
import { CoreVillageRollupMigration } from './core-20261204000000-village-rollup.migration.js';
import { CoreHouseholdAreaFollowsMigration } from './core-20261205000000-household-area-follows.migration.js';
import { CoreAuditRowsAndMasksMigration } from './core-20261205100000-audit-rows-and-masks.migration.js';
import { CoreAuditReadsPerRequestMigration } from './core-20261206000000-audit-reads-per-request.migration.js';
import { CoreWorkTeamsMigration } from './core-20261207000000-work-teams.migration.js';
import { CoreWorkflowsMigration } from './core-20261208000000-workflows.migration.js';
import { CoreMonitoringMeasuresMigration } from './core-20261208100000-monitoring-measures.migration.js';
import { CoreCadrePhoneMigration } from './core-20261208200000-cadre-phone.migration.js';
import { CoreFundEarmarkMigration } from './core-20261209000000-fund-earmark.migration.js';
import { CoreWorkTeamAuditAreasMigration } from './core-20261209100000-work-team-audit-areas.migration.js';
import { CoreIdentificationMigration } from './core-20261210000000-identification.migration.js';
import { CorePovertyExitMigration } from './core-20261211000000-poverty-exit.migration.js';
import { CoreIdempotencyKeysMigration } from './core-20261212000000-idempotency-keys.migration.js';
import { CoreMemberSearchCoveringMigration } from './core-20261213000000-member-search-covering.migration.js';
import { CoreReadBlocksMigration } from './core-20261214000000-read-blocks.migration.js';

/** Core migrations in the order they run. Names are permanent: they are recorded in the database. */
export const coreMigrations: readonly MigrationObject[] = [
  { name: 'core_20261129000000_registry', class: CoreRegistryMigration },
  { name: 'core_20261130000000_projects_funds', class: CoreProjectsFundsMigration },
  { name: 'core_20261201000000_financial_services_category', class: CoreFinancialServicesCategoryMigration },
  { name: 'core_20261203000000_audit_access', class: CoreAuditAccessMigration },
  { name: 'core_20261204000000_village_rollup', class: CoreVillageRollupMigration },
  { name: 'core_20261205000000_household_area_follows', class: CoreHouseholdAreaFollowsMigration },
  { name: 'core_20261205100000_audit_rows_and_masks', class: CoreAuditRowsAndMasksMigration },
  { name: 'core_20261206000000_audit_reads_per_request', class: CoreAuditReadsPerRequestMigration },
  { name: 'core_20261207000000_work_teams', class: CoreWorkTeamsMigration },
  { name: 'core_20261208000000_workflows', class: CoreWorkflowsMigration },
  { name: 'core_20261208100000_monitoring_measures', class: CoreMonitoringMeasuresMigration },
  { name: 'core_20261208200000_cadre_phone', class: CoreCadrePhoneMigration },
  { name: 'core_20261209000000_fund_earmark', class: CoreFundEarmarkMigration },
  { name: 'core_20261209100000_work_team_audit_areas', class: CoreWorkTeamAuditAreasMigration },
  { name: 'core_20261210000000_identification', class: CoreIdentificationMigration },
  { name: 'core_20261211000000_poverty_exit', class: CorePovertyExitMigration },
  { name: 'core_20261212000000_idempotency_keys', class: CoreIdempotencyKeysMigration },
  { name: 'core_20261213000000_member_search_covering', class: CoreMemberSearchCoveringMigration },
  { name: 'core_20261214000000_read_blocks', class: CoreReadBlocksMigration },
];
