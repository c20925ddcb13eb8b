import { readFileSync } from 'node:fs';
import type { Principal } from '@tuopin/core';
import { SignJWT, createLocalJWKSet, errors, importSPKI, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ConfigurationError } from '../configuration-error.js';
import { claimsOf, principalFromClaims } from './principal-claims.js';

/** How tokens are verified: HS256 with a shared secret, or RS256 with a public key or a JWKS file. */
export interface JwtSettings {
  secret: string | null;
  publicKeyFile: string | null;
  jwksFile: string | null;
  issuer: string;
  audience: string;
}

/** `expiresAt`: the token's `exp` in epoch milliseconds, or null when it has none. */
export type TokenCheck = { ok: true; principal: Principal; expiresAt: number | null } | { ok: false; reason: string };

export type JwtVerifier = (token: string) => Promise<TokenCheck>;

/** Builds the verifier once at start-up; a key that cannot be read stops the server there. */
export async function createJwtVerifier(settings: JwtSettings): Promise<JwtVerifier> {
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
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, { algorithms, issuer: settings.issuer, audience: settings.audience });
      const principal = principalFromClaims(payload);
      if (typeof principal === 'string') return { ok: false, reason: `invalid claims: ${principal}` };
      return { ok: true, principal, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'the token has expired' };
      if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'the token signature is not valid' };
      if (error instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: `the token's ${error.claim} claim is not accepted` };
      if (error instanceof errors.JOSEAlgNotAllowed) return { ok: false, reason: 'the token is signed with an algorithm this server does not accept' };
      return { ok: false, reason: 'the token is malformed' };
    }
  };
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
