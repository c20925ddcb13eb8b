/**
 * @tuopin/testing: real PostgreSQL per test file (core and the test project's plugin set), a typed
 * in-process or HTTP GraphQL client, and the plugin contract's sweeps.
 */
export { createTestDatabase } from './test-database.js';
export { createTestServer, TEST_ADMIN, TEST_REGISTRAR, type TestServer, type TestServerOptions, type ExecuteOptions, type SentStatement } from './test-server.js';
export { createHttpTestServer, TEST_JWT_SECRET, type HttpTestServer, type HttpTestServerOptions } from './http-test-server.js';
export { makeIdNumber } from './id-numbers.js';
export { documentOf } from './document-of.js';
export { TestClock } from './test-clock.js';
export { fundedProgramme, type FundedProgramme, type FundedProgrammeOptions } from './funded-programme.js';
export { mustSucceed, type HttpResponseOf, type PayloadOf } from './must-succeed.js';
export type { ProvidedDatabase } from './provided.js';
export { CHROMIUM_PATH, launchOfflineChromium, type OfflineBrowser } from './offline-browser.js';
export { auditedTables, expectWholeAuditRecords, type AuditedTable } from './audit-records.js';
export { mutate, mutationsAdded, runAuditSteps, type AuditStep, type AuditWorld } from './audit-steps.js';
export {
  auditedTablesWithoutType,
  mutationsNotNamedForAudit,
  runContractSweeps,
  tablesWithoutAuditTrigger,
  undescribedSchemaElements,
  type ContractSweepOptions,
} from './contract-sweeps.js';
export { areaScopedTypes, containedTypesAtRoots, unclassifiedObjectTypes, unguardedScopedFields } from './scope-structure.js';
