/**
 * A column matched against a batch's keys (a dataloader's): `column = ?` for one key, `column =
 * any(?)` for several, the keys bound as one array; with `type`, the parameter is cast (`?::int`,
 * `?::int[]`). Two statement texts, whatever the number of keys.
 *
 * Why one key is not an array of one: PostgreSQL plans a prepared statement with an array
 * parameter again on every call. Its generic plan assumes ten elements, so the plan for the values
 * at hand always looks cheaper and the generic one is never kept (pg_prepared_statements: 0
 * generic plans of 50). `= $1` keeps its generic plan from the sixth call on. A lookup by id went
 * from 0.20 to 0.10 ms a round trip, and PostgreSQL's CPU for the bench's lookup by id (Q6a) from
 * 100 to 70 µs a request. Most batches are of one key: a `node` lookup, an object's parent. A
 * batch of several keys still plans per call, once for all of them.
 */
export function keyMatch(column: string, keys: readonly unknown[], type?: string): { sql: string; params: unknown[] } {
  if (keys.length === 1) return { sql: `${column} = ?${type ? `::${type}` : ''}`, params: [keys[0]] };
  return { sql: `${column} = any(?${type ? `::${type}[]` : ''})`, params: [keys] };
}
