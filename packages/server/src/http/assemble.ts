import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformSettings } from '@tuopin/core';
import type { AuthConfig } from '../auth/auth-config.js';
import { ApiKeyCache } from '../auth/api-key-cache.js';
import { listenForRevocations } from '../auth/api-key-revocation-listener.js';
import { createAuthenticator } from '../auth/authenticate.js';
import { createJwtVerifier } from '../auth/jwt.js';
import { cacheVerifiedTokens } from '../auth/verified-token-cache.js';
import type { ApiLimits } from '../deployment-config.js';
import type { Logger } from '../log.js';
import type { Tenancy } from '../tenancy.js';
import { createApp, type TuopinApp } from './app.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { createEdge } from './edge.js';
import { createGateway } from './gateway.js';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from './http-config.js';

export interface AssembleOptions {
  orm: MikroORM;
  tenancy: Tenancy;
  settings: PlatformSettings;
  limits: ApiLimits;
  auth: AuthConfig;
  production: boolean;
  log: Logger;
  /** CORS origins, metrics, trusted documents and compiled execution (the `http` block); defaults without it. */
  http?: HttpConfig;
}

/**
 * The GraphQL app, the authenticating gateway in front of it and the edge in front of both, as
 * `start` serves them; `gateway` is the handler to listen with, `metrics` what `/metrics` shows,
 * `stop` closes what the server holds besides the ORM (the API-key revocation listener).
 */
export async function assembleServer(
  options: AssembleOptions,
): Promise<{ app: TuopinApp; gateway: ReturnType<typeof createEdge>; metrics: Metrics; stop: () => Promise<void> }> {
  const http = options.http ?? DEFAULT_HTTP_CONFIG;
  const app = createApp({ ...options, trustedDocuments: http.trustedDocuments, compiledExecution: http.compiledExecution, directJsonPosts: http.directJsonPosts });
  const apiKeys = new ApiKeyCache();
  const revocations = listenForRevocations({ databaseUrl: options.orm.config.get('clientUrl')!, cache: apiKeys, log: options.log });
  const authenticate = createAuthenticator({ verifyJwt: cacheVerifiedTokens(await createJwtVerifier(options.auth.jwt, options.tenancy.accessFor)), orm: options.orm, apiKeys });
  const ready = async () => {
    try {
      await options.orm.em.getConnection().execute('select 1');
      return true;
    } catch {
      return false;
    }
  };
  const gateway = createGateway({ app, authenticate, limits: options.limits, production: options.production, log: options.log, ready });
  const metrics = createMetrics(options.orm, app.readAudit);
  return { app, metrics, stop: revocations.stop, gateway: createEdge({ gateway, http, production: options.production, log: options.log, metrics }) };
}
