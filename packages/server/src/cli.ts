#!/usr/bin/env node
/**
 * The command line: build | start | migrate | seed [--households N] | schema | token | apikey | plugin new <name>.
 * Run through the root scripts: `pnpm start` (build, then start the build), `pnpm migrate`, `pnpm seed`, `pnpm schema`.
 */
import { ConfigurationError, loadConfig } from './config.js';
import { createPinoLogger, logLevelFrom } from './observability/pino-logger.js';
import { PluginConfigurationError, PluginSettingsError } from '@tuopin/core';
import { migrateCommand, schemaCommand, seedCommand } from './commands/maintenance.js';
import { startCommand } from './commands/start.js';
import { apiKeyCommand, tokenCommand } from './commands/credentials.js';
import { pluginCommand } from './commands/plugin-new.js';
import { buildCommand } from './commands/build.js';

const USAGE = `usage: tuopin <command>
  build                     compile the server and the installed plugins into packages/server/dist
  start                     serve /graphql (embedded PostgreSQL unless DATABASE_URL; demo data on a fresh database)
  migrate                   run pending migrations
  seed                      load the demo data into an empty database
  seed --households N       add a synthetic province of N households (benchmarks)
  schema                    write schema/tuopin.graphql and schema/core.graphql
  token --role R --scope S [--province P] [--sub ID] [--expires 8h]
                            sign a token (HS256, TUOPIN_JWT_SECRET or the development secret)
  apikey create --name N --scope S [--scope S2] | apikey revoke --id N | apikey list
                            manage partner API keys (stored hashed)
  plugin new <name> [--no-install]
                            create plugins/<name>/ (a plugin with its migration and tests) and install it`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const log = createPinoLogger({ level: logLevelFrom(process.env.TUOPIN_LOG_LEVEL) });
  if (command === 'schema') return schemaCommand(log);
  if (command === 'plugin') return pluginCommand(rest);
  if (command === 'build') return buildCommand(log);
  if (!['start', 'migrate', 'seed', 'token', 'apikey'].includes(command ?? '')) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = await loadConfig();
  if (command === 'start') return startCommand(config, log);
  if (command === 'migrate') return migrateCommand(config, log);
  if (command === 'token') return tokenCommand(config, rest);
  if (command === 'apikey') return apiKeyCommand(config, log, rest);
  return seedCommand(config, log, rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Configuration mistakes get their message alone; anything else its stack.
  const expected = error instanceof ConfigurationError || error instanceof PluginConfigurationError || error instanceof PluginSettingsError;
  console.error(expected ? `tuopin: ${(error as Error).message}` : error);
  process.exitCode = 1;
});
