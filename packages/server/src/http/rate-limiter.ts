/**
 * Token buckets, one per key: each holds at most `capacity` and refills at `perMinute` a minute,
 * so short bursts pass and sustained use is held to the rate. A request takes what it costs
 * before it runs (`take`), or is charged afterwards for what it turned out to cost (`charge`,
 * which may leave the bucket in debt until it refills). Kept in memory: each server process
 * limits what it serves.
 */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the amount asked would be allowed again. */
  retryAfterSeconds: number;
}

export interface TokenBuckets {
  /** Takes `amount` if the bucket holds it; otherwise takes nothing. */
  take(key: string, amount?: number): RateDecision;
  /** Charges `amount` after the fact; the bucket may go below zero. */
  charge(key: string, amount: number): void;
  /** Whether the bucket holds at least `amount` now, without taking it (nor keeping a bucket for a new key). */
  check(key: string, amount?: number): RateDecision;
  /** How many buckets are held. */
  readonly size: number;
}

/** Keys beyond which buckets that have refilled completely are forgotten. */
const PRUNE_ABOVE = 10_000;

export function createTokenBuckets(perMinute: number, options: { capacity?: number; now?: () => number } = {}): TokenBuckets {
  const capacity = options.capacity ?? perMinute;
  const now = options.now ?? Date.now;
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  // Pruning walks every bucket: when most are still refilling (many keys in use at once), the next
  // walk waits until the map has doubled, so that each new key does not pay for a walk of its own.
  let pruneAt = PRUNE_ABOVE;

  const current = (key: string) => {
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
    bucket.tokens = Math.min(capacity, bucket.tokens + (time - bucket.at) * refillPerMs);
    bucket.at = time;
    if (!buckets.has(key)) {
      if (buckets.size >= pruneAt) prune(time);
      buckets.set(key, bucket);
    }
    return bucket;
  };
  const prune = (time: number) => {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (time - bucket.at) * refillPerMs >= capacity) buckets.delete(key);
    }
    pruneAt = Math.max(PRUNE_ABOVE, 2 * buckets.size);
  };
  const decide = (tokens: number, amount: number): RateDecision =>
    tokens >= amount ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((amount - tokens) / refillPerMs / 1000)) };

  return {
    take(key, amount = 1) {
      const bucket = current(key);
      const decision = decide(bucket.tokens, amount);
      if (decision.allowed) bucket.tokens -= amount;
      return decision;
    },
    charge(key, amount) {
      current(key).tokens -= amount;
    },
    check(key, amount = 1) {
      // A key without a bucket has a full one: asking must not store it (every request's address is asked).
      return decide(buckets.has(key) ? current(key).tokens : capacity, amount);
    },
    get size() {
      return buckets.size;
    },
  };
}
