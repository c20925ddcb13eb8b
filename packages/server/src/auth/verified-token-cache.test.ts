import { describe, expect, it } from 'vitest';
import type { Principal } from '@tuopin/core';
import type { TokenCheck } from './jwt.js';
import { cacheVerifiedTokens } from './verified-token-cache.js';

const principal: Principal = { id: 'user:1', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' };

/** A verifier that accepts tokens starting with "good" and counts how often it was asked. */
function countingVerifier(expiresAt: number | null) {
  const calls: string[] = [];
  const verify = async (token: string): Promise<TokenCheck> => {
    calls.push(token);
    return token.startsWith('good') ? { ok: true, principal, expiresAt } : { ok: false, reason: 'the token signature is not valid' };
  };
  return { calls, verify };
}

describe('cacheVerifiedTokens', () => {
  it('verifies a token once and answers repeats from memory until it expires', async () => {
    let clock = 1_000_000;
    const { calls, verify } = countingVerifier(1_000_000 + 60_000);
    const cached = cacheVerifiedTokens(verify, { now: () => clock });
    expect(await cached('good-a')).toMatchObject({ ok: true, principal });
    expect(await cached('good-a')).toMatchObject({ ok: true, principal });
    expect(calls).toEqual(['good-a']);
    clock += 60_000; // at exp: verified again (and the verifier decides)
    await cached('good-a');
    expect(calls).toEqual(['good-a', 'good-a']);
  });

  it('never caches a failure', async () => {
    const { calls, verify } = countingVerifier(null);
    const cached = cacheVerifiedTokens(verify);
    expect(await cached('bad')).toEqual({ ok: false, reason: 'the token signature is not valid' });
    expect(await cached('bad')).toEqual({ ok: false, reason: 'the token signature is not valid' });
    expect(calls).toEqual(['bad', 'bad']);
  });

  it('keeps a token without exp no longer than maxAgeMs, and at most maxEntries tokens', async () => {
    let clock = 0;
    const { calls, verify } = countingVerifier(null);
    const cached = cacheVerifiedTokens(verify, { now: () => clock, maxAgeMs: 1_000, maxEntries: 2 });
    await cached('good-1');
    await cached('good-2');
    await cached('good-3'); // evicts good-1
    await cached('good-2');
    await cached('good-1');
    expect(calls).toEqual(['good-1', 'good-2', 'good-3', 'good-1']);
    clock = 1_000; // good-3, still held, has reached maxAgeMs
    await cached('good-3');
    expect(calls.at(-1)).toBe('good-3');
  });
});
