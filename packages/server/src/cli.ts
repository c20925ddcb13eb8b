#!/usr/bin/env node
/**
 * The command line: start | migrate | seed [--households N] | schema.
 * Run through the root scripts: `pnpm start`, `pnpm migrate`, `pnpm seed`, `pnpm schema`.
 */
import { ConfigurationError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { PluginConfigurationError } from '@tuopin/core';
import { migrateCommand, schemaCommand, seedCommand } from './commands/maintenance.js';
import { startCommand } from './commands/start.js';

const USAGE = `usage: tuopin <command>
  start                     serve /graphql (embedded PostgreSQL unless DATABASE_URL; demo data on a fresh database)
  migrate                   run pending migrations
  seed                      load the demo data into an empty database
  seed --households N       add a synthetic province of N households (benchmarks)
  schema                    write schema/tuopin.graphql and schema/core.graphql`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const log = createLogger();
  if (command === 'schema') return schemaCommand(log);
  if (!['start', 'migrate', 'seed'].includes(command ?? '')) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  if (command === 'start') return startCommand(config, log);
  if (command === 'migrate') return migrateCommand(config, log);
  return seedCommand(config, log, rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Configuration mistakes get their message alone; anything else its stack.
  const expected = error instanceof ConfigurationError || error instanceof PluginConfigurationError;
  console.error(expected ? `tuopin: ${(error as Error).message}` : error);
  process.exitCode = 1;
});
