/**
 * Per-principal rate limiting: a token bucket per caller that refills at `perMinute` a minute and
 * holds at most `perMinute` tokens, so short bursts pass and sustained floods are refused. Kept
 * in memory: each server process limits what it serves.
 */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until a request would be allowed again. */
  retryAfterSeconds: number;
}

export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return (key: string): RateDecision => {
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: time };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * refillPerMs);
    bucket.at = time;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / refillPerMs / 1000) };
  };
}
