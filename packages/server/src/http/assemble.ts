import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformSettings } from '@tuopin/core';
import type { AuthConfig } from '../auth/auth-config.js';
import { createAuthenticator } from '../auth/authenticate.js';
import { createJwtVerifier } from '../auth/jwt.js';
import { cacheVerifiedTokens } from '../auth/verified-token-cache.js';
import type { ApiLimits } from '../deployment-config.js';
import type { Logger } from '../log.js';
import type { Tenancy } from '../tenancy.js';
import { createApp, type TuopinApp } from './app.js';
import { createGateway } from './gateway.js';

export interface AssembleOptions {
  orm: MikroORM;
  tenancy: Tenancy;
  settings: PlatformSettings;
  limits: ApiLimits;
  auth: AuthConfig;
  production: boolean;
  log: Logger;
}

/** The GraphQL app and the authenticating gateway in front of it, as `start` serves them. */
export async function assembleServer(options: AssembleOptions): Promise<{ app: TuopinApp; gateway: ReturnType<typeof createGateway> }> {
  const app = createApp(options);
  const authenticate = createAuthenticator({ verifyJwt: cacheVerifiedTokens(await createJwtVerifier(options.auth.jwt)), orm: options.orm });
  return { app, gateway: createGateway({ app, authenticate, limits: options.limits, production: options.production, log: options.log }) };
}
