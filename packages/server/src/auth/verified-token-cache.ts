import type { JwtVerifier, TokenCheck } from './jwt.js';

/**
 * Remembers tokens already verified, so that a client sending the same token with every request
 * pays for the signature check once, not per request (HMAC through WebCrypto and jose's claim
 * checks were a fifth of the CPU of a small request; test/bench Q6b profile).
 *
 * Only successes are kept, keyed by the whole token: the same bytes verified again would give
 * the same answer until the token expires, and an entry is never used past its `exp` nor longer
 * than `maxAgeMs` (tokens without `exp`). Failures are not cached, so a bad token always gets
 * its reason. Bounded: past `maxEntries` the oldest entry is dropped.
 */
export function cacheVerifiedTokens(
  verify: JwtVerifier,
  options: { maxEntries?: number; maxAgeMs?: number; now?: () => number } = {},
): JwtVerifier {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, { check: TokenCheck & { ok: true }; validUntil: number }>();

  return async (token) => {
    const cached = verified.get(token);
    if (cached) {
      if (now() < cached.validUntil) return cached.check;
      verified.delete(token);
    }
    const check = await verify(token);
    if (check.ok) {
      const validUntil = Math.min(check.expiresAt ?? Number.POSITIVE_INFINITY, now() + maxAgeMs);
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
      verified.set(token, { check, validUntil });
    }
    return check;
  };
}
