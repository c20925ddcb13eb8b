/**
 * @tuopin/core: the kernel (builder, plugin contract, context, scalars, errors) and the core
 * registry. Everything exported here is the contract plugin authors code against.
 */

// Kernel
export {
  createBuilder,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  type TuopinBuilder,
  type TuopinInterfaceTypes,
  type TuopinObjectTypes,
  type TuopinSchemaTypes,
  type TuopinTypes,
} from './kernel/builder.js';
export { buildPlatform, type Platform } from './kernel/platform.js';
export { PluginConfigurationError, type ScaleSeedAreas, type TuopinPlugin } from './kernel/plugin.js';
export { definePlugin, PLUGIN_NAME_PATTERN, pluginNamespaceOf } from './kernel/define-plugin.js';
/** zod, for plugins' settings schemas: one version for the whole platform, through core's entry. */
export { z } from 'zod';
export { checkPluginSettings, pluginSettingsOf, PluginSettingsError, type PluginSettingsSchema } from './kernel/plugin-settings.js';
export { orderPlugins, selectPlugins } from './kernel/plugin-set.js';
export type { TuopinContext } from './kernel/context.js';
export {
  levelOfScope,
  scopeMisfit,
  type Grant,
  type Principal,
  type Role,
  type ScopeLevel,
} from './kernel/principal.js';
// Core's roles and the checks named after its permissions (core's domain).
export {
  ROLES,
  SYSTEM_PRINCIPAL,
  canAdministerApiKeys,
  canManageFunds,
  canManageProjects,
  canReadAuditLog,
  canReadPersonalData,
  canReadRegistry,
  canWriteRegistry,
  seesSuppressedStatistics,
  type CoreRole,
} from './access/core-policy.js';
export { rolePrefixOf, type AccessDeclarations, type AccessMechanism, type PermissionDeclaration, type RoleDeclaration } from './kernel/access-declarations.js';
export { AccessPolicy, hasPermission, permissionsOfRole, queriesRecorded, roleDeclaration, unlocks } from './kernel/access-registry.js';
export { CORE_PERMISSIONS, CORE_PERMISSION_DECLARATIONS, type CorePermission } from './access/core-permissions.js';
export { CORE_ACCESS, CORE_ROLE_DECLARATIONS } from './access/core-roles.js';
export { AuditTrail, type PersonalDataRead } from './kernel/audit-trail.js';
export { AuditVocabulary, auditVocabularyOf } from './kernel/audit-vocabulary.js';
export { assertCanUsePersonalData, assertKnowsPerson, freeTextValue, hidden, MASKED_TEXT, maskBankAccount, maskIdNumber, personalValue, type PersonalDataOwner } from './kernel/personal-data.js';
export { DEFAULT_SUPPRESSION, protectCount, protectSum, protectTotal, ratioOfParts, suppressionOf, type SuppressionRule } from './kernel/suppression.js';
export { statisticDescription, statisticOf, type StatisticDeclaration } from './kernel/statistic-declaration.js';
export { loaderFields, type LoaderFieldOptions, type LoaderFields, type LoaderSource } from './kernel/loader-field.js';
export { hasReadsToRecord, readBlockOf, readsOf, type ReadRecord, type RecordedRead, type RecordedReadGroup } from './audit/audit-reads.js';
export { ReadAuditWriter, type ReadAuditObserver } from './audit/read-audit-writer.js';
export { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey, type ApiKeyCheck, type ApiKeyRecord } from './api-key/api-key.service.js';
export { API_KEY_REVOKED_CHANNEL, onApiKeyRevoked } from './api-key/api-key-revocation.js';
export { prefixOfApiKey } from './api-key/api-key-format.js';
export { DEFAULT_QUERY_LIMITS, queryLimitsOf, todayOf, type PlatformSettings, type QueryLimits } from './kernel/settings.js';
export {
  DEFAULT_NOTICE_RECORDING_GRACE_DAYS,
  DEFAULT_PROJECT_NOTICE_DAYS,
  EMPTY_SETTINGS,
  noticeRecordingGraceDaysOf,
  povertyLineFor,
  projectNoticeDaysOf,
} from './core.settings.js';
export {
  ConflictError,
  ForbiddenError,
  IssueCollector,
  LimitExceededError,
  NotFoundError,
  RuleViolationError,
  TuopinError,
  TYPED_ERRORS,
  ValidationError,
  type FieldIssue,
} from './kernel/errors.js';
export { defineMutation, type DecodedInput, type GlobalIdDeclarations, type MutationDefinition } from './kernel/define-mutation.js';
export { inTransaction, type ConstraintErrors } from './kernel/transaction.js';
export { inOneStatement, stampedStatement } from './kernel/one-statement-write.js';
export { DEFAULT_IDEMPOTENCY_KEY_HOURS, IDEMPOTENCY_KEY_HEADER, IdempotentRequest, MAX_IDEMPOTENCY_KEY_LENGTH } from './kernel/idempotency/idempotency-key.js';
export { answerNotKept } from './kernel/idempotency/stored-answer.js';
export { notFound, readableRanges, villageCodeInRanges } from './kernel/access.js';
export { assertCanWriteVillage, canReadVillage } from './access/registry-access.js';
export { isWithinScope, normalizeScopes, rangesWithinScope } from './kernel/area-scope.js';
export { canSeeArea, canSeeObject, grantAllows, grantedIds, grantOn, type ObjectScope } from './kernel/access.js';
export type { AreaCodes, GrantTarget, ScopePolicy } from './kernel/scope-policy.js';
export { classifyObjectTypes, scopeDeclarationProblems, type ScopeClass, type Structure, type TypeScope } from './kernel/scope-classes.js';
export { SCOPE_GUARD_EXTENSION, type GuardShape } from './kernel/scope-guard.js';
export { typeAccessOf, type TypeAccess } from './kernel/type-access.js';
export { connectionNodeType, isConnectionType, isEdgeType, objectTypesReturnedBy } from './kernel/schema-shapes.js';
export {
  AREA_LEVELS,
  DIVISION_CODES,
  isDivisionCode,
  levelOfCode,
  prefixRange,
  significantPrefix,
  subtreeRange,
  type AreaLevel,
  type CodeRange,
} from './area/division-code.js';
export type { AreaCodeLevel, AreaCodeModel } from './kernel/area-codes.js';
export { parentCode, provinceOf } from './area/area-tree.js';
export { compareMoney, divideMoney, fitsOneAmount, formatMoney, MAX_FEN, moneyRatio, normalizeMoney, parseMoney, subtractMoney, sumMoney } from './kernel/money.js';
export { DateScalar, DateTimeScalar, JSONObjectScalar, MoneyScalar, isCalendarDate } from './kernel/scalars.js';
export {
  decodeCursor,
  encodeCursor,
  resolveKeysetConnection,
  type ConnectionArgs,
  type KeysetPage,
  type SortKeyPart,
  type SortKeyShape,
} from './kernel/keyset-connection.js';
export { decodeTuopinGlobalID, isDatabaseId, loadByDatabaseIds, numericIdOf } from './kernel/global-id.js';
export { loadAll } from './kernel/load-all.js';
export { STATISTICS_BLOCK_COMPLEXITY, operationCost, queryLimitExceeded, type OperationCost } from './kernel/query-cost.js';
export { describedValues, enumOf, registerEnum } from './kernel/enum-values.js';
export { perBuilder } from './kernel/per-builder.js';
export { groupRows, pickRows } from './kernel/group-rows.js';
export { ReadLayer, type StatementCounter } from './kernel/read/read-layer.js';
export { plannedPerCall, SqlText, type ReadStatement } from './kernel/read/read-statement.js';
export type { EntityColumns } from './kernel/read/entity-columns.js';
export { jsonRows, type JsonRows } from './kernel/read/json-rows.js';
export { readsProperties, selectedProperties, type PropertiesOfType } from './kernel/read/selected-properties.js';
export { appendCodeRanges, rowsWhereIn, type RowOrder, type RowsWhereInOptions } from './kernel/read/entity-reads.js';
export { keyMatch } from './kernel/read/key-match.js';
export { appendPageColumn, countRowsOf, extraColumn, PAGE, pageColumn, pageRowsOf, type Conditions, type PageQuery } from './kernel/read/filtered-rows.js';
export { appendChildListColumn, primeChildLists, type ChildList } from './kernel/read/child-lists.js';

// Core registry: the plugin `core`, its types by name, entities, loaders and vocabularies
export { corePlugin, coreEntities, coreMigrations } from './core.plugin.js';
// Declares core's object types by name (Household, Member, …) into the builder's type map.
import './core.types.js';
export { AreaSchema, VillageGroupSchema, type Area, type VillageGroup } from './area/area.entity.js';
export { checkDivisionCode } from './area/area.schema.js';
export type { RegionStatsSource } from './area/region-stats.schema.js';
export { RANGES_CTE, rangeParameters, scopedRanges, type ScopedRange } from './area/region-stats.loader.js';
export { areaLoader } from './area/area.loaders.js';
export { HouseholdSchema, type Household } from './household/household.entity.js';
export { householdLoader } from './household/household.loaders.js';
export * from './household/household-enums.js';
export { MemberSchema, type Member } from './member/member.entity.js';
export { membersByHouseholdLoader } from './member/member.loaders.js';
export * from './member/member-enums.js';
export { checkIdNumber, checkCharacter } from './member/id-number.js';
export { HouseholdIncomeSchema, type HouseholdIncome } from './income/income.entity.js';
export { pgIntArray, pgTextArray } from './kernel/pg-array.js';

// Projects, funds and the fund ledger
export { ProjectSchema, ProjectStatusChangeSchema, type Project, type ProjectStatusChange } from './project/project.entity.js';
export { ProjectBeneficiarySchema, ProjectNoticeSchema, ProjectOutputSchema, type ProjectNotice, type ProjectOutput } from './project/project-records.entity.js';
export * from './project/project-enums.js';
export { allowedTargets, transition, type ProjectState } from './project/project-status.js';
export { earliestNoticeStart, noticeLengthInDays, noticePeriodHasRun } from './project/notice-period.js';
export { projectLoader } from './project/project.loaders.js';
/** Keyset orders for lists partners pull with `updatedAfter` (by place code, or by (updated_at, id)). */
export { checkPullCursor, keysetBound, pullKey, pullKeyOrder, type PullKeyOrder, type PullOrder } from './kernel/read/pull-order.js';
/** Change times as masked roles read them: to the day, in China's time (`change-times.ts`). */
export { changeTimeDescription, changeTimeValue, chinaDayOf, readsExactChangeTimes, startOfChinaDay, updatedAfterDescription } from './kernel/change-times.js';
export { areaPullConnection, pullConnection, type AreaPullQuery, type PullList } from './kernel/read/area-pull-connection.js';
export { FundSchema, type Fund } from './fund/fund.entity.js';
export * from './fund/fund-enums.js';
export { fundLoader } from './fund/fund.loaders.js';
export { fundTotalsLoader, projectFundingLoader, type LedgerTotals, type ProjectFunding, type SourceFunding } from './fund/fund-figures.loader.js';
export { LedgerEntrySchema, LEDGER_KINDS, type LedgerEntry, type LedgerKind } from './ledger/ledger-entry.entity.js';
export { moneyFromSql } from './ledger/ledger-sql.js';
export { ledgerEntryAreas, type LedgerEntryRow } from './ledger/ledger-rows.js';
export { ledgerEntryLoader } from './ledger/ledger.loaders.js';
export type { ReversedLedgerEntry } from './ledger/ledger-hooks.js';

// What plugins build on: scoped reads by a code column, the fund manager's checks, and the
// ledger's writes (a fund received, an allocation, a disbursement), which a plugin calls inside its
// own transaction to move money through core's ledger under core's rules and locks.
export { assertCanManageFundAt, requireArea } from './project/place-scope.js';
export { codeInRanges, codeRangeSql } from './kernel/code-range-filters.js';
export { scopedLoaderByCode } from './kernel/scoped-loader.js';
export { scopedLoaderBy } from './access/registry-loader.js';
export { allocateFunds, disburseFunds, requireManagedAllocation, type EntryFields } from './ledger/ledger.service.js';
export { createFund, type CreateFundInput } from './fund/fund.service.js';
export { narrowFundEarmark } from './fund/fund-earmark.js';

// The household's life cycle: the workflow mechanism every workflow runs on, and monitoring
export { defineWorkflow, stepAfter, stepOf, type WorkflowActor, type WorkflowDefinition, type WorkflowStepDefinition } from './workflow/workflow-definition.js';
export { WORKFLOW_ACTOR_PERMISSIONS, assertCanAct } from './workflow/workflow-actors.js';
export { WorkflowCaseSchema, WorkflowNoticeSchema, WorkflowObjectionSchema, WorkflowStepSchema, type WorkflowCase, type WorkflowNotice, type WorkflowObjection, type WorkflowStep } from './workflow/workflow.entity.js';
export { MonitoringCaseSchema, type MonitoringCase, type MonitoringCaseRow } from './monitoring/monitoring-case.entity.js';
export * from './monitoring/monitoring-enums.js';
export { MONITORING_WORKFLOW, type MonitoringStep } from './monitoring/monitoring.workflow.js';
export { RISK_ELIMINATION_WORKFLOW } from './monitoring/elimination.workflow.js';
export { CORE_MEASURE_TYPES, type MeasureTypeDeclaration } from './monitoring/measure-types.js';
export { MonitoringMeasureSchema, type MonitoringMeasure } from './monitoring/measure.entity.js';
export { pluginsOfBuilder } from './kernel/builder-plugins.js';
export {
  DEFAULT_MONITORING_DECISION_DAYS,
  DEFAULT_MONITORING_NOTICE_DAYS,
  DEFAULT_RISK_ELIMINATION_MONTHS,
  riskEliminationMonthsOf,
  monitoringDecisionDaysOf,
  monitoringNoticeDaysOf,
  monitoringRangeFor,
} from './monitoring/monitoring.settings.js';

// Identification (识别): its workflow, records and settings, and the one function that changes a registered household's status
export { IDENTIFICATION_WORKFLOW, type IdentificationStep } from './identification/identification.workflow.js';
export { IdentificationApplicationSchema, IdentificationExclusionCheckSchema, type IdentificationApplication, type IdentificationExclusionCheck } from './identification/identification.entity.js';
export * from './identification/identification-enums.js';
export { DEFAULT_IDENTIFICATION_NOTICE_DAYS, identificationNoticeDaysOf } from './identification/identification.settings.js';
export { setHouseholdStatus, type HouseholdStatusSubject, type StatusChange } from './household/household-status.js';
// Exit (退出) and return to poverty (返贫): the three exit workflows and their settings
export { COUNTY_EXIT_WORKFLOW, HOUSEHOLD_EXIT_WORKFLOW, VILLAGE_EXIT_WORKFLOW } from './poverty-exit/exit.workflows.js';
export { HouseholdExitSchema, HouseholdReturnSchema, type HouseholdExit, type HouseholdReturn } from './poverty-exit/household-exit.entity.js';
export { CountyExitSchema, ReductionTargetSchema, VillageExitSchema, type CountyExit, type ReductionTarget, type VillageExit } from './poverty-exit/area-exit.entity.js';
export {
  DEFAULT_COUNTY_EXIT_RATES,
  DEFAULT_EXIT_INCIDENCE_THRESHOLD,
  DEFAULT_EXIT_NOTICE_DAYS,
  countyExitRatesOf,
  exitIncidenceThresholdFor,
  exitNoticeDaysOf,
  type CountyExitRates,
} from './poverty-exit/exit.settings.js';
export { readWorkTeamSettings, workTeamRulesFor, type WorkTeamRules, type WorkTeamSettings } from './work-team/work-team.settings.js';
