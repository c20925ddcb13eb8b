import { Counter, type Registry } from 'prom-client';
import type { IdleCollectionResult } from '../idle-collection.js';

/**
 * The idle collection as an operator watches it: how often the server collected after load, and
 * how long those collections held the event loop. What they gave back shows in Node's heap metrics
 * (`nodejs_heap_space_size_total_bytes`). Returns the collector's `onCollected`.
 */
export function registerIdleCollectionMetrics(registry: Registry): (result: IdleCollectionResult) => void {
  const collections = new Counter({ name: 'tuopin_idle_collections_total', help: 'Full garbage collections run because the server fell idle after load', registers: [registry] });
  const seconds = new Counter({ name: 'tuopin_idle_collection_seconds_total', help: 'Time the idle collections held the event loop', registers: [registry] });
  return ({ durationMs }) => {
    collections.inc();
    seconds.inc(durationMs / 1000);
  };
}
