import type { Principal } from '@tuopin/core';
import type { ApiLimits } from '../deployment-config.js';
import type { CostBudget } from './query-cost.js';
import { createTokenBuckets, type RateDecision, type TokenBuckets } from './rate-limiter.js';

/**
 * What one caller may use of the server: requests, estimated query cost and server time per
 * minute, and requests at once. A caller is the whole principal — id, role, scopes and
 * province — so two tokens that share a `sub` but claim different things do not share a budget,
 * and one cannot spend the other's.
 */
export function principalKey(principal: Principal): string {
  let key = keys.get(principal);
  if (key === undefined) {
    key = JSON.stringify([principal.id, principal.role, [...principal.areaScopes].sort(), principal.provinceCode]);
    keys.set(principal, key);
  }
  return key;
}

/** A verified token's principal is one object for as long as the token is cached: its key is made once. */
const keys = new WeakMap<Principal, string>();

/** A refusal: which limit, its maximum, and when to try again. */
export interface LimitRefusal {
  limit: 'requestsPerMinute' | 'costPerMinute' | 'serverSecondsPerMinute' | 'concurrentRequests';
  maximum: number;
  retryAfterSeconds: number;
  /** The request's own value where it has one (its estimated cost). */
  actual?: number;
}

export interface CallerLimits {
  /** Admits a request (counting it and holding a concurrency slot), or says which limit refuses it. */
  admit(key: string): Admission | { admitted: false; refusal: LimitRefusal };
}

/**
 * An admitted request: it spends its query's estimated cost from the caller's budget, and is
 * `done` when it ends (its server time charged, its concurrency slot given back). One object per
 * request, with methods rather than closures: this is on every request's path.
 */
export class Admission implements CostBudget {
  readonly admitted = true;
  private finished = false;
  private readonly started: number;

  constructor(
    private readonly state: CallerLimitState,
    private readonly key: string,
  ) {
    this.started = state.now();
  }

  spendCost(amount: number): LimitRefusal | null {
    const { limits, cost, refusal } = this.state;
    if (amount > limits.costPerMinute) return { limit: 'costPerMinute', maximum: limits.costPerMinute, retryAfterSeconds: 60, actual: amount };
    const decision = cost.take(this.key, amount);
    return decision.allowed ? null : { ...refusal('costPerMinute', limits.costPerMinute, decision), actual: amount };
  }

  done(): void {
    if (this.finished) return;
    this.finished = true;
    const { serverMs, inFlight, now } = this.state;
    serverMs.charge(this.key, now() - this.started);
    const left = (inFlight.get(this.key) ?? 1) - 1;
    if (left > 0) inFlight.set(this.key, left);
    else inFlight.delete(this.key);
  }
}

/** What the admissions of one server share: the limits, the buckets and the requests in flight per caller. */
interface CallerLimitState {
  readonly limits: ApiLimits;
  readonly now: () => number;
  readonly cost: TokenBuckets;
  readonly serverMs: TokenBuckets;
  readonly inFlight: Map<string, number>;
  refusal(limit: LimitRefusal['limit'], maximum: number, decision: RateDecision): LimitRefusal;
}

export function createCallerLimits(limits: ApiLimits, now: () => number = Date.now): CallerLimits {
  const requests = createTokenBuckets(limits.requestsPerMinute, { now });
  const state: CallerLimitState = {
    limits,
    now,
    cost: createTokenBuckets(limits.costPerMinute, { now }),
    serverMs: createTokenBuckets(limits.serverSecondsPerMinute * 1000, { now }),
    inFlight: new Map<string, number>(),
    refusal: (limit, maximum, decision) => ({ limit, maximum, retryAfterSeconds: decision.retryAfterSeconds }),
  };
  const { serverMs, inFlight, refusal } = state;

  return {
    admit(key) {
      const running = inFlight.get(key) ?? 0;
      if (running >= limits.concurrentRequests) {
        return { admitted: false, refusal: { limit: 'concurrentRequests', maximum: limits.concurrentRequests, retryAfterSeconds: 1 } };
      }
      // Server time is charged after each request; a caller in debt waits until it has refilled.
      const time = serverMs.check(key, 1);
      if (!time.allowed) return { admitted: false, refusal: refusal('serverSecondsPerMinute', limits.serverSecondsPerMinute, time) };
      const count = requests.take(key);
      if (!count.allowed) return { admitted: false, refusal: refusal('requestsPerMinute', limits.requestsPerMinute, count) };
      inFlight.set(key, running + 1);
      return new Admission(state, key);
    },
  };
}

/** The bilingual messages and the details of a refusal (HTTP 429 RATE_LIMITED, with Retry-After). */
export function refusalError(refusal: LimitRefusal): { zh: string; en: string; details: Record<string, unknown> } {
  const { limit, maximum, actual, retryAfterSeconds } = refusal;
  const [zh, en] = {
    requestsPerMinute: [`请求过于频繁，每分钟上限${maximum}次`, `Too many requests: the limit is ${maximum} a minute`],
    costPerMinute: [`查询成本超出每分钟${maximum}的预算（本次${actual}）`, `Query cost over the budget of ${maximum} a minute (this query: ${actual})`],
    serverSecondsPerMinute: [`占用服务器时间超出每分钟${maximum}秒的预算`, `Server time over the budget of ${maximum} seconds a minute`],
    concurrentRequests: [`同时进行的请求不能超过${maximum}个`, `At most ${maximum} requests at once`],
  }[limit];
  return { zh, en, details: { limit, maximum, ...(actual === undefined ? {} : { actual }), retryAfterSeconds } };
}
