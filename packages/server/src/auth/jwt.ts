import { readFileSync } from 'node:fs';
import type { Principal } from '@tuopin/core';
import { SignJWT, createLocalJWKSet, errors, importSPKI, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ConfigurationError } from '../configuration-error.js';
import { claimsOf, CORE_ONLY, principalFromClaims, type AccessLookup } from './principal-claims.js';

/** How tokens are verified: HS256 with a shared secret, or RS256 with a public key or a JWKS file. */
export interface JwtSettings {
  secret: string | null;
  publicKeyFile: string | null;
  jwksFile: string | null;
  issuer: string;
  audience: string;
  /** The longest a token may live, `exp` − `iat` (or − now without `iat`); 24 hours by default. */
  maxLifetimeSeconds?: number;
  /** How far the issuer's clock may be off ours, for `exp`, `nbf` and `iat`; 60 seconds by default. */
  clockSkewSeconds?: number;
}

export const DEFAULT_TOKEN_RULES = { maxLifetimeSeconds: 24 * 3600, clockSkewSeconds: 60 } as const;

/** `expiresAt`: the token's `exp` in epoch milliseconds (null only from verifiers that allow none). */
export type TokenCheck = { ok: true; principal: Principal; expiresAt: number | null } | { ok: false; reason: string };

export type JwtVerifier = (token: string) => Promise<TokenCheck>;

/**
 * Builds the verifier once at start-up; a key that cannot be read stops the server there.
 * `accessFor` says which roles and permissions each province admits (the tenancy's); without it
 * only core's roles are.
 */
export async function createJwtVerifier(settings: JwtSettings, accessFor: AccessLookup = CORE_ONLY): Promise<JwtVerifier> {
  let key: Uint8Array | CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if (settings.jwksFile) {
    key = createLocalJWKSet(JSON.parse(readFileSync(settings.jwksFile, 'utf8')));
    algorithms = ['RS256'];
  } else if (settings.publicKeyFile) {
    key = await importSPKI(readFileSync(settings.publicKeyFile, 'utf8'), 'RS256');
    algorithms = ['RS256'];
  } else if (settings.secret) {
    if (settings.secret.length < 32) throw new ConfigurationError('TUOPIN_JWT_SECRET must be at least 32 characters');
    key = new TextEncoder().encode(settings.secret);
    algorithms = ['HS256'];
  } else {
    throw new ConfigurationError('no token key: set TUOPIN_JWT_SECRET (HS256), TUOPIN_JWT_PUBLIC_KEY_FILE or TUOPIN_JWKS_FILE (RS256)');
  }
  const maxLifetime = settings.maxLifetimeSeconds ?? DEFAULT_TOKEN_RULES.maxLifetimeSeconds;
  const skew = settings.clockSkewSeconds ?? DEFAULT_TOKEN_RULES.clockSkewSeconds;
  return async (token) => {
    try {
      // `exp` is required: a token without one would be valid forever.
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp'],
        clockTolerance: skew,
      });
      const lifetimeProblem = checkLifetime(payload as { exp: number; iat?: number }, maxLifetime, skew);
      if (lifetimeProblem) return { ok: false, reason: lifetimeProblem };
      const principal = principalFromClaims(payload, accessFor);
      if (typeof principal === 'string') return { ok: false, reason: `invalid claims: ${principal}` };
      return { ok: true, principal, expiresAt: (payload.exp as number) * 1000 };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'the token has expired' };
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') {
        return { ok: false, reason: 'the token has no expiry (exp)' };
      }
      if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'the token signature is not valid' };
      if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: `the token's ${error.claim} claim is not accepted` };
      if (error instanceof errors.JOSEAlgNotAllowed) return { ok: false, reason: 'the token is signed with an algorithm this server does not accept' };
      return { ok: false, reason: 'the token is malformed' };
    }
  };
}

/**
 * Refuses a token issued in the future (beyond the skew) or made to live longer than the maximum:
 * a stolen token then works for hours, not for years.
 */
function checkLifetime(payload: { exp: number; iat?: number }, maxLifetime: number, skew: number): string | null {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat === 'number' && payload.iat > now + skew) return 'the token is issued in the future (iat)';
  const issuedAt = typeof payload.iat === 'number' ? payload.iat : now;
  if (payload.exp - issuedAt > maxLifetime + skew) {
    return `the token lives longer than the maximum of ${formatSeconds(maxLifetime)} (exp − iat)`;
  }
  return null;
}

function formatSeconds(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds} s`;
}

/** Signs an HS256 token for a principal: development tokens and tests. */
export function mintToken(secret: string, principal: Principal, options: { issuer: string; audience: string; expiresIn: string }): Promise<string> {
  return new SignJWT(claimsOf(principal))
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setExpirationTime(options.expiresIn)
    .sign(new TextEncoder().encode(secret));
}
