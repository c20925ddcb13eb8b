import type DataLoader from 'dataloader';

/**
 * `loader.loadMany(keys)` that throws instead of returning errors in place. DataLoader's
 * `loadMany` puts an `Error` where a key failed; a caller that reads those as "no such row" turns
 * a database failure into empty data (a lookup answering null while PostgreSQL is down), so
 * every batch read goes through this instead.
 */
export async function loadAll<Key, Value>(loader: DataLoader<Key, Value>, keys: readonly Key[]): Promise<Value[]> {
  const results = await loader.loadMany(keys);
  const failure = results.find((result): result is Error => result instanceof Error);
  if (failure) throw failure;
  return results as Value[];
}
