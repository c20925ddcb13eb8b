import type { MikroORM } from '@mikro-orm/postgresql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DEVELOPMENT_PRINCIPAL, buildPlatform, type Platform, type PlatformSettings, type Principal, type TuopinPlugin } from '@tuopin/core';
import { REPO_ROOT, createApp, createOrm, installedPlugins, loadSettings, migrate, silentLogger, type TuopinApp } from '@tuopin/server';
import { print, type ExecutionResult } from 'graphql';
import path from 'node:path';
import { createTestDatabase } from './test-database.js';

export interface TestServerOptions {
  /** The plugin set; every installed plugin by default. A different set gets its own empty database, migrated for it. */
  plugins?: readonly TuopinPlugin[];
  /** Who requests act as, unless a call says otherwise. */
  principal?: Principal;
  settings?: PlatformSettings;
}

export interface ExecuteOptions {
  principal?: Principal;
}

/** A test server: the real app and a real database, called in-process through yoga's fetch. */
export interface TestServer {
  readonly app: TuopinApp;
  readonly orm: MikroORM;
  readonly platform: Platform;
  readonly databaseUrl: string;
  /** Runs a typed operation and returns the parsed JSON response. */
  execute<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables?: Variables,
    options?: ExecuteOptions,
  ): Promise<ExecutionResult<Result>>;
  /** Runs `work` and returns how many SQL statements it sent, with their text. */
  countStatements(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }>;
  /** Raw SQL for asserting what was (not) written. */
  sql<Row = Record<string, unknown>>(query: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

const PRINCIPAL_HEADER = 'x-test-principal';

/** Starts a test server on a fresh database of this test file. */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const plugins = options.plugins ?? installedPlugins;
  const platform = buildPlatform({ plugins });
  const customPlugins = options.plugins !== undefined && !sameNames(options.plugins, installedPlugins);
  const databaseUrl = await createTestDatabase({ empty: customPlugins });
  let recording: string[] | null = null;
  const orm = await createOrm({
    databaseUrl,
    platform,
    poolSize: 4,
    onQuery: (sql) => recording?.push(sql),
  });
  if (customPlugins) await migrate(orm);
  const defaultPrincipal = options.principal ?? DEVELOPMENT_PRINCIPAL;
  const app = createApp({
    orm,
    platform,
    settings: options.settings ?? loadSettings(path.join(REPO_ROOT, 'tuopin.config.json')),
    // Unexpected errors reach the test output; everything else stays quiet.
    log: { ...silentLogger, error: (message, fields) => console.error(message, fields) },
    production: false,
    // Only the test server reads a principal from a header; the real server authenticates.
    principalFor: (request) => {
      const header = request.headers.get(PRINCIPAL_HEADER);
      return header ? (JSON.parse(header) as Principal) : defaultPrincipal;
    },
  });

  return {
    app,
    orm,
    platform,
    databaseUrl,
    async execute(document, variables, executeOptions = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (executeOptions.principal) headers[PRINCIPAL_HEADER] = JSON.stringify(executeOptions.principal);
      const response = await app.fetch('http://tuopin.test/graphql', {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    async countStatements(work) {
      const statements: string[] = [];
      recording = statements;
      try {
        await work();
      } finally {
        recording = null;
      }
      return { count: statements.length, statements };
    },
    sql: (query, params = []) => orm.em.fork().getConnection().execute(query, params as never[]),
    close: () => orm.close(),
  };
}

function sameNames(a: readonly TuopinPlugin[], b: readonly TuopinPlugin[]): boolean {
  return a.length === b.length && a.every((plugin) => b.some((other) => other.name === plugin.name));
}
