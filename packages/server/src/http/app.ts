import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AuditTrail, checkPluginSettings, IdempotentRequest, ReadLayer, type PlatformSettings, type Principal, type TuopinContext } from '@tuopin/core';
import { createYoga, type YogaServerInstance, type YogaServerOptions } from 'graphql-yoga';
import type { ApiLimits } from '../deployment-config.js';
import type { Logger } from '../log.js';
import type { Tenancy } from '../tenancy.js';
import { useAuditReads } from './audit-reads-plugin.js';
import { useDocumentLimits } from './document-limits.js';
import { useLazyEntityManager } from './lazy-entity-manager.js';
import { renderOfflineGraphiQL } from './graphiql/graphiql-page.js';
import { createErrorMasker } from './mask-error.js';
import { useRequestRecord } from '../observability/request-record-plugin.js';
import { checkTrustedDocumentRoles, NO_TRUSTED_DOCUMENTS, useTrustedDocuments, type TrustedDocuments } from './trusted-documents.js';
import { useNameBadValues } from './name-bad-values.js';
import { useRefuseNulBytes } from './refuse-nul-bytes.js';
import { useQueryCost, type SpendCost } from './query-cost.js';
import { useCompiledExecution } from './compiled-execution.js';

/** What the HTTP layer hands to each GraphQL request: the authenticated caller and its cost budget. */
export interface ServerContext {
  principal: Principal | null;
  /** Set by the gateway: spends the request's estimated cost from the caller's budget. */
  spendCost?: SpendCost;
}

export interface AppOptions {
  orm: MikroORM;
  tenancy: Tenancy;
  settings: PlatformSettings;
  limits: ApiLimits;
  log: Logger;
  production: boolean;
  /** Registered operations, and the roles that may run nothing else; none by default. */
  trustedDocuments?: TrustedDocuments;
  /** Queries and mutations run compiled (graphql-jit); true unless turned off (`http.compiledExecution`). */
  compiledExecution?: boolean;
}

export type TuopinApp = YogaServerInstance<ServerContext, TuopinContext>;

/**
 * The GraphQL application behind the gateway: `/graphql` (GraphiQL outside production); the
 * gateway answers `/health` and `/ready` itself. Each caller is answered with
 * their province's schema; schemas are built once at start-up, never per request, because yoga
 * caches parsing and validation per schema object.
 */
export function createApp(options: AppOptions): TuopinApp {
  // Plugins read their checked settings (pluginSettingsOf); `start` has checked them already, a test server has not.
  checkPluginSettings(options.tenancy.deployment.plugins, options.settings);
  checkTrustedDocumentRoles(options.trustedDocuments ?? NO_TRUSTED_DOCUMENTS);
  return createYoga<ServerContext, TuopinContext>(appConfig(options, appPlugins(options).flatMap((part) => part.plugins)));
}

/** One part of the app's request pipeline, named for the HTTP floor measurement (test/bench/floor). */
export interface AppPart {
  readonly name: string;
  readonly plugins: readonly AppPlugin[];
}

/** A yoga plugin of the app, whatever context it reads. */
export type AppPlugin = NonNullable<YogaServerOptions<ServerContext, TuopinContext>['plugins']>[number];

/** The app's yoga plugins, in the order they run, in named parts. */
export function appPlugins(options: AppOptions): AppPart[] {
  return [
    { name: 'lazy entity manager', plugins: [useLazyEntityManager(options.orm)] },
    { name: 'document limits', plugins: [useDocumentLimits(options.limits)] },
    // Input no resolver can use: NUL characters, and values a scalar or enum refuses, named by field.
    // (One part, under its old name, so the bench's table of parts — test/bench/floor/layers.ts — still fits.)
    { name: 'NUL-byte refusal', plugins: [useRefuseNulBytes(), useNameBadValues()] },
    { name: 'query cost: limits and budget', plugins: [useQueryCost()] },
    { name: 'read audit', plugins: [useAuditReads()] },
    { name: 'request record', plugins: [useRequestRecord()] },
    { name: 'trusted documents', plugins: useTrustedDocuments(options.trustedDocuments ?? NO_TRUSTED_DOCUMENTS) },
    // Queries and mutations run as functions compiled once per schema, document and operation.
    { name: 'compiled execution', plugins: options.compiledExecution === false ? [] : [useCompiledExecution()] },
  ];
}

/** yoga's configuration of the app, with the given plugins (all of appPlugins in production). */
export function appConfig(options: AppOptions, plugins: readonly AppPlugin[]): YogaServerOptions<ServerContext, TuopinContext> {
  // One read layer per ORM: it holds no per-request state, only the pool and the column lists.
  const db = new ReadLayer(options.orm.em);
  return {
    schema: ({ principal }) => (principal ? options.tenancy.platformFor(principal) : options.tenancy.deployment).schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // The gateway refuses a body without Content-Length or over `limits.maxBodyBytes` before yoga
    // reads it, and Node holds a body to its Content-Length; yoga's own limit would pipe every
    // body through a counting stream (a tenth of a small request's CPU).
    maxRequestBodySize: false,
    // No operation takes a file.
    multipart: false,
    graphiql: options.production ? false : { title: 'tuopin 脱贫 GraphQL' },
    renderGraphiQL: renderOfflineGraphiQL,
    // The edge answers CORS by the configured allowlist; yoga's default would echo any origin.
    cors: false,
    maskedErrors: { maskError: createErrorMasker(options.log) },
    logging: false,
    context: ({ principal, request }) => {
      // The gateway authenticates every /graphql request; reaching here without a caller is a bug.
      if (!principal) throw new Error('a GraphQL request reached the app without an authenticated principal');
      // `em` is added by useLazyEntityManager: forked on first use, not for every request.
      const idempotencyKey = request.headers.get('idempotency-key');
      return {
        ...(idempotencyKey === null ? {} : { idempotency: new IdempotentRequest(idempotencyKey) }),
        principal,
        db,
        plugins: options.tenancy.platformFor(principal).plugins,
        settings: options.settings,
        requestId: request.headers.get('x-request-id') ?? randomUUID(),
        audit: new AuditTrail(),
      } as Omit<TuopinContext, 'em'> as TuopinContext;
    },
    plugins: [...plugins],
  };
}
