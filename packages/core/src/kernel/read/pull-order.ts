import { ValidationError } from '../errors.js';
import { isDatabaseId } from '../global-id.js';
import type { SortKey } from '../keyset-connection.js';

/**
 * Two orders for lists partners pull. Without `updatedAfter`, rows come by (code, id): the order
 * of the area index. With it, by (updated_at, id), so that a partner pulling "what changed since
 * my last pull" pages through the changes in a stable order, with no duplicates or gaps between
 * pages, and can resume from the last cursor.
 *
 * Caveat for partners: `updated_at` is stamped when a transaction writes the row, and
 * transactions commit in their own order. A change stamped 12:00:00.100 may commit after one
 * stamped 12:00:00.200 has been pulled, and a pull that starts after the later one would miss it
 * if it asked only for `updatedAfter: 12:00:00.200`. The stamp is written as the last statement
 * of each write, which keeps the window to milliseconds, but it is not zero. Partners should
 * overlap their pulls — ask for `updatedAfter` a few minutes before the newest `updatedAt` they
 * hold — and deduplicate by id; the rows are idempotent to apply.
 */

export type PullOrder = 'code' | 'updated';

/** A row's sort key in the given order. */
export function pullKey(order: PullOrder, code: string, updatedAt: Date, id: number): SortKey {
  return order === 'updated' ? [updatedAt.toISOString(), id] : [code, id];
}

/** Checks that a decoded cursor belongs to the order in use (cursors of the other order are refused). */
export function checkPullCursor(order: PullOrder, key: SortKey | null, field: string): [string, number] | null {
  if (key === null) return null;
  const [first, id] = key;
  const valid =
    typeof id === 'number' &&
    isDatabaseId(String(id)) &&
    typeof first === 'string' &&
    (order === 'updated' ? !Number.isNaN(Date.parse(first)) && first.includes('T') : /^\d{12}$/.test(first));
  if (!valid) {
    throw ValidationError.of(field, '分页游标与当前排序不符（是否增减了 updatedAfter？）', 'The cursor belongs to another ordering (was updatedAfter added or removed?)');
  }
  return [first, id];
}

/** SQL for the keyset bound of a page, `(col, id) > (?, ?)` or `<`, with its parameters. */
export function keysetBound(order: PullOrder, alias: string, codeColumn: string, key: [string, number], op: '>' | '<') {
  const column = order === 'updated' ? `${alias}.updated_at` : `${alias}.${codeColumn}`;
  const cast = order === 'updated' ? '::timestamptz' : '';
  return { sql: `(${column}, ${alias}.id) ${op} (?${cast}, ?)`, params: [key[0], key[1]] as unknown[] };
}
