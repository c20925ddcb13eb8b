import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type Platform, type PlatformSettings, type Principal, type TuopinPlugin } from '@tuopin/core';
import {
  DEFAULT_API_LIMITS,
  REPO_ROOT,
  buildTenancy,
  createApp,
  createOrm,
  loadSettings,
  migrate,
  silentLogger,
  type ApiLimits,
  type Logger,
  type TenancyConfig,
  type Tenancy,
  type TuopinApp,
} from '@tuopin/server';
import { print, type ExecutionResult } from 'graphql';
import { projectPlugins } from './project-plugins.js';
import { createTestDatabase } from './test-database.js';

/** The default caller of test servers: a national administrator (who sees personal data masked). */
export const TEST_ADMIN: Principal = Object.freeze({ id: 'test:admin', role: 'NATIONAL_ADMIN', areaScopes: Object.freeze(['']), provinceCode: null });

/**
 * An officer who registers households in the fixtures' counties, 保靖县 (湖南) and 凌源市 (辽宁):
 * roles that see ID numbers masked may not enter them, so registrations and member changes in
 * tests run as this officer (`{ principal: TEST_REGISTRAR }`). Its scopes are 6-digit county
 * codes, as a county officer's must be; it spans two provinces, so it has none (no tenant), which
 * suits in-process test servers: a signed token for HTTP needs one province.
 */
export const TEST_REGISTRAR: Principal = Object.freeze({
  id: 'test:registrar',
  role: 'COUNTY_OFFICER',
  areaScopes: Object.freeze(['433125', '211382']),
  provinceCode: null,
});

export interface TestServerOptions {
  /**
   * The plugins beside core (always there); by default the test project's (a plugin's tests: the plugin and what it depends
   * on; the root suite: every installed plugin). A different set gets its own empty database,
   * migrated for it.
   */
  plugins?: readonly TuopinPlugin[];
  /** Which plugins each province runs (tenancy); none configured by default. */
  tenancy?: TenancyConfig;
  /** Who requests act as, unless a call says otherwise. */
  principal?: Principal;
  settings?: PlatformSettings;
  limits?: ApiLimits;
  /** Where the server logs; unexpected errors go to the test output by default. */
  log?: Logger;
  /**
   * Use this database (migrated here for the plugin set) instead of a fresh copy of the run's
   * template: a cluster of the test's own, e.g. one the test stops and restarts.
   */
  databaseUrl?: string;
  /** Run queries compiled (graphql-jit), as `start` does by default; false runs graphql-js's executor. */
  compiledExecution?: boolean;
}

export interface ExecuteOptions {
  principal?: Principal;
}

/** A statement as the server sent it: the text, and the values of its placeholders. */
export interface SentStatement {
  sql: string;
  bindings: readonly unknown[];
}

/** A test server: the real app and a real database, called in-process through yoga's fetch. */
export interface TestServer {
  readonly app: TuopinApp;
  readonly orm: MikroORM;
  /** The server's platform (every plugin of its set). */
  readonly platform: Platform;
  readonly tenancy: Tenancy;
  readonly databaseUrl: string;
  readonly settings: PlatformSettings;
  readonly limits: ApiLimits;
  readonly log: Logger;
  /** Runs a typed operation as a principal (already authenticated) and returns the parsed JSON response. */
  execute<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables?: Variables,
    options?: ExecuteOptions,
  ): Promise<ExecutionResult<Result>>;
  /**
   * Runs `work` and returns how many SQL statements it sent, with their text, and each with the
   * values of its placeholders (`sent`, for tests that explain a statement's plan).
   */
  countStatements(work: () => Promise<unknown>): Promise<{ count: number; statements: string[]; sent: SentStatement[] }>;
  /** Raw SQL for asserting what was (not) written. */
  sql<Row = Record<string, unknown>>(query: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Unexpected errors reach the test output; everything else stays quiet. */
const testLog: Logger = { ...silentLogger, error: (message, fields) => console.error(message, fields) };

/** Starts a test server on a fresh database of this test file. */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const defaults = await projectPlugins();
  const plugins = options.plugins ?? defaults;
  const tenancy = buildTenancy(plugins, undefined, options.tenancy ?? { provinces: {} });
  const customPlugins = !sameNames(plugins, defaults);
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase({ empty: customPlugins }));
  let recording: SentStatement[] | null = null;
  const log = options.log ?? testLog;
  const orm = await createOrm({ databaseUrl, platform: tenancy.deployment, poolSize: 4, onQuery: (sql, bindings) => recording?.push({ sql, bindings }), log });
  if (customPlugins || options.databaseUrl) await migrate(orm);
  const settings = options.settings ?? loadSettings(path.join(REPO_ROOT, 'tuopin.config.json'));
  const limits = options.limits ?? DEFAULT_API_LIMITS;
  const defaultPrincipal = options.principal ?? TEST_ADMIN;
  const app = createApp({ orm, tenancy, settings, limits, log, production: false, compiledExecution: options.compiledExecution });

  return {
    app,
    orm,
    platform: tenancy.deployment,
    tenancy,
    databaseUrl,
    settings,
    limits,
    log,
    async execute(document, variables, executeOptions = {}) {
      const response = await app.fetch(
        'http://tuopin.test/graphql',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(document), variables: variables ?? {} }) },
        // In-process calls skip the gateway: the principal is given as already authenticated.
        { principal: executeOptions.principal ?? defaultPrincipal },
      );
      return (await response.json()) as ExecutionResult<never>;
    },
    async countStatements(work) {
      const sent: SentStatement[] = [];
      recording = sent;
      try {
        await work();
      } finally {
        recording = null;
      }
      return { count: sent.length, statements: sent.map((statement) => statement.sql), sent };
    },
    sql: (query, params = []) => orm.em.fork().getConnection().execute(query, params as never[]),
    close: () => orm.close(),
  };
}

function sameNames(a: readonly TuopinPlugin[], b: readonly TuopinPlugin[]): boolean {
  return a.length === b.length && a.every((plugin) => b.some((other) => other.name === plugin.name));
}
