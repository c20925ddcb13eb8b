import { Counter, type Registry } from 'prom-client';
import type { CollectionOccasion, IdleCollectionResult } from '../idle-collection.js';

const OCCASIONS: readonly CollectionOccasion[] = ['idle', 'quiet'];

/**
 * The idle collection as an operator watches it: how often the server collected, after load
 * (`occasion="idle"`) or under a load that leaves the event loop with nothing to do
 * (`occasion="quiet"`, requests in flight), and how long those collections held the event loop.
 * What they gave back shows in Node's heap metrics (`nodejs_heap_space_size_total_bytes`).
 * Returns the collector's `onCollected`.
 */
export function registerIdleCollectionMetrics(registry: Registry): (result: IdleCollectionResult) => void {
  const labelNames = ['occasion'] as const;
  const collections = new Counter({ name: 'tuopin_idle_collections_total', help: 'Full garbage collections run because the server was idle or quiet', labelNames, registers: [registry] });
  const seconds = new Counter({ name: 'tuopin_idle_collection_seconds_total', help: 'Time the idle collections held the event loop', labelNames, registers: [registry] });
  // Both occasions from the start, at 0: a rate over a series that appears later misses its first collections.
  for (const occasion of OCCASIONS) {
    collections.labels({ occasion }).inc(0);
    seconds.labels({ occasion }).inc(0);
  }
  return ({ occasion, durationMs }) => {
    collections.labels({ occasion }).inc();
    seconds.labels({ occasion }).inc(durationMs / 1000);
  };
}
