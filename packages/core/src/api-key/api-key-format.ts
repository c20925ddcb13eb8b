import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Partner API keys look like `tpk_1a2b3c4d5e6f.<43 characters>`. The part before the dot is
 * public (it names the key in lists and logs); the whole key is shown once, at creation, and
 * stored only as a SHA-256 hash. The secret is 256 random bits, so a fast hash is enough: there
 * is nothing to guess from it.
 */
const KEY_PATTERN = /^(tpk_[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  prefix: string;
  key: string;
  hash: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): NewApiKey {
  const prefix = `tpk_${randomBytes(6).toString('hex')}`;
  const key = `${prefix}.${randomBytes(32).toString('base64url')}`;
  return { prefix, key, hash: hashApiKey(key) };
}

/** The public prefix of a presented key, or null when it does not have a key's shape. */
export function prefixOfApiKey(presented: string): string | null {
  return KEY_PATTERN.exec(presented)?.[1] ?? null;
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
