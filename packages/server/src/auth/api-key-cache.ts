import type { ApiKeyCheck } from '@tuopin/core';

type Verified = ApiKeyCheck & { ok: true };

/**
 * Partner keys already verified, so that a partner sending the same key with every request costs
 * no SQL statement for it (it cost one per request before). An entry lives at most `maxAgeMs`;
 * a revocation removes it at once (`revoke`, fed by LISTEN/NOTIFY and by this process's own
 * revocations).
 *
 * The cache is used only while the revocation listener is connected (`resume`): while it is not,
 * a notification could be missed, so every request checks the database (`suspend` empties the
 * cache and bypasses it). A check that was running when a revocation or a suspension arrived is
 * not kept, since its row may predate the revocation. Failures are never kept: a bad key always
 * gets its reason from the database.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { check: Verified; prefix: string; validUntil: number }>();
  private live = false;
  /** Bumped by every revocation, suspension and resumption: a check started before one is not kept. */
  private generation = 0;
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: { maxAgeMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** True while revocations reach this cache, i.e. while it may answer. */
  get isLive(): boolean {
    return this.live;
  }

  /** The cached answer for `presented`, or `verify`'s, kept when it is a success and nothing intervened. */
  async check(presented: string, prefix: string, verify: () => Promise<ApiKeyCheck>): Promise<ApiKeyCheck> {
    if (this.live) {
      const cached = this.entries.get(presented);
      if (cached && this.now() < cached.validUntil) return cached.check;
      if (cached) this.entries.delete(presented);
    }
    const generation = this.generation;
    const check = await verify();
    if (check.ok && this.live && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(presented, { check, prefix, validUntil: this.now() + this.maxAgeMs });
    }
    return check;
  }

  /** Forgets the key with this prefix (a revocation). */
  revoke(prefix: string): void {
    this.generation++;
    for (const [presented, entry] of this.entries) {
      if (entry.prefix === prefix) this.entries.delete(presented);
    }
  }

  /** Revocations may be missed from now on: forget everything and answer from the database only. */
  suspend(): void {
    this.generation++;
    this.live = false;
    this.entries.clear();
  }

  /** Revocations arrive again. Anything cached before may have been revoked in the gap, so start empty. */
  resume(): void {
    this.generation++;
    this.entries.clear();
    this.live = true;
  }
}
