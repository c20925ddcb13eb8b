import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AuditTrail, checkPluginSettings, ReadLayer, type PlatformSettings, type Principal, type TuopinContext } from '@tuopin/core';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { ApiLimits } from '../deployment-config.js';
import type { Logger } from '../log.js';
import type { Tenancy } from '../tenancy.js';
import { useAuditReads } from './audit-reads-plugin.js';
import { useDocumentLimits } from './document-limits.js';
import { useLazyEntityManager } from './lazy-entity-manager.js';
import { renderOfflineGraphiQL } from './graphiql/graphiql-page.js';
import { createErrorMasker } from './mask-error.js';
import { useRequestRecord } from '../observability/request-record-plugin.js';
import { NO_TRUSTED_DOCUMENTS, useTrustedDocuments, type TrustedDocuments } from './trusted-documents.js';
import { useRefuseNulBytes } from './refuse-nul-bytes.js';
import { useCostBudget, type SpendCost } from './cost-budget.js';

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
}

export type TuopinApp = YogaServerInstance<ServerContext, TuopinContext>;

/**
 * The GraphQL application behind the gateway: `/graphql` (GraphiQL outside production),
 * `/health` (the process is up) and `/ready` (the database answers). Each caller is answered with
 * their province's schema; schemas are built once at start-up, never per request, because yoga
 * caches parsing and validation per schema object.
 */
export function createApp(options: AppOptions): TuopinApp {
  // Plugins read their checked settings (pluginSettingsOf); `start` has checked them already, a test server has not.
  checkPluginSettings(options.tenancy.deployment.plugins, options.settings);
  // One read layer per ORM: it holds no per-request state, only the pool and the column lists.
  const db = new ReadLayer(options.orm.em);
  return createYoga<ServerContext, TuopinContext>({
    schema: ({ principal }) => (principal ? options.tenancy.platformFor(principal) : options.tenancy.deployment).schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
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
      return {
        principal,
        db,
        settings: options.settings,
        requestId: request.headers.get('x-request-id') ?? randomUUID(),
        audit: new AuditTrail(),
      } as Omit<TuopinContext, 'em'> as TuopinContext;
    },
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await options.orm.em.getConnection().execute('select 1');
            return true;
          } catch {
            return false;
          }
        },
      }),
      useLazyEntityManager(options.orm),
      useDocumentLimits(options.limits),
      useRefuseNulBytes(),
      useCostBudget(),
      useAuditReads(),
      useRequestRecord(),
      ...useTrustedDocuments(options.trustedDocuments ?? NO_TRUSTED_DOCUMENTS),
    ],
  });
}
