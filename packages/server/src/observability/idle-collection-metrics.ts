import { Counter, type Registry } from 'prom-client';
import type { IdleCollectionOptions } from '../idle-collection.js';

/**
 * The idle collection as an operator watches it: how often the server collected after load, and
 * how long those collections held the event loop. What they gave back shows in Node's heap metrics
 * (`nodejs_heap_space_size_total_bytes`). Returns the collector's `onCollected` and `onYoungCollected`.
 */
export function registerIdleCollectionMetrics(registry: Registry): Pick<IdleCollectionOptions, 'onCollected' | 'onYoungCollected'> {
  const collections = new Counter({ name: 'tuopin_idle_collections_total', help: 'Full garbage collections run because the server fell idle after load', registers: [registry] });
  const youngCollections = new Counter({
    name: 'tuopin_idle_young_collections_total',
    help: 'Young-generation collections run because the server stayed idle, to give the young generation back',
    registers: [registry],
  });
  const seconds = new Counter({ name: 'tuopin_idle_collection_seconds_total', help: 'Time the idle collections, full and young, held the event loop', registers: [registry] });
  return {
    onCollected: ({ durationMs }) => {
      collections.inc();
      seconds.inc(durationMs / 1000);
    },
    onYoungCollected: ({ durationMs }) => {
      youngCollections.inc();
      seconds.inc(durationMs / 1000);
    },
  };
}
