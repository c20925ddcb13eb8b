import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../configuration-error.js';
import { DEFAULT_TOKEN_RULES, type JwtSettings } from './jwt.js';

export interface AuthConfig {
  jwt: JwtSettings;
  /** True when the HS256 secret is a development secret the server made itself. */
  developmentSecret: boolean;
}

/**
 * Token settings from the environment. Outside production, a server without a configured key
 * makes a development secret once and keeps it in `.data/`, so that the development tokens it
 * prints keep working across restarts. In production a key must be configured.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv, options: { production: boolean; devSecretFile: string }): AuthConfig {
  const jwt: JwtSettings = {
    secret: env.TUOPIN_JWT_SECRET || null,
    publicKeyFile: env.TUOPIN_JWT_PUBLIC_KEY_FILE || null,
    jwksFile: env.TUOPIN_JWKS_FILE || null,
    issuer: env.TUOPIN_JWT_ISSUER || 'tuopin',
    audience: env.TUOPIN_JWT_AUDIENCE || 'tuopin',
    maxLifetimeSeconds: 3600 * wholeNumber(env.TUOPIN_JWT_MAX_LIFETIME_HOURS, 'TUOPIN_JWT_MAX_LIFETIME_HOURS', DEFAULT_TOKEN_RULES.maxLifetimeSeconds / 3600, 1, 24 * 30),
    clockSkewSeconds: wholeNumber(env.TUOPIN_JWT_CLOCK_SKEW_SECONDS, 'TUOPIN_JWT_CLOCK_SKEW_SECONDS', DEFAULT_TOKEN_RULES.clockSkewSeconds, 0, 300),
  };
  if (jwt.secret || jwt.publicKeyFile || jwt.jwksFile) return { jwt, developmentSecret: false };
  if (options.production) {
    throw new ConfigurationError('production needs a token key: TUOPIN_JWT_SECRET, TUOPIN_JWT_PUBLIC_KEY_FILE or TUOPIN_JWKS_FILE');
  }
  return { jwt: { ...jwt, secret: developmentSecret(options.devSecretFile) }, developmentSecret: true };
}

function developmentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}
