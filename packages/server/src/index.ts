/** @tuopin/server: what tests and tools use to build and run the server in-process. */
export { createApp, type AppOptions, type ServerContext, type TuopinApp } from './http/app.js';
export { assembleServer, type AssembleOptions } from './http/assemble.js';
export { listen, type RunningServer } from './http/http-server.js';
export { createOrm, migrate, type OrmOptions } from './orm.js';
export { loadConfig, loadSettings, parsePluginList, REPO_ROOT, ConfigurationError, type ServerConfig } from './config.js';
export { DEFAULT_API_LIMITS, loadApiLimits, loadTenancy, type ApiLimits, type TenancyConfig } from './deployment-config.js';
export { buildTenancy, type Tenancy } from './tenancy.js';
export { installedPlugins } from './installed-plugins.js';
export { platformFor, tenancyFor } from './platform-for.js';
export { renderSdl, writeSchemaFiles, SCHEMA_FILES } from './schema-files.js';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
export { ensureDatabase, openDatabase, type Database } from './database/open-database.js';
export { isEmpty, loadDemoData } from './demo-data.js';
export { createLogger, silentLogger, type Logger } from './log.js';
export { describeErrorForLog, redactText, sqlShape } from './log-redaction.js';
export { mintToken } from './auth/jwt.js';
export { DEMO_PRINCIPALS } from './auth/development-tokens.js';
