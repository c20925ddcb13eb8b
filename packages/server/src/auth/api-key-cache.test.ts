import type { ApiKeyCheck } from '@tuopin/core';
import { describe, expect, it } from 'vitest';
import { ApiKeyCache } from './api-key-cache.js';

const OK: ApiKeyCheck = { ok: true, principal: { id: 'apikey:tpk_000000000001', role: 'NGO_PARTNER', areaScopes: ['433125'], provinceCode: '430000000000' } };
const KEY = 'tpk_000000000001.secret';
const PREFIX = 'tpk_000000000001';

function counting(answer: ApiKeyCheck = OK) {
  const verify = async () => {
    verify.calls++;
    return answer;
  };
  verify.calls = 0;
  return verify;
}

describe('ApiKeyCache', () => {
  it('answers from memory only while live, and not past its age', async () => {
    let now = 0;
    const cache = new ApiKeyCache({ maxAgeMs: 60_000, now: () => now });
    const verify = counting();
    await cache.check(KEY, PREFIX, verify);
    await cache.check(KEY, PREFIX, verify);
    expect(verify.calls).toBe(2); // not live yet: the listener has not confirmed LISTEN
    cache.resume();
    await cache.check(KEY, PREFIX, verify);
    await cache.check(KEY, PREFIX, verify);
    expect(verify.calls).toBe(3);
    now = 60_000;
    await cache.check(KEY, PREFIX, verify);
    expect(verify.calls).toBe(4);
  });

  it('forgets a revoked key, and everything when suspended', async () => {
    const cache = new ApiKeyCache();
    cache.resume();
    const verify = counting();
    await cache.check(KEY, PREFIX, verify);
    cache.revoke(PREFIX);
    await cache.check(KEY, PREFIX, verify);
    expect(verify.calls).toBe(2);
    cache.suspend();
    await cache.check(KEY, PREFIX, verify);
    await cache.check(KEY, PREFIX, verify);
    expect(verify.calls).toBe(4);
  });

  it('does not keep a check that was in flight when a revocation arrived', async () => {
    const cache = new ApiKeyCache();
    cache.resume();
    let release!: () => void;
    const slow = () => new Promise<ApiKeyCheck>((resolve) => (release = () => resolve(OK)));
    const pending = cache.check(KEY, PREFIX, slow);
    cache.revoke(PREFIX); // committed while the row was being read
    release();
    await pending;
    const verify = counting();
    await cache.check(KEY, PREFIX, verify);
    expect(verify.calls).toBe(1);
  });

  it('never keeps failures', async () => {
    const cache = new ApiKeyCache();
    cache.resume();
    const verify = counting({ ok: false, reason: 'revoked' });
    await cache.check(KEY, PREFIX, verify);
    await cache.check(KEY, PREFIX, verify);
    expect(verify.calls).toBe(2);
  });
});
