import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticateApiKey, prefixOfApiKey, type Principal } from '@tuopin/core';
import type { ApiKeyCache } from './api-key-cache.js';
import type { JwtVerifier } from './jwt.js';

export type Authentication = { ok: true; principal: Principal } | { ok: false; reason: string };

const API_KEY_REASONS = {
  malformed: 'the API key is malformed',
  unknown: 'the API key is not known',
  revoked: 'the API key has been revoked',
} as const;

/**
 * Who is calling, from `Authorization: Bearer <credential>`: a JWT issued by the identity
 * provider, or a partner API key (`tpk_…`). Anything else is refused with the reason. Keys
 * verified recently come from `apiKeys` (kept in step with revocations), the others from the database.
 */
export function createAuthenticator(options: { verifyJwt: JwtVerifier; orm: MikroORM; apiKeys: ApiKeyCache }) {
  return async (authorization: string | null | undefined): Promise<Authentication> => {
    if (!authorization) return { ok: false, reason: 'no credentials were sent' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { ok: false, reason: 'the Authorization header must read "Bearer <token or API key>"' };
    const credential = match[1];
    if (credential.startsWith('tpk_')) {
      const prefix = prefixOfApiKey(credential);
      const check = prefix
        ? await options.apiKeys.check(credential, prefix, () => authenticateApiKey(options.orm.em.fork(), credential))
        : ({ ok: false, reason: 'malformed' } as const);
      return check.ok ? check : { ok: false, reason: API_KEY_REASONS[check.reason] };
    }
    return options.verifyJwt(credential);
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
