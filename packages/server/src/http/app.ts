import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEVELOPMENT_PRINCIPAL, type Platform, type PlatformSettings, type Principal, type TuopinContext } from '@tuopin/core';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from '../log.js';
import { createErrorMasker } from './mask-error.js';

export interface AppOptions {
  orm: MikroORM;
  platform: Platform;
  settings: PlatformSettings;
  log: Logger;
  production: boolean;
  /** Who each request acts as. Until authentication lands, every request is a national administrator. */
  principalFor?: (request: Request) => Principal;
}

export type TuopinApp = YogaServerInstance<Record<string, never>, TuopinContext>;

/**
 * The GraphQL application: `/graphql` (GraphiQL outside production), `/health` (the process is
 * up) and `/ready` (the database answers). The schema is built once per plugin set, never per
 * request: yoga caches parsing and validation per schema object.
 */
export function createApp(options: AppOptions): TuopinApp {
  const principalFor = options.principalFor ?? (() => DEVELOPMENT_PRINCIPAL);
  return createYoga<Record<string, never>, TuopinContext>({
    schema: options.platform.schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.production ? false : { title: 'tuopin 脱贫 GraphQL' },
    maskedErrors: { maskError: createErrorMasker(options.log) },
    logging: false,
    context: ({ request }) => ({
      em: options.orm.em.fork(),
      principal: principalFor(request),
      settings: options.settings,
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
    }),
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
    ],
  });
}
